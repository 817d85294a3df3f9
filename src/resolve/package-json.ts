/**
 * package.json files as layermap's own resolution steps read them — the module format of a file
 * (`type`), whether a package refers to itself (`name`, `exports`), what a local package's
 * manifest asks of a resolver — each read and parsed once per run.
 *
 * Read as Node reads them (strict JSON). One Node cannot read is "broken": TypeScript reads such
 * a file as best it can and resolves through what it recovers, so a resolution that depends on one
 * is left to TypeScript (and the map reports the file as a `package-json-error`).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FileSystem } from "./file-system.js";

export type Manifest = Readonly<Record<string, unknown>>;

/** A package.json: its folder and content, or "broken". */
type PackageScope = { folder: string; manifest: Manifest } | "broken";

export interface PackageJsons {
  /** The package.json in `folder`: absent (undefined), broken, or its content. */
  at(folder: string): PackageScope | undefined;
  /** The nearest package.json at or above `folder` (TypeScript's and Node's package scope). */
  scopeOf(folder: string): PackageScope | undefined;
}

export function packageJsons(fs: FileSystem): PackageJsons {
  const read = new Map<string, PackageScope | undefined>();
  const scopes = new Map<string, PackageScope | undefined>();
  const at = (folder: string): PackageScope | undefined => {
    if (read.has(folder)) return read.get(folder);
    const path = join(folder, "package.json");
    const scope = fs.fileExists(path) ? parseManifest(folder, path) : undefined;
    read.set(folder, scope);
    return scope;
  };
  const scopeOf = (folder: string): PackageScope | undefined => {
    if (scopes.has(folder)) return scopes.get(folder);
    const parent = dirname(folder);
    const scope = at(folder) ?? (parent === folder ? undefined : scopeOf(parent));
    scopes.set(folder, scope);
    return scope;
  };
  return { at, scopeOf };
}

function parseManifest(folder: string, path: string): PackageScope {
  try {
    let text = readFileSync(path, "utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? { folder, manifest: value as Manifest } : "broken";
  } catch {
    return "broken";
  }
}
