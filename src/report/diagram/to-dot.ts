/**
 * A Diagram as Graphviz DOT: clusters filled by layer, short labels with the full path as
 * tooltip, arrows styled by what the imports are, and a small legend. Every id and attribute
 * is written in a fixed order, so the same diagram gives the same bytes.
 */
import { isFoldedEdge, layerNodes, layerRanks, pointsUp, weightsLabelled, type Diagram, type DiagramCluster, type DiagramEdge, type DiagramNode } from "./diagram.js";
import { clusterColours, CYCLE_COLOUR, EDGE_COLOUR, FAINT_COLOUR, VIOLATION_COLOUR } from "./palette.js";
import { quote } from "./dot-quote.js";
import { heatEdgeAttributes, heatLegend, heatNodeAttributes, runtimeCallLines } from "./to-dot-heat.js";

const FONT = "Helvetica";
/**
 * Above this many arrows, draw them straight and bound Graphviz's layout effort. Curved splines
 * cost more than linear time in the arrows and the rows they cross: 69 boxes took 0.1 s with 150
 * arrows, 0.5–2 s with 200, 2–10 s with 250 and up to 50 s with 300 (the HTML page's opened
 * views of a generated 1,000-module project); straight, 0.1–0.4 s.
 */
const CURVED_ARROWS_AT_MOST = 150;
export function toDot(diagram: Diagram): string {
  const lines: string[] = ["digraph layermap {"];
  const graph = [
    `rankdir=${diagram.rankdir}`,
    `fontname="${FONT}"`,
    "fontsize=12",
    "newrank=true",
    "nodesep=0.25",
    "ranksep=0.6",
    "pad=0.2",
    ...(diagram.title === undefined ? [] : [`label=${quote(diagram.title)}`, "labelloc=t", "fontsize=16"]),
    // Past a hundred and fifty arrows, routing curved splines and minimising crossings dominate
    // the layout (87 boxes and 686 arrows: 6.6 s with splines, 0.3 s with straight lines; see
    // bench/render-bench.mjs): draw straight arrows and bound the effort.
    ...(diagram.edges.length > CURVED_ARROWS_AT_MOST ? ["splines=line", "nslimit=2", "nslimit1=2", "mclimit=0.3", "searchsize=20"] : []),
  ];
  lines.push(`  graph [${graph.join(", ")}];`);
  lines.push(`  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#6b7280", fontname="${FONT}", fontsize=10, height=0.3, margin="0.12,0.04"];`);
  lines.push(`  edge [color="${EDGE_COLOUR}", arrowsize=0.6, penwidth=0.9, fontname="${FONT}"];`);
  for (const cluster of diagram.clusters) writeCluster(lines, cluster, diagram, "  ");
  for (const id of diagram.looseNodes) lines.push(`  ${nodeLine(diagram.nodes.get(id)!, diagram)}`);
  const minlenOf = staggered(diagram);
  const rankOf = layerRanks(diagram);
  for (const edge of diagram.edges) lines.push(`  ${edgeLine(edge, diagram, minlenOf.get(edge.from), rankOf)}`);
  if (diagram.runtime !== undefined) lines.push(...runtimeCallLines(diagram, diagram.runtime).map((line) => `  ${line}`));
  lines.push(...stackLayers(diagram, rankOf));
  lines.push(...legend(diagram));
  if (diagram.runtime !== undefined) lines.push(`  ${heatLegend(diagram, diagram.runtime)}`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function writeCluster(lines: string[], cluster: DiagramCluster, diagram: Diagram, indent: string): void {
  const { fill, border } = clusterColours(cluster.colour);
  const nested = cluster.depth > 0;
  lines.push(`${indent}subgraph ${quote(`cluster_${cluster.key}`)} {`);
  const style = cluster.colour === -2 ? `"rounded,dashed"` : nested ? `"rounded"` : `"rounded,filled"`;
  lines.push(`${indent}  id=${quote(`cluster:${cluster.key}`)}; label=${quote(cluster.label)}; labeljust=l; style=${style}; fillcolor="${fill}"; color="${border}"; fontsize=${nested ? 10 : 13}; margin=10;`);
  for (const id of cluster.nodes) lines.push(`${indent}  ${nodeLine(diagram.nodes.get(id)!, diagram)}`);
  for (const child of cluster.clusters) writeCluster(lines, child, diagram, `${indent}  `);
  lines.push(`${indent}}`);
}

function nodeLine(node: DiagramNode, diagram: Diagram): string {
  const prefix = node.kind === "layer" || node.kind === "folder" ? node.kind : "module";
  const attributes = [`id=${quote(`${prefix}:${node.id}`)}`, `label=${quote(node.label)}`, `tooltip=${quote(node.tooltip)}`];
  if (node.kind === "external" || node.kind === "builtin") attributes.push(`shape=box`, `style="rounded"`, `color="#9ca3af"`, `fontcolor="#4b5563"`);
  if (node.kind === "unresolved") attributes.push(`style="rounded,dashed"`, `color="${VIOLATION_COLOUR}"`);
  if (node.kind === "folder") attributes.push(`shape=folder`, `style="filled"`);
  if (node.kind === "layer" || node.colour !== undefined) {
    // A folded layer, or a box standing alone for its layer: filled with the layer's colour.
    const { fill, border } = clusterColours(node.colour ?? -1);
    attributes.push(`fillcolor="${fill}"`, `color="${border}"`, "penwidth=1.5");
    if (node.kind === "layer") attributes.push("fontsize=14", `margin="0.3,0.12"`);
    else if (node.kind !== "folder") attributes.push(`style="rounded,filled"`);
  }
  // The heat replaces the fill (and tooltip) given above.
  const written = diagram.runtime === undefined ? attributes : overridden(attributes, heatNodeAttributes(node, diagram.runtime));
  return `${quote(node.id)} [${written.join(", ")}];`;
}

/** Attributes with some replaced (`key=value`: the same key's earlier value goes), new ones last. */
function overridden(attributes: readonly string[], overrides: readonly string[]): string[] {
  const keyOf = (attribute: string): string => attribute.slice(0, attribute.indexOf("="));
  const replaced = new Set(overrides.map(keyOf));
  return [...attributes.filter((attribute) => !replaced.has(keyOf(attribute))), ...overrides];
}

/** The arrow length of each staggered node: 1, 2, …, ranks, 1, 2, … in the order given. */
function staggered(diagram: Diagram): Map<string, number> {
  const { stagger } = diagram;
  if (stagger === undefined || stagger.ranks < 2) return new Map();
  return new Map(stagger.nodes.map((id, index) => [id, 1 + (index % stagger.ranks)]));
}

function edgeLine(edge: DiagramEdge, diagram: Diagram, minlen: number | undefined, rankOf: ReadonlyMap<string, number>): string {
  const attributes = [`id=${quote(`import:${edge.from}->${edge.to}`)}`, `tooltip=${quote(edge.tooltip)}`];
  if (minlen !== undefined && minlen > 1) attributes.push(`minlen=${minlen}`);
  const styles = [edge.typeOnly ? "dashed" : edge.dynamic || edge.deferred === true ? "dotted" : ""].filter((style) => style !== "");
  if (styles.length > 0) attributes.push(`style=${styles.join(",")}`);

  if (edge.reexport) attributes.push("arrowhead=empty");
  if (edge.violation) attributes.push(`color="${VIOLATION_COLOUR}"`, "penwidth=2.4");
  else if (edge.cycle) attributes.push(`color="${CYCLE_COLOUR}"`, "penwidth=2");
  else if (edge.faded) attributes.push(`color="${FAINT_COLOUR}"`);
  // The config's layer order is the layout: an arrow that breaks a rule, closes a cycle or
  // points up from a lower layer is drawn, but does not pull its ends into another order.
  if (!constrains(edge, rankOf)) attributes.push("constraint=false");
  if (diagram.runtime !== undefined) {
    // With a run drawn, an arrow's width and label tell the calls along it, not its import count.
    return `${quote(edge.from)} -> ${quote(edge.to)} [${overridden(attributes, heatEdgeAttributes(edge, diagram.runtime)).join(", ")}];`;
  }
  if (isFoldedEdge(edge, diagram)) {
    if (weightsLabelled(diagram)) attributes.push(`label=${quote(String(edge.weight))}`, "fontsize=10");
    attributes.push(`penwidth=${penwidthOf(edge)}`);
  }
  return `${quote(edge.from)} -> ${quote(edge.to)} [${attributes.join(", ")}];`;
}


/**
 * Graphviz places clusters wherever the arrows pull them; a layered architecture reads only
 * with its layers stacked in the config's order, top layer on top, in every picture. An
 * invisible anchor between two neighbouring layers, below every node of the upper one and above
 * every node of the lower one, stacks them (arrows against the order are not constraints, see
 * edgeLine). Layers folded into single boxes are chained directly.
 *
 * A node already held above another of its layer by an arrow needs no invisible edge of its own:
 * only the layer's last nodes (no arrow to another of the layer) are tied to the anchor below it,
 * and its first nodes to the anchor above, plus every node on a cycle inside the layer (Graphviz
 * may turn one of its arrows round). Two invisible edges per node made 1,000 modules take 27 s
 * to lay out instead of 5 s.
 */
function stackLayers(diagram: Diagram, rankOf: ReadonlyMap<string, number>): string[] {
  const bands = layerBands(diagram);
  const lines: string[] = [];
  bands.forEach((lower, index) => {
    if (index === 0) return;
    const upper = bands[index - 1]!;
    if (upper.length === 1 && lower.length === 1) {
      lines.push(`  ${quote(upper[0]!)} -> ${quote(lower[0]!)} [style=invis, weight=10];`);
      return;
    }
    const anchor = quote(`layer-anchor:${index}`);
    lines.push(`  ${anchor} [shape=point, style=invis, width=0, height=0, label=""];`);
    for (const id of ends(upper, diagram, rankOf, "last")) lines.push(`  ${quote(id)} -> ${anchor} [style=invis];`);
    for (const id of ends(lower, diagram, rankOf, "first")) lines.push(`  ${anchor} -> ${quote(id)} [style=invis];`);
  });
  return lines;
}

/**
 * The nodes of a layer that are not held below (`first`) or above (`last`) another node of the
 * layer by a constraining arrow: peeled off as in a topological sort, what is never peeled lies
 * on (or behind) a cycle and is returned too. Sorted as given.
 */
function ends(band: readonly string[], diagram: Diagram, rankOf: ReadonlyMap<string, number>, side: "first" | "last"): string[] {
  const inBand = new Set(band);
  const before = new Map<string, string[]>(band.map((id) => [id, []]));
  const remaining = new Map<string, number>(band.map((id) => [id, 0]));
  for (const edge of diagram.edges) {
    if (!inBand.has(edge.from) || !inBand.has(edge.to) || edge.from === edge.to || !constrains(edge, rankOf)) continue;
    // "first": a node is held when an arrow comes into it; "last": when an arrow leaves it.
    const [held, by] = side === "first" ? [edge.to, edge.from] : [edge.from, edge.to];
    remaining.set(held, remaining.get(held)! + 1);
    before.get(by)!.push(held);
  }
  const free = band.filter((id) => remaining.get(id) === 0);
  const queue = [...free];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const held of before.get(next)!) {
      const count = remaining.get(held)! - 1;
      remaining.set(held, count);
      if (count === 0) queue.push(held);
    }
  }
  const onCycles = new Set(band.filter((id) => remaining.get(id)! > 0));
  const tied = new Set([...free, ...onCycles]);
  return band.filter((id) => tied.has(id));
}

/** Whether an arrow takes part in the layout (see edgeLine). */
function constrains(edge: DiagramEdge, rankOf: ReadonlyMap<string, number>): boolean {
  return !(edge.violation || edge.cycle || pointsUp(edge, rankOf));
}

/** The nodes of each layer drawn, top layer first (a layer's cluster, or its folded box). */
function layerBands(diagram: Diagram): string[][] {
  return diagram.layers.map((layer) => layerNodes(diagram, layer)).filter((band) => band.length > 0);
}

/** Thicker for more imports, on a log scale so one heavy edge does not drown the rest. */
export function penwidthOf(edge: DiagramEdge): string {
  const base = 1 + Math.log2(edge.weight);
  return (edge.violation ? Math.max(base, 2.4) : base).toFixed(1);
}

/** A compact legend: one HTML-like table naming each arrow style used in this diagram. */
function legend(diagram: Diagram): string[] {
  const rows: [string, string][] = [["static import", `<FONT COLOR="${EDGE_COLOUR}">──▶</FONT>`]];
  if (diagram.edges.some((edge) => edge.typeOnly)) rows.push(["type-only", `<FONT COLOR="${EDGE_COLOUR}">- - ▶</FONT>`]);
  if (diagram.edges.some((edge) => edge.dynamic)) rows.push(["dynamic import()", `<FONT COLOR="${EDGE_COLOUR}">··· ▶</FONT>`]);
  if (diagram.edges.some((edge) => edge.deferred === true)) rows.push(["deferred (imported in a function)", `<FONT COLOR="${EDGE_COLOUR}">··· ▶</FONT>`]);
  if (diagram.edges.some((edge) => edge.reexport && !edge.faded)) rows.push(["re-export", `<FONT COLOR="${EDGE_COLOUR}">──▷</FONT>`]);
  if (diagram.edges.some((edge) => edge.faded)) rows.push(["a barrel's re-export (seen through)", `<FONT COLOR="${FAINT_COLOUR}">──▷</FONT>`]);
  if (diagram.edges.some((edge) => edge.violation)) rows.push(["breaks a rule", `<FONT COLOR="${VIOLATION_COLOUR}"><B>━━▶</B></FONT>`]);
  if (diagram.edges.some((edge) => edge.cycle)) rows.push(["import cycle", `<FONT COLOR="${CYCLE_COLOUR}"><B>━━▶</B></FONT>`]);
  const cells = rows.map(([text, glyph]) => `<TR><TD ALIGN="LEFT">${glyph}</TD><TD ALIGN="LEFT">${text}</TD></TR>`).join("");
  return [
    `  "legend" [id="legend", shape=plaintext, style="", fontsize=9, label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2" COLOR="#d1d5db">${cells}</TABLE>>];`,
  ];
}
