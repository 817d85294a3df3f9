/**
 * gprof2dot's pruning: a node whose total is under `nodeThreshold` percent of the run goes, and
 * an arrow under `edgeThreshold` percent, or whose end went; `--focus` keeps only the call paths
 * through the nodes it names (what calls them, what they call). Shares stay shares of the whole
 * run, so a pruned or focused picture still says how much of the run it shows.
 */
import type { IdMatcher } from "../config/glob-matcher.js";
import { share, type CallGraph } from "../model/call-graph.js";

export interface PruneOptions {
  /** Percent of the run (gprof2dot's -n, default 0.5). */
  nodeThreshold: number;
  /** Percent of the run (gprof2dot's -e, default 0.1). */
  edgeThreshold: number;
  /** Keep the nodes matching it (by id or module) and the call paths through them. */
  focus?: IdMatcher;
}

export interface Pruned {
  graph: CallGraph;
  /** How many nodes and arrows were left out. */
  droppedNodes: number;
  droppedEdges: number;
}

export function pruneCallGraph(graph: CallGraph, options: PruneOptions): Pruned {
  const keep = new Set(graph.nodes.filter((node) => share(node.totalMs, graph.totalMs) >= options.nodeThreshold).map((node) => node.id));
  let edges = graph.edges.filter((edge) => keep.has(edge.from) && keep.has(edge.to) && share(edge.ms, graph.totalMs) >= options.edgeThreshold);
  if (options.focus !== undefined) {
    const matches = options.focus;
    const focused = graph.nodes.filter((node) => keep.has(node.id) && (matches(node.id) || matches(node.module))).map((node) => node.id);
    const onPaths = new Set([...reach(focused, edges, "from", "to"), ...reach(focused, edges, "to", "from")]);
    for (const id of keep) if (!onPaths.has(id)) keep.delete(id);
    edges = edges.filter((edge) => keep.has(edge.from) && keep.has(edge.to));
  }
  const nodes = graph.nodes.filter((node) => keep.has(node.id));
  return { graph: { ...graph, nodes, edges }, droppedNodes: graph.nodes.length - nodes.length, droppedEdges: graph.edges.length - edges.length };
}

/** Every node reachable from `starts` along the arrows (forward: from → to). */
function reach(starts: readonly string[], edges: CallGraph["edges"], from: "from" | "to", to: "from" | "to"): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const list = next.get(edge[from]) ?? [];
    list.push(edge[to]);
    next.set(edge[from], list);
  }
  const seen = new Set(starts);
  const queue = [...starts];
  for (let head = 0; head < queue.length; head++) {
    for (const id of next.get(queue[head]!) ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(id);
    }
  }
  return seen;
}
