/**
 * A Diagram as a Mermaid flowchart, which GitHub renders inside Markdown: a subgraph per layer
 * (folders nested), dashed arrows for type-only imports, dotted-and-labelled for dynamic ones,
 * thick red for imports that break a rule.
 */
import { layerNodes, weightsLabelled, type Diagram, type DiagramCluster, type DiagramEdge } from "./diagram.js";
import { clusterColours, CYCLE_COLOUR, VIOLATION_COLOUR } from "./palette.js";

export function toMermaid(diagram: Diagram): string {
  const ids = new Map([...diagram.nodes.keys()].map((id, index) => [id, `n${index}`]));
  const lines: string[] = [];
  if (diagram.title !== undefined) lines.push("---", `title: ${JSON.stringify(diagram.title)}`, "---");
  lines.push(`flowchart ${diagram.rankdir}`);
  const styles: string[] = [];
  const clusterIds = writeMermaidBoxes(diagram, ids, lines, styles);
  for (const node of diagram.looseNodes) {
    const colour = diagram.nodes.get(node)!.colour;
    if (colour !== undefined) {
      const { fill, border } = clusterColours(colour);
      styles.push(`  style ${ids.get(node)} fill:${fill},stroke:${border}`);
    }
  }
  const linkStyles: string[] = [];
  diagram.edges.forEach((edge, index) => {
    lines.push(`  ${ids.get(edge.from)} ${arrow(edge, diagram)} ${ids.get(edge.to)}`);
    const style = linkStyle(edge, diagram);
    if (style !== undefined) linkStyles.push(`  linkStyle ${index} ${style}`);
  });
  lines.push(...stackLayers(diagram, ids, clusterIds));
  lines.push(...styles, ...linkStyles);
  return `${lines.join("\n")}\n`;
}

/**
 * The boxes of a diagram as Mermaid: a subgraph per cluster (nested), each node labelled, and
 * the clusters' colours as `style` lines (appended to `styles`, which belong after the arrows).
 * Returns the subgraph id of each top-level cluster, by cluster key.
 */
export function writeMermaidBoxes(diagram: Diagram, ids: ReadonlyMap<string, string>, lines: string[], styles: string[]): Map<string, string> {
  let subgraphs = 0;
  const top = new Map<string, string>();
  const writeCluster = (cluster: DiagramCluster, indent: string): string => {
    const id = `c${subgraphs++}`;
    lines.push(`${indent}subgraph ${id}["${text(cluster.label)}"]`);
    for (const node of cluster.nodes) lines.push(`${indent}  ${ids.get(node)}["${text(diagram.nodes.get(node)!.label)}"]`);
    for (const child of cluster.clusters) writeCluster(child, `${indent}  `);
    lines.push(`${indent}end`);
    const { fill, border } = clusterColours(cluster.colour);
    styles.push(`  style ${id} fill:${fill},stroke:${border}`);
    return id;
  };
  for (const cluster of diagram.clusters) top.set(cluster.key, writeCluster(cluster, "  "));
  for (const node of diagram.looseNodes) lines.push(`  ${ids.get(node)}["${text(diagram.nodes.get(node)!.label)}"]`);
  return top;
}

/**
 * Mermaid has no rank constraints: invisible links (`~~~`) from each layer to the next, subgraph
 * to subgraph or box to box, keep the layers stacked in the config's order. They come after the
 * visible arrows, so the arrows' `linkStyle` indexes stay as they are.
 */
function stackLayers(diagram: Diagram, ids: ReadonlyMap<string, string>, clusterIds: ReadonlyMap<string, string>): string[] {
  const bands = diagram.layers
    .map((layer) => {
      const cluster = diagram.clusters.find((candidate) => candidate.layer === layer);
      if (cluster !== undefined) return clusterIds.get(cluster.key);
      const [box] = layerNodes(diagram, layer);
      return box === undefined ? undefined : ids.get(box);
    })
    .filter((id): id is string => id !== undefined);
  return bands.length < 2 ? [] : [`  ${bands.join(" ~~~ ")}`];
}

/**
 * Red for an arrow that breaks a rule, purple for a cycle's; a folded arrow whose count is not
 * written on it shows its weight by thickness, as in the SVG.
 */
function linkStyle(edge: DiagramEdge, diagram: Diagram): string | undefined {
  const kinds = [diagram.nodes.get(edge.from)?.kind, diagram.nodes.get(edge.to)?.kind];
  const weighted = (kinds.includes("layer") || kinds.includes("folder")) && !weightsLabelled(diagram);
  const width = weighted ? 1 + Math.log2(edge.weight) : 1;
  if (edge.violation) return `stroke:${VIOLATION_COLOUR},stroke-width:${px(Math.max(3, width))}`;
  if (edge.cycle) return `stroke:${CYCLE_COLOUR},stroke-width:${px(Math.max(3, width))}`;
  return weighted && edge.weight > 1 ? `stroke-width:${px(width)}` : undefined;
}

const px = (width: number): string => `${Number(width.toFixed(1))}px`;

function arrow(edge: DiagramEdge, diagram: Diagram): string {
  const boxes = [diagram.nodes.get(edge.from)?.kind, diagram.nodes.get(edge.to)?.kind];
  const folded = boxes.includes("layer") || boxes.includes("folder");
  const label = folded ? (weightsLabelled(diagram) ? String(edge.weight) : "") : edge.dynamic ? "dynamic" : edge.reexport ? "re-export" : "";
  const shaft = edge.violation ? "==>" : edge.typeOnly || edge.dynamic ? "-.->" : "-->";
  return label === "" ? shaft : `${shaft}|${text(label)}|`;
}

/** Mermaid labels are quoted: escape quotes as entities and keep line breaks. */
export function text(label: string): string {
  return label.replaceAll('"', "#quot;").replaceAll("\n", "<br/>");
}
