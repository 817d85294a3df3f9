/**
 * The top-to-bottom order of the folder groups that leaves the fewest imports pointing upwards.
 * Two starting orders — the greedy feedback arc heuristic over the imports between groups, and
 * the groups by the median level of their modules (cycles condensed, so it is blind to nothing
 * but the cycles) — whichever breaks fewer, then improved by moving one group at a time to the
 * place where it breaks fewest, until no move helps. When the groups import each other without
 * a cycle, the greedy order is already topological and nothing points upwards.
 */
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { greedyArcOrder } from "../cycles/greedy-arc-order.js";
import type { FolderGroup } from "./folder-groups.js";
import { groupGraph } from "./group-graph.js";
import { improveOrder, upwardImports } from "./improve-order.js";

export interface OrderedGroup extends FolderGroup {
  /** The median level of its modules. */
  level: number;
}

export function orderGroups(local: ImportGraph, groups: readonly FolderGroup[], levelOf: ReadonlyMap<string, number>): OrderedGroup[] {
  const between = groupGraph(local, groups);
  const ordered = groups.map((group): OrderedGroup => ({ ...group, level: median(group.modules.map((id) => levelOf.get(id)!)) }));
  const at = (node: string): OrderedGroup => ordered[Number(node)]!;
  const higher = (a: string, b: string): number => at(b).level - at(a).level || compareCodeUnits(at(a).folder, at(b).folder);
  const weight = (from: string, to: string): number => between.getDirectedEdgeAttribute(from, to, "imports");

  const greedy = greedyArcOrder(between, { weight, prefer: higher });
  const byLevel = between.nodes().sort(higher);
  const start = upwardImports(between, byLevel) < upwardImports(between, greedy) ? byLevel : greedy;
  return improveOrder(between, start, higher).map(at);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
