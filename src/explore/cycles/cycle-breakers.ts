/**
 * The cycle breakers of a strongly connected component: a set of imports whose removal leaves it
 * without any cycle (a feedback arc set), as small as we can make it.
 *
 * What it guarantees: removing the returned imports breaks every cycle of the component, always
 * (the greedy set is the backward edges of a linear order, and pruning only puts back an edge
 * that closes no cycle). The set is minimal: putting any one back closes a cycle. It is the
 * fewest possible (`fewest: true`) when an exhaustive search over every smaller set fits in the
 * budget, which is the case for the small tangles people meet most, or when as many cycles share
 * no import (a lower bound); otherwise it is the greedy answer, as minimum feedback arc set is
 * NP-hard. Among sets of one size, those with more cheap imports win: in a type-only tangle the
 * fix is to move a type, not to rewire the code.
 */
import { bidirectional } from "graphology-shortest-path/unweighted.js";
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareArcs, type Arc } from "./arc.js";
import { disjointCycleCount } from "./cycle-packing.js";
import { exhaustiveBreakers } from "./exhaustive-breakers.js";
import { greedyArcOrder } from "./greedy-arc-order.js";

export interface BreakersOptions {
  /** How many candidate sets the exhaustive search may test (default 20,000). */
  budget?: number;
  /** Imports that are cheap to remove (type-only ones), preferred when the count is the same. */
  cheap?: (from: string, to: string) => boolean;
}

export interface Breakers {
  arcs: Arc[];
  /** True when no smaller set breaks every cycle. */
  fewest: boolean;
}

export function cycleBreakers(component: ImportGraph, options: BreakersOptions = {}): Breakers {
  const budget = options.budget ?? 20_000;
  const cheap = options.cheap ?? (() => false);
  const work = component.copy();
  const selfLoops: Arc[] = [];
  work.forEachEdge((edge, _attributes, from, to) => {
    if (from !== to) return;
    selfLoops.push([from, to]);
    work.dropEdge(edge);
  });

  const greedy = prunedGreedy(work, cheap);
  const smaller = greedy.length > 0 ? exhaustiveBreakers(work, greedy.length, budget, cheap) : { arcs: undefined, complete: true };
  const arcs = [...selfLoops, ...(smaller.arcs ?? greedy)].sort(compareArcs);
  return { arcs, fewest: smaller.complete || disjointCycleCount(work) === greedy.length };
}

/**
 * The backward edges of the greedy order, less every one that can be put back without a cycle;
 * costly imports weigh double in the order and are put back first, so cheap ones stay breakers.
 */
function prunedGreedy(graph: ImportGraph, cheap: (from: string, to: string) => boolean): Arc[] {
  const order = greedyArcOrder(graph, { weight: (from, to) => (cheap(from, to) ? 1 : 2) });
  const position = new Map(order.map((node, index) => [node, index]));
  const acyclic = graph.copy();
  const backward: Arc[] = [];
  acyclic.forEachEdge((edge, _attributes, from, to) => {
    if (position.get(from)! > position.get(to)!) {
      backward.push([from, to]);
      acyclic.dropEdge(edge);
    }
  });
  const costlyFirst = (a: Arc, b: Arc): number => Number(cheap(...a)) - Number(cheap(...b)) || compareArcs(a, b);
  return backward.sort(costlyFirst).filter(([from, to]) => {
    // Putting from → to back closes a cycle when `to` already reaches `from`. (graphology-dag's
    // willCreateCycle walks every path without marking visits: exponential on a dense graph.)
    if (from === to || bidirectional(acyclic, to, from) !== null) return true;
    acyclic.addDirectedEdge(from, to, graph.getEdgeAttributes(from, to));
    return false;
  });
}
