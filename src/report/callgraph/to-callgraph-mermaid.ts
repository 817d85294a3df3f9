/**
 * A call graph as a Mermaid flowchart (GitHub renders it in Markdown): the DOT picture's heat
 * colours and labels in Mermaid's terms. Nodes are n0, n1, … in id order; every label goes
 * through the static map's Mermaid escaping (diagram/to-mermaid.ts), with a `%` next to
 * another written as an entity too, so no id can open a `%%` comment. Code from elsewhere is a rounded box with a
 * dashed border, V8's own entries a stadium, as in the DOT.
 */
import { share, type CallGraph, type CallGraphComparison } from "../../model/call-graph.js";
import { printable } from "../../model/printable.js";
import { text } from "../diagram/to-mermaid.js";
import { changeColour, changeStroke, heatColour, heatPenwidth, heatTextColour } from "../heat.js";
import { delta, lookOf, nodeName, percent, shortPercent, type NodeLook } from "./callgraph-common.js";
import type { CallGraphDrawOptions } from "./to-callgraph-dot.js";

export function callGraphToMermaid(graph: CallGraph, options: CallGraphDrawOptions = {}): string {
  return write(
    options.title,
    graph.nodes.map((node) => {
      const { name, place } = nodeName(node, graph.by);
      const total = share(node.totalMs, graph.totalMs);
      return {
        id: node.id,
        look: lookOf(node.kind),
        lines: [name, ...(place === undefined ? [] : [place]), percent(total), `(${percent(share(node.selfMs, graph.totalMs))})`],
        fill: heatColour(total / 100),
        colour: heatTextColour(heatColour(total / 100)),
      };
    }),
    graph.edges.map((edge) => {
      const weight = share(edge.ms, graph.totalMs) / 100;
      return { from: edge.from, to: edge.to, label: percent(weight * 100), stroke: heatColour(weight), width: heatPenwidth(weight) };
    }),
  );
}

export function comparisonToMermaid(comparison: CallGraphComparison, options: CallGraphDrawOptions = {}): string {
  const largest = Math.max(0, ...comparison.nodes.map((node) => Math.abs(node.totalPct - node.basePct)));
  const largestEdge = Math.max(0, ...comparison.edges.map((edge) => Math.abs(edge.pct - edge.basePct)));
  return write(
    options.title,
    comparison.nodes.map((node) => {
      const { name, place } = nodeName(node, comparison.by);
      const { fill, text: colour } = changeColour(node.totalPct - node.basePct, largest);
      return {
        id: node.id,
        look: lookOf(node.kind),
        lines: [name, ...(place === undefined ? [] : [place]), `${shortPercent(node.basePct)} → ${shortPercent(node.totalPct)}`, `(${delta(node.totalPct, node.basePct)})`],
        fill,
        colour,
      };
    }),
    comparison.edges.map((edge) => {
      return {
        from: edge.from,
        to: edge.to,
        label: `${shortPercent(edge.basePct)} → ${shortPercent(edge.pct)}`,
        stroke: changeStroke(edge.pct - edge.basePct, largestEdge),
        width: heatPenwidth(Math.max(edge.pct, edge.basePct) / 100),
      };
    }),
  );
}

interface Box {
  id: string;
  look: NodeLook;
  lines: string[];
  fill: string;
  colour: string;
}

interface Link {
  from: string;
  to: string;
  label: string;
  stroke: string;
  width: number;
}

function write(title: string | undefined, boxes: readonly Box[], links: readonly Link[]): string {
  const ids = new Map(boxes.map((box, index) => [box.id, `n${index}`]));
  const lines: string[] = [];
  if (title !== undefined) lines.push("---", `title: ${JSON.stringify(printable(title))}`, "---");
  lines.push("flowchart TB");
  for (const box of boxes) {
    const [open, close] = box.look === "special" ? ["([", "])"] : box.look === "elsewhere" ? ["(", ")"] : ["[", "]"];
    lines.push(`  ${ids.get(box.id)!}${open}"${box.lines.map(label).join("<br/>")}"${close}`);
  }
  const styles: string[] = [];
  let index = 0;
  for (const link of links) {
    const from = ids.get(link.from);
    const to = ids.get(link.to);
    if (from === undefined || to === undefined) continue;
    lines.push(`  ${from} -->|"${label(link.label)}"| ${to}`);
    styles.push(`  linkStyle ${index++} stroke:${link.stroke},stroke-width:${Number(link.width.toFixed(1))}px`);
  }
  for (const box of boxes) {
    const border = box.look === "elsewhere" ? "stroke:#111827,stroke-dasharray:4 3" : `stroke:${box.fill}`;
    lines.push(`  style ${ids.get(box.id)!} fill:${box.fill},color:${box.colour},${border}`);
  }
  lines.push(...styles);
  return `${lines.join("\n")}\n`;
}

/**
 * One line of a label: printable, Mermaid's entities (diagram/to-mermaid.ts), square brackets as
 * entities too (harmless inside quotes, but a shape's own delimiters), and a `%` next to another
 * as `#37;` (`%%` starts a comment).
 */
function label(line: string): string {
  return text(printable(line))
    .replace(/%(?=%)|(?<=%)%/g, "#37;")
    .replaceAll("[", "#91;")
    .replaceAll("]", "#93;");
}
