/**
 * A call graph as one self-contained HTML page (no network access): the SVG picture, pannable
 * and zoomable (svg-pan-zoom, inlined), beside a flat profile. The table sorts by any column on
 * a click on its heading; a click on a row, or on a box, selects that node in both; the search
 * box lights the boxes whose id contains the text and keeps only their rows.
 *
 * Rows and boxes are tied by the box's DOT name (n0, n1, …, the `<title>` Graphviz writes in
 * each box's group), never by text from the profile, which is only ever written escaped.
 */
import { share, type CallGraph, type CallGraphComparison } from "../../model/call-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { printable } from "../../model/printable.js";
import { panZoomScript } from "../pan-zoom-script.js";
import { delta, isComparison } from "./callgraph-common.js";
import type { CallGraphDrawOptions } from "./to-callgraph-dot.js";
import { escapeHtml } from "../escape-html.js";

/** `svg` is the picture of `graph` (callGraphToSvg). */
export function callGraphHtml(graph: CallGraph | CallGraphComparison, svg: string, options: CallGraphDrawOptions = {}): string {
  const title = options.title ?? (isComparison(graph) ? `call graph by ${graph.by}, compared` : `call graph by ${graph.by}`);
  const { summary, head, rows } = isComparison(graph) ? comparisonTable(graph) : table(graph);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="layermap">
<title>${escapeHtml(printable(title))}</title>
<style>${STYLE}</style>
</head>
<body>
<main id="diagram">${svg.slice(svg.indexOf("<svg"))}</main>
<aside id="panel">
<h1>${escapeHtml(printable(title))}</h1>
<p id="summary">${escapeHtml(summary)}</p>
<input id="search" type="search" placeholder="Find a node by id…" autocomplete="off"> <span id="count"></span>
<table id="profile">
<thead><tr>${head.map(([label, type]) => `<th data-type="${type}">${escapeHtml(label)}</th>`).join("")}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</aside>
<script>${panZoomScript()}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

interface Table {
  summary: string;
  head: [string, "num" | "text"][];
  rows: string[];
}

function table(graph: CallGraph): Table {
  const names = new Map(graph.nodes.map((node, index) => [node.id, `n${index}`]));
  const sorted = [...graph.nodes].sort((a, b) => b.totalMs - a.totalMs || compareCodeUnits(a.id, b.id));
  return {
    summary:
      `${graph.totalMs.toFixed(1)} ms, ${graph.samples} samples, by ${graph.by}` +
      (graph.unplacedMs > 0 ? `; no frame could be placed for ${graph.unplacedMs.toFixed(1)} ms` : "") +
      ". Total: time on the stack, callees included; self: on top of it.",
    head: [
      ["total %", "num"],
      ["total ms", "num"],
      ["self %", "num"],
      ["self ms", "num"],
      ["id", "text"],
    ],
    rows: sorted.map((node) =>
      row(names.get(node.id)!, node.id, [
        share(node.totalMs, graph.totalMs).toFixed(2),
        node.totalMs.toFixed(3),
        share(node.selfMs, graph.totalMs).toFixed(2),
        node.selfMs.toFixed(3),
      ]),
    ),
  };
}

function comparisonTable(comparison: CallGraphComparison): Table {
  const names = new Map(comparison.nodes.map((node, index) => [node.id, `n${index}`]));
  const change = (node: CallGraphComparison["nodes"][number]): number => Math.abs(node.totalPct - node.basePct);
  const sorted = [...comparison.nodes].sort((a, b) => change(b) - change(a) || compareCodeUnits(a.id, b.id));
  return {
    summary: `base run ${comparison.baseTotalMs.toFixed(1)} ms, this run ${comparison.totalMs.toFixed(1)} ms, by ${comparison.by}. Shares of each run's own total; delta in points.`,
    head: [
      ["base %", "num"],
      ["now %", "num"],
      ["delta", "num"],
      ["id", "text"],
    ],
    rows: sorted.map((node) => row(names.get(node.id)!, node.id, [node.basePct.toFixed(2), node.totalPct.toFixed(2), delta(node.totalPct, node.basePct, 2)])),
  };
}

function row(name: string, id: string, numbers: string[]): string {
  return `<tr data-node="${name}">${numbers.map((value) => `<td>${value}</td>`).join("")}<td class="id">${breakable(escapeHtml(printable(id)))}</td></tr>`;
}

/** Escaped text with a line-break opportunity after each `/` and `:`, where a path or an id reads best split. */
function breakable(escaped: string): string {
  return escaped.replace(/[/:]/g, "$&<wbr>");
}


const STYLE = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #111827; }
body { display: flex; }
#diagram { flex: 1; height: 100%; overflow: hidden; background: #fff; }
#diagram svg { width: 100%; height: 100%; }
#panel { width: 520px; flex: none; height: 100%; overflow: auto; border-left: 1px solid #e5e7eb; padding: 12px; background: #f9fafb; }
#panel h1 { font-size: 15px; margin: 0 0 4px; overflow-wrap: anywhere; }
#summary { color: #4b5563; margin: 0 0 8px; }
#search { width: 70%; padding: 5px 8px; border: 1px solid #d1d5db; border-radius: 6px; font: inherit; }
#count { color: #6b7280; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; font-variant-numeric: tabular-nums; }
th { position: sticky; top: 0; background: #f3f4f6; cursor: pointer; user-select: none; text-align: right; padding: 3px 6px; font-weight: 600; white-space: nowrap; }
th:last-child, td.id { text-align: left; }
th[aria-sort=ascending]::after { content: " ▲"; } th[aria-sort=descending]::after { content: " ▼"; }
td { text-align: right; padding: 2px 6px; border-top: 1px solid #e5e7eb; vertical-align: top; }
td.id { overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
tbody tr { cursor: pointer; } tbody tr:hover { background: #eef2ff; }
tr.selected { background: #dbeafe !important; }
g.node { cursor: pointer; }
g.node.match polygon, g.node.match ellipse, g.node.match path { stroke: #a21caf; stroke-width: 4px; stroke-dasharray: none; }
g.node.selected polygon, g.node.selected ellipse, g.node.selected path { stroke: #111827; stroke-width: 5px; stroke-dasharray: none; }
body.searching g.node:not(.match), body.searching g.edge { opacity: .35; }
`;

/**
 * The page's behaviour. Boxes are found by their `<title>` (the DOT name); rows carry the same
 * name in data-node.
 */
const SCRIPT = `
(function () {
  var svg = document.querySelector("#diagram svg");
  var zoom = svgPanZoom(svg, { zoomEnabled: true, controlIconsEnabled: true, fit: true, center: true, minZoom: 0.05, maxZoom: 50, dblClickZoomEnabled: false });
  var boxes = {};
  svg.querySelectorAll("g.node").forEach(function (g) { var t = g.querySelector("title"); if (t) boxes[t.textContent] = g; });
  var body = document.querySelector("#profile tbody");
  var rows = Array.prototype.slice.call(body.rows);
  function select(name, fromBox) {
    document.querySelectorAll(".selected").forEach(function (e) { e.classList.remove("selected"); });
    var g = boxes[name], r = rows.find(function (r) { return r.dataset.node === name; });
    if (r) { r.classList.add("selected"); if (fromBox) r.scrollIntoView({ block: "nearest" }); }
    if (g) {
      g.classList.add("selected");
      if (!fromBox) {
        var a = g.getBoundingClientRect(), b = svg.getBoundingClientRect();
        zoom.panBy({ x: b.left + b.width / 2 - (a.left + a.width / 2), y: b.top + b.height / 2 - (a.top + a.height / 2) });
      }
    }
  }
  rows.forEach(function (r) { r.addEventListener("click", function () { select(r.dataset.node, false); }); });
  Object.keys(boxes).forEach(function (name) { boxes[name].addEventListener("click", function () { select(name, true); }); });
  document.querySelectorAll("#profile th").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") === "descending";
      document.querySelectorAll("#profile th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var number = th.dataset.type === "num";
      rows.sort(function (p, q) {
        var x = p.cells[column].textContent, y = q.cells[column].textContent;
        var order = number ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var search = document.getElementById("search"), count = document.getElementById("count");
  search.addEventListener("input", function () {
    var text = search.value.trim().toLowerCase(), found = 0;
    document.body.classList.toggle("searching", text !== "");
    rows.forEach(function (r) {
      var hit = text !== "" && r.cells[r.cells.length - 1].textContent.toLowerCase().indexOf(text) !== -1;
      r.hidden = text !== "" && !hit;
      if (hit) found++;
      var g = boxes[r.dataset.node];
      if (g) g.classList.toggle("match", hit);
    });
    count.textContent = text === "" ? "" : found + " found";
  });
})();
`;
