/**
 * How a program ran, as data: the call tree a CPU profile records, with each frame placed on the
 * map (a module id, a package, a Node builtin), and the call graph it folds into — gprof2dot's
 * picture, keyed by function, module, folder or layer. Shared by the callgraph stage, which
 * builds it, and the reporters, which draw it on its own or over the static map.
 */
import { compareCodeUnits } from "./compare.js";

/** Where a frame's code lives. */
type FrameKind =
  /** A file under the root: `module` is its id, as the map names it. */
  | "local"
  /** A file in node_modules: `module` is the package. */
  | "external"
  /** Node's own JavaScript (`node:events`, `node:internal/…`). */
  | "builtin"
  /** A file outside the root and outside node_modules. */
  | "outside"
  /** V8's own entries: `(program)`, `(idle)`, `(garbage collector)`. */
  | "special"
  /** Code with no file: a native function (`JSON.parse`), eval'd or wasm code. */
  | "native";

export interface Frame {
  kind: FrameKind;
  /** The module id, package, `node:` name, or the special entry's name; "" for native code. */
  module: string;
  functionName: string;
  /** 1-based line of the function in its (original) source; 0 when unknown. */
  line: number;
}

/**
 * A profile's call tree with its frames placed: nodes listed parents first, each with the time
 * of the samples taken while it was on top of the stack.
 */
export interface CallTree {
  frames: Frame[];
  /** `parent` is an index into `nodes`, -1 under the root. */
  nodes: { frame: number; parent: number; selfMs: number }[];
  totalMs: number;
  samples: number;
}

export type CallGraphBy = "function" | "module" | "folder" | "layer";

export interface CallGraphNode {
  id: string;
  /** The module (or package, builtin, special entry) it stands in; for folded views, the id. */
  module: string;
  kind: FrameKind | "folder" | "layer";
  /** Time with this node on top of the stack. */
  selfMs: number;
  /** Time with this node anywhere on the stack (counted once however deep it recurses). */
  totalMs: number;
}

export interface CallGraphEdge {
  from: string;
  to: string;
  /** Time spent in the callee (and below) when called from the caller. */
  ms: number;
}

export interface CallGraph {
  by: CallGraphBy;
  /** The whole run: every sample, idle included. */
  totalMs: number;
  samples: number;
  /** Time in frames with no place and no placed caller (no file and no caller with one). */
  unplacedMs: number;
  /** Sorted by id. */
  nodes: CallGraphNode[];
  /** Sorted by from, then to. */
  edges: CallGraphEdge[];
}

/** The node that gathers time no frame on its stack could be placed for. */
export const UNPLACED = "(unplaced)";

/**
 * What a frame is drawn as: a node id, or undefined to fold it into its caller (a native
 * function's time is its caller's module's work).
 */
export type FrameKey = (frame: Frame) => { id: string; module: string; kind: CallGraphNode["kind"] } | undefined;

/**
 * Folds a call tree into a call graph keyed by `keyOf`, as gprof2dot does: a node's total time is
 * the time it was anywhere on the stack, counted once however often it recurses or repeats; an
 * edge's time is the callee's total when called from that caller. Calls inside one node (a module
 * calling itself) are no edge. One depth-first walk, counting which keys and caller→callee pairs
 * are on the stack: linear in the tree.
 */
export function foldCallTree(tree: CallTree, by: CallGraphBy, keyOf: FrameKey): CallGraph {
  const keys = new Map<string, number>();
  const nodeInfo: { id: string; module: string; kind: CallGraphNode["kind"] }[] = [];
  const keyOfFrame = tree.frames.map((frame) => {
    const key = keyOf(frame);
    if (key === undefined) return -1;
    let index = keys.get(key.id);
    if (index === undefined) {
      index = nodeInfo.length;
      keys.set(key.id, index);
      nodeInfo.push(key);
    }
    return index;
  });
  const unplacedKey = (): number => {
    let index = keys.get(UNPLACED);
    if (index === undefined) {
      index = nodeInfo.length;
      keys.set(UNPLACED, index);
      nodeInfo.push({ id: UNPLACED, module: UNPLACED, kind: "native" });
    }
    return index;
  };

  const count = tree.nodes.length;
  const key = new Int32Array(count);
  const subtree = new Float64Array(count);
  const children: number[][] = Array.from({ length: count }, () => []);
  const tops: number[] = [];
  tree.nodes.forEach((node, index) => {
    const own = keyOfFrame[node.frame]!;
    // A frame with no place folds into its caller; with no caller either, it is unplaced.
    key[index] = own !== -1 ? own : node.parent !== -1 ? key[node.parent]! : unplacedKey();
    subtree[index] = node.selfMs;
    if (node.parent === -1) tops.push(index);
    else children[node.parent]!.push(index);
  });
  for (let index = count - 1; index >= 0; index--) {
    const parent = tree.nodes[index]!.parent;
    if (parent !== -1) subtree[parent]! += subtree[index]!;
  }

  const keyCount = nodeInfo.length;
  const selfMs = new Float64Array(keyCount);
  const totalMs = new Float64Array(keyCount);
  const onStack = new Int32Array(keyCount);
  const pairsOnStack = new Map<number, number>();
  const edgeMs = new Map<number, number>();
  const pairOf = (index: number): number | undefined => {
    const parent = tree.nodes[index]!.parent;
    return parent === -1 || key[parent] === key[index] ? undefined : key[parent]! * keyCount + key[index]!;
  };
  // Iterative depth-first walk: a deep recursion in the profiled program must not overflow ours.
  const stack: { index: number; entered: boolean }[] = tops.map((index) => ({ index, entered: false })).reverse();
  while (stack.length > 0) {
    const top = stack.pop()!;
    const { index } = top;
    const own = key[index]!;
    const pair = pairOf(index);
    if (top.entered) {
      onStack[own]!--;
      if (pair !== undefined) pairsOnStack.set(pair, pairsOnStack.get(pair)! - 1);
      continue;
    }
    selfMs[own]! += tree.nodes[index]!.selfMs;
    if (onStack[own] === 0) totalMs[own]! += subtree[index]!;
    onStack[own]!++;
    if (pair !== undefined) {
      const active = pairsOnStack.get(pair) ?? 0;
      if (active === 0) edgeMs.set(pair, (edgeMs.get(pair) ?? 0) + subtree[index]!);
      pairsOnStack.set(pair, active + 1);
    }
    stack.push({ index, entered: true });
    const below = children[index]!;
    for (let child = below.length - 1; child >= 0; child--) stack.push({ index: below[child]!, entered: false });
  }

  const unplaced = keys.get(UNPLACED);
  const unplacedMs = unplaced === undefined ? 0 : selfMs[unplaced]!;
  const nodes = nodeInfo
    .map((info, index) => ({ ...info, selfMs: round(selfMs[index]!), totalMs: round(totalMs[index]!) }))
    .filter((node) => node.totalMs > 0 || node.selfMs > 0)
    .sort((a, b) => compareCodeUnits(a.id, b.id));
  const edges = [...edgeMs]
    .map(([pair, ms]) => ({ from: nodeInfo[Math.floor(pair / keyCount)]!.id, to: nodeInfo[pair % keyCount]!.id, ms: round(ms) }))
    .sort((a, b) => compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to));
  return { by, totalMs: round(tree.totalMs), samples: tree.samples, unplacedMs: round(unplacedMs), nodes, edges };
}

/** Milliseconds to the microsecond: the profile's own resolution, and stable text. */
export function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** A share of the run, in percent. */
export function share(ms: number, totalMs: number): number {
  return totalMs > 0 ? (100 * ms) / totalMs : 0;
}

/**
 * Two runs side by side (`callgraph a --compare b`): each node's and edge's share of its own run,
 * in percent, so a run twice as long compares with a short one. A node in one run only has 0 in
 * the other.
 */
export interface CallGraphComparison {
  by: CallGraphBy;
  totalMs: number;
  baseTotalMs: number;
  /** Sorted by id. */
  nodes: { id: string; module: string; kind: CallGraphNode["kind"]; totalPct: number; basePct: number; selfPct: number; baseSelfPct: number }[];
  /** Sorted by from, then to. */
  edges: { from: string; to: string; pct: number; basePct: number }[];
}
