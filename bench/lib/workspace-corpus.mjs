/**
 * A workspace monorepo assembled from npm packs (corpora.mjs's `members`), as its own repository
 * would look before a build: packages/<dir>/ holding each package's TypeScript sources and its
 * package.json, a root package.json whose "workspaces" lists them, and node_modules/<name> links
 * to the packages, as `npm install` creates them. Only the npm registry is needed.
 *
 * A published package.json points its "exports", "main" and "types" at build output (dist/,
 * _esm/, esm/, …), which is not kept: each such target is rewritten to the source file it was
 * built from, as the packages' own repositories point them at src/ (Effect's packages say
 * `".": "./src/index.ts", "./*": "./src/*.ts"`). Condition objects keep their shape; a target
 * whose source is not in the pack is left as it was (it then resolves for no tool).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Folders of build output inside a pack: never kept, and stripped to find a target's source. */
const BUILD_PREFIXES = ["dist/dts/", "dist/esm/", "dist/cjs/", "dist/types/", "dist/", "_types/", "_esm/", "_cjs/", "lib/esm/", "lib/cjs/", "lib/", "esm/", "build/"];
const BUILD_FOLDERS = new Set(BUILD_PREFIXES.map((prefix) => prefix.split("/")[0]));
const TYPESCRIPT = /\.(?:tsx?|mts|cts)$/;
const DECLARATION = /\.d\.[mc]?ts$/;
const CODE = /\.(?:[mc]?[jt]sx?)$/;
const SOURCE_ENDINGS = [".ts", ".tsx", ".mts", ".cts", "/index.ts", "/index.tsx"];

/** The folder under packages/ of a package name: "@effect/sql-pg" → "effect-sql-pg". */
export function memberDir(name) {
  return name.replace(/^@/, "").replace("/", "-");
}

/**
 * Whether a file of the pack (path relative to the package) is kept: the package.json, and source
 * code — anything under src/, TypeScript (not declarations) elsewhere — outside build folders.
 */
export function keepsFile(rel) {
  if (rel === "package.json") return true;
  const parts = rel.split("/");
  if (parts.includes("node_modules") || BUILD_FOLDERS.has(parts[0])) return false;
  if (DECLARATION.test(rel)) return false;
  return (parts[0] === "src" && CODE.test(rel)) || TYPESCRIPT.test(rel);
}

/**
 * The source file a build-output target was made from, as a "./…" path, or null.
 * `exists(rel)` tells whether a kept file exists; a target holding `*` (a subpath pattern) is
 * mapped by shape alone.
 */
export function sourceTarget(target, exists) {
  if (typeof target !== "string" || !target.startsWith("./")) return null;
  let rest = target.slice(2);
  if (rest === "package.json") return null;
  // Already a kept file (a package whose exports name its sources, as wa-sqlite's do).
  if (exists(rest)) return target;
  rest = rest.replace(/\.d\.[mc]?ts$|\.[mc]?jsx?$|\.[mc]?tsx?$/, "");
  const prefix = BUILD_PREFIXES.find((p) => rest.startsWith(p));
  if (rest.includes("*")) {
    if (!prefix) return target; // a pattern over the sources themselves
    rest = rest.slice(prefix.length);
    return `./${exists("src") ? "src/" : ""}${rest}.ts`;
  }
  if (prefix) rest = rest.slice(prefix.length);
  const candidates = ["src/" + rest, rest].flatMap((stem) => SOURCE_ENDINGS.map((ending) => stem + ending));
  const found = candidates.find(exists);
  return found ? `./${found}` : null;
}

/**
 * Rewrite a manifest's entry points to sources. Returns the new manifest and counts:
 * rewritten targets, and build targets that have no source (left as they were).
 */
export function rewriteManifest(manifest, exists) {
  const counts = { rewritten: 0, unmapped: 0 };
  const mapLeaf = (target) => {
    if (typeof target !== "string" || target === "./package.json") return target;
    const source = sourceTarget(target, exists);
    if (source === null) {
      counts.unmapped++;
      return target;
    }
    if (source !== target) counts.rewritten++;
    return source;
  };
  const mapTree = (node) => {
    if (typeof node === "string") return mapLeaf(node);
    if (Array.isArray(node)) return node.map(mapTree);
    if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, mapTree(value)]));
    return node; // null: a subpath the package hides
  };
  const out = { ...manifest };
  for (const field of ["exports", "imports"]) if (out[field] !== undefined) out[field] = mapTree(out[field]);
  for (const field of ["main", "module", "types", "typings"]) {
    if (typeof out[field] === "string") out[field] = mapLeaf(out[field].startsWith("./") ? out[field] : `./${out[field]}`);
  }
  if (typeof out.browser === "string") out.browser = mapLeaf(out.browser.startsWith("./") ? out.browser : `./${out.browser}`);
  return { manifest: out, counts };
}

/**
 * Assemble the workspace into `dest` (a fresh folder). `pack(spec)` returns a tarball's path.
 * Returns per-member counts: { name, version, dir, files, rewritten, unmapped }.
 */
export function assembleWorkspace(corpus, dest, pack) {
  const unpackDir = path.join(dest, ".unpack");
  const members = [];
  for (const spec of corpus.members) {
    const at = spec.lastIndexOf("@");
    const name = spec.slice(0, at);
    const version = spec.slice(at + 1);
    const dir = memberDir(name);
    const raw = path.join(unpackDir, dir);
    fs.mkdirSync(raw, { recursive: true });
    execFileSync("tar", ["-xzf", pack(spec), "-C", raw, "--strip-components=1"], { stdio: "inherit" });
    const target = path.join(dest, "packages", dir);
    const kept = new Set();
    for (const entry of fs.readdirSync(raw, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const rel = path.relative(raw, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
      if (!keepsFile(rel) || rel === "package.json") continue;
      kept.add(rel);
      fs.mkdirSync(path.join(target, path.dirname(rel)), { recursive: true });
      fs.copyFileSync(path.join(raw, rel), path.join(target, rel));
    }
    const folders = new Set([...kept].flatMap((rel) => rel.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
    const exists = (rel) => kept.has(rel) || folders.has(rel);
    const manifest = JSON.parse(fs.readFileSync(path.join(raw, "package.json"), "utf8"));
    if (manifest.name !== name || manifest.version !== version) throw new Error(`${spec}: the pack holds ${manifest.name}@${manifest.version}`);
    const rewritten = rewriteManifest(manifest, exists);
    fs.writeFileSync(path.join(target, "package.json"), JSON.stringify(rewritten.manifest, null, 2) + "\n");
    // What npm install links: node_modules/<name> → the package's folder, relative.
    const link = path.join(dest, "node_modules", ...name.split("/"));
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.relative(path.dirname(link), target), link, "dir");
    members.push({ name, version, dir, files: [...kept].filter((rel) => CODE.test(rel)).length, ...rewritten.counts });
  }
  fs.rmSync(unpackDir, { recursive: true, force: true });
  const root = { name: corpus.name, private: true, description: corpus.notes, workspaces: ["packages/*"] };
  fs.writeFileSync(path.join(dest, "package.json"), JSON.stringify(root, null, 2) + "\n");
  return members;
}
