/**
 * The local modules of a plane and the imports among them: what cycles, levels and inferred
 * layers are about. Packages and builtins import nothing we can see, so they can close no cycle
 * and would only crowd the groups.
 */
import { createImportGraph, type ImportGraph } from "../graph/import-graph.js";

export function localSubgraph(graph: ImportGraph, keep: (id: string) => boolean = () => true): ImportGraph {
  const local = createImportGraph();
  graph.forEachNode((id, attributes) => {
    if (attributes.kind === "local" && keep(id)) local.addNode(id, attributes);
  });
  graph.forEachEdge((_edge, attributes, from, to) => {
    if (local.hasNode(from) && local.hasNode(to)) local.addDirectedEdge(from, to, attributes);
  });
  return local;
}
