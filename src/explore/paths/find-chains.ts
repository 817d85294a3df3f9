/**
 * `layermap why <from> <to>`: the shortest import chains from any module matching `from` to any
 * matching `to`. The search runs on a copy of the graph with one start joined to every `from`
 * module and one end joined from every `to` module, so globs on both sides cost one search, not
 * one per pair. A chain stops at the first target it reaches: going on through a target to
 * another would only repeat a shorter chain.
 */
import type { Plane } from "../../config/config-schema.js";
import { createImportGraph, type ImportGraph } from "../../graph/import-graph.js";
import { planeView } from "../../rules/plane.js";
import { chainAlong, type ChainStep } from "../chain-step.js";
import { kShortestPaths } from "./k-shortest-paths.js";

const START = "\0start";
const END = "\0end";
const arrival = (target: string): string => `\0to:${target}`;

export interface ChainsOptions {
  /** How many distinct chains, shortest first (default 1). */
  limit?: number;
  /** Follow every import (default) or only runtime ones. */
  plane?: Plane;
}

export function findChains(whole: ImportGraph, from: readonly string[], to: readonly string[], options: ChainsOptions = {}): ChainStep[][] {
  const graph = planeView(whole, options.plane ?? "all");
  const targets = new Set(to);
  const search = createImportGraph();
  graph.forEachNode((id, { kind }) => search.addNode(id, { kind }));
  search.addNode(START, { kind: "local" });
  search.addNode(END, { kind: "local" });
  for (const target of targets) {
    search.addNode(arrival(target), { kind: "local" });
    search.addDirectedEdge(arrival(target), END, { sites: [] });
  }
  graph.forEachEdge((_edge, _attributes, source, target) => {
    search.addDirectedEdge(source, targets.has(target) ? arrival(target) : target, { sites: [] });
  });
  for (const source of from) search.addDirectedEdge(START, source, { sites: [] });

  return kShortestPaths(search, START, END, options.limit ?? 1).map((path) => {
    const modules = path.slice(1, -1).map((node) => (node.startsWith("\0to:") ? node.slice("\0to:".length) : node));
    return chainAlong(graph, modules);
  });
}
