/** Facts about a module specifier as written, before any resolution. */
import { isBuiltin } from "node:module";

export function isRelativeOrAbsolute(specifier: string): boolean {
  return (
    specifier.startsWith("./") ||
    specifier.startsWith("../") ||
    specifier === "." ||
    specifier === ".." ||
    specifier.startsWith("/") ||
    /^[A-Za-z]:[\\/]/.test(specifier)
  );
}

/** `fs`, `fs/promises` and `node:fs` are builtins; `node:` ids are what the map shows. */
export function builtinId(specifier: string): string | undefined {
  if (specifier.startsWith("node:")) return specifier;
  return isBuiltin(specifier) ? `node:${specifier}` : undefined;
}

/** `@scope/pkg/sub/path` → `@scope/pkg`; `pkg/sub` → `pkg`; undefined when not a bare name. */
export function packageNameOf(specifier: string): string | undefined {
  if (isRelativeOrAbsolute(specifier) || specifier.startsWith("#") || specifier.includes(":")) return undefined;
  const parts = specifier.split("/");
  if (specifier.startsWith("@")) {
    const [scope = "", name = ""] = parts;
    return scope.length > 1 && name.length > 0 ? `${scope}/${name}` : undefined;
  }
  return parts[0] || undefined;
}

/** The package a file inside `node_modules` belongs to: the path after the last node_modules/. */
export function packageNameOfPath(path: string): string | undefined {
  const marker = "/node_modules/";
  const index = path.lastIndexOf(marker);
  if (index === -1) return undefined;
  return packageNameOf(path.slice(index + marker.length));
}

/** A single-file component (`.vue`, `.svelte`, `.astro`): an ES module whatever its package scope says, compiled by a bundler plugin. */
export function isComponentFile(path: string): boolean {
  return /\.(?:vue|svelte|astro)$/.test(path);
}
