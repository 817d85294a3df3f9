/**
 * The two planes of the graph: every import (`all`) or only those that survive compilation
 * (`runtime`): type-only imports vanish, and cycles through them are not real cycles.
 */
import type { Plane } from "../config/config-schema.js";
import { createImportGraph, isTypeOnly, type ImportGraph } from "../graph/import-graph.js";
import type { ImportSiteRecord } from "../model/document.js";
import { compareSites } from "../graph/to-document.js";

const runtimeViews = new WeakMap<ImportGraph, ImportGraph>();

export function planeView(graph: ImportGraph, plane: Plane): ImportGraph {
  if (plane === "all") return graph;
  let view = runtimeViews.get(graph);
  if (view === undefined) {
    view = createImportGraph();
    graph.forEachNode((id, attributes) => view!.addNode(id, attributes));
    graph.forEachEdge((_edge, attributes, from, to) => {
      if (!isTypeOnly(attributes)) view!.addDirectedEdge(from, to, { sites: attributes.sites.filter((site) => !site.typeOnly) });
    });
    runtimeViews.set(graph, view);
  }
  return view;
}

/** The site a violation points at: the first on the edge, whatever order the sites were found in. */
export function firstSite(graph: ImportGraph, from: string, to: string): ImportSiteRecord {
  const sites = graph.getEdgeAttributes(graph.edge(from, to)!).sites;
  return sites.reduce((best, site) => (compareSites(site, best) < 0 ? site : best));
}
