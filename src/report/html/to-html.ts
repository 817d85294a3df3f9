/**
 * One self-contained HTML page: the SVG diagram, its data, styles, svg-pan-zoom and a small
 * script, all inlined — no network access — so it can be attached to a CI run or committed.
 */
import type { Violation } from "../../model/violation.js";
import { panZoomScript } from "../pan-zoom-script.js";
import type { DrillDown } from "./drill-down.js";
import { pageData } from "./html-data.js";
import { PAGE_SCRIPT } from "./page-script.js";
import { PAGE_STYLE } from "./page-style.js";
import { HEAT_SCRIPT } from "./heat-script.js";
import { escapeHtml } from "../escape-html.js";

/**
 * `svgs[i]` is the SVG of `drill.views[i]`. The first view is in the page; the others wait in
 * <template> elements (inert: their element ids do not clash) until a box is opened.
 */
export function toHtml(drill: DrillDown, svgs: readonly string[], violations: readonly Violation[]): string {
  const title = drill.views[0]!.diagram.title ?? "layermap";
  const page = pageData(drill, violations, title);
  const data = JSON.stringify(page).replaceAll("<", "\\u003c");
  // Only a page drawn with a run has the Heat toggle (a page without one is as it always was).
  const heatPanel =
    page.heat === undefined
      ? ""
      : `<h2>Runtime</h2>
<label title="Fill boxes and weigh arrows by the profile; untick for the plain map"><input id="heat" type="checkbox" checked> Heat</label>
<div id="heat-summary">${escapeHtml(page.heat.summary)}</div>
`;
  const heatScript = page.heat === undefined ? "" : `<script>${HEAT_SCRIPT}</script>\n`;
  const inline = svgs.map((svg) => svg.slice(svg.indexOf("<svg")));
  const templates = inline
    .slice(1)
    .map((svg, index) => `<template id="layermap-view-${index + 1}">${svg}</template>\n`)
    .join("");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="layermap">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<aside id="panel">
<h1>${escapeHtml(title)}</h1>
<nav id="crumbs"></nav>
<input id="search" type="search" placeholder="Find a module by path…" autocomplete="off">
<div id="matches"></div>
<h2>Selection</h2>
<div id="selection"></div>
<div id="neighbours"></div>
<label>Highlight depth <input id="depth" type="number" min="1" max="20" value="1" style="width:4em"></label>
${heatPanel}<h2>Layers</h2>
<div id="layers"></div>
<h2>Violations and cycles</h2>
<div id="problems"></div>
</aside>
<main id="diagram">${inline[0]!}</main>
${templates}<script type="application/json" id="layermap-data">${data}</script>
<script>${panZoomScript()}</script>
<script>${PAGE_SCRIPT}</script>
${heatScript}</body>
</html>
`;
}

