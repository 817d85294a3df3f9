/**
 * Two runs of one program side by side (`callgraph a --compare b`: a page refresh against five
 * idle seconds): each node's and arrow's share of its own run, so runs of different lengths
 * compare. A node in one run only has 0% in the other.
 */
import { share, type CallGraph, type CallGraphComparison } from "../model/call-graph.js";
import { compareCodeUnits } from "../model/compare.js";

const percent = (value: number): number => Math.round(value * 1000) / 1000;

/** `graph` is the run looked at, `base` the one it is compared with. */
export function compareCallGraphs(graph: CallGraph, base: CallGraph): CallGraphComparison {
  const baseNodes = new Map(base.nodes.map((node) => [node.id, node]));
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const ids = [...new Set([...nodes.keys(), ...baseNodes.keys()])].sort(compareCodeUnits);
  const edgeKey = (edge: { from: string; to: string }): string => `${edge.from}\u0000${edge.to}`;
  const baseEdges = new Map(base.edges.map((edge) => [edgeKey(edge), edge]));
  const edges = new Map(graph.edges.map((edge) => [edgeKey(edge), edge]));
  const edgeKeys = [...new Set([...edges.keys(), ...baseEdges.keys()])].sort(compareCodeUnits);
  return {
    by: graph.by,
    totalMs: graph.totalMs,
    baseTotalMs: base.totalMs,
    nodes: ids.map((id) => {
      const now = nodes.get(id);
      const before = baseNodes.get(id);
      const either = (now ?? before)!;
      return {
        id,
        module: either.module,
        kind: either.kind,
        totalPct: percent(share(now?.totalMs ?? 0, graph.totalMs)),
        basePct: percent(share(before?.totalMs ?? 0, base.totalMs)),
        selfPct: percent(share(now?.selfMs ?? 0, graph.totalMs)),
        baseSelfPct: percent(share(before?.selfMs ?? 0, base.totalMs)),
      };
    }),
    edges: edgeKeys.map((key) => {
      const now = edges.get(key);
      const before = baseEdges.get(key);
      const either = (now ?? before)!;
      return { from: either.from, to: either.to, pct: percent(share(now?.ms ?? 0, graph.totalMs)), basePct: percent(share(before?.ms ?? 0, base.totalMs)) };
    }),
  };
}
