/**
 * Depth from the entry points: an entry point is a local module nothing imports (a `main`, a
 * test, a public index), and a module's depth is the fewest imports from the nearest entry point
 * down to it. Shortest rather than longest, because it is well defined even through cycles and
 * answers "how far from the outside is this module"; a module no entry point reaches (inside a
 * cycle nothing imports) has no depth.
 */
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { reach } from "../reach/reach.js";

export interface EntryDepths {
  entries: string[];
  depthOf: Map<string, number>;
}

/** `local`: the local modules and the imports among them. */
export function entryDepths(local: ImportGraph): EntryDepths {
  const entries = local.filterNodes((id) => local.inNeighbors(id).every((from) => from === id)).sort(compareCodeUnits);
  return { entries, depthOf: reach(local, entries, { mode: "out" }) };
}
