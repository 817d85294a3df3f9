/**
 * A Diagram as a Mermaid flowchart, which GitHub renders inside Markdown: a subgraph per layer
 * (folders nested), dashed arrows for type-only imports, dotted-and-labelled for dynamic and deferred ones,
 * thick red for imports that break a rule.
 */
import { isFoldedEdge, layerNodes, layerRanks, pointsUp, weightsLabelled, type Diagram, type DiagramCluster, type DiagramEdge } from "./diagram.js";
import { CALL_COLOUR, clusterColours, COLD_BORDER, CYCLE_COLOUR, FAINT_COLOUR, VIOLATION_COLOUR } from "./palette.js";
import { heatFill, callPenwidth } from "./to-dot-heat.js";
import { callKey, callWeight, importMs, labelledCalls, nodeShare, percentLabel, ran, share } from "./runtime-heat.js";
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
    // With a run drawn, every box is filled by its heat instead (below).
    if (colour !== undefined && diagram.runtime === undefined) {
      const { fill, border } = clusterColours(colour);
      styles.push(`  style ${ids.get(node)!} fill:${fill},stroke:${border}`);
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
    lines.push(`  ${ids.get(top)!} ${arrow(edge, diagram, upward)} ${ids.get(bottom)!}`);
    const style = linkStyle(edge, diagram);
    if (style !== undefined) linkStyles.push(`  linkStyle ${offset + index} ${style}`);
  });
  if (diagram.runtime !== undefined) writeRuntime(diagram, diagram.runtime, ids, rankOf, offset + diagram.edges.length, lines, styles, linkStyles);
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
    for (const node of cluster.nodes) lines.push(`${indent}  ${ids.get(node)!}["${text(labelOf(diagram, node))}"]`);
    for (const child of cluster.clusters) writeCluster(child, `${indent}  `);
    lines.push(`${indent}end`);
    const { fill, border } = clusterColours(cluster.colour);
    styles.push(`  style ${id} fill:${fill},stroke:${border}`);
    return id;
  };
  for (const cluster of diagram.clusters) top.set(cluster.key, writeCluster(cluster, "  "));
  for (const node of diagram.looseNodes) lines.push(`  ${ids.get(node)!}["${text(labelOf(diagram, node))}"]`);
  return top;
}

/** A box's label; with a run drawn, and the box ran, its share on a line of its own (Mermaid shows no tooltips). */
function labelOf(diagram: Diagram, id: string): string {
  const { label } = diagram.nodes.get(id)!;
  const { runtime } = diagram;
  if (runtime === undefined || !ran(runtime, id)) return label;
  return `${label}\n${runtime.heat} ${percentLabel(nodeShare(runtime, id))}`;
}

/**
 * The run over the picture: each box's heat fill (white, lighter border: never ran), widths and
 * colours of the import arrows by the calls along them, and the calls no import stands for as
 * thick orange links — written downwards, headless and marked ▲ when they point up, like the
 * imports that do, so that they never pull the layers out of order.
 */
function writeRuntime(
  diagram: Diagram,
  runtime: NonNullable<Diagram["runtime"]>,
  ids: ReadonlyMap<string, string>,
  rankOf: ReadonlyMap<string, number>,
  firstLink: number,
  lines: string[],
  styles: string[],
  linkStyles: string[],
): void {
  for (const node of diagram.nodes.values()) {
    const heat = heatFill(node, runtime);
    styles.push(`  style ${ids.get(node.id)!} ${heat === undefined ? `fill:#ffffff,stroke:${COLD_BORDER}` : `fill:${heat.fill},color:${heat.text}`}`);
  }
  const labelled = labelledCalls(runtime);
  runtime.calls.forEach((call, index) => {
    const upward = pointsUp(call, rankOf);
    const [top, bottom] = upward ? [call.to, call.from] : [call.from, call.to];
    const weight = callWeight(runtime, call.ms);
    const label = labelled.has(callKey(call.from, call.to)) ? `calls ${percentLabel(share(runtime, call.ms))}` : "";
    const link = upward ? `===|${text(label === "" ? "▲" : `▲ ${label}`)}|` : label === "" ? "==>" : `==>|${text(label)}|`;
    lines.push(`  ${ids.get(top)!} ${link} ${ids.get(bottom)!}`);
    linkStyles.push(`  linkStyle ${firstLink + index} stroke:${CALL_COLOUR},stroke-width:${px(callPenwidth(weight))}`);
  });
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
      links.push(`  ${upper[0]!} ~~~ ${lower[0]!}`);
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
  const { runtime } = diagram;
  if (runtime !== undefined) {
    // With a run drawn, width tells the calls along an arrow; one never exercised fades.
    const ms = importMs(runtime, edge);
    const colour = edge.violation ? VIOLATION_COLOUR : edge.cycle ? CYCLE_COLOUR : ms > 0 ? undefined : FAINT_COLOUR;
    const width = ms > 0 ? callPenwidth(callWeight(runtime, ms)) : edge.violation || edge.cycle ? 3 : 0.5;
    return `${colour === undefined ? "" : `stroke:${colour},`}stroke-width:${px(width)}`;
  }
  const weighted = isFoldedEdge(edge, diagram) && !weightsLabelled(diagram);
  const width = weighted ? 1 + Math.log2(edge.weight) : 1;
  if (edge.violation) return `stroke:${VIOLATION_COLOUR},stroke-width:${px(Math.max(3, width))}`;
  if (edge.cycle) return `stroke:${CYCLE_COLOUR},stroke-width:${px(Math.max(3, width))}`;
  if (edge.faded) return `stroke:${FAINT_COLOUR}${weighted && edge.weight > 1 ? `,stroke-width:${px(width)}` : ""}`;
  return weighted && edge.weight > 1 ? `stroke-width:${px(width)}` : undefined;
}

const px = (width: number): string => `${Number(width.toFixed(1))}px`;

function arrow(edge: DiagramEdge, diagram: Diagram, upward: boolean): string {
  const count = diagram.runtime !== undefined ? runtimeLabel(edge, diagram.runtime) : isFoldedEdge(edge, diagram) ? (weightsLabelled(diagram) ? String(edge.weight) : "") : edge.dynamic ? "dynamic" : edge.deferred === true ? "deferred" : edge.reexport ? "re-export" : "";
  if (upward) {
    // Written from the upper box down, without a head, and marked ▲: the import goes up.
    const line = edge.violation ? "===" : edge.typeOnly || edge.dynamic || edge.deferred === true ? "-.-" : "---";
    return `${line}|${text(count === "" ? "▲" : `▲ ${count}`)}|`;
  }
  const shaft = edge.violation ? "==>" : edge.typeOnly || edge.dynamic || edge.deferred === true ? "-.->" : "-->";
  return count === "" ? shaft : `${shaft}|${text(count)}|`;
}

/** With a run drawn, an import arrow says its share of the run if it carried calls (not its import count). */
function runtimeLabel(edge: DiagramEdge, runtime: NonNullable<Diagram["runtime"]>): string {
  const ms = importMs(runtime, edge);
  if (ms > 0 && labelledCalls(runtime).has(callKey(edge.from, edge.to))) return percentLabel(share(runtime, ms));
  return edge.dynamic ? "dynamic" : edge.deferred === true ? "deferred" : edge.reexport ? "re-export" : "";
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
