/**
 * A Diagram as a Mermaid flowchart, which GitHub renders inside Markdown: a subgraph per layer
 * (folders nested), dashed arrows for type-only imports, dotted-and-labelled for dynamic ones,
 * thick red for imports that break a rule.
 */
import { isFoldedEdge, layerNodes, layerRanks, pointsUp, weightsLabelled, type Diagram, type DiagramCluster, type DiagramEdge } from "./diagram.js";
import { clusterColours, CYCLE_COLOUR, VIOLATION_COLOUR } from "./palette.js";
import { printable } from "../../model/printable.js";

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
  const stack = stackLayers(diagram, ids);
  lines.push(...stack.links);
  // linkStyle counts links in the order written, invisible ones included.
  const offset = stack.links.filter((line) => line.includes("~~~")).length;
  const linkStyles: string[] = [];
  // Mermaid cannot exempt an arrow from the layout, and an arrow pointing up from a lower layer
  // would pull the layers out of order: it is written downwards, headless, marked ▲.
  const rankOf = layerRanks(diagram);
  diagram.edges.forEach((edge, index) => {
    const upward = pointsUp(edge, rankOf);
    const [top, bottom] = upward ? [edge.to, edge.from] : [edge.from, edge.to];
    lines.push(`  ${ids.get(top)} ${arrow(edge, diagram, upward)} ${ids.get(bottom)}`);
    const style = linkStyle(edge, diagram);
    if (style !== undefined) linkStyles.push(`  linkStyle ${offset + index} ${style}`);
  });
  lines.push(...styles, ...stack.styles, ...linkStyles);
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
 * Mermaid has no rank constraints, and its layout (dagre) breaks cycles by a depth-first search
 * in the order links are written. Invisible links (`~~~`) through an anchor between each two
 * neighbouring layers, from every box of the upper one and to every box of the lower one, are
 * written before the arrows, so the search meets them first and an arrow against the order is
 * the link it turns round: the layers stay stacked in the config's order.
 */
function stackLayers(diagram: Diagram, ids: ReadonlyMap<string, string>): { links: string[]; styles: string[] } {
  const bands = diagram.layers.map((layer) => layerNodes(diagram, layer).map((id) => ids.get(id)!)).filter((band) => band.length > 0);
  const links: string[] = [];
  const styles: string[] = [];
  bands.forEach((lower, index) => {
    if (index === 0) return;
    const upper = bands[index - 1]!;
    if (upper.length === 1 && lower.length === 1) {
      links.push(`  ${upper[0]} ~~~ ${lower[0]}`);
      return;
    }
    const anchor = `a${index}`;
    links.push(`  ${anchor}[" "]`);
    styles.push(`  style ${anchor} fill:none,stroke:none`);
    for (const id of upper) links.push(`  ${id} ~~~ ${anchor}`);
    for (const id of lower) links.push(`  ${anchor} ~~~ ${id}`);
  });
  return { links, styles };
}

/**
 * Red for an arrow that breaks a rule, purple for a cycle's; a folded arrow whose count is not
 * written on it shows its weight by thickness, as in the SVG.
 */
function linkStyle(edge: DiagramEdge, diagram: Diagram): string | undefined {
  const weighted = isFoldedEdge(edge, diagram) && !weightsLabelled(diagram);
  const width = weighted ? 1 + Math.log2(edge.weight) : 1;
  if (edge.violation) return `stroke:${VIOLATION_COLOUR},stroke-width:${px(Math.max(3, width))}`;
  if (edge.cycle) return `stroke:${CYCLE_COLOUR},stroke-width:${px(Math.max(3, width))}`;
  return weighted && edge.weight > 1 ? `stroke-width:${px(width)}` : undefined;
}

const px = (width: number): string => `${Number(width.toFixed(1))}px`;

function arrow(edge: DiagramEdge, diagram: Diagram, upward: boolean): string {
  const count = isFoldedEdge(edge, diagram) ? (weightsLabelled(diagram) ? String(edge.weight) : "") : edge.dynamic ? "dynamic" : edge.reexport ? "re-export" : "";
  if (upward) {
    // Written from the upper box down, without a head, and marked ▲: the import goes up.
    const line = edge.violation ? "===" : edge.typeOnly || edge.dynamic ? "-.-" : "---";
    return `${line}|${text(count === "" ? "▲" : `▲ ${count}`)}|`;
  }
  const shaft = edge.violation ? "==>" : edge.typeOnly || edge.dynamic ? "-.->" : "-->";
  return count === "" ? shaft : `${shaft}|${text(count)}|`;
}

/**
 * A label's text as Mermaid must see it. Mermaid renders labels as HTML, so a file named
 * `<img src=…>.ts` would be an image (and a request) in the page: `<`, `>`, `&` and `"` are
 * written as Mermaid's entity codes, `#` first of all (`#35;`), so that text which already reads
 * like an entity code (`#quot;`) shows as written; `|` too, which would end an arrow's label.
 * Each line is made printable (model/printable.ts), so no control character reaches a terminal
 * the diagram is printed on; the label's own line breaks become `<br/>`.
 */
export function text(label: string): string {
  return label
    .split("\n")
    .map((line) => printable(line).replace(MERMAID_SPECIAL, (character) => MERMAID_ENTITIES[character]!))
    .join("<br/>");
}

const MERMAID_SPECIAL = /[#&<>"|]/g;
const MERMAID_ENTITIES: Readonly<Record<string, string>> = { "#": "#35;", "&": "#amp;", "<": "#lt;", ">": "#gt;", '"': "#quot;", "|": "#124;" };
