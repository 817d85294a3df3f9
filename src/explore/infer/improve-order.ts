/**
 * Local search on a top-to-bottom order of groups: move one group to the position where the
 * fewest imports point upwards, as long as some move strictly helps (each pass is a handful of
 * groups squared, and the count only goes down, so it ends). Then neighbours that nothing orders
 * (swapping them breaks no more) are sorted by `prefer`, so a group free to sit anywhere in a
 * range sits where its modules' levels put it, not wherever the search left it.
 */
import type { GroupGraph } from "./group-graph.js";

/** How many imports go from a group to one placed above it. */
export function upwardImports(between: GroupGraph, order: readonly string[]): number {
  const position = new Map(order.map((node, index) => [node, index]));
  return between.reduceEdges((sum, _edge, { imports }, from, to) => (position.get(to)! < position.get(from)! ? sum + imports : sum), 0);
}

export function improveOrder(between: GroupGraph, start: readonly string[], prefer: (a: string, b: string) => number): string[] {
  let order = [...start];
  let cost = upwardImports(between, order);
  for (let improved = true; improved; ) {
    improved = false;
    for (const node of [...order]) {
      const without = order.filter((other) => other !== node);
      for (let index = 0; index <= without.length; index++) {
        const candidate = [...without.slice(0, index), node, ...without.slice(index)];
        const candidateCost = upwardImports(between, candidate);
        if (candidateCost < cost) {
          order = candidate;
          cost = candidateCost;
          improved = true;
        }
      }
    }
  }
  const imports = (from: string, to: string): number => (between.hasDirectedEdge(from, to) ? between.getDirectedEdgeAttribute(from, to, "imports") : 0);
  for (let swapped = true; swapped; ) {
    swapped = false;
    for (let index = 0; index + 1 < order.length; index++) {
      const [above, below] = [order[index]!, order[index + 1]!];
      if (prefer(below, above) < 0 && imports(above, below) <= imports(below, above)) {
        order[index] = below;
        order[index + 1] = above;
        swapped = true;
      }
    }
  }
  return order;
}
