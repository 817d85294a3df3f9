/**
 * The exhaustive half of the cycle breakers: every set of imports of one size, then the next,
 * until removing one leaves no cycle — affordable on the small tangles met most often, and the
 * only way to prove a set the fewest when no lower bound meets it.
 */
import { hasCycle } from "graphology-dag";
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareArcs, type Arc } from "./arc.js";
import { binomial, combinations } from "./combinations.js";

/**
 * The smallest set, if one is smaller than the greedy one of `greedySize` edges or as small with
 * more cheap imports, found by trying every set of each size in turn; `complete` when every
 * size below the answer was tried.
 */
export function exhaustiveBreakers(
  graph: ImportGraph,
  greedySize: number,
  budget: number,
  cheap: (from: string, to: string) => boolean,
): { arcs: Arc[] | undefined; complete: boolean } {
  const arcs: Arc[] = graph.mapEdges((_edge, _attributes, from, to): Arc => [from, to]).sort(compareArcs);
  let tested = 0;
  for (let size = 1; size <= greedySize; size++) {
    tested += binomial(arcs.length, size);
    // Out of budget: the greedy set is still the fewest if every smaller size was tried.
    if (tested > budget) return { arcs: undefined, complete: size === greedySize };
    let best: { arcs: Arc[]; cheap: number } | undefined;
    for (const chosen of combinations(arcs.length, size)) {
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

function breaksEveryCycle(graph: ImportGraph, removed: readonly Arc[]): boolean {
  const attributes = removed.map(([from, to]) => graph.getEdgeAttributes(from, to));
  for (const [from, to] of removed) graph.dropEdge(from, to);
  const breaks = !hasCycle(graph);
  removed.forEach(([from, to], index) => graph.addDirectedEdge(from, to, attributes[index]!));
  return breaks;
}
