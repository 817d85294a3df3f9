/**
 * What the page's script needs beside the SVGs, as plain data embedded as JSON: for each view,
 * its boxes (with the modules a folded box holds, so search and violations reach inside it), its
 * arrows (for lighting what a module imports and what imports it) and its layers (for the
 * toggles); once for the page, every module drawn, the violations and cycles (for the side
 * panel) and why a box does not open. Compact, as a page may hold a hundred views: a box's
 * modules are indexes into the page's list, an arrow is a pair of indexes into its view's boxes
 * (its tooltip is in the SVG already).
 */
import { compareCodeUnits } from "../../model/compare.js";
import type { Violation } from "../../model/violation.js";
import type { Diagram, DiagramCluster } from "../diagram/diagram.js";
import type { DrillDown } from "./drill-down.js";

export interface ViewData {
  /** "" for the first view; else the box it opens. */
  key: string;
  parent: string | null;
  nodes: { id: string; element: string; label: string; members?: number[] }[];
  /** [from, to]: indexes into `nodes`. */
  edges: [number, number][];
  layers: { name: string; element: string; nodes: string[] }[];
}

export interface PageData {
  title: string;
  /** Every module the first view draws, as itself or inside a box, sorted. */
  modules: string[];
  views: ViewData[];
  /** Folded boxes with no view of their own, and why. */
  closed: Record<string, string>;
  /** Steps are module ids: the page finds the boxes and arrows that hold them in each view. */
  problems: { rule: string; severity: string; message: string; where: string; steps: { from: string; to: string }[] }[];
}

export function pageData(drill: DrillDown, violations: readonly Violation[], title: string): PageData {
  const modules = [...drill.views[0]!.diagram.nodes.values()].flatMap((node) => node.members ?? [node.id]).sort(compareCodeUnits);
  const indexOf = new Map(modules.map((id, index) => [id, index]));
  return {
    title,
    modules,
    views: drill.views.map(({ key, parent, diagram }) => ({ key, parent: parent ?? null, ...viewData(diagram, indexOf) })),
    closed: Object.fromEntries(drill.closed),
    problems: violations.map((violation) => ({
      rule: violation.rule,
      severity: violation.severity,
      message: violation.message,
      where: `${violation.from}:${violation.line} "${violation.specifier}" → ${violation.to}`,
      steps: (violation.via ?? [violation]).map(({ from, to }) => ({ from, to })),
    })),
  };
}

function viewData(diagram: Diagram, moduleIndex: ReadonlyMap<string, number>): Omit<ViewData, "key" | "parent"> {
  const nodeIndex = new Map([...diagram.nodes.keys()].map((id, index) => [id, index]));
  const elementOf = (id: string): string => {
    const kind = diagram.nodes.get(id)?.kind;
    return `${kind === "layer" || kind === "folder" ? kind : "module"}:${id}`;
  };
  return {
    nodes: [...diagram.nodes.values()].map((node) => ({
      id: node.id,
      element: elementOf(node.id),
      label: node.tooltip,
      ...(node.members === undefined ? {} : { members: node.members.map((id) => moduleIndex.get(id)!) }),
    })),
    edges: diagram.edges.map((edge): [number, number] => [nodeIndex.get(edge.from)!, nodeIndex.get(edge.to)!]),
    // The toggles: one per cluster, and one per layer folded into a box.
    layers: [
      ...diagram.clusters.map((cluster) => ({ name: cluster.label.split("\n")[0]!, element: `cluster:${cluster.key}`, nodes: nodesOf(cluster) })),
      ...[...diagram.nodes.values()].filter((node) => node.kind === "layer").map((node) => ({ name: node.id, element: elementOf(node.id), nodes: [node.id] })),
    ],
  };
}

function nodesOf(cluster: DiagramCluster): string[] {
  return [...cluster.nodes, ...cluster.clusters.flatMap(nodesOf)];
}
