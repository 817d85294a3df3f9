/**
 * A diagram as plain data, between the map document and every drawing format (DOT, SVG,
 * Mermaid): which boxes, in which clusters, joined by which arrows drawn how. Building it once
 * keeps the formats consistent and each writer small.
 */
import type { ModuleKind } from "../../model/document.js";

/**
 * `open`: folded boxes drawn opened — a layer's modules one by one, a folder one level deeper
 * (its sub-folders folded, its own files as modules). The HTML page's drill-down views use it.
 */
export type Collapse =
  | { by: "none" }
  | { by: "layer"; open?: readonly string[] }
  /** `depths`: a deeper fold for some layers (the automatic overview gives detail where it fits). */
  | { by: "folder"; depth: number; depths?: ReadonlyMap<string, number>; open?: readonly string[] };

type NodeKind = ModuleKind | "layer" | "folder";

export interface DiagramNode {
  /** Stable id: the module id, the folder path, or the layer name. */
  id: string;
  /** Short label: the path inside its cluster. */
  label: string;
  /** The full path, and for folded nodes how many modules they hold. */
  tooltip: string;
  kind: NodeKind;
  /** Modules folded into this node (1 for a module). */
  modules: number;
  /** The ids of the modules folded into a layer or folder node, sorted. */
  members?: string[];
  /** The layer of every module it stands for (undefined: no layer, or not a local module). */
  layer?: string;
  /** The palette index of its layer, for nodes that stand for a whole layer. */
  colour?: number;
}

export interface DiagramEdge {
  from: string;
  to: string;
  /** Every import behind the edge vanishes at compile time. */
  typeOnly: boolean;
  /** Every import behind the edge is a dynamic import(). */
  dynamic: boolean;
  /**
   * Every import behind the edge runs only when called — a Python import in a function body, or a
   * dynamic import — and one at least is such an import (not all dynamic). Absent otherwise.
   */
  deferred?: true;
  /** Some import behind the edge is a re-export. */
  reexport: boolean;
  /**
   * Drawn on the transparent plane, every import behind the edge is a re-export: a barrel listing
   * what it re-exports, which no consumer's dependency runs through any more (consumers point at
   * the definitions). Drawn faint, so a barrel is still seen but is no hub.
   */
  faded?: true;
  /** Some import behind the edge breaks a rule. */
  violation: boolean;
  /** Some import behind the edge is a step of an import cycle. */
  cycle: boolean;
  /** Module-level imports folded into this edge. */
  weight: number;
  /** `file:line "specifier"` of each import, or a count for folded edges. */
  tooltip: string;
}

export interface DiagramCluster {
  /** Stable key, unique in the diagram. */
  key: string;
  label: string;
  /** Index into the layer palette; -1 for modules in no layer, -2 for externals. */
  colour: number;
  /** The layer a top-level layer cluster stands for. */
  layer?: string;
  /** 0 for a layer's cluster, 1 for a folder inside it, and so on. */
  depth: number;
  nodes: string[];
  clusters: DiagramCluster[];
}

export interface Diagram {
  title?: string;
  /** How modules were folded: as asked, or as chosen for a large graph. */
  collapse: Collapse;
  rankdir: "TB" | "LR";
  /** The layers drawn, top first, in the config's order: the order every format stacks them in. */
  layers: string[];
  clusters: DiagramCluster[];
  /** Nodes outside every cluster (folded layers in a layer diagram). */
  looseNodes: string[];
  nodes: Map<string, DiagramNode>;
  edges: DiagramEdge[];
  /** Lines for the user: what was collapsed automatically, and how to see everything. */
  notes: string[];
  /**
   * Layout hint: arrows leaving these nodes are given lengths 1…`stagger.ranks` in turn, so that
   * many modules importing the same few spread over several rows instead of one row thousands
   * of points wide (what Graphviz's `unflatten` does for leaves).
   */
  stagger?: { nodes: readonly string[]; ranks: number };
  /** How a recorded run went through the boxes drawn (`--profile`): the heat drawn over the map. */
  runtime?: DiagramRuntime;
}

/** A node's time in the run: on top of the stack (self) and anywhere on it (total). */
export interface NodeHeat {
  selfMs: number;
  totalMs: number;
}

/** A call between two boxes with no import arrow from the caller to the callee. */
export interface RuntimeCall {
  from: string;
  to: string;
  /** Time in the callee (and below) when called from the caller. */
  ms: number;
}

/**
 * A profile folded onto the diagram's boxes: each frame is counted in the box that draws its
 * module, frames drawn nowhere in their caller's box.
 */
export interface DiagramRuntime {
  /** Which time fills the boxes. */
  heat: "total" | "self";
  /** The whole run (idle included): every share is of this. */
  totalMs: number;
  samples: number;
  /**
   * The scale of the colours and widths: the hottest box's time by the heat chosen (fills) and
   * its total time (arrows). The hottest box is red and the heaviest arrow widest, whatever share
   * of the run they took: a server's run is mostly idle and I/O, and its boxes would otherwise
   * all be the same dark blue. Labels and tooltips give shares of the whole run.
   */
  hottestMs: number;
  heaviestMs: number;
  /** The boxes that ran, by node id; a box missing here never ran. */
  nodes: Map<string, NodeHeat>;
  /** Time in calls along each import arrow, by `from\0to`; an arrow missing here carried none. */
  imports: Map<string, number>;
  /** Calls with no import arrow behind them (callbacks, injected dependencies), sorted. */
  calls: RuntimeCall[];
}


/**
 * Folded arrows are labelled with their import count only up to this many arrows; past it the
 * labels crowd the arrows (Graphviz bends an arrow out to where its label sits) and the weight
 * shows by thickness alone.
 */
const LABELLED_ARROWS_AT_MOST = 40;

/** Whether a diagram's folded arrows carry their import count as a label. */
export function weightsLabelled(diagram: Diagram): boolean {
  return diagram.edges.length <= LABELLED_ARROWS_AT_MOST;
}

/**
 * The nodes a layer is drawn as: its cluster's (folders nested), or the one box that stands for
 * it outside any cluster (a folded layer, or a layer that is one box).
 */
export function layerNodes(diagram: Diagram, layer: string): string[] {
  const cluster = diagram.clusters.find((candidate) => candidate.layer === layer);
  if (cluster !== undefined) return nodesOf(cluster);
  return diagram.looseNodes.filter((id) => {
    const node = diagram.nodes.get(id)!;
    return node.kind === "layer" ? id === layer : node.layer === layer;
  });
}

function nodesOf(cluster: DiagramCluster): string[] {
  return [...cluster.nodes, ...cluster.clusters.flatMap(nodesOf)];
}

/** Each node's layer as its place among the layers drawn (top 0); nodes in no layer have none. */
export function layerRanks(diagram: Diagram): Map<string, number> {
  const rank = new Map(diagram.layers.map((layer, index) => [layer, index]));
  const ranks = new Map<string, number>();
  for (const node of diagram.nodes.values()) {
    const layer = node.kind === "layer" ? node.id : node.layer;
    const index = layer === undefined ? undefined : rank.get(layer);
    if (index !== undefined) ranks.set(node.id, index);
  }
  return ranks;
}

/** Whether an arrow has a folded box at either end: it stands for several imports, weighted. */
export function isFoldedEdge(edge: DiagramEdge, diagram: Diagram): boolean {
  return [edge.from, edge.to].some((id) => {
    const kind = diagram.nodes.get(id)?.kind;
    return kind === "layer" || kind === "folder";
  });
}

/** Whether an arrow points up, from a lower layer into a higher one (`rankOf`: layerRanks). */
export function pointsUp(edge: Pick<DiagramEdge, "from" | "to">, rankOf: ReadonlyMap<string, number>): boolean {
  return (rankOf.get(edge.from) ?? -1) > (rankOf.get(edge.to) ?? Infinity);
}
