/**
 * Shortest cycles, found with a bidirectional breadth-first search: the one through a module (as
 * the cycles rule of `check` shows it, so both commands print the same chain), and the one
 * through an import.
 */
import type { ImportGraph } from "../../graph/import-graph.js";
import { bidirectionalPath, type Meter } from "../../graph/shortest-path.js";
import { compareCodeUnits } from "../../model/compare.js";

export type { Meter };

/** `[start, …, start]`: the shortest way back to `start` through each of its successors. */
export function shortestCycleThrough(graph: ImportGraph, start: string, meter?: Meter): string[] | undefined {
  if (graph.hasDirectedEdge(start, start)) return [start, start];
  let best: string[] | undefined;
  for (const next of graph.outNeighbors(start).sort(compareCodeUnits)) {
    const path = bidirectionalPath(graph, next, start, meter);
    if (path !== null && (best === undefined || path.length + 1 < best.length)) best = [start, ...path];
  }
  return best;
}

/** `[from, to, …, from]`: the shortest cycle that takes the import from → to. */
export function shortestCycleThroughArc(graph: ImportGraph, from: string, to: string): string[] | undefined {
  if (from === to) return [from, from];
  const back = bidirectionalPath(graph, to, from);
  return back === null ? undefined : [from, ...back];
}
