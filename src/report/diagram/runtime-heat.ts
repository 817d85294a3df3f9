/**
 * The runtime overlay: a recorded run (a profile's call tree) folded onto the boxes a diagram
 * draws, so the static map shows where the time went. Each frame counts in the box that draws its
 * module — the module's own box, or the folder or layer box that holds it; a package or builtin
 * in its box when externals are drawn — and a frame drawn nowhere (a native function, a module
 * left out, Node's internals) in its caller's box, as gprof2dot folds. What the writers need then
 * follows from the fold: each box's heat, the time along each import arrow, and the calls that
 * no import stands for.
 */
import { foldCallTree, type CallTree, type Frame, type FrameKey } from "../../model/call-graph.js";
import type { DiagramRuntime, Diagram, DiagramEdge, NodeHeat, RuntimeCall } from "./diagram.js";

export type HeatBy = "total" | "self";

/**
 * Keys of the fold: a drawn box's id behind a prefix, so no key is the fold's own `(unplaced)`
 * whatever a module is called.
 */
const KEY = "box:";

const pairKey = (from: string, to: string): string => `${from}\0${to}`;

export interface FoldScope {
  /** Every import arrow between the boxes, drawn or not (an opened box's view draws only some). */
  arrows?: readonly DiagramEdge[];
  /** The calls a view draws (an opened box's: those that touch it); default all. */
  touches?: (from: string, to: string) => boolean;
}

export function foldRuntime(diagram: Omit<Diagram, "runtime">, tree: CallTree, heat: HeatBy = "total", scope: FoldScope = {}): DiagramRuntime {
  // Which box draws a module, by the kind of frame that can name it.
  const local = new Map<string, string>();
  const outside = new Map<string, string>();
  for (const node of diagram.nodes.values()) {
    if (node.kind === "external" || node.kind === "builtin") outside.set(`${node.kind}\0${node.id}`, node.id);
    else if (node.kind !== "unresolved") for (const member of node.members ?? [node.id]) local.set(member, node.id);
  }
  const boxOf = (frame: Frame): string | undefined => {
    if (frame.kind === "local") return local.get(frame.module);
    if (frame.kind === "external" || frame.kind === "builtin") return outside.get(`${frame.kind}\0${frame.module}`);
    return undefined;
  };
  const keyOf: FrameKey = (frame) => {
    const box = boxOf(frame);
    return box === undefined ? undefined : { id: KEY + box, module: box, kind: "local" as const };
  };
  const graph = foldCallTree(tree, "module", keyOf);
  const nodes = new Map<string, NodeHeat>();
  for (const node of graph.nodes) if (node.id.startsWith(KEY)) nodes.set(node.id.slice(KEY.length), { selfMs: node.selfMs, totalMs: node.totalMs });
  const arrows = new Set((scope.arrows ?? diagram.edges).map((edge) => pairKey(edge.from, edge.to)));
  const drawn = new Set(diagram.edges.map((edge) => pairKey(edge.from, edge.to)));
  const imports = new Map<string, number>();
  const calls: RuntimeCall[] = [];
  for (const edge of graph.edges) {
    if (!edge.from.startsWith(KEY) || !edge.to.startsWith(KEY) || edge.ms <= 0) continue;
    const from = edge.from.slice(KEY.length);
    const to = edge.to.slice(KEY.length);
    const key = pairKey(from, to);
    if (arrows.has(key)) {
      if (drawn.has(key)) imports.set(key, edge.ms);
    } else if (scope.touches === undefined || scope.touches(from, to)) calls.push({ from, to, ms: edge.ms });
  }
  const chosen = [...nodes.values()].map((node) => (heat === "self" ? node.selfMs : node.totalMs));
  const hottestMs = Math.max(0, ...chosen);
  const heaviestMs = Math.max(0, ...[...nodes.values()].map((node) => node.totalMs));
  return { heat, totalMs: graph.totalMs, samples: graph.samples, hottestMs, heaviestMs, nodes, imports, calls };
}

/** A box's time by the heat chosen (0 for a box that never ran). */
function chosenMs(runtime: DiagramRuntime, id: string): number {
  const heat = runtime.nodes.get(id);
  return heat === undefined ? 0 : runtime.heat === "self" ? heat.selfMs : heat.totalMs;
}

/** A box's share of the run (0 to 1) by the heat chosen; 0 for a box that never ran. */
export function nodeShare(runtime: DiagramRuntime, id: string): number {
  return share(runtime, chosenMs(runtime, id));
}

/** A box's heat (0 to 1) for its colour: its time against the hottest box's (which is 1). */
export function nodeWeight(runtime: DiagramRuntime, id: string): number {
  return runtime.hottestMs > 0 ? chosenMs(runtime, id) / runtime.hottestMs : 0;
}

/** An arrow's weight (0 to 1) for its width: its time against the hottest box's total. */
export function callWeight(runtime: DiagramRuntime, ms: number): number {
  return runtime.heaviestMs > 0 ? Math.min(ms / runtime.heaviestMs, 1) : 0;
}

/** Whether a box was on the stack at all. */
export function ran(runtime: DiagramRuntime, id: string): boolean {
  const heat = runtime.nodes.get(id);
  return heat !== undefined && (heat.totalMs > 0 || heat.selfMs > 0);
}

/** The time calls took along an import arrow (0: never exercised). */
export function importMs(runtime: DiagramRuntime, edge: DiagramEdge): number {
  return runtime.imports.get(pairKey(edge.from, edge.to)) ?? 0;
}

export function share(runtime: DiagramRuntime, ms: number): number {
  return runtime.totalMs > 0 ? ms / runtime.totalMs : 0;
}

/** A share (0 to 1) as a short label: `12%`, `1.5%`, `0.3%`, `<0.1%`. */
export function percentLabel(fraction: number): string {
  const pct = fraction * 100;
  if (pct === 0) return "0%";
  if (pct >= 9.95) return `${pct.toFixed(0)}%`;
  if (pct >= 0.05) return `${pct.toFixed(1)}%`;
  return "<0.1%";
}

/** A share (0 to 1) with one decimal, for tooltips: `12.3%`. */
export function percentText(fraction: number): string {
  const pct = fraction * 100;
  return pct > 0 && pct < 0.05 ? "<0.1%" : `${pct.toFixed(1)}%`;
}

/** Milliseconds as read: `45 ms`, `1.2 ms`, `0.3 ms`, `1,234 ms`. */
function msText(ms: number): string {
  return `${ms >= 10 ? Math.round(ms).toLocaleString("en-US") : Number(ms.toFixed(1)).toString()} ms`;
}

/** The line a box's tooltip gains: `total 12.3% (45 ms), self 1.2%`, or that it never ran. */
export function nodeHeatText(runtime: DiagramRuntime, id: string): string {
  const heat = runtime.nodes.get(id);
  if (heat === undefined || !ran(runtime, id)) return "never ran in the profile";
  return `total ${percentText(share(runtime, heat.totalMs))} (${msText(heat.totalMs)}), self ${percentText(share(runtime, heat.selfMs))}`;
}

/** The line an arrow's tooltip gains. */
export function callText(runtime: DiagramRuntime, ms: number): string {
  return ms > 0 ? `calls: ${percentText(share(runtime, ms))} of the run (${msText(ms)})` : "no call along it in the profile";
}

/**
 * Arrows with calls on them are labelled with their share up to this many; past it, only the
 * heaviest this many are (the rest show their share by thickness and in their tooltip).
 */
const LABELLED_CALLS_AT_MOST = 40;

/** The arrows (`from\0to`, import arrows and runtime-only calls alike) whose share is written on them. */
export function labelledCalls(runtime: DiagramRuntime): Set<string> {
  let found = labelled.get(runtime);
  if (found === undefined) labelled.set(runtime, (found = heaviestCalls(runtime)));
  return found;
}

const labelled = new WeakMap<DiagramRuntime, Set<string>>();

function heaviestCalls(runtime: DiagramRuntime): Set<string> {
  const all = [...[...runtime.imports].map(([key, ms]) => ({ key, ms })), ...runtime.calls.map((call) => ({ key: pairKey(call.from, call.to), ms: call.ms }))];
  all.sort((a, b) => b.ms - a.ms || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Set(all.slice(0, LABELLED_CALLS_AT_MOST).map((entry) => entry.key));
}

export function callKey(from: string, to: string): string {
  return pairKey(from, to);
}

/** The legend's one-line summary of the run. */
export function runSummary(runtime: DiagramRuntime): string {
  return `${runtime.heat === "self" ? "self time" : "total time"} in a run of ${msText(runtime.totalMs)} (${runtime.samples.toLocaleString("en-US")} samples)`;
}

/** Relative luminance of `#rrggbb` (WCAG). */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
}

/** Whether white text reads better than black on a fill (the larger WCAG contrast ratio). */
export function whiteTextOn(fill: string): boolean {
  const l = luminance(fill);
  return (1.05) / (l + 0.05) >= (l + 0.05) / 0.05;
}
