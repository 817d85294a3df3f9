/**
 * The shortest path from `source` to `target` by a breadth-first search from both ends, or null.
 * This is graphology-shortest-path's `bidirectional`, step for step (so the path chosen among
 * equally short ones is the same), with Maps where it keys plain objects by node: there a module
 * named `constructor` or `__proto__` was found before it was reached.
 */
import type { DirectedGraph } from "graphology";

export function shortestPath(graph: DirectedGraph, source: string, target: string): string[] | null {
  if (source === target) return [source];
  const predecessor = new Map<string, string | null>([[source, null]]);
  const successor = new Map<string, string | null>([[target, null]]);
  let forwardFringe = [source];
  let reverseFringe = [target];
  let meeting: string | undefined;

  outer: while (forwardFringe.length > 0 && reverseFringe.length > 0) {
    const forward = forwardFringe.length <= reverseFringe.length;
    const [seen, other] = forward ? [predecessor, successor] : [successor, predecessor];
    const current = forward ? forwardFringe : reverseFringe;
    const next: string[] = [];
    if (forward) forwardFringe = next;
    else reverseFringe = next;
    for (const node of current) {
      for (const neighbor of forward ? graph.outboundNeighbors(node) : graph.inboundNeighbors(node)) {
        if (!seen.has(neighbor)) {
          next.push(neighbor);
          seen.set(neighbor, node);
        }
        if (other.has(neighbor)) {
          meeting = neighbor;
          break outer;
        }
      }
    }
  }
  if (meeting === undefined) return null;

  const path: string[] = [];
  for (let node: string | null | undefined = meeting; node !== null && node !== undefined; node = predecessor.get(node)) path.unshift(node);
  for (let node = successor.get(meeting); node !== null && node !== undefined; node = successor.get(node)) path.push(node);
  return path;
}
