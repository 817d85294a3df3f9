/**
 * A lower bound on how many imports must go to break every cycle: the number of cycles that
 * share no import (each needs an import of its own removed). Found greedily, shortest cycles
 * first, so when it meets the size of the breakers found, those are proven the fewest without
 * an exhaustive search — as happens on a big tangle made of many two-module knots.
 *
 * Two-module knots are taken first, then for each module in id order, again and again, a
 * shortest cycle through it (by the bidirectional breadth-first search graphology-shortest-path
 * does, here over arrays: the search runs for every module, and a 20,000-module tangle has
 * 60,000 of them). The searches may look at `budget` neighbours in all — a count, so the bound is
 * the same on every machine; when it is spent, the cycles found so far are the bound, still a
 * lower bound, only perhaps a lower one. It stops early on reaching `target`: the count can never
 * pass the size of a set of breakers.
 */
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";

export function disjointCycleCount(component: ImportGraph, options: { target?: number; budget?: number } = {}): number {
  const target = options.target ?? Infinity;
  let left = options.budget ?? Infinity;
  const nodes = component.nodes().sort(compareCodeUnits);
  const count = nodes.length;
  const indexOf = new Map(nodes.map((node, index) => [node, index]));
  // Edges in (from, to) order of ids; each module's edges out by target, in by source.
  const arcs = component.mapEdges((_edge, _attributes, from, to) => [indexOf.get(from)!, indexOf.get(to)!] as const);
  arcs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const sourceOf = Int32Array.from(arcs, ([from]) => from);
  const targetOf = Int32Array.from(arcs, ([, to]) => to);
  const outs: number[][] = nodes.map(() => []);
  const ins: number[][] = nodes.map(() => []);
  const edgeOf = new Map<number, number>();
  arcs.forEach(([from, to], edge) => {
    outs[from]!.push(edge);
    edgeOf.set(from * count + to, edge);
  });
  [...arcs.keys()].sort((a, b) => sourceOf[a]! - sourceOf[b]!).forEach((edge) => ins[targetOf[edge]!]!.push(edge));
  const alive = new Uint8Array(arcs.length).fill(1);
  const edgeBetween = (from: number, to: number): number | undefined => {
    const edge = edgeOf.get(from * count + to);
    return edge !== undefined && alive[edge] === 1 ? edge : undefined;
  };

  let found = 0;
  const take = (cycle: readonly number[]): void => {
    for (let index = 1; index < cycle.length; index++) alive[edgeBetween(cycle[index - 1]!, cycle[index]!)!] = 0;
    found++;
  };
  // Two-module knots first: packing them before longer cycles keeps the bound high.
  for (let edge = 0; edge < arcs.length; edge++) {
    const from = sourceOf[edge]!;
    const to = targetOf[edge]!;
    if (alive[edge] === 1 && from !== to && edgeBetween(to, from) !== undefined) take([from, to, from]);
  }

  // The searches' marks: a node is reached forwards (backwards) in the current search when its
  // stamp is the search's; predecessor and successor record the way back.
  const forwardStamp = new Int32Array(count);
  const backwardStamp = new Int32Array(count);
  const predecessor = new Int32Array(count);
  const successor = new Int32Array(count);
  let stamp = 0;
  /** The shortest path source → target (graphology's bidirectional), undefined when none or out of budget. */
  const path = (source: number, target: number): number[] | undefined => {
    if (source === target) return [source];
    stamp++;
    forwardStamp[source] = stamp;
    predecessor[source] = -1;
    backwardStamp[target] = stamp;
    successor[target] = -1;
    let forwardFringe = [source];
    let reverseFringe = [target];
    let meeting = -1;
    outer: while (forwardFringe.length > 0 && reverseFringe.length > 0) {
      const forward = forwardFringe.length <= reverseFringe.length;
      const next: number[] = [];
      for (const node of forward ? forwardFringe : reverseFringe) {
        const edges = forward ? outs[node]! : ins[node]!;
        left -= edges.length;
        if (left < 0) return undefined;
        for (const edge of edges) {
          if (alive[edge] === 0) continue;
          const neighbour = forward ? targetOf[edge]! : sourceOf[edge]!;
          if (forward ? forwardStamp[neighbour] !== stamp : backwardStamp[neighbour] !== stamp) {
            next.push(neighbour);
            if (forward) {
              forwardStamp[neighbour] = stamp;
              predecessor[neighbour] = node;
            } else {
              backwardStamp[neighbour] = stamp;
              successor[neighbour] = node;
            }
          }
          if (forward ? backwardStamp[neighbour] === stamp : forwardStamp[neighbour] === stamp) {
            meeting = neighbour;
            break outer;
          }
        }
      }
      if (forward) forwardFringe = next;
      else reverseFringe = next;
    }
    if (meeting < 0) return undefined;
    const way: number[] = [];
    for (let node = meeting; node >= 0; node = predecessor[node]!) way.unshift(node);
    for (let node = successor[meeting]!; node >= 0; node = successor[node]!) way.push(node);
    return way;
  };
  /** `[start, …, start]`: the shortest way back to `start` through each of its successors in turn. */
  const shortestCycleThrough = (start: number): number[] | undefined => {
    if (edgeBetween(start, start) !== undefined) return [start, start];
    let best: number[] | undefined;
    for (const edge of outs[start]!) {
      if (alive[edge] === 0) continue;
      const way = path(targetOf[edge]!, start);
      if (left < 0) return undefined;
      if (way !== undefined && (best === undefined || way.length + 1 < best.length)) best = [start, ...way];
    }
    return best;
  };

  for (let node = 0; node < count && found < target && left >= 0; node++) {
    for (let cycle = shortestCycleThrough(node); cycle !== undefined && found < target; cycle = shortestCycleThrough(node)) take(cycle);
  }
  return found;
}
