/**
 * The shortest path between two modules, by a breadth-first search from both ends. Its steps are
 * graphology-shortest-path's `bidirectional`'s, with Maps where that keys plain objects by node
 * (there a module named `constructor` or `__proto__` counted as reached before it was).
 */
import type { DirectedGraph } from "graphology";

/** Neighbours a search may still look at; a search that runs it below zero gave up. */
export interface Meter {
  left: number;
}

/**
 * graphology-shortest-path's `bidirectional` (the same fringes in the same order, so the same
 * path), counting every neighbour it looks at against `meter`; null when there is no path or
 * the meter ran out.
 */
export function bidirectionalPath(graph: Pick<DirectedGraph, "inNeighbors" | "outNeighbors">, source: string, target: string, meter: Meter = { left: Infinity }): string[] | null {
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
