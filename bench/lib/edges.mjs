/**
 * The common currency of the comparison: a tool's view of a mapped root, reduced to
 *   files  Set of local file paths (POSIX, relative to the mapped root)
 *   edges  Map "from\u0000to" → { from, to, detail } for local file→file imports, where detail
 *          is tool-specific evidence shown when the edge is reported as a difference
 * plus helpers to build keys, normalise paths and compare two such views.
 */
import path from "node:path";

/** The Map key of an edge. */
export function edgeKey(from, to) {
  return `${from}\u0000${to}`;
}

/**
 * A path as a POSIX path relative to the mapped root, or null when it lies outside it
 * (`../…`) or inside a node_modules folder: those are never local files of the mapped root.
 *
 * @param {string} root absolute mapped root
 * @param {string} cwd absolute folder the path is relative to
 * @param {string} p the path as the tool printed it
 */
export function toRootRelative(root, cwd, p) {
  const rel = path.relative(root, path.resolve(cwd, p)).split(path.sep).join("/");
  if (rel === "" || rel === ".." || rel.startsWith("../") || path.isAbsolute(rel)) return null;
  if (rel.split("/").includes("node_modules")) return null;
  return rel;
}

/**
 * Compare two tools' views.
 * @returns {{ both: string[], onlyA: string[], onlyB: string[], union: number, agreement: number,
 *             filesOnlyA: string[], filesOnlyB: string[] }}
 *   edge keys and file paths sorted; agreement = |A ∩ B| / |A ∪ B| in percent (100 when both empty).
 */
export function compareViews(a, b) {
  const both = [];
  const onlyA = [];
  for (const key of a.edges.keys()) (b.edges.has(key) ? both : onlyA).push(key);
  const onlyB = [...b.edges.keys()].filter((key) => !a.edges.has(key));
  const union = both.length + onlyA.length + onlyB.length;
  return {
    both: both.sort(),
    onlyA: onlyA.sort(),
    onlyB: onlyB.sort(),
    union,
    agreement: union === 0 ? 100 : (100 * both.length) / union,
    filesOnlyA: [...a.files].filter((f) => !b.files.has(f)).sort(),
    filesOnlyB: [...b.files].filter((f) => !a.files.has(f)).sort(),
  };
}
