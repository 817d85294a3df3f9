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
import type { CachedHost } from "./cached-host.js";

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
  const folders = new fdir()
    .onlyDirs()
    .withRelativePaths()
    .withMaxDepth(6)
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

/** A host on which `<root>/node_modules/<name>` is the workspace package's folder, as after install. */
export function withWorkspaceLinks(host: CachedHost, root: string, packages: ReadonlyMap<string, string>): CachedHost {
  const nodeModules = join(root, "node_modules");
  const links = [...packages].map(([name, folder]) => ({ link: join(nodeModules, ...name.split("/")), folder }));
  const scopes = new Set([nodeModules, ...links.map(({ link }) => join(link, ".."))]);
  const redirect = (path: string): string => {
    for (const { link, folder } of links) {
      if (path === link || path.startsWith(link + sep)) return folder + path.slice(link.length);
    }
    return path;
  };
  return {
    ...host,
    fileExists: (path) => host.fileExists(redirect(path)),
    directoryExists: (path) => scopes.has(path) || host.directoryExists(redirect(path)),
    readFile: (path) => host.readFile(redirect(path)),
    realpath: (path) => host.realpath(redirect(path)),
  };
}
