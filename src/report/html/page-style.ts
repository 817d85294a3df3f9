/** The page's styles: a diagram that fills the window, a side panel, and highlight states. */
export const PAGE_STYLE = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #111827; }
body { display: flex; }
#panel { width: 340px; flex: none; height: 100%; overflow: auto; border-right: 1px solid #e5e7eb; padding: 12px; background: #f9fafb; }
#panel h1 { font-size: 15px; margin: 0 0 8px; }
#panel h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #6b7280; margin: 16px 0 6px; }
#search { width: 100%; padding: 6px 8px; border: 1px solid #d1d5db; border-radius: 6px; font: inherit; }
#matches button, #problems button, #neighbours button { display: block; width: 100%; text-align: left; background: none; border: 0; padding: 3px 4px; border-radius: 4px; cursor: pointer; font: inherit; color: inherit; }
#matches button:hover, #problems button:hover, #neighbours button:hover { background: #e5e7eb; }
#problems button.current { background: #dbeafe; }
#problems .error { color: #b91c1c; } #problems .warn { color: #a16207; }
#problems small { display: block; color: #6b7280; }
#selection { white-space: pre-wrap; }
#neighbours h3 { font-size: 12px; font-weight: 600; color: #374151; margin: 8px 0 2px; }
#neighbours button { color: #1d4ed8; padding: 1px 4px; }
#neighbours .more { color: #6b7280; padding: 1px 4px; }
#crumbs { margin: 0 0 8px; }
/* Paths are long and unbroken: they may wrap at any character; prose wraps between words. */
.path { overflow-wrap: anywhere; }
#problems details { margin: 0 0 4px; }
#problems summary { cursor: pointer; font-weight: 600; padding: 2px 0; }
#problems summary .count, #layers .count { font-weight: normal; color: #6b7280; }
#problems summary .count.error { color: #b91c1c; }
#problems details button { padding-left: 14px; }
#crumbs button { background: none; border: 0; padding: 0; color: #2563eb; cursor: pointer; font: inherit; text-decoration: underline; }
g.node { cursor: pointer; }
label { display: block; cursor: pointer; }
#diagram { flex: 1; height: 100%; overflow: hidden; background: #fff; }
#diagram svg { width: 100%; height: 100%; }
.dim { opacity: .12; }
/* While something is lit, the layer fills fade too, so the dimmed boxes on them do not look lit. */
body[data-selected] g.cluster path, body[data-selected] g.cluster polygon, body[data-problem] g.cluster path, body[data-problem] g.cluster polygon { fill-opacity: .3; }
.hidden-layer { display: none; }
g.node.selected path, g.node.selected polygon { stroke: #2563eb; stroke-width: 3px; }
g.node.match path, g.node.match polygon { stroke: #7c3aed; stroke-width: 2.5px; }
g.edge.lit path { stroke-width: 2.2px; }
g.edge.flash path { stroke: #2563eb !important; stroke-width: 4px; }
g.node.flash path, g.node.flash polygon { stroke: #2563eb; stroke-width: 4px; }
`;
