/**
 * A lower bound on how many imports must go to break every cycle: the number of cycles that
 * share no import (each needs an import of its own removed). Found greedily, shortest cycles
 * first, so when it meets the size of the breakers found, those are proven the fewest without
 * an exhaustive search — as happens on a big tangle made of many two-module knots.
 */
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { shortestCycleThrough } from "./shortest-cycle.js";

export function disjointCycleCount(component: ImportGraph): number {
  const work = component.copy();
  let count = 0;
  const take = (cycle: readonly string[]): void => {
    for (let index = 1; index < cycle.length; index++) work.dropEdge(cycle[index - 1]!, cycle[index]!);
    count++;
  };
  // Two-module knots first: packing them before longer cycles keeps the bound high.
  for (const edge of work.edges()) {
    if (!work.hasEdge(edge)) continue;
    const from = work.source(edge);
    const to = work.target(edge);
    if (from !== to && work.hasDirectedEdge(to, from)) take([from, to, from]);
  }
  for (const node of work.nodes().sort(compareCodeUnits)) {
    for (let cycle = shortestCycleThrough(work, node); cycle !== undefined; cycle = shortestCycleThrough(work, node)) take(cycle);
  }
  return count;
}
