/** The folder groups as a graph: node `i` is `groups[i]`, and an edge counts the imports between two groups. */
import { DirectedGraph } from "graphology";
import type { ImportGraph } from "../../graph/import-graph.js";

export type GroupGraph = DirectedGraph<Record<string, never>, { imports: number }>;

export function groupGraph(local: ImportGraph, groups: readonly { modules: readonly string[] }[]): GroupGraph {
  const groupOf = new Map<string, string>();
  groups.forEach((group, index) => group.modules.forEach((id) => groupOf.set(id, String(index))));
  const between: GroupGraph = new DirectedGraph();
  groups.forEach((_group, index) => between.addNode(String(index)));
  local.forEachEdge((_edge, _attributes, from, to) => {
    const a = groupOf.get(from)!;
    const b = groupOf.get(to)!;
    if (a !== b) between.updateDirectedEdge(a, b, (attributes) => ({ imports: (attributes.imports ?? 0) + 1 }));
  });
  return between;
}
