/**
 * The exhaustive half of the cycle breakers: every set of imports of one size, then the next,
 * until removing one leaves no cycle — affordable on the small tangles met most often, and the
 * only way to prove a set the fewest when no lower bound meets it.
 *
 * Only sets holding an import of one given cycle are tested (any set that breaks every cycle
 * must break that one), which leaves the answer as it was and makes a one-import search cost
 * the length of a cycle rather than the number of imports.
 */
import { hasCycle } from "../../graph/has-cycle.js";
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareArcs, type Arc } from "./arc.js";
import { binomial, combinations } from "./combinations.js";
import { shortestCycleThrough } from "./shortest-cycle.js";

export interface ExhaustiveBudget {
  /** How many candidate sets may be counted, tested or not. */
  sets: number;
  /** How many nodes and edges the tests may walk: each test counts the whole graph. */
  work: number;
}

/**
 * The smallest set, if one is smaller than the greedy one of `greedySize` edges or as small with
 * more cheap imports, found by trying every set of each size in turn; `complete` when every
 * size below the answer was tried.
 */
export function exhaustiveBreakers(
  graph: ImportGraph,
  greedySize: number,
  budget: ExhaustiveBudget,
  cheap: (from: string, to: string) => boolean,
): { arcs: Arc[] | undefined; complete: boolean } {
  const arcs: Arc[] = graph.mapEdges((_edge, _attributes, from, to): Arc => [from, to]).sort(compareArcs);
  const perTest = graph.order + graph.size;
  let onCycle: Set<number> | undefined;
  let tested = 0;
  let work = 0;
  for (let size = 1; size <= greedySize; size++) {
    tested += binomial(arcs.length, size);
    if (tested <= budget.sets) {
      onCycle ??= cycleArcs(graph, arcs);
      const toTest = binomial(arcs.length, size) - binomial(arcs.length - onCycle.size, size);
      work += Number.isFinite(toTest) ? toTest * perTest : Infinity;
    }
    // Out of budget: the greedy set is still the fewest if every smaller size was tried.
    if (tested > budget.sets || work > budget.work) return { arcs: undefined, complete: size === greedySize };
    let best: { arcs: Arc[]; cheap: number } | undefined;
    for (const chosen of combinations(arcs.length, size)) {
      if (!chosen.some((index) => onCycle!.has(index))) continue;
      const removed = chosen.map((index) => arcs[index]!);
      if (breaksEveryCycle(graph, removed)) {
        const cheapCount = removed.filter((arc) => cheap(...arc)).length;
        if (best === undefined || cheapCount > best.cheap) best = { arcs: removed, cheap: cheapCount };
      }
    }
    if (best !== undefined) return { arcs: best.arcs, complete: true };
  }
  return { arcs: undefined, complete: true };
}

/** The indices in `arcs` of the imports of one shortest cycle (none when there is no cycle). */
function cycleArcs(graph: ImportGraph, arcs: readonly Arc[]): Set<number> {
  const indexOf = new Map(arcs.map(([from, to], index) => [`${from}\0${to}`, index]));
  let cycle: string[] | undefined;
  for (const node of graph.nodes()) {
    cycle = shortestCycleThrough(graph, node);
    if (cycle !== undefined) break;
  }
  const onCycle = new Set<number>();
  if (cycle === undefined) return onCycle;
  for (let index = 1; index < cycle.length; index++) onCycle.add(indexOf.get(`${cycle[index - 1]!}\0${cycle[index]!}`)!);
  return onCycle;
}

function breaksEveryCycle(graph: ImportGraph, removed: readonly Arc[]): boolean {
  const attributes = removed.map(([from, to]) => graph.getEdgeAttributes(from, to));
  for (const [from, to] of removed) graph.dropEdge(from, to);
  const breaks = !hasCycle(graph);
  removed.forEach(([from, to], index) => graph.addDirectedEdge(from, to, attributes[index]));
  return breaks;
}
