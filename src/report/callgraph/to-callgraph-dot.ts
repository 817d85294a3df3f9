/**
 * A call graph as Graphviz DOT, drawn as gprof2dot draws one: a filled box per function (or
 * module, folder, layer) in the temperature colour of its total share of the run, labelled with
 * its name, its total share and, in brackets, its self share; an arrow per caller→callee pair in
 * the colour of the callee's share when called from there, thicker for more. V8 samples stacks
 * and counts no calls, so there are no call counts (gprof2dot's `3×`). Code from elsewhere (a
 * package, Node, native code) is drawn rounded with a dashed border, V8's own entries ((idle),
 * (program), (garbage collector)) as ellipses; both still filled by heat. Text is white, as
 * gprof2dot's, except on the light yellow-green band, where it is dark to be read.
 *
 * Nodes are named n0, n1, … in id order in the DOT, and carry the id in `id` ("fn:<id>", arrows
 * "call:<from>-><to>"), label and tooltip: the names appear in the SVG's titles and comments,
 * where no text from a profile should. The same graph gives the same bytes.
 *
 * Two runs compared (`comparisonToDot`) are drawn in diverging colours instead: reds for what
 * takes a larger share of the run now, blues for a smaller, grey for no change.
 */
import { share, UNPLACED, type CallGraph, type CallGraphComparison } from "../../model/call-graph.js";
import { changeColour, changeStroke, HEAT_TEXT, heatArrowsize, heatColour, heatPenwidth, heatTextColour } from "../heat.js";
import { delta, lookOf, ms, nodeName, percent, shortPercent, type NodeLook } from "./callgraph-common.js";
import { dotId, dotLabel, dotTooltip, htmlLabelText } from "./dot-text.js";

export interface CallGraphDrawOptions {
  title?: string;
}

const FONT = "Helvetica";
const LEGEND_TEXT = "#111827";
const MUTED = "#4b5563";
const SWATCHES = [0, 0.25, 0.5, 0.75, 1];

export function callGraphToDot(graph: CallGraph, options: CallGraphDrawOptions = {}): string {
  const names = nodeNames(graph.nodes);
  const lines = header("callgraph", options.title);
  for (const node of graph.nodes) {
    const { name, place } = nodeName(node, graph.by);
    const fill = heatColour(share(node.totalMs, graph.totalMs) / 100);
    const totalShare = percent(share(node.totalMs, graph.totalMs));
    const selfShare = percent(share(node.selfMs, graph.totalMs));
    const attributes = [
      `id=${dotId(`fn:${node.id}`)}`,
      `label=${dotLabel(name, ...(place === undefined ? [] : [place]), totalShare, `(${selfShare})`)}`,
      `tooltip=${dotTooltip(node.id, `total ${ms(node.totalMs)} (${totalShare} of the run)`, `self ${ms(node.selfMs)} (${selfShare})`, `kind: ${node.kind}`)}`,
      `fillcolor="${fill}"`,
      ...(heatTextColour(fill) === HEAT_TEXT ? [] : [`fontcolor="${heatTextColour(fill)}"`]),
      ...shapeOf(lookOf(node.kind), fill),
    ];
    lines.push(`  ${names.get(node.id)!} [${attributes.join(", ")}];`);
  }
  for (const edge of graph.edges) {
    const from = names.get(edge.from);
    const to = names.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const weight = share(edge.ms, graph.totalMs) / 100;
    const colour = heatColour(weight);
    const edgeShare = percent(share(edge.ms, graph.totalMs));
    const attributes = [
      `id=${dotId(`call:${edge.from}->${edge.to}`)}`,
      `label=${dotLabel(edgeShare)}`,
      `tooltip=${dotTooltip(`${edge.from} → ${edge.to}`, `${ms(edge.ms)} (${edgeShare} of the run) in the callee and below, called from here`)}`,
      `color="${colour}"`,
      `fontcolor="${colour}"`,
      `penwidth=${heatPenwidth(weight).toFixed(2)}`,
      `arrowsize=${heatArrowsize(weight).toFixed(2)}`,
    ];
    lines.push(`  ${from} -> ${to} [${attributes.join(", ")}];`);
  }
  const rows: string[] = [
    row(`<B>call graph by ${htmlLabelText(graph.by)}</B>: ${graph.totalMs.toFixed(1)} ms, ${graph.samples} samples`),
    `<TR>${SWATCHES.map((weight) => `<TD BGCOLOR="${heatColour(weight)}" WIDTH="44"><FONT COLOR="${heatTextColour(heatColour(weight))}">${weight * 100}%</FONT></TD>`).join("")}</TR>`,
    row("colour: share of the run"),
    row("box: name, total % (time on the stack, callees included),"),
    row("(self %) (time on top of the stack)"),
    row("arrow: % of the run in the callee and below, called from there"),
    row(`no call counts: V8 samples stacks, it does not count calls`, MUTED),
    ...kindRows(graph.nodes),
  ];
  if (graph.unplacedMs > 0) {
    rows.push(row(`${UNPLACED}: no frame could be placed for ${graph.unplacedMs.toFixed(1)} ms (${percent(share(graph.unplacedMs, graph.totalMs))})`, MUTED));
  }
  lines.push(...legend(rows));
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

export function comparisonToDot(comparison: CallGraphComparison, options: CallGraphDrawOptions = {}): string {
  const names = nodeNames(comparison.nodes);
  const largest = Math.max(0, ...comparison.nodes.map((node) => Math.abs(node.totalPct - node.basePct)));
  const largestEdge = Math.max(0, ...comparison.edges.map((edge) => Math.abs(edge.pct - edge.basePct)));
  const lines = header("callgraph_compare", options.title);
  for (const node of comparison.nodes) {
    const { name, place } = nodeName(node, comparison.by);
    const { fill, text } = changeColour(node.totalPct - node.basePct, largest);
    const change = delta(node.totalPct, node.basePct);
    const attributes = [
      `id=${dotId(`fn:${node.id}`)}`,
      `label=${dotLabel(name, ...(place === undefined ? [] : [place]), `${shortPercent(node.basePct)} → ${shortPercent(node.totalPct)}`, `(${change})`)}`,
      `tooltip=${dotTooltip(
        node.id,
        `total ${percent(node.basePct)} of the base run → ${percent(node.totalPct)} of this one (${change} points)`,
        `self ${percent(node.baseSelfPct)} → ${percent(node.selfPct)}`,
        `kind: ${node.kind}`,
      )}`,
      `fillcolor="${fill}"`,
      `fontcolor="${text}"`,
      ...shapeOf(lookOf(node.kind), fill),
    ];
    lines.push(`  ${names.get(node.id)!} [${attributes.join(", ")}];`);
  }
  for (const edge of comparison.edges) {
    const from = names.get(edge.from);
    const to = names.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const colour = changeStroke(edge.pct - edge.basePct, largestEdge);
    const weight = Math.max(edge.pct, edge.basePct) / 100;
    const attributes = [
      `id=${dotId(`call:${edge.from}->${edge.to}`)}`,
      `label=${dotLabel(`${shortPercent(edge.basePct)} → ${shortPercent(edge.pct)}`)}`,
      `tooltip=${dotTooltip(`${edge.from} → ${edge.to}`, `${percent(edge.basePct)} of the base run → ${percent(edge.pct)} of this one (${delta(edge.pct, edge.basePct)} points)`)}`,
      `color="${colour}"`,
      `fontcolor="${MUTED}"`,
      `penwidth=${heatPenwidth(weight).toFixed(2)}`,
      `arrowsize=${heatArrowsize(weight).toFixed(2)}`,
    ];
    lines.push(`  ${from} -> ${to} [${attributes.join(", ")}];`);
  }
  const steps = [-1, -0.5, 0, 0.5, 1];
  const rows = [
    row(`<B>call graph by ${htmlLabelText(comparison.by)}, compared</B>: base ${comparison.baseTotalMs.toFixed(1)} ms, now ${comparison.totalMs.toFixed(1)} ms`),
    `<TR>${steps
      .map((step) => {
        const { fill, text } = changeColour(step * largest, largest);
        return `<TD BGCOLOR="${fill}" WIDTH="44"><FONT COLOR="${text}">${step === 0 ? "0" : delta(step * largest, 0)}</FONT></TD>`;
      })
      .join("")}</TR>`,
    row("colour: change in share of the run, in points"),
    row("red: a larger share now; blue: a smaller one"),
    row("box: name, base % → now % (each of its own run), (change)"),
    row("arrow: base % → now % in the callee, called from there"),
    ...kindRows(comparison.nodes),
  ];
  lines.push(...legend(rows));
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function header(name: string, title: string | undefined): string[] {
  const graph = [
    `fontname="${FONT}"`,
    "fontsize=10",
    "ranksep=0.25",
    "nodesep=0.125",
    "pad=0.2",
    ...(title === undefined ? [`tooltip=" "`] : [`label=${dotLabel(title)}`, `tooltip=${dotTooltip(title)}`, "labelloc=t", "fontsize=16"]),
  ];
  return [
    `digraph ${name} {`,
    `  graph [${graph.join(", ")}];`,
    `  node [shape=box, style=filled, fontcolor="${HEAT_TEXT}", fontname="${FONT}", fontsize=10, width=0, height=0, margin="0.1,0.05"];`,
    `  edge [fontname="${FONT}", fontsize=10];`,
  ];
}

/** n0, n1, … in the order given (by id). */
function nodeNames(nodes: readonly { id: string }[]): Map<string, string> {
  return new Map(nodes.map((node, index) => [node.id, `n${index}`]));
}

function shapeOf(look: NodeLook, fill: string): string[] {
  if (look === "special") return ["shape=ellipse", `color="${fill}"`];
  if (look === "elsewhere") return [`style="filled,rounded,dashed"`, `color="${LEGEND_TEXT}"`, "penwidth=1.2"];
  return [`color="${fill}"`];
}

/** Which shapes mean what, for the kinds this graph has. */
function kindRows(nodes: readonly { kind: Parameters<typeof lookOf>[0] }[]): string[] {
  const looks = new Set(nodes.map((node) => lookOf(node.kind)));
  const rows: string[] = [];
  if (looks.has("elsewhere")) rows.push(row("rounded, dashed: a package, Node (node:*), outside the root, native", MUTED));
  if (looks.has("special")) rows.push(row("ellipse: V8's (idle), (program), (garbage collector)", MUTED));
  return rows;
}

function row(html: string, colour = LEGEND_TEXT): string {
  return `<TR><TD COLSPAN="5" ALIGN="LEFT"><FONT COLOR="${colour}">${html}</FONT></TD></TR>`;
}

function legend(rows: readonly string[]): string[] {
  return [
    `  subgraph cluster_legend {`,
    `    id="legend"; label=""; style="rounded"; color="#d1d5db"; margin=6;`,
    `    legend [id="legend-key", shape=plaintext, style="", fontcolor="${LEGEND_TEXT}", fontsize=9, label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="2">${rows.join("")}</TABLE>>];`,
    `  }`,
  ];
}
