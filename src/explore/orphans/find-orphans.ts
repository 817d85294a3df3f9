/**
 * `layermap orphans`: local modules cut off from the rest — nothing local imports them and they
 * import nothing local (packages and builtins do not tie a file into the codebase) — and, given
 * entry points, the modules none of them reaches: dead files, or files only tests load. The
 * entry points themselves are never orphans.
 */
import type { Plane } from "../../config/config-schema.js";
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { planeView } from "../../rules/plane.js";
import { localSubgraph } from "../local-subgraph.js";
import { reach } from "../reach/reach.js";

export interface OrphansResult {
  orphans: string[];
  /** Present when entry points were given. */
  unreachable?: { entries: string[]; modules: string[] };
}

export function findOrphans(graph: ImportGraph, options: { entries?: readonly string[]; plane?: Plane } = {}): OrphansResult {
  const local = localSubgraph(planeView(graph, options.plane ?? "all"));
  // An entry point named by the user is in use by definition (a script run by path, a preload
  // loaded by URL), however alone it stands in the graph.
  const named = new Set(options.entries);
  const alone = (id: string): boolean => !named.has(id) && local.neighbors(id).every((other) => other === id);
  const orphans = local.filterNodes(alone).sort(compareCodeUnits);
  if (options.entries === undefined) return { orphans };
  const entries = options.entries.filter((id) => local.hasNode(id));
  const reached = reach(local, entries, { mode: "out" });
  const modules = local.filterNodes((id) => !reached.has(id)).sort(compareCodeUnits);
  return { orphans, unreachable: { entries: [...entries].sort(compareCodeUnits), modules } };
}
