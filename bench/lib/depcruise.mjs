/**
 * Runs dependency-cruiser (bench's own pinned install) on a mapped root and reduces its JSON
 * output to a view (see edges.mjs).
 *
 * Invocation:
 *   depcruise --no-config|--config <abs> --ts-pre-compilation-deps --output-type json
 *             --do-not-follow '^\.\./|(^|/)node_modules/' [--ts-config <abs>] --output-to <file> .
 * run with the mapped root as cwd, so that:
 *   - `.` is exactly the mapped root and printed paths are relative to it (still normalised
 *     below, so the cwd could change);
 *   - --ts-pre-compilation-deps keeps imports TypeScript would erase (type-only, unused), as
 *     layermap does;
 *   - --do-not-follow stops depcruise from cruising into files outside the root that an import
 *     resolves to: bare specifiers resolve by walking up to any node_modules above the corpus
 *     (bench/node_modules, the repository's node_modules), and `../` imports may leave the root.
 *     Such modules are still listed, as leaves, and dropped here;
 *   - --config replaces --no-config on a corpus that needs package.json "exports" followed
 *     (corpora.mjs's depcruiseConfig): depcruise ignores "exports" unless configured, and its
 *     `--init` writes that configuration for such projects (configs/depcruise-exports.json).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { benchDir } from "../corpora.mjs";
import { edgeKey, toRootRelative } from "./edges.mjs";

/** bench's own dependency-cruiser (its package.json is not in its "exports", so no require.resolve). */
const packageDir = path.join(benchDir, "node_modules", "dependency-cruiser");

function packageJson() {
  const file = path.join(packageDir, "package.json");
  if (!fs.existsSync(file)) throw new Error(`${packageDir} is missing: run npm ci in bench/`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** Absolute path of the depcruise bin script. */
function depcruiseBin() {
  return path.join(packageDir, packageJson().bin.depcruise);
}

/** The version of bench's dependency-cruiser. */
export function depcruiseVersion() {
  return packageJson().version;
}

/**
 * The one depcruise command line (node runs it), shared by the accuracy comparison and the
 * benchmark so both measure the same run.
 */
export function depcruiseArgs({ tsconfig, outFile, config = null }) {
  return [
    depcruiseBin(),
    ...(config ? ["--config", config] : ["--no-config"]),
    "--ts-pre-compilation-deps",
    "--output-type", "json",
    "--do-not-follow", "^\\.\\./|(^|/)node_modules/",
    ...(tsconfig ? ["--ts-config", tsconfig] : []),
    "--output-to", outFile,
    ".",
  ];
}

/**
 * Run depcruise on `root` and write its raw JSON to `outFile`.
 * @returns {{ doc: object, ms: number }}
 * @throws when depcruise exits non-zero or writes no JSON
 */
export function runDepcruise({ root, tsconfig, outFile, config = null }) {
  const args = depcruiseArgs({ tsconfig, outFile, config });
  fs.rmSync(outFile, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - started;
  if (run.error) throw run.error;
  if (run.status !== 0 || !fs.existsSync(outFile)) {
    throw new Error(`depcruise exited with ${run.status ?? run.signal}\n${run.stderr}${run.stdout}`);
  }
  return { doc: JSON.parse(fs.readFileSync(outFile, "utf8")), ms };
}

/**
 * Reduce a depcruise JSON document to a view. `cwd` is the folder depcruise ran in.
 *
 * files       every cruised module that is a file inside the root
 * edges       detail = { specifiers: string[], types: string[] } (depcruise gives no line numbers)
 * resolutions Map "from\u0000specifier" → what depcruise made of that import: the root-relative
 *             path, or "core module", "unresolved", "outside root: <path>"; used to explain the
 *             edges only layermap found
 */
export function depcruiseView(doc, root, cwd = root) {
  const files = new Set();
  const edges = new Map();
  const resolutions = new Map();
  for (const mod of doc.modules) {
    if (mod.coreModule || mod.couldNotResolve) continue;
    const from = toRootRelative(root, cwd, mod.source);
    if (from === null || !fs.existsSync(path.join(root, from))) continue;
    files.add(from);
    for (const dep of mod.dependencies) {
      const to = dep.coreModule || dep.couldNotResolve ? null : toRootRelative(root, cwd, dep.resolved);
      resolutions.set(edgeKey(from, dep.module), describeResolution(dep, to));
      if (to === null) continue;
      const key = edgeKey(from, to);
      const edge = edges.get(key) ?? { from, to, detail: { specifiers: [], types: [] } };
      edge.detail.specifiers.push(dep.module);
      for (const type of dep.dependencyTypes) {
        if (!edge.detail.types.includes(type)) edge.detail.types.push(type);
      }
      edges.set(key, edge);
    }
  }
  return { files, edges, resolutions };
}

function describeResolution(dep, to) {
  if (dep.coreModule) return "core module";
  if (dep.couldNotResolve) return "unresolved";
  if (to === null) return `outside root: ${dep.resolved}`;
  return to;
}
