/**
 * A diagram as plain data, between the map document and every drawing format (DOT, SVG,
 * Mermaid): which boxes, in which clusters, joined by which arrows drawn how. Building it once
 * keeps the formats consistent and each writer small.
 */
import type { ModuleKind } from "../../model/document.js";
import type { Collapse } from "./collapse.js";

export type NodeKind = ModuleKind | "layer" | "folder";

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
  /** Some import behind the edge is a re-export. */
  reexport: boolean;
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
}

export const NO_LAYER = "(no layer)";
export const EXTERNALS = "(external)";
