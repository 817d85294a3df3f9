/**
 * Shortest cycles, found with graphology's bidirectional breadth-first search: the one through a
 * module (as the cycles rule of `check` shows it, so both commands print the same chain), and
 * the one through an import.
 */
import { bidirectional } from "graphology-shortest-path/unweighted.js";
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";

/** `[start, …, start]`: the shortest way back to `start` through each of its successors. */
export function shortestCycleThrough(graph: ImportGraph, start: string): string[] | undefined {
  if (graph.hasDirectedEdge(start, start)) return [start, start];
  let best: string[] | undefined;
  for (const next of graph.outNeighbors(start).sort(compareCodeUnits)) {
    const path = bidirectional(graph, next, start);
    if (path !== null && (best === undefined || path.length + 1 < best.length)) best = [start, ...path];
  }
  return best;
}

/** `[from, to, …, from]`: the shortest cycle that takes the import from → to. */
export function shortestCycleThroughArc(graph: ImportGraph, from: string, to: string): string[] | undefined {
  if (from === to) return [from, from];
  const back = bidirectional(graph, to, from);
  return back === null ? undefined : [from, ...back];
}
