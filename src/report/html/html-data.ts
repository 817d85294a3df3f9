/**
 * What the page's script needs beside the SVG: the arrows (for highlighting what a module
 * imports and what imports it), the layers (for the toggles), and the violations and cycles (for
 * the side panel). Plain data, embedded as JSON.
 */
import type { Violation } from "../../model/violation.js";
import type { Diagram, DiagramCluster } from "../diagram/diagram.js";

export interface PageData {
  title: string;
  nodes: { id: string; element: string; label: string }[];
  edges: { from: string; to: string; element: string; tooltip: string }[];
  layers: { name: string; element: string; nodes: string[] }[];
  problems: { rule: string; severity: string; message: string; where: string; steps: { from: string; to: string }[] }[];
}

export function pageData(diagram: Diagram, violations: readonly Violation[], title: string): PageData {
  const elementOf = (id: string): string => {
    const kind = diagram.nodes.get(id)?.kind;
    return `${kind === "layer" || kind === "folder" ? kind : "module"}:${id}`;
  };
  const shown = new Set(diagram.edges.map((edge) => `${edge.from}\0${edge.to}`));
  return {
    title,
    nodes: [...diagram.nodes.values()].map((node) => ({ id: node.id, element: elementOf(node.id), label: node.tooltip })),
    edges: diagram.edges.map((edge) => ({ from: edge.from, to: edge.to, element: `import:${edge.from}->${edge.to}`, tooltip: edge.tooltip })),
    layers: diagram.clusters.map((cluster) => ({ name: cluster.label.split("\n")[0]!, element: `cluster:${cluster.key}`, nodes: nodesOf(cluster) })),
    problems: violations.map((violation) => ({
      rule: violation.rule,
      severity: violation.severity,
      message: violation.message,
      where: `${violation.from}:${violation.line} "${violation.specifier}" → ${violation.to}`,
      // Only the steps drawn as arrows can be highlighted (a folded view has none of them).
      steps: (violation.via ?? [violation]).map(({ from, to }) => ({ from, to })).filter(({ from, to }) => shown.has(`${from}\0${to}`)),
    })),
  };
}

function nodesOf(cluster: DiagramCluster): string[] {
  return [...cluster.nodes, ...cluster.clusters.flatMap(nodesOf)];
}
