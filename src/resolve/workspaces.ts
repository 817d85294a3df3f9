/**
 * The packages of an npm/yarn workspace (`workspaces` in the root package.json). Installing links
 * each into `node_modules/<name>`; before install (a fresh clone, CI mapping before `npm ci`) the
 * links are missing, and an import of a sibling package would wrongly look external. Resolving
 * through `withWorkspaceLinks` sees the tree as it will be once installed.
 */
import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fdir } from "fdir";
import { globMatcher } from "../config/glob-matcher.js";
import { globProblem } from "../config/glob-problem.js";

/** Package name → absolute folder. */
export function findWorkspacePackages(root: string): Map<string, string> {
  const packages = new Map<string, string>();
  const patterns = workspacePatterns(readJson(join(root, "package.json")));
  if (patterns.length === 0) return packages;
  // The patterns come from the analysed repository: matched in linear time, and one that could
  // take exponential time (or is not a glob at all) is passed over, as npm would fail on it anyway.
  const usable = patterns.map((pattern) => pattern.replace(/\/+$/, "")).filter((pattern) => pattern !== "" && globProblem(pattern) === undefined);
  if (usable.length === 0) return packages;
  const matches = globMatcher(usable);
  // `packages/*` names folders two levels down (fdir's depth 1): the walk need not go deeper than
  // the deepest pattern (a package's own src/ and dist/ can hold thousands of folders), unless
  // one has `**`.
  const depth = usable.some((pattern) => pattern.includes("**")) ? 6 : Math.min(6, Math.max(...usable.map((pattern) => pattern.split("/").length)) - 1);
  const folders = new fdir()
    .onlyDirs()
    .withRelativePaths()
    .withMaxDepth(depth)
    .exclude((name) => name === "node_modules" || name.startsWith("."))
    .crawl(root)
    .sync();
  for (const folder of folders.map((path) => path.replace(/[\\/]+$/, "").split(sep).join("/")).sort()) {
    if (folder === "" || folder === "." || !matches(folder)) continue;
    const name = readJson(join(root, folder, "package.json"))?.["name"];
    if (typeof name === "string" && !packages.has(name)) packages.set(name, join(root, folder));
  }
  return packages;
}

function workspacePatterns(manifest: Record<string, unknown> | undefined): string[] {
  const workspaces = manifest?.["workspaces"];
  const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // absent or broken: the workspace is simply not known
  }
}

/** The part of a module-resolution host that sees the file system (TypeScript's `ModuleResolutionHost`). */
interface FileHost {
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  readFile(path: string): string | undefined;
  realpath(path: string): string;
}

/**
 * A host on which `<root>/node_modules/<name>` is the workspace package's folder, as after install.
 * A path is redirected by the one or two names after `node_modules/` (`@scope/name`), looked up
 * in a table made once: resolution asks the host about thousands of paths.
 */
export function withWorkspaceLinks<Host extends FileHost>(host: Host, root: string, packages: ReadonlyMap<string, string>): Host {
  const nodeModules = join(root, "node_modules") + sep;
  const scopes = new Set([join(root, "node_modules"), ...[...packages.keys()].filter((name) => name.startsWith("@")).map((name) => join(root, "node_modules", name.split("/")[0]!))]);
  const redirect = (path: string): string => {
    if (!path.startsWith(nodeModules)) return path;
    const parts = path.slice(nodeModules.length).split(sep);
    const name = parts.slice(0, parts[0]?.startsWith("@") === true ? 2 : 1).join("/");
    const folder = packages.get(name);
    return folder === undefined ? path : folder + path.slice(nodeModules.length + name.length);
  };
  return {
    ...host,
    fileExists: (path) => host.fileExists(redirect(path)),
    directoryExists: (path) => scopes.has(path) || host.directoryExists(redirect(path)),
    readFile: (path) => host.readFile(redirect(path)),
    realpath: (path) => host.realpath(redirect(path)),
  };
}
