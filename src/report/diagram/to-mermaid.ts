/**
 * A Diagram as a Mermaid flowchart, which GitHub renders inside Markdown: a subgraph per layer
 * (folders nested), dashed arrows for type-only imports, dotted-and-labelled for dynamic ones,
 * thick red for imports that break a rule.
 */
import type { Diagram, DiagramCluster, DiagramEdge } from "./diagram.js";
import { clusterColours, CYCLE_COLOUR, VIOLATION_COLOUR } from "./palette.js";

export function toMermaid(diagram: Diagram): string {
  const ids = new Map([...diagram.nodes.keys()].map((id, index) => [id, `n${index}`]));
  const lines: string[] = [];
  if (diagram.title !== undefined) lines.push("---", `title: ${JSON.stringify(diagram.title)}`, "---");
  lines.push(`flowchart ${diagram.rankdir}`);
  const styles: string[] = [];
  writeMermaidBoxes(diagram, ids, lines, styles);
  for (const node of diagram.looseNodes) {
    const colour = diagram.nodes.get(node)!.colour;
    if (colour !== undefined) {
      const { fill, border } = clusterColours(colour);
      styles.push(`  style ${ids.get(node)} fill:${fill},stroke:${border}`);
    }
  }
  const highlighted: { index: number; colour: string }[] = [];
  diagram.edges.forEach((edge, index) => {
    lines.push(`  ${ids.get(edge.from)} ${arrow(edge, diagram)} ${ids.get(edge.to)}`);
    if (edge.violation) highlighted.push({ index, colour: VIOLATION_COLOUR });
    else if (edge.cycle) highlighted.push({ index, colour: CYCLE_COLOUR });
  });
  lines.push(...styles);
  for (const { index, colour } of highlighted) lines.push(`  linkStyle ${index} stroke:${colour},stroke-width:3px`);
  return `${lines.join("\n")}\n`;
}

/**
 * The boxes of a diagram as Mermaid: a subgraph per cluster (nested), each node labelled, and
 * the clusters' colours as `style` lines (appended to `styles`, which belong after the arrows).
 */
export function writeMermaidBoxes(diagram: Diagram, ids: ReadonlyMap<string, string>, lines: string[], styles: string[]): void {
  let subgraphs = 0;
  const writeCluster = (cluster: DiagramCluster, indent: string): void => {
    const id = `c${subgraphs++}`;
    lines.push(`${indent}subgraph ${id}["${text(cluster.label)}"]`);
    for (const node of cluster.nodes) lines.push(`${indent}  ${ids.get(node)}["${text(diagram.nodes.get(node)!.label)}"]`);
    for (const child of cluster.clusters) writeCluster(child, `${indent}  `);
    lines.push(`${indent}end`);
    const { fill, border } = clusterColours(cluster.colour);
    styles.push(`  style ${id} fill:${fill},stroke:${border}`);
  };
  for (const cluster of diagram.clusters) writeCluster(cluster, "  ");
  for (const node of diagram.looseNodes) lines.push(`  ${ids.get(node)}["${text(diagram.nodes.get(node)!.label)}"]`);
}

function arrow(edge: DiagramEdge, diagram: Diagram): string {
  const folded = diagram.nodes.get(edge.from)?.kind === "layer" || diagram.nodes.get(edge.from)?.kind === "folder";
  const label = folded ? String(edge.weight) : edge.dynamic ? "dynamic" : edge.reexport ? "re-export" : "";
  const shaft = edge.violation ? "==>" : edge.typeOnly || edge.dynamic ? "-.->" : "-->";
  return label === "" ? shaft : `${shaft}|${text(label)}|`;
}

/** Mermaid labels are quoted: escape quotes as entities and keep line breaks. */
export function text(label: string): string {
  return label.replaceAll('"', "#quot;").replaceAll("\n", "<br/>");
}
