/**
 * The runtime overlay in DOT: boxes filled with gprof2dot's heat colours by their share of the
 * run (white text where it reads better), boxes that never ran plain white with a lighter border;
 * import arrows that carried calls drawn bold and labelled with their share, those never exercised
 * faint; calls no import stands for (callbacks, injected dependencies, middleware chains) as
 * orange arrows of their own with an open head, which never constrain the layout — the config's
 * layer order stays the picture's. Also the plain look of each shape, which the HTML page's heat
 * toggle puts back.
 */
import { heatArrowsize, heatColour, heatPenwidth, HEAT_TEXT } from "../heat.js";
import { quote } from "./dot-quote.js";
import { isFoldedEdge, type Diagram, type DiagramEdge, type DiagramNode, type DiagramRuntime } from "./diagram.js";
import { CALL_COLOUR, clusterColours, COLD_BORDER, CYCLE_COLOUR, EDGE_COLOUR, FAINT_COLOUR, VIOLATION_COLOUR } from "./palette.js";
import { callKey, callText, callWeight, importMs, labelledCalls, nodeHeatText, nodeWeight, percentLabel, percentText, ran, runSummary, share, whiteTextOn } from "./runtime-heat.js";
import { escapeHtml } from "../escape-html.js";

/** The narrowest arrow that carried calls: bolder than a plain arrow (0.9), whatever its share. */
const BOLD_AT_LEAST = 1.5;

function isLabelled(runtime: DiagramRuntime, from: string, to: string): boolean {
  return labelledCalls(runtime).has(callKey(from, to));
}

/** Width and arrowhead of an arrow carrying a share (0 to 1) of the run. */
export function callPenwidth(weight: number): number {
  return Math.max(heatPenwidth(weight), BOLD_AT_LEAST);
}

function fixed(value: number): string {
  return Number(value.toFixed(2)).toString();
}

/** A box's style with a fill: its shape's own style, filled. */
function filledStyle(node: DiagramNode): string {
  if (node.kind === "folder") return `"filled"`;
  if (node.kind === "unresolved") return `"rounded,dashed,filled"`;
  return `"rounded,filled"`;
}

/** The fill and text colour of a box that ran; undefined for one that never did. */
export function heatFill(node: DiagramNode, runtime: DiagramRuntime): { fill: string; text: string } | undefined {
  if (!ran(runtime, node.id)) return undefined;
  const fill = heatColour(nodeWeight(runtime, node.id));
  return { fill, text: whiteTextOn(fill) ? HEAT_TEXT : "#000000" };
}

/** Attributes that override a box's plain ones (written after them: Graphviz takes the last). */
export function heatNodeAttributes(node: DiagramNode, runtime: DiagramRuntime): string[] {
  const attributes = [`tooltip=${quote(`${node.tooltip}\n${nodeHeatText(runtime, node.id)}`)}`, `style=${filledStyle(node)}`];
  const heat = heatFill(node, runtime);
  if (heat === undefined) attributes.push(`fillcolor="#ffffff"`, `color="${COLD_BORDER}"`);
  else attributes.push(`fillcolor="${heat.fill}"`, `fontcolor="${heat.text}"`);
  return attributes;
}

/** An import arrow's attributes with a run drawn: bold and labelled with calls, faint without. */
export function heatEdgeAttributes(edge: DiagramEdge, runtime: DiagramRuntime): string[] {
  const ms = importMs(runtime, edge);
  const attributes = [`tooltip=${quote(`${edge.tooltip}\n${callText(runtime, ms)}`)}`];
  if (ms > 0) {
    const weight = callWeight(runtime, ms);
    attributes.push(`penwidth=${fixed(callPenwidth(weight))}`, `arrowsize=${fixed(heatArrowsize(Math.max(weight, BOLD_AT_LEAST / 4)))}`);
    if (isLabelled(runtime, edge.from, edge.to)) attributes.push(`label=${quote(percentLabel(share(runtime, ms)))}`, "fontsize=10");
  } else if (!edge.violation && !edge.cycle) {
    // Never exercised: faint. An arrow that breaks a rule keeps its colour: the rule still holds.
    attributes.push(`color="${FAINT_COLOUR}"`, "penwidth=0.5");
  }
  return attributes;
}

/** The arrows of calls no import stands for: orange, open-headed, never constraining the layout. */
export function runtimeCallLines(diagram: Diagram, runtime: DiagramRuntime): string[] {
  const imports = new Set(diagram.edges.map((edge) => callKey(edge.from, edge.to)));
  return runtime.calls.map((call) => {
    const weight = callWeight(runtime, call.ms);
    const back = imports.has(callKey(call.to, call.from)) ? ` (${call.to} imports ${call.from}: a callback)` : "";
    const tooltip = `${call.from} calls ${call.to}: no import from the caller to the callee${back}\n${callText(runtime, call.ms)}`;
    const attributes = [
      `id=${quote(`call:${call.from}->${call.to}`)}`,
      `tooltip=${quote(tooltip)}`,
      `color="${CALL_COLOUR}"`,
      `fontcolor="${CALL_COLOUR}"`,
      `penwidth=${fixed(callPenwidth(weight))}`,
      "arrowhead=vee",
      `arrowsize=${fixed(heatArrowsize(Math.max(weight, BOLD_AT_LEAST / 4)))}`,
      // Drawn, but never pulling its ends out of the config's layer order.
      "constraint=false",
    ];
    if (isLabelled(runtime, call.from, call.to)) attributes.push(`label=${quote(`calls ${percentLabel(share(runtime, call.ms))}`)}`, "fontsize=10");
    return `${quote(call.from)} -> ${quote(call.to)} [${attributes.join(", ")}];`;
  });
}

/** The overlay's own legend, beside the import legend: what the fills and the new arrows mean. */
export function heatLegend(diagram: Diagram, runtime: DiagramRuntime): string {
  // The scale in shares of the run: red is the hottest box's.
  const hottest = share(runtime, runtime.hottestMs);
  const steps = [0, 0.25, 0.5, 0.75, 1].map((weight) => {
    const fill = heatColour(weight);
    return `<TD BGCOLOR="${fill}"><FONT COLOR="${whiteTextOn(fill) ? HEAT_TEXT : "#000000"}"> ${escapeHtml(percentLabel(weight * hottest))} </FONT></TD>`;
  });
  const scale = `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"><TR>${steps.join("")}</TR></TABLE>`;
  const rows: [string, string][] = [
    [scale, `box: ${runtime.heat} time, share of the run (red: the hottest box, ${escapeHtml(percentText(hottest))})`],
    [`<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="2" COLOR="${COLD_BORDER}"><TR><TD BGCOLOR="#ffffff">      </TD></TR></TABLE>`, "box: never ran"],
  ];
  const exercised = diagram.edges.filter((edge) => importMs(runtime, edge) > 0).length;
  if (exercised > 0) rows.push([`<FONT COLOR="${EDGE_COLOUR}"><B>━━▶</B></FONT>`, "import that carried calls (width, label: share)"]);
  if (exercised < diagram.edges.length) rows.push([`<FONT COLOR="${FAINT_COLOUR}">──▶</FONT>`, "import never exercised"]);
  if (runtime.calls.length > 0) rows.push([`<FONT COLOR="${CALL_COLOUR}"><B>━━&gt;</B></FONT>`, "call with no import (callback, injection)"]);
  const cells = rows.map(([glyph, text]) => `<TR><TD ALIGN="LEFT">${glyph}</TD><TD ALIGN="LEFT">${text}</TD></TR>`).join("");
  const title = `<TR><TD ALIGN="LEFT" COLSPAN="2"><B>profile</B>: ${runSummary(runtime)}</TD></TR>`;
  return `"legend-heat" [id="legend-heat", shape=plaintext, style="", fontsize=9, label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">${title}${cells}</TABLE>>];`;
}

/** A box's look without the overlay, as Graphviz writes it in SVG: what the HTML page's toggle restores. */
export function plainNodeLook(node: DiagramNode): { fill: string; stroke: string; text: string } {
  if (node.kind === "layer" || node.colour !== undefined) {
    const { fill, border } = clusterColours(node.colour ?? -1);
    return { fill, stroke: border, text: "#000000" };
  }
  if (node.kind === "external" || node.kind === "builtin") return { fill: "none", stroke: "#9ca3af", text: "#4b5563" };
  if (node.kind === "unresolved") return { fill: "#ffffff", stroke: VIOLATION_COLOUR, text: "#000000" };
  return { fill: "#ffffff", stroke: "#6b7280", text: "#000000" };
}

/** An import arrow's colour and width without the overlay (see to-dot's edgeLine). */
export function plainEdgeLook(edge: DiagramEdge, diagram: Diagram, foldedWidth: (edge: DiagramEdge) => string): { colour: string; width: number } {
  const colour = edge.violation ? VIOLATION_COLOUR : edge.cycle ? CYCLE_COLOUR : EDGE_COLOUR;
  const width = isFoldedEdge(edge, diagram) ? Number(foldedWidth(edge)) : edge.violation ? 2.4 : edge.cycle ? 2 : 0.9;
  return { colour, width };
}
