/**
 * Shortest cycles, found with a bidirectional breadth-first search: the one through a module (as
 * the cycles rule of `check` shows it, so both commands print the same chain), and the one
 * through an import.
 */
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";

/** Neighbours a search may still look at; a search that runs it below zero gave up. */
export interface Meter {
  left: number;
}

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

/**
 * graphology-shortest-path's `bidirectional` (the same fringes in the same order, so the same
 * path), counting every neighbour it looks at against `meter`; null when there is no path or
 * the meter ran out.
 */
export function bidirectionalPath(graph: ImportGraph, source: string, target: string, meter: Meter = { left: Infinity }): string[] | null {
  if (source === target) return [source];
  const predecessor = new Map<string, string | null>([[source, null]]);
  const successor = new Map<string, string | null>([[target, null]]);
  let forwardFringe = [source];
  let reverseFringe = [target];
  let meeting: string | undefined;
  outer: while (forwardFringe.length > 0 && reverseFringe.length > 0) {
    const forward = forwardFringe.length <= reverseFringe.length;
    const current = forward ? forwardFringe : reverseFringe;
    const next: string[] = [];
    const reached = forward ? predecessor : successor;
    const other = forward ? successor : predecessor;
    for (const node of current) {
      const neighbours = forward ? graph.outNeighbors(node) : graph.inNeighbors(node);
      meter.left -= neighbours.length;
      if (meter.left < 0) return null;
      for (const neighbour of neighbours) {
        if (!reached.has(neighbour)) {
          next.push(neighbour);
          reached.set(neighbour, node);
        }
        if (other.has(neighbour)) {
          meeting = neighbour;
          break outer;
        }
      }
    }
    if (forward) forwardFringe = next;
    else reverseFringe = next;
  }
  if (meeting === undefined) return null;
  const path: string[] = [];
  for (let node: string | null | undefined = meeting; node != null; node = predecessor.get(node)) path.unshift(node);
  for (let node = successor.get(meeting); node != null; node = successor.get(node)) path.push(node);
  return path;
}
