/**
 * A call graph as text, after gprof: a flat profile (every node by total time, hottest first),
 * then a short call-graph section — each node that calls others, with the share of the run its
 * callees took when called from it. Two runs compared: each node's share then and now, the
 * largest changes first. Every id is made printable (model/printable.ts): a profile's function
 * names come from the profiled code.
 */
import { share, type CallGraph, type CallGraphComparison } from "../../model/call-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { printable } from "../../model/printable.js";
import { delta } from "./callgraph-common.js";

export function callGraphText(graph: CallGraph): string {
  const lines = [
    `call graph by ${graph.by}: run ${graph.totalMs.toFixed(3)} ms, ${graph.samples} samples, unplaced ${graph.unplacedMs.toFixed(3)} ms`,
    "",
    `${pad("total%", 7)}  ${pad("total ms", 11)}  ${pad("self%", 7)}  ${pad("self ms", 11)}  id`,
  ];
  const byTotal = [...graph.nodes].sort((a, b) => b.totalMs - a.totalMs || compareCodeUnits(a.id, b.id));
  for (const node of byTotal) {
    lines.push(
      `${pad(share(node.totalMs, graph.totalMs).toFixed(2), 7)}  ${pad(node.totalMs.toFixed(3), 11)}  ${pad(share(node.selfMs, graph.totalMs).toFixed(2), 7)}  ${pad(node.selfMs.toFixed(3), 11)}  ${printable(node.id)}`,
    );
  }
  const callees = new Map<string, CallGraph["edges"]>();
  for (const edge of graph.edges) {
    const list = callees.get(edge.from) ?? [];
    list.push(edge);
    callees.set(edge.from, list);
  }
  const callers = byTotal.filter((node) => callees.has(node.id));
  if (callers.length > 0) {
    lines.push("", "callees (% of the run in the callee and below, called from there):");
    for (const node of callers) {
      lines.push("", `${printable(node.id)}  ${share(node.totalMs, graph.totalMs).toFixed(2)}%`);
      const sorted = [...callees.get(node.id)!].sort((a, b) => b.ms - a.ms || compareCodeUnits(a.to, b.to));
      for (const edge of sorted) lines.push(`  ${pad(share(edge.ms, graph.totalMs).toFixed(2), 7)}%  ${pad(edge.ms.toFixed(3), 11)} ms  ${printable(edge.to)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export function comparisonText(comparison: CallGraphComparison): string {
  const lines = [
    `call graph by ${comparison.by}, compared: run ${comparison.totalMs.toFixed(3)} ms, base run ${comparison.baseTotalMs.toFixed(3)} ms (shares of each run's own total)`,
    "",
    `${pad("base%", 7)}  ${pad("now%", 7)}  ${pad("delta", 7)}  id`,
  ];
  const byChange = [...comparison.nodes].sort(
    (a, b) => Math.abs(b.totalPct - b.basePct) - Math.abs(a.totalPct - a.basePct) || compareCodeUnits(a.id, b.id),
  );
  for (const node of byChange) {
    lines.push(`${pad(node.basePct.toFixed(2), 7)}  ${pad(node.totalPct.toFixed(2), 7)}  ${pad(delta(node.totalPct, node.basePct, 2), 7)}  ${printable(node.id)}`);
  }
  return `${lines.join("\n")}\n`;
}

function pad(text: string, width: number): string {
  return text.padStart(width);
}
