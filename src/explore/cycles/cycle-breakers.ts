/**
 * The cycle breakers of a strongly connected component: a set of imports whose removal leaves it
 * without any cycle (a feedback arc set), as small as we can make it.
 *
 * What it guarantees: removing the returned imports breaks every cycle of the component, always
 * (the greedy set is the backward edges of a linear order, and pruning only puts back an edge
 * that closes no cycle). The set is minimal — putting any one back closes a cycle — unless the
 * pruning ran out of its budget on a huge tangle (`minimal: false`). It is the fewest possible
 * (`fewest: true`) when an exhaustive search over every smaller set fits in the budget, which is
 * the case for the small tangles people meet most, or when as many cycles share no import (a
 * lower bound); otherwise it is the greedy answer, as minimum feedback arc set is NP-hard. Among
 * sets of one size, those with more cheap imports win: in a type-only tangle the fix is to move
 * a type, not to rewire the code.
 *
 * Every budget counts steps of work (sets tried, edges followed), never time, and the component
 * is rebuilt in id order first, so the answer is the same bytes on every machine and however the
 * graph was built (mapped, cached or read from a saved document).
 */
import { createImportGraph, type ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { compareArcs, type Arc } from "./arc.js";
import { disjointCycleCount } from "./cycle-packing.js";
import { exhaustiveBreakers } from "./exhaustive-breakers.js";
import { greedyArcOrder } from "./greedy-arc-order.js";
import { pruneBreakers } from "./prune-breakers.js";

export interface BreakersOptions {
  /** How many candidate sets the exhaustive search may test (default 20,000). */
  budget?: number;
  /**
   * How many nodes and edges the exhaustive search may walk, each set tested counting the whole
   * component (default 20,000,000).
   */
  exhaustiveWork?: number;
  /**
   * How many steps (edges looked at, nodes moved) pruning the greedy set to a minimal one may take
   * (default 50,000,000, about 4 s on a 2-core VM; a 20,000-module tangle takes 23,000,000). Past
   * it, the breakers not yet tried stay, and `minimal` is false.
   */
  pruneWork?: number;
  /**
   * How many neighbours the search for cycles sharing no import (the lower bound that can prove
   * the greedy set the fewest) may look at (default 20,000,000).
   */
  packWork?: number;
  /** Imports that are cheap to remove (type-only ones), preferred when the count is the same. */
  cheap?: (from: string, to: string) => boolean;
}

/** The budgets of `cycleBreakers`, without the `cheap` preference. */
export type BreakersBudgets = Omit<BreakersOptions, "cheap">;

export interface Breakers {
  arcs: Arc[];
  /** True when no smaller set breaks every cycle. */
  fewest: boolean;
  /**
   * True when putting any one back closes a cycle. False only when pruning the greedy set ran out
   * of its budget: some breakers may then be needless (removing them all still breaks every cycle).
   */
  minimal: boolean;
}

export function cycleBreakers(component: ImportGraph, options: BreakersOptions = {}): Breakers {
  const cheap = options.cheap ?? (() => false);
  const work = createImportGraph();
  const selfLoops: Arc[] = [];
  for (const node of component.nodes().sort(compareCodeUnits)) work.addNode(node, component.getNodeAttributes(node));
  const edges = component.mapEdges((_edge, attributes, from, to) => ({ arc: [from, to] as Arc, attributes }));
  for (const { arc, attributes } of edges.sort((a, b) => compareArcs(a.arc, b.arc))) {
    if (arc[0] === arc[1]) selfLoops.push(arc);
    else work.addDirectedEdge(arc[0], arc[1], attributes);
  }

  const { arcs: greedy, minimal } = prunedGreedy(work, cheap, options.pruneWork ?? 50_000_000);
  const smaller =
    greedy.length > 0
      ? exhaustiveBreakers(work, greedy.length, { sets: options.budget ?? 20_000, work: options.exhaustiveWork ?? 20_000_000 }, cheap)
      : { arcs: undefined, complete: true };
  const arcs = [...selfLoops, ...(smaller.arcs ?? greedy)].sort(compareArcs);
  // A set of the fewest is minimal too, however far the pruning got.
  const fewest = smaller.complete || disjointCycleCount(work, { target: greedy.length, budget: options.packWork ?? 20_000_000 }) === greedy.length;
  return { arcs, fewest, minimal: minimal || fewest };
}

/**
 * The backward edges of the greedy order, less every one that can be put back without a cycle;
 * costly imports weigh double in the order and are put back first, so cheap ones stay breakers.
 */
function prunedGreedy(graph: ImportGraph, cheap: (from: string, to: string) => boolean, budget: number): { arcs: Arc[]; minimal: boolean } {
  const order = greedyArcOrder(graph, { weight: (from, to) => (cheap(from, to) ? 1 : 2) });
  const position = new Map(order.map((node, index) => [node, index]));
  const forward: Arc[] = [];
  const backward: Arc[] = [];
  graph.forEachEdge((_edge, _attributes, from, to) => (position.get(from)! > position.get(to)! ? backward : forward).push([from, to]));
  const costlyFirst = (a: Arc, b: Arc): number => Number(cheap(...a)) - Number(cheap(...b)) || compareArcs(a, b);
  return pruneBreakers(order, forward, backward.sort(costlyFirst), budget);
}
