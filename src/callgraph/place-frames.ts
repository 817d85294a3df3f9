/**
 * Turns a checked CPU profile into a CallTree: each node's time from the samples, and each frame
 * placed on the map — a file under the root becomes its module id (through its source map when
 * it is compiled code), a file in node_modules its package, `node:…` a builtin, V8's own entries
 * stay what they are. Frame URLs come as `file://` URLs, plain paths, or paths relative to the
 * root (`layermap profile` writes them so, to keep machine paths out of a profile).
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { CallTree, Frame } from "../model/call-graph.js";
import type { CpuProfileData, ProfileFrame, ProfileNode } from "./read-profile.js";
import { SourceMaps } from "./source-maps.js";

/** V8's entries that are no code of the program's. */
const SPECIAL = new Set(["(program)", "(idle)", "(garbage collector)"]);
/** Frames outside the root and outside node_modules are drawn as one node. */
const OUTSIDE_ROOT = "(outside root)";

export interface PlaceOptions {
  /** Absolute: the folder module ids are relative to. */
  root: string;
  sourceMaps: SourceMaps;
}

/** Places one profile's frames; `into` gathers several profiles into one tree (frames shared). */
export function placeProfile(profile: CpuProfileData, options: PlaceOptions, into: CallTree = emptyTree()): CallTree {
  const { nodes, samples, timeDeltas } = profile;
  // Typed arrays by position, no object or array per node: a 50 MB profile has a quarter of a
  // million nodes, and Maps and Sets keyed by their ids cost more than the placing itself
  // (bench/callgraph-bench.mjs).
  const positionOf = positionsById(nodes);
  const isChild = new Uint8Array(nodes.length);
  for (const node of nodes) for (const child of node.children) isChild[positionOf(child)] = 1;
  // Sample durations as DevTools computes them: up to the next sample, the last one up to the end.
  const selfMs = new Map<number, number>();
  let stamp = profile.startTime + Math.max(timeDeltas[0] ?? 0, 0);
  for (let index = 0; index < samples.length; index++) {
    const id = samples[index]!;
    const next = index + 1 < samples.length ? stamp + Math.max(timeDeltas[index + 1]!, 0) : Math.max(profile.endTime, stamp);
    selfMs.set(id, (selfMs.get(id) ?? 0) + (next - stamp) / 1000);
    stamp = next;
  }

  const frameIndex = new Map<string, number>(into.frames.map((frame, index) => [frameKey(frame), index]));
  const placeOf = new Map<string, number>();
  const place = (callFrame: ProfileFrame): number => {
    const raw = `${callFrame.url}\u0000${callFrame.functionName}\u0000${callFrame.lineNumber}\u0000${callFrame.columnNumber}`;
    let index = placeOf.get(raw);
    if (index === undefined) {
      const frame = placeFrame(callFrame, options);
      const key = frameKey(frame);
      index = frameIndex.get(key);
      if (index === undefined) {
        index = into.frames.length;
        into.frames.push(frame);
        frameIndex.set(key, index);
      }
      placeOf.set(raw, index);
    }
    return index;
  };

  // Parents before children: walk down from the roots ((root), normally the one node no node
  // lists as a child), visiting each node once even if a broken profile lists it twice. The
  // queue is two arrays: a node's position in `nodes`, and its parent's index in into.nodes.
  const visited = new Uint8Array(nodes.length);
  const queuePositions: number[] = [];
  const queueParents: number[] = [];
  nodes.forEach((_, position) => {
    if (isChild[position] === 1) return;
    queuePositions.push(position);
    queueParents.push(-1);
  });
  for (let head = 0; head < queuePositions.length; head++) {
    const position = queuePositions[head]!;
    const parent = queueParents[head]!;
    if (visited[position] === 1) continue;
    visited[position] = 1;
    const node = nodes[position]!;
    const self = selfMs.get(node.id) ?? 0;
    let index = parent;
    // The (root) node is no frame: its children are the tops of the stacks.
    if (!(parent === -1 && node.callFrame.functionName === "(root)" && node.callFrame.url === "" && self === 0)) {
      index = into.nodes.length;
      into.nodes.push({ frame: place(node.callFrame), parent, selfMs: self });
    }
    for (const child of node.children) {
      queuePositions.push(positionOf(child));
      queueParents.push(index);
    }
  }
  let totalMs = 0;
  for (const ms of selfMs.values()) totalMs += ms;
  into.totalMs += totalMs;
  into.samples += profile.samples.length;
  return into;
}

/**
 * Each node's position in `nodes`, by id (ids are unique, checked by readProfile): an array when
 * the ids are small whole numbers, as V8 numbers them (1, 2, 3, …), a Map otherwise.
 */
function positionsById(nodes: readonly ProfileNode[]): (id: number) => number {
  let max = -1;
  for (const node of nodes) max = node.id < 0 ? Infinity : Math.max(max, node.id);
  if (max <= 4 * nodes.length + 16) {
    const positions = new Int32Array(max + 1);
    nodes.forEach((node, position) => {
      positions[node.id] = position;
    });
    return (id) => positions[id]!;
  }
  const positions = new Map(nodes.map((node, position) => [node.id, position]));
  return (id) => positions.get(id)!;
}

export function emptyTree(): CallTree {
  return { frames: [], nodes: [], totalMs: 0, samples: 0 };
}

function frameKey(frame: Frame): string {
  return `${frame.kind}\u0000${frame.module}\u0000${frame.functionName}\u0000${frame.line}`;
}

function placeFrame(callFrame: ProfileFrame, options: PlaceOptions): Frame {
  const { url, functionName } = callFrame;
  const line = callFrame.lineNumber >= 0 ? callFrame.lineNumber + 1 : 0;
  if (url === "") {
    const kind = SPECIAL.has(functionName) || functionName === "(root)" ? "special" : "native";
    return { kind, module: kind === "special" ? functionName : "", functionName, line };
  }
  if (url.startsWith("node:")) return { kind: "builtin", module: url, functionName, line };
  const path = pathOf(url, options.root);
  if (path === undefined) return { kind: "native", module: "", functionName, line };
  const original = options.sourceMaps.original(path, callFrame.lineNumber, callFrame.columnNumber);
  const source = original?.path ?? path;
  return { ...classify(source, options.root), functionName: functionName === "" && original?.name !== undefined ? original.name : functionName, line: original?.line ?? line };
}

/** The file a frame URL names: a file: URL, an absolute path, or a path relative to the root. */
function pathOf(url: string, root: string): string | undefined {
  if (url.startsWith("file://")) {
    try {
      return fileURLToPath(url);
    } catch {
      return undefined;
    }
  }
  // Any other scheme (wasm://, http://, evalmachine.<anonymous> has none) is no file of ours.
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  return isAbsolute(url) ? url : resolve(root, url);
}

function classify(path: string, root: string): Pick<Frame, "kind" | "module"> {
  const parts = path.split(sep);
  const packages = parts.lastIndexOf("node_modules");
  if (packages !== -1 && packages + 1 < parts.length) {
    const name = parts[packages + 1]!;
    // `@scope/name`: the package is the folder after the scope's.
    const scoped = name.startsWith("@") ? parts[packages + 2] : undefined;
    return { kind: "external", module: scoped === undefined ? name : `${name}/${scoped}` };
  }
  const id = relative(root, path).split(sep).join("/");
  if (id === "" || id.startsWith("../") || id === ".." || isAbsolute(id)) return { kind: "outside", module: OUTSIDE_ROOT };
  return { kind: "local", module: id };
}
