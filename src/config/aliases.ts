/**
 * The config's `aliases`: what a bundler config (vite.config.ts, webpack.config.js, nuxt.config.ts,
 * which layermap never runs) says a specifier means, written where layermap can read it:
 * `{ "@": "src", "~icons/*": false }`. A key is an exact name that also matches as a prefix up to a
 * `/` (`@` matches `@` and `@/x`, never `@scope/pkg`: Vite's and webpack's rule), or a prefix
 * followed by `*` (`~icons/*` matches `~icons/x`, not `~icons`; `virtual:*` matches
 * `virtual:pwa-register`). A target is a folder or file relative to the root, or `false`: a module
 * no file holds (a virtual module), mapped as external.
 *
 * Every key and target comes from the analysed repository: each is checked here, once, so that the
 * resolver can join a target to the root without a second thought.
 */
import { posix } from "node:path";

export interface Alias {
  /** The key as written. */
  key: string;
  /**
   * What a specifier must equal or start with followed by `/` (the key), or, for a key ending in
   * `*`, start with and go on after (the key without its `*`).
   */
  prefix: string;
  /** Written `prefix*`: matches only what goes on after the prefix, never the prefix alone. */
  glob: boolean;
  /** A normalised POSIX path relative to the root ("" is the root itself), or false: external. */
  target: string | false;
}

/** Why a key cannot be an alias, or undefined when it can. */
export function aliasKeyProblem(key: string): string | undefined {
  if (key === "") return "an empty key matches nothing: write the name the code imports (\"@\", \"~\", \"$lib\")";
  if (key.includes("\\")) return "a \\ is not a separator in a specifier: write /";
  if (/^\.\.?(?:$|\/)/.test(key) || key.startsWith("/") || /^[A-Za-z]:/.test(key)) return "a relative or absolute path is not an alias: it already resolves as a path";
  const glob = key.endsWith("*");
  const prefix = glob ? key.slice(0, -1) : key;
  if (prefix.includes("*")) return 'only a trailing "*" is a wildcard in a key';
  if (prefix === "") return "a key of a * alone would take every import: write the prefix the code imports (\"@/*\")";
  if (!glob && prefix.endsWith("/")) return `write "${prefix.slice(0, -1)}" (it matches "${prefix}x" too) or "${prefix}*", without the trailing "/"`;
  return undefined;
}

/** Why a target cannot be one, or undefined when it can. */
export function aliasTargetProblem(key: string, target: string): string | undefined {
  if (target === "") return "an empty target: name a folder or file relative to the root, or false for a module no file holds";
  if (target.includes("\\")) return "a \\ is not a separator here: write /";
  if (target.startsWith("/") || /^[A-Za-z]:/.test(target)) return `"${target}" is absolute: write it relative to the root (the config is read on other machines too)`;
  const folder = target.endsWith("/*") ? target.slice(0, -2) : target;
  if (folder.includes("*")) return 'only a trailing "/*" is a wildcard in a target';
  if (target.endsWith("/*") && !key.endsWith("*")) return `a target ending in "/*" needs a key ending in "*" ("${key}/*")`;
  const normal = posix.normalize(folder === "" ? "." : folder);
  if (normal === ".." || normal.startsWith("../")) return `"${target}" leads out of the root: an alias names a folder or file inside it`;
  return undefined;
}

/** The aliases of a checked `aliases` object, sorted by key (the order of a JSON object is not its meaning). */
export function toAliases(record: Readonly<Record<string, string | false>>): Alias[] {
  return Object.entries(record)
    .map(([key, target]): Alias => {
      const glob = key.endsWith("*");
      return { key, prefix: glob ? key.slice(0, -1) : key, glob, target: target === false ? false : normalTarget(target) };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** `./src/` → `src`, `src/*` → `src`, `.` → "". */
function normalTarget(target: string): string {
  const folder = target.endsWith("/*") ? target.slice(0, -2) : target;
  const normal = posix.normalize(folder === "" ? "." : folder).replace(/\/+$/, "");
  return normal === "." ? "" : normal;
}
