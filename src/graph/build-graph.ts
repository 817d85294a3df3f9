/**
 * The graph stage: modules and resolved import sites → the graphology graph. One edge per
 * (from, to) pair gathers every site, so a file importing another twice is one edge with two lines.
 */
import type { ImportSiteRecord, ModuleKind } from "../model/document.js";
import { createImportGraph, type ImportGraph } from "./import-graph.js";

export interface ParsedFile {
  id: string;
  lines?: number;
}

export interface ResolvedSite {
  from: string;
  to: string;
  toKind: ModuleKind;
  site: ImportSiteRecord;
}

export function buildGraph(files: readonly ParsedFile[], sites: readonly ResolvedSite[]): ImportGraph {
  const graph = createImportGraph();
  for (const file of files) {
    graph.addNode(file.id, file.lines === undefined ? { kind: "local" } : { kind: "local", lines: file.lines });
  }
  for (const { from, to, toKind, site } of sites) {
    if (!graph.hasNode(to)) graph.addNode(to, { kind: toKind });
    const existing = graph.edge(from, to);
    if (existing === undefined) graph.addDirectedEdge(from, to, { sites: [site] });
    else graph.getEdgeAttributes(existing).sites.push(site);
  }
  return graph;
}
