/**
 * What every call-graph reporter says the same way: whether it was given one run or two, a
 * node's name and place, the percentages, and which nodes are the program's own code.
 */
import type { CallGraph, CallGraphBy, CallGraphComparison, CallGraphNode } from "../../model/call-graph.js";

export function isComparison(graph: CallGraph | CallGraphComparison): graph is CallGraphComparison {
  return "baseTotalMs" in graph;
}

/**
 * A node's name and, for a function, where it is: `apps/wiki/views.ts:renderPage:12` is
 * `renderPage` at `apps/wiki/views.ts:12` (`apps/wiki/views.ts` when the line is unknown, 0).
 * Other nodes are named by their id alone.
 */
export function nodeName(node: { id: string; module: string; kind: CallGraphNode["kind"] }, by: CallGraphBy): { name: string; place?: string } {
  if (by !== "function" || node.kind === "special" || !node.id.startsWith(`${node.module}:`)) return { name: node.id };
  const rest = node.id.slice(node.module.length + 1);
  const match = /^(.*):(\d+)$/s.exec(rest);
  if (match === null) return { name: rest, place: node.module };
  const line = Number(match[2]);
  return { name: match[1]!, place: line > 0 ? `${node.module}:${line}` : node.module };
}

/** `12.34%`: a share of the run, as gprof2dot writes it. */
export function percent(value: number): string {
  return `${value.toFixed(2)}%`;
}

/** Milliseconds with the profile's resolution, for tooltips and tables. */
export function ms(value: number): string {
  return `${value.toFixed(3)} ms`;
}

/** The kinds of node drawn apart from the program's own code. */
export type NodeLook = "own" | "special" | "elsewhere";

/**
 * The program's own code (a local function or module, a folder, a layer); V8's entries (idle,
 * program, garbage collector); or code from elsewhere — a package, Node itself, a file outside
 * the root, native code, the time no frame could be placed for.
 */
export function lookOf(kind: CallGraphNode["kind"]): NodeLook {
  if (kind === "special") return "special";
  return kind === "local" || kind === "folder" || kind === "layer" ? "own" : "elsewhere";
}

/** A comparison's change in points, signed, to one decimal (or `digits`): `+8.3`, `-0.4`, `0.0`. */
export function delta(now: number, base: number, digits = 1): string {
  const text = (now - base).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return text.startsWith("-") ? text : `+${text}`;
}

/** A comparison's share in one run, to one decimal: `12.3%`. */
export function shortPercent(value: number): string {
  return `${value.toFixed(1)}%`;
}
