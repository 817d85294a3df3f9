/**
 * A call graph as JSON, for scripts: the graph as the model holds it, fields in a fixed order,
 * nodes and arrows in the order given (by id; by caller, then callee), with a version to grow by.
 */
import type { CallGraph, CallGraphComparison } from "../../model/call-graph.js";

export function callGraphJson(graph: CallGraph): string {
  const document = {
    version: 1,
    by: graph.by,
    totalMs: graph.totalMs,
    samples: graph.samples,
    unplacedMs: graph.unplacedMs,
    nodes: graph.nodes.map((node) => ({ id: node.id, module: node.module, kind: node.kind, selfMs: node.selfMs, totalMs: node.totalMs })),
    edges: graph.edges.map((edge) => ({ from: edge.from, to: edge.to, ms: edge.ms })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function comparisonJson(comparison: CallGraphComparison): string {
  const document = {
    version: 1,
    by: comparison.by,
    compare: true,
    totalMs: comparison.totalMs,
    baseTotalMs: comparison.baseTotalMs,
    nodes: comparison.nodes.map((node) => ({
      id: node.id,
      module: node.module,
      kind: node.kind,
      totalPct: node.totalPct,
      basePct: node.basePct,
      selfPct: node.selfPct,
      baseSelfPct: node.baseSelfPct,
    })),
    edges: comparison.edges.map((edge) => ({ from: edge.from, to: edge.to, pct: edge.pct, basePct: edge.basePct })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
