/**
 * Specifiers a bundler rewrites before any resolver sees them, and the names front-end frameworks
 * give modules no file holds:
 *
 * - the config's `aliases` (config/aliases.ts): the most specific key that matches — the longest
 *   prefix, an exact key before a `/*` one — so the order keys are written in never matters;
 * - SvelteKit's `$lib` (its `src/lib` folder) and its virtual modules `$app/…`, `$env/…`,
 *   `$service-worker`, for a file whose nearest package.json depends on `@sveltejs/kit`.
 *
 * And, for an unresolved bare specifier, whether it looks like an alias nobody told layermap
 * about (`@/x`, `~/x`, `$lib/x`, a name npm could never publish): the prefix a hint names.
 */
import type { Alias } from "../config/aliases.js";

export interface AliasMatch {
  alias: Alias;
  /** What follows the prefix (and, for a key without `*`, its `/`): "" for the key itself. */
  rest: string;
}

/**
 * The most specific alias matching the specifier, if any: the one whose matched text (`@/` for
 * `@` or `@/*`, the whole key for an exact match) is longest, a key without `*` on a tie — so the
 * order keys are written in never matters (Vite takes the first that matches).
 */
export function matchAlias(aliases: readonly Alias[], specifier: string): AliasMatch | undefined {
  let best: { match: AliasMatch; length: number } | undefined;
  for (const alias of aliases) {
    const { prefix } = alias;
    let match: AliasMatch;
    let length: number;
    if (alias.glob) {
      if (specifier.length <= prefix.length || !specifier.startsWith(prefix)) continue;
      match = { alias, rest: specifier.slice(prefix.length) };
      length = prefix.length;
    } else if (specifier === prefix) {
      match = { alias, rest: "" };
      length = prefix.length + 1;
    } else if (specifier.length > prefix.length + 1 && specifier.startsWith(prefix) && specifier[prefix.length] === "/") {
      match = { alias, rest: specifier.slice(prefix.length + 1) };
      length = prefix.length + 1;
    } else continue;
    if (best === undefined || length > best.length || (length === best.length && best.match.alias.glob && !alias.glob)) best = { match, length };
  }
  return best?.match;
}

/**
 * The external module a `false` alias makes of a specifier: a key names one module and its
 * subpaths fold into it, as a package's do (`"~icons": false` → `~icons`); a key ending in `*`
 * makes each specifier it matches a module of its own (`"virtual:*": false` →
 * `virtual:pwa-register`).
 */
export function externalId({ alias }: AliasMatch, specifier: string): string {
  return alias.glob ? specifier : alias.prefix;
}

const SVELTEKIT = "@sveltejs/kit";

/**
 * SvelteKit's own aliases, as if written in the config: `$lib` is `src/lib` of the project (what
 * `.svelte-kit/tsconfig.json` says once generated; it is not in a fresh clone), and `$app`, `$env`
 * and `$service-worker` are modules its Vite plugin makes up (`$env/static/private` is the
 * environment at build time). They are kept as three external modules by name, as a package
 * with subpaths is one: a rule can name them, and a key of the config's own
 * (`"$env/static/private": false`) is more specific and splits one out.
 */
export const SVELTEKIT_ALIASES: readonly Alias[] = [
  { key: "$lib", prefix: "$lib", glob: false, target: "src/lib" },
  { key: "$app", prefix: "$app", glob: false, target: false },
  { key: "$env", prefix: "$env", glob: false, target: false },
  { key: "$service-worker", prefix: "$service-worker", glob: false, target: false },
];

/** Does the manifest name `@sveltejs/kit` among its dependencies of any kind? */
export function dependsOnSvelteKit(manifest: Readonly<Record<string, unknown>>): boolean {
  return ["dependencies", "devDependencies", "peerDependencies"].some((field) => {
    const value = manifest[field];
    return typeof value === "object" && value !== null && Object.hasOwn(value, SVELTEKIT);
  });
}

/**
 * Can the first segment (with its scope) of a bare specifier be an npm package's name? npm has
 * never published one that is not URL-safe (`$lib`, spaces, non-ASCII) nor, since 2016, one that
 * holds `~'!()*` (`~`, `~icons`). Such a specifier is no package that is merely not installed: it
 * is an alias nobody told layermap about. (Names npm refuses for other reasons, `_x` or `.x`, are
 * left as packages, as they always were: no alias looks like them.)
 */
export function canBePackageName(name: string): boolean {
  const parts = name.startsWith("@") ? name.slice(1).split("/") : [name];
  return parts.every((part) => part !== "" && encodeURIComponent(part) === part && !/[~'!()*]/.test(part));
}

/**
 * The prefix by which an unresolved bare specifier looks like an alias (`@/`, `~/`, `~icons/`,
 * `$lib/`, `virtual:`), or undefined when it does not: a package name that is only not installed,
 * a `#imports` entry, a URL, a webpack loader request.
 */
export function aliasLikePrefix(specifier: string): string | undefined {
  // A webpack loader request (`raw-loader!./x.txt`) is no alias either.
  if (specifier.startsWith("#") || specifier.includes("!") || /^[a-z][a-z0-9+.-]*:\/\//i.test(specifier)) return undefined;
  const scheme = /^[a-z][\w-]*:/i.exec(specifier)?.[0];
  if (scheme !== undefined) return scheme;
  const parts = specifier.split("/");
  const first = parts[0]!;
  if (first === "@") return parts.length > 1 ? "@/" : undefined;
  if (first.startsWith("@") && parts.length === 1) return undefined;
  const name = first.startsWith("@") ? `${first}/${parts[1]!}` : first;
  if (canBePackageName(name)) return undefined;
  return parts.length === 1 ? first : `${first}/`;
}

/**
 * One line proposing the `aliases` that would resolve the most common alias-like prefixes (at most
 * three; most sites first), from the number of unresolved sites by prefix: `hint: 12 unresolved
 * imports start with "@/" — if it is a bundler alias, add "aliases": { "@": "src" } to
 * layermap.config.json …`. `folder` is the target it proposes (the root's `src` when there is
 * one). Keys are written as JSON writes them; the CLI escapes the line for the terminal.
 */
export function aliasHint(sitesByPrefix: ReadonlyMap<string, number>, folder: string): string | undefined {
  const top = [...sitesByPrefix].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).slice(0, 3);
  if (top.length === 0) return undefined;
  const counts = top.map(([prefix, sites], index) =>
    index === 0 ? `${String(sites)} unresolved import${sites === 1 ? " starts" : "s start"} with ${JSON.stringify(prefix)}` : `${String(sites)} with ${JSON.stringify(prefix)}`,
  );
  const entries = top.map(([prefix]) => {
    // `virtual:pwa-register`: a module no file holds, one per name.
    if (prefix.endsWith(":")) return `${JSON.stringify(`${prefix}*`)}: false`;
    // `$lib` is SvelteKit's name for src/lib (outside a project that depends on it).
    return `${JSON.stringify(prefix.replace(/\/$/, ""))}: ${JSON.stringify(prefix === "$lib/" ? "src/lib" : folder)}`;
  });
  const they = top.length === 1 ? "it is a bundler alias" : "they are bundler aliases";
  return `hint: ${counts.join(", ")} — if ${they}, add "aliases": { ${entries.join(", ")} } to layermap.config.json (false for a module no file holds)`;
}
