/**
 * Each module's level: the longest chain of imports below it, after condensing every cycle into
 * one node (src/graph/strongly-connected-components.ts), walked in topological order (graphology-dag). A module that
 * imports nothing local is level 0; a module is always above everything it imports, except the
 * members of its own cycle, which share a level.
 */
import { stronglyConnectedComponents } from "../../graph/strongly-connected-components.js";
import { topologicalSort } from "graphology-dag";
import { DirectedGraph } from "graphology";
import type { ImportGraph } from "../../graph/import-graph.js";

/** `local`: local modules only. */
export function moduleLevels(local: ImportGraph): Map<string, number> {
  const componentOf = new Map<string, string>();
  const condensed = new DirectedGraph();
  stronglyConnectedComponents(local).forEach((members, index) => {
    condensed.addNode(String(index));
    for (const id of members) componentOf.set(id, String(index));
  });
  local.forEachEdge((_edge, _attributes, from, to) => {
    const a = componentOf.get(from)!;
    const b = componentOf.get(to)!;
    if (a !== b) condensed.mergeDirectedEdge(a, b);
  });

  const levelOf = new Map<string, number>();
  for (const component of topologicalSort(condensed).reverse()) {
    const below = condensed.outNeighbors(component).map((next) => levelOf.get(next)! + 1);
    levelOf.set(component, Math.max(0, ...below));
  }
  return new Map(local.mapNodes((id) => [id, levelOf.get(componentOf.get(id)!)!]));
}
