/**
 * The known reasons an edge of a component corpus is found by one tool only (compare-edges.mjs,
 * #17). Each class is a rule over one difference, checked against the files where it can be, and
 * says whose it is:
 *
 *   beyond depcruise  depcruise cannot see the import at all (a file it does not read, a part of
 *                     a file its reader drops): left out of the "within reach" agreement
 *   depcruise         depcruise resolves the import, or fails to, where TypeScript and the runtime
 *                     agree on another answer: layermap's edge is the right one
 *   layermap          layermap's answer is wrong: a bug, described in bench/README.md
 *
 * A difference no rule claims is "unexplained" and listed as such.
 */
import fs from "node:fs";
import path from "node:path";

export const DIFFERENCE_CLASSES = [
  {
    id: "svelte-type-only",
    fault: "beyond depcruise",
    text:
      "a type-only import in a .svelte file: depcruise reads the JavaScript svelte/compiler emits, " +
      "which has none (--ts-pre-compilation-deps applies to TypeScript-compatible files, never to .svelte)",
  },
  {
    id: "astro-file",
    fault: "beyond depcruise",
    text: "an import in an .astro file: dependency-cruiser reads no .astro file",
  },
  {
    id: "exports-types-target-missing",
    fault: "depcruise",
    text:
      "a package's exports give a `types` target that does not exist: enhanced-resolve stops at it " +
      "(unresolved), TypeScript goes on to the next condition (`import`), and Node, which ignores " +
      "`types`, loads that same file",
  },
  {
    id: "ts-specifier-in-declaration",
    fault: "depcruise",
    text:
      "`./x.ts` in a declaration file where the package ships x.d.ts and x.js: TypeScript resolves it " +
      "to x.d.ts (layermap maps that to x.js); enhanced-resolve looks for x.ts only (unresolved)",
  },
  {
    id: "sveltekit-lib-alias",
    fault: "depcruise",
    text:
      "`$lib/…` in a SvelteKit project: the framework's alias of src/lib; layermap applies it to a project " +
      "depending on @sveltejs/kit, depcruise leaves it unresolved — it reaches other tools only through the " +
      "tsconfig `svelte-kit sync` generates (.svelte-kit/, not in a fresh checkout), whose `paths` depcruise " +
      "17.4.3 does not follow even then (relative to that extended file, without baseUrl)",
  },
  {
    id: "svelte-js-as-component",
    fault: "layermap",
    text:
      "`./x.svelte.js` beside the component x.svelte: TypeScript resolves it to x.svelte.d.ts, which " +
      "layermap maps to the component x.svelte (an asset's declaration, as x.module.css.d.ts) where " +
      "the runtime loads x.svelte.js",
  },
];

const BY_ID = new Map(DIFFERENCE_CLASSES.map((c) => [c.id, c]));

/**
 * Put every difference of a comparison in its class.
 *
 * @param {{ onlyA: string[], onlyB: string[] }} cmp compareViews(layermap, depcruise)
 * @param {object} lm layermapView
 * @param {object} dc depcruiseView
 * @param {string} root the mapped root (absolute), for the checks against the files
 * @returns {{ classOf: Map<string, string>, counts: Map<string, number>, byFault: Record<string, number> }}
 *   classOf: edge key → class id or "unexplained"; counts by class id (in DIFFERENCE_CLASSES'
 *   order, "unexplained" last); byFault: the differences by whose they are ("beyond depcruise",
 *   "depcruise", "layermap", "unexplained"), every key present
 */
export function classifyDifferences(cmp, lm, dc, root) {
  const classOf = new Map();
  for (const key of cmp.onlyA) classOf.set(key, classifyLayermapOnly(lm.edges.get(key), dc, root) ?? "unexplained");
  for (const key of cmp.onlyB) classOf.set(key, classifyDepcruiseOnly(dc.edges.get(key), lm) ?? "unexplained");
  const counts = new Map();
  for (const id of [...DIFFERENCE_CLASSES.map((c) => c.id), "unexplained"]) {
    const n = [...classOf.values()].filter((c) => c === id).length;
    if (n > 0) counts.set(id, n);
  }
  const byFault = { "beyond depcruise": 0, depcruise: 0, layermap: 0, unexplained: 0 };
  for (const id of classOf.values()) byFault[BY_ID.get(id)?.fault ?? "unexplained"]++;
  return { classOf, counts, byFault };
}

/** The class of an edge only layermap found, or null. */
export function classifyLayermapOnly(edge, dc, root) {
  const theirs = (site) => dc.resolutions.get(`${edge.from}\u0000${site.specifier}`);
  if (edge.from.endsWith(".astro")) return "astro-file";
  if (edge.from.endsWith(".svelte") && edge.detail.typeOnly && edge.detail.sites.every((s) => theirs(s) === undefined)) {
    return "svelte-type-only";
  }
  if (edge.to.endsWith(".svelte") && edge.detail.sites.some((s) => s.specifier.endsWith(".svelte.js") && theirs(s) === `${edge.to}.js`)) {
    return "svelte-js-as-component";
  }
  const unresolved = edge.detail.sites.every((s) => theirs(s) === "unresolved");
  if (!unresolved) return null;
  if (
    /\.d\.[mc]?ts$/.test(edge.from) &&
    edge.detail.sites.every((s) => isRelative(s.specifier) && /(?<!\.d)\.ts$/.test(s.specifier) && declarationShipsFor(root, edge.from, s.specifier))
  ) {
    return "ts-specifier-in-declaration";
  }
  if (edge.detail.sites.every((s) => !isRelative(s.specifier) && typesTargetMissing(root, s.specifier))) {
    return "exports-types-target-missing";
  }
  if (edge.detail.sites.every((s) => s.specifier.startsWith("$lib/") && isSvelteKitLibFile(root, edge.from, s.specifier, edge.to))) {
    return "sveltekit-lib-alias";
  }
  return null;
}

/** The class of an edge only depcruise found, or null. */
export function classifyDepcruiseOnly(edge, lm) {
  const ours = (specifier) => lm.resolutions.get(`${edge.from}\u0000${specifier}`);
  if (
    edge.to.endsWith(".svelte.js") &&
    edge.detail.specifiers.some((s) => s.endsWith(".svelte.js") && ours(s) === edge.to.slice(0, -".js".length))
  ) {
    return "svelte-js-as-component";
  }
  return null;
}

/** The class's record (fault, text) by id. */
export function differenceClass(id) {
  return BY_ID.get(id);
}

function isRelative(specifier) {
  return specifier.startsWith("./") || specifier.startsWith("../");
}

/**
 * `$lib/x` leads to `to`, src/lib/x (or x.<ext>, x/index.<ext>) of the SvelteKit project holding
 * `from` (the nearest package.json at or above it, which depends on @sveltejs/kit).
 */
function isSvelteKitLibFile(root, from, specifier, to) {
  for (let folder = path.resolve(root, path.dirname(from)); ; folder = path.dirname(folder)) {
    const manifest = readJson(path.join(folder, "package.json"));
    if (manifest) {
      const kit = ["dependencies", "devDependencies", "peerDependencies"].some((field) => manifest[field]?.["@sveltejs/kit"] !== undefined);
      if (!kit) return false;
      // src/lib/x itself, or what a lookup makes of it: x.js, x/index.js, …
      const named = path.join(folder, "src", "lib", specifier.slice("$lib/".length));
      const target = path.resolve(root, to);
      const stem = target.slice(0, target.length - path.extname(target).length);
      return target === named || stem === named || (path.dirname(target) === named && path.basename(stem) === "index");
    }
    if (folder === path.dirname(folder)) return false;
  }
}

/** `./x.ts` from `from`: x.ts is absent and x.d.ts is there. */
function declarationShipsFor(root, from, specifier) {
  const target = path.resolve(root, path.dirname(from), specifier);
  return !fs.existsSync(target) && fs.existsSync(target.replace(/\.ts$/, ".d.ts"));
}

/**
 * Whether a bare specifier names a package (found as the mapped root's own package or one of its
 * ancestors': a self-reference, the only kind a corpus resolves locally) whose exports give a
 * `types` condition for that subpath, first of its object, pointing at a file that is missing.
 */
export function typesTargetMissing(root, specifier) {
  const parts = specifier.split("/");
  const nameLength = specifier.startsWith("@") ? 2 : 1;
  const name = parts.slice(0, nameLength).join("/");
  const subpath = ["." , ...parts.slice(nameLength)].join("/");
  for (let folder = root; ; folder = path.dirname(folder)) {
    const manifest = readJson(path.join(folder, "package.json"));
    if (manifest?.name === name) {
      const target = exportsTarget(manifest.exports, subpath);
      if (target === null || typeof target !== "object" || Array.isArray(target)) return false;
      const [first, types] = Object.entries(target)[0] ?? [];
      return first === "types" && typeof types === "string" && !fs.existsSync(path.join(folder, types));
    }
    if (folder === path.dirname(folder)) return false;
  }
}

/** The value exports give a subpath: an exact key, else the longest `*` pattern it matches, `*` filled in. */
function exportsTarget(exports, subpath) {
  if (exports === null || typeof exports !== "object" || Array.isArray(exports)) return null;
  if (subpath in exports) return exports[subpath];
  let best = null;
  for (const [key, value] of Object.entries(exports)) {
    const star = key.indexOf("*");
    if (star < 0) continue;
    const [prefix, suffix] = [key.slice(0, star), key.slice(star + 1)];
    if (!subpath.startsWith(prefix) || !subpath.endsWith(suffix) || subpath.length < key.length - 1) continue;
    if (best === null || prefix.length > best.prefix.length) best = { prefix, match: subpath.slice(prefix.length, subpath.length - suffix.length), value };
  }
  return best === null ? null : fill(best.value, best.match);
}

function fill(value, match) {
  if (typeof value === "string") return value.replaceAll("*", match);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, match)]));
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}
