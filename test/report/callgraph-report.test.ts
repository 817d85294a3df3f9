/**
 * The call-graph reporters (src/report/callgraph/): gprof2dot's colours and labels in DOT, SVG
 * and Mermaid, the gprof-like text, the JSON's exact shape, comparisons in diverging colours, and
 * ids from a hostile profile written safely in every format.
 */
import { describe, expect, it } from "vitest";
import { UNPLACED, type CallGraph, type CallGraphComparison } from "../../src/model/call-graph.js";
import { printable } from "../../src/model/printable.js";
import { callGraphHtml } from "../../src/report/callgraph/callgraph-html.js";
import { callGraphJson, comparisonJson } from "../../src/report/callgraph/callgraph-json.js";
import { callGraphFormatOfPath, callGraphFormats } from "../../src/report/callgraph/callgraph-formats.js";
import { renderCallGraph } from "../../src/report/callgraph/callgraph-reporters.js";
import { callGraphText, comparisonText } from "../../src/report/callgraph/callgraph-text.js";
import { callGraphToDot, comparisonToDot } from "../../src/report/callgraph/to-callgraph-dot.js";
import { callGraphToMermaid, comparisonToMermaid } from "../../src/report/callgraph/to-callgraph-mermaid.js";
import { heatArrowsize, heatColour, heatPenwidth, UNCHANGED_FILL } from "../../src/report/heat.js";
import { call, compare, fold, frame, tree, webAppTree } from "./callgraph-sample.js";

/** The DOT line of the node or arrow whose `id` attribute is `id` (as written, quotes escaped). */
function lineWithId(dot: string, id: string): string {
  const line = dot.split("\n").find((candidate) => candidate.includes(`id="${id}"`));
  if (line === undefined) throw new Error(`no line with id ${id}`);
  return line;
}

function attribute(line: string, name: string): string | undefined {
  return new RegExp(`[ ,\\[]${name}=("(?:[^"\\\\]|\\\\.)*"|[^,\\]]+)`).exec(line)?.[1];
}

/** XML text or attribute value, decoded. */
function decodeXml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_match, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
}

/** Each node group of an SVG: its id, its tooltip and its text lines, decoded. */
function svgNodes(svg: string): { id: string; title: string; texts: string[] }[] {
  return [...svg.matchAll(/<g id="([^"]*)" class="node">([\s\S]*?)<\/g>\n<\/g>|<g id="([^"]*)" class="node">([\s\S]*?)\n<\/g>/g)].map((match) => {
    const body = match[2] ?? match[4]!;
    return {
      id: decodeXml(match[1] ?? match[3]!),
      title: decodeXml(/xlink:title="([^"]*)"/.exec(body)?.[1] ?? ""),
      texts: [...body.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((text) => decodeXml(text[1]!)),
    };
  });
}

const webApp = fold(webAppTree());

describe("heat colours (gprof2dot's TEMPERATURE_COLORMAP)", () => {
  it("are gprof2dot's at 0, ½ and 1", () => {
    // gprof2dot: hsl (2/3, 0.8, 0.25) at 0 → m2 = 0.25 × 1.8 = 0.45, m1 = 0.05 → rgb (0.05, 0.05, 0.45)
    // → int(255 × c + 0.5) = (13, 13, 115). At 1: hsl (0, 1, 0.5) → rgb (1, 0, 0). At ½: hsl (1/3,
    // 0.9, 0.375) → m2 = 0.7125, m1 = 0.0375 → rgb (0.0375, 0.7125, 0.0375) → (10, 182, 10).
    expect(heatColour(0)).toBe("#0d0d73");
    expect(heatColour(1)).toBe("#ff0000");
    expect(heatColour(0.5)).toBe("#0ab60a");
    expect([heatColour(-1), heatColour(2), heatColour(Number.NaN)]).toEqual(["#0d0d73", "#ff0000", "#0d0d73"]);
  });

  it("arrow widths and heads are gprof2dot's: max(w × 4, 0.5), 0.5 × √width", () => {
    expect([heatPenwidth(0), heatPenwidth(0.1), heatPenwidth(0.5), heatPenwidth(1)]).toEqual([0.5, 0.5, 2, 4]);
    expect(heatArrowsize(1)).toBe(1);
    expect(heatArrowsize(0.5)).toBeCloseTo(0.5 * Math.SQRT2, 10);
  });
});

describe("callGraphToDot", () => {
  const dot = callGraphToDot(webApp, { title: "wiki" });

  it("is drawn as gprof2dot draws: filled boxes, white text", () => {
    expect(dot).toMatch(/^digraph callgraph \{\n/);
    expect(dot).toContain(`node [shape=box, style=filled, fontcolor="#ffffff"`);
    expect(dot).toContain(`label="wiki"`);
    expect(callGraphToDot(webApp)).not.toContain("labelloc");
  });

  it("labels a function with its name, module:line, total share and (self share)", () => {
    // renderPage: 334 of 869 ms on the stack, 20 on top.
    expect(attribute(lineWithId(dot, "fn:apps/wiki/views.ts:renderPage:12"), "label")).toBe(`"renderPage\\napps/wiki/views.ts:12\\n38.43%\\n(2.30%)"`);
    // Line 0 (unknown): the module alone. An anonymous function keeps its name.
    expect(attribute(lineWithId(dot, "fn:node:fs:readFileSync:0"), "label")).toBe(`"readFileSync\\nnode:fs\\n0.92%\\n(0.92%)"`);
    expect(attribute(lineWithId(dot, "fn:apps/wiki/markdown.ts:(anonymous):77"), "label")).toBe(`"(anonymous)\\napps/wiki/markdown.ts:77\\n8.63%\\n(6.33%)"`);
    // V8's entries and other keys: the id.
    expect(attribute(lineWithId(dot, "fn:(idle)"), "label")).toBe(`"(idle)\\n34.52%\\n(34.52%)"`);
    const byModule = callGraphToDot(fold(webAppTree(), "module"));
    expect(attribute(lineWithId(byModule, "fn:apps/wiki/views.ts"), "label")).toBe(`"apps/wiki/views.ts\\n38.43%\\n(2.30%)"`);
  });

  it("fills each node by its total share of the run, and sizes each arrow by its share", () => {
    const graph: CallGraph = {
      by: "module",
      totalMs: 200,
      samples: 200,
      unplacedMs: 0,
      nodes: [
        { id: "a.ts", module: "a.ts", kind: "local", selfMs: 0, totalMs: 200 },
        { id: "b.ts", module: "b.ts", kind: "local", selfMs: 100, totalMs: 100 },
        { id: "c.ts", module: "c.ts", kind: "local", selfMs: 2, totalMs: 2 },
      ],
      edges: [
        { from: "a.ts", to: "b.ts", ms: 100 },
        { from: "a.ts", to: "c.ts", ms: 2 },
      ],
    };
    const text = callGraphToDot(graph);
    expect(attribute(lineWithId(text, "fn:a.ts"), "fillcolor")).toBe(`"#ff0000"`);
    expect(attribute(lineWithId(text, "fn:b.ts"), "fillcolor")).toBe(`"#0ab60a"`);
    expect(attribute(lineWithId(text, "fn:c.ts"), "fillcolor")).toBe(`"${heatColour(0.01)}"`);
    const half = lineWithId(text, "call:a.ts->b.ts");
    expect([attribute(half, "color"), attribute(half, "penwidth"), attribute(half, "arrowsize"), attribute(half, "label")]).toEqual([`"#0ab60a"`, "2.00", "0.71", `"50.00%"`]);
    const thin = lineWithId(text, "call:a.ts->c.ts");
    expect([attribute(thin, "penwidth"), attribute(thin, "label")]).toEqual(["0.50", `"1.00%"`]);
  });

  it("draws code from elsewhere rounded and dashed, V8's entries as ellipses, still heat-filled", () => {
    const local = lineWithId(dot, "fn:apps/router/router.ts:route:14");
    const external = lineWithId(dot, "fn:ejs:render:0");
    const builtin = lineWithId(dot, "fn:node:events:emit:517");
    const special = lineWithId(dot, "fn:(garbage collector)");
    const unplaced = lineWithId(dot, `fn:${UNPLACED}`);
    expect(attribute(local, "style")).toBeUndefined();
    expect(attribute(local, "shape")).toBeUndefined();
    for (const line of [external, builtin, unplaced]) expect(attribute(line, "style")).toBe(`"filled,rounded,dashed"`);
    expect(attribute(special, "shape")).toBe("ellipse");
    for (const line of [local, external, builtin, special, unplaced]) expect(attribute(line, "fillcolor")).toMatch(/^"#[0-9a-f]{6}"$/);
  });

  it("gives each node and arrow a stable id and a tooltip with its milliseconds", () => {
    const line = lineWithId(dot, "fn:apps/wiki/views.ts:renderPage:12");
    expect(attribute(line, "tooltip")).toBe(`"apps/wiki/views.ts:renderPage:12\\ntotal 334.000 ms (38.43% of the run)\\nself 20.000 ms (2.30%)\\nkind: local"`);
    const arrow = lineWithId(dot, "call:apps/wiki/views.ts:renderPage:12->apps/wiki/markdown.ts:parse:30");
    expect(attribute(arrow, "tooltip")).toContain("165.000 ms (18.99% of the run)");
  });

  it("has a legend: heat swatches at 0, 25, 50, 75 and 100%, the two percentages, no call counts, the run", () => {
    const legend = lineWithId(dot, "legend-key");
    for (const weight of [0, 0.25, 0.5, 0.75, 1]) expect(legend).toContain(`BGCOLOR="${heatColour(weight)}"`);
    expect(legend).toContain("total %");
    expect(legend).toContain("(self %)");
    expect(legend).toContain("no call counts: V8 samples stacks, it does not count calls");
    expect(legend).toContain("call graph by function</B>: 869.0 ms, 869 samples");
    expect(legend).toContain("no frame could be placed for 6.0 ms (0.69%)");
    // No unplaced time, no such line.
    const placed = fold(tree(call(frame("local", "a.ts", "f", 1), 5, call(frame("local", "b.ts", "g", 2), 5))));
    expect(placed.unplacedMs).toBe(0);
    expect(callGraphToDot(placed)).not.toContain("could be placed");
    // Only the shapes drawn are explained.
    expect(callGraphToDot(placed)).not.toContain("ellipse: V8");
    expect(legend).toContain("ellipse: V8");
  });

  it("writes the same bytes for the same graph", () => {
    expect(callGraphToDot(fold(webAppTree()), { title: "wiki" })).toBe(dot);
  });

  it("renders to SVG with Graphviz: every node, arrow and the legend, by id", async () => {
    const svg = await renderCallGraph(webApp, "svg", {});
    expect(svg).toContain("<svg");
    const ids = svgNodes(svg).map((node) => node.id);
    expect(ids).toEqual(expect.arrayContaining([...webApp.nodes.map((node) => `fn:${node.id}`), "legend-key"]));
    const edges = [...svg.matchAll(/<g id="([^"]*)" class="edge">/g)].map((match) => decodeXml(match[1]!));
    expect(edges.sort()).toEqual(webApp.edges.map((edge) => `call:${edge.from}->${edge.to}`).sort());
  });
});

/** A control character other than a newline: none may reach a rendered file. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f]/;

/** A graph whose ids are everything a profile's names can be. */
const HOSTILE = [
  `a"b\\c`,
  `line\nbreak\r\u001b[31m`,
  `<script>window.pwned = 1</script>`,
  `x[y]|z%%w-->v{q}(r)`,
  `&amp; \\N \\G #quot; </svg>`,
  `::error::injected`,
];

function hostileGraph(): CallGraph {
  const ids = [...HOSTILE].sort();
  return {
    by: "module",
    totalMs: 60,
    samples: 60,
    unplacedMs: 0,
    nodes: ids.map((id, index) => ({ id, module: id, kind: index % 2 === 0 ? "local" : "external", selfMs: 10, totalMs: 10 * (ids.length - index) })),
    edges: ids.slice(1).map((id, index) => ({ from: ids[index]!, to: id, ms: 10 * (ids.length - index - 1) })),
  };
}

describe("ids from a hostile profile", () => {
  const graph = hostileGraph();

  it("DOT: Graphviz parses it, and the SVG shows each id exactly, in its id, label and tooltip", async () => {
    const svg = await renderCallGraph(graph, "svg", { title: `title "with" <script>` });
    expect(svg).not.toMatch(/<script/i);
    const nodes = svgNodes(svg).filter((node) => node.id !== "legend-key");
    expect(nodes.map((node) => node.id).sort()).toEqual(graph.nodes.map((node) => `fn:${node.id}`).sort());
    for (const node of nodes) {
      const id = node.id.slice("fn:".length);
      expect(node.texts[0]).toBe(printable(id));
      expect(node.title.split("\n")[0]).toBe(printable(id));
    }
    const edges = [...svg.matchAll(/<g id="([^"]*)" class="edge">/g)].map((match) => decodeXml(match[1]!));
    expect(edges.sort()).toEqual(graph.edges.map((edge) => `call:${edge.from}->${edge.to}`).sort());
  });

  it("Mermaid: one line per node and arrow, labels quoted with no quote, bracket, bar, %% or line break of their own", () => {
    const mermaid = callGraphToMermaid(graph, { title: "t\n\"x\"" });
    const lines = mermaid.trimEnd().split("\n");
    const nodeLines = lines.filter((line) => /^ {2}n\d+[[(]/.test(line));
    expect(nodeLines).toHaveLength(graph.nodes.length);
    for (const line of nodeLines) {
      const match = /^ {2}n\d+(\[|\(|\(\[)"(.*)"(\]|\)|\]\))$/.exec(line);
      expect(match, line).not.toBeNull();
      expect(match![2]!.replaceAll("<br/>", "")).not.toMatch(/["[\]|<>]|%%/);
    }
    const arrows = lines.filter((line) => line.includes("-->"));
    expect(arrows).toHaveLength(graph.edges.length);
    for (const arrow of arrows) expect(arrow).toMatch(/^ {2}n\d+ -->\|"[0-9.]+%"\| n\d+$/);
    expect(mermaid).toContain("#lt;script#gt;");
    expect(mermaid).toContain("#37;#37;");
    expect(mermaid).not.toMatch(CONTROL);
  });

  it("text: each id on one line, printable, no workflow command at a line's start", () => {
    const text = callGraphText(graph);
    expect(text).not.toMatch(CONTROL);
    expect(text).not.toMatch(/^\s*::/m);
    for (const node of graph.nodes) expect(text).toContain(`  ${printable(node.id)}\n`);
    expect(text).toContain("line\\nbreak\\r\\u001b[31m");
  });

  it("HTML: no script from the data, ids escaped in the table, title escaped", async () => {
    const html = await renderCallGraph(graph, "html", { title: `</title><script>window.pwned = 2</script>` });
    expect(html).not.toContain("<script>window.pwned");
    expect(html).toContain("&lt;script&gt;window.pwned = 1&lt;/script&gt;");
    expect(html).toContain("&lt;/title&gt;&lt;script&gt;");
    // Our two scripts: svg-pan-zoom and the page's.
    expect(html.match(/<script>/g)).toHaveLength(2);
    expect(html).not.toMatch(CONTROL);
  });

  it("JSON: ids kept exactly", () => {
    expect(JSON.parse(callGraphJson(graph)).nodes.map((node: { id: string }) => node.id)).toEqual(graph.nodes.map((node) => node.id));
  });
});

describe("callGraphText", () => {
  it("is a flat profile by total, then each caller's callees", () => {
    const graph = fold(
      tree(
        call(frame("special", "(idle)", "(idle)"), 50),
        call(frame("local", "main.ts", "main", 1), 10, call(frame("local", "a.ts", "work", 3), 30), call(frame("external", "lib", "run", 0), 10)),
      ),
    );
    expect(callGraphText(graph)).toBe(
      [
        "call graph by function: run 100.000 ms, 100 samples, unplaced 0.000 ms",
        "",
        " total%     total ms    self%      self ms  id",
        "  50.00       50.000    50.00       50.000  (idle)",
        "  50.00       50.000    10.00       10.000  main.ts:main:1",
        "  30.00       30.000    30.00       30.000  a.ts:work:3",
        "  10.00       10.000    10.00       10.000  lib:run:0",
        "",
        "callees (% of the run in the callee and below, called from there):",
        "",
        "main.ts:main:1  50.00%",
        "    30.00%       30.000 ms  a.ts:work:3",
        "    10.00%       10.000 ms  lib:run:0",
        "",
      ].join("\n"),
    );
  });
});

describe("callGraphJson", () => {
  it("is exactly version, by, totalMs, samples, unplacedMs, nodes and edges, as given, two-space indented", () => {
    const graph: CallGraph = {
      by: "function",
      totalMs: 12.5,
      samples: 10,
      unplacedMs: 0.5,
      nodes: [
        { totalMs: 12, selfMs: 2, kind: "local", module: "a.ts", id: "a.ts:f:1" },
        { id: "b.ts:g:2", module: "b.ts", kind: "local", selfMs: 10, totalMs: 10 },
      ],
      edges: [{ ms: 10, to: "b.ts:g:2", from: "a.ts:f:1" }],
    };
    const expected = {
      version: 1,
      by: "function",
      totalMs: 12.5,
      samples: 10,
      unplacedMs: 0.5,
      nodes: [
        { id: "a.ts:f:1", module: "a.ts", kind: "local", selfMs: 2, totalMs: 12 },
        { id: "b.ts:g:2", module: "b.ts", kind: "local", selfMs: 10, totalMs: 10 },
      ],
      edges: [{ from: "a.ts:f:1", to: "b.ts:g:2", ms: 10 }],
    };
    expect(callGraphJson(graph)).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it("a comparison: version, by, compare, both totals, nodes and edges", () => {
    const comparison = compare(fold(webAppTree({ database: 3 })), webApp);
    const parsed = JSON.parse(comparisonJson(comparison));
    expect(Object.keys(parsed)).toEqual(["version", "by", "compare", "totalMs", "baseTotalMs", "nodes", "edges"]);
    expect(parsed.compare).toBe(true);
    expect(Object.keys(parsed.nodes[0])).toEqual(["id", "module", "kind", "totalPct", "basePct", "selfPct", "baseSelfPct"]);
    expect(Object.keys(parsed.edges[0])).toEqual(["from", "to", "pct", "basePct"]);
    expect(parsed.nodes.map((node: { id: string }) => node.id)).toEqual(comparison.nodes.map((node) => node.id));
  });
});

describe("two runs compared", () => {
  // The database three times slower, the Markdown parser much faster.
  const comparison = compare(fold(webAppTree({ database: 3, markdown: 0.4 })), webApp);
  const dot = comparisonToDot(comparison);
  const rgb = (line: string): [number, number, number] => {
    const hex = attribute(line, "fillcolor")!.slice(2, 8);
    return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
  };

  it("hotter nodes are red, colder blue, unchanged grey; the largest change deepest", () => {
    const query = lineWithId(dot, "fn:apps/db/client.ts:query:50");
    const pg = lineWithId(dot, "fn:pg:Client.query:0");
    const parse = lineWithId(dot, "fn:apps/wiki/markdown.ts:parse:30");
    const [qr, qg, qb] = rgb(query);
    expect(qr).toBeGreaterThan(qb + 100);
    expect(qr).toBeGreaterThan(qg + 100);
    const [pr, , pb] = rgb(parse);
    expect(pb).toBeGreaterThan(pr + 100);
    // query's change is the largest: deeper (darker) than pg's.
    expect(rgb(query).reduce((a, b) => a + b)).toBeLessThan(rgb(pg).reduce((a, b) => a + b));
    const same: CallGraphComparison = {
      ...comparison,
      nodes: comparison.nodes.map((node) => (node.id === "ejs:render:0" ? { ...node, totalPct: node.basePct } : node)),
    };
    expect(attribute(lineWithId(comparisonToDot(same), "fn:ejs:render:0"), "fillcolor")).toBe(`"${UNCHANGED_FILL}"`);
  });

  it("labels each node with its share then and now, and the change in points", () => {
    const node = comparison.nodes.find((candidate) => candidate.id === "apps/db/client.ts:query:50")!;
    expect(attribute(lineWithId(dot, "fn:apps/db/client.ts:query:50"), "label")).toBe(
      `"query\\napps/db/client.ts:50\\n${node.basePct.toFixed(1)}% → ${node.totalPct.toFixed(1)}%\\n(+${(node.totalPct - node.basePct).toFixed(1)})"`,
    );
    expect(lineWithId(dot, "legend-key")).toContain("red: a larger share now; blue: a smaller one");
  });

  it("renders as SVG, Mermaid, text and HTML", async () => {
    for (const format of callGraphFormats) expect(await renderCallGraph(comparison, format, {})).not.toBe("");
    const mermaid = comparisonToMermaid(comparison);
    expect(mermaid).toMatch(/style n\d+ fill:#[0-9a-f]{6}/);
    const text = comparisonText(comparison).split("\n");
    expect(text[2]).toBe("  base%     now%    delta  id");
    // Largest change first.
    expect(text[3]).toMatch(/apps\/db\/client\.ts:query:50$/);
    expect(text[3]).toMatch(/\+16\.\d\d/);
  });
});

describe("callGraphToMermaid", () => {
  it("is a top-to-bottom flowchart: n0, n1, … in id order, heat fills, arrow widths and labels", () => {
    const mermaid = callGraphToMermaid(webApp);
    const lines = mermaid.split("\n");
    expect(lines[0]).toBe("flowchart TB");
    const index = webApp.nodes.findIndex((node) => node.id === "apps/wiki/views.ts:renderPage:12");
    expect(lines).toContain(`  n${index}["renderPage<br/>apps/wiki/views.ts:12<br/>38.43%<br/>(2.30%)"]`);
    expect(lines).toContain(`  style n${index} fill:${heatColour(334 / 869)},color:#ffffff,stroke:${heatColour(334 / 869)}`);
    const edgeIndex = webApp.edges.findIndex((edge) => edge.from === "apps/wiki/views.ts:renderPage:12" && edge.to === "apps/wiki/markdown.ts:parse:30");
    expect(lines).toContain(`  linkStyle ${edgeIndex} stroke:${heatColour(165 / 869)},stroke-width:0.8px`);
    expect(mermaid).toContain(`-->|"18.99%"|`);
    // V8's entries as stadiums, code from elsewhere rounded with a dashed border.
    expect(mermaid).toMatch(/n\d+\(\["\(idle\)<br\/>/);
    expect(mermaid).toMatch(/n\d+\("render<br\/>ejs<br\/>/);
    expect(mermaid).toContain("stroke-dasharray:4 3");
  });
});

describe("renderCallGraph and callGraphFormatOfPath", () => {
  it("knows each format by its file ending", () => {
    expect(["a.txt", "a.json", "a.dot", "a.gv", "a.svg", "a.mmd", "a.mermaid", "a.html", "a.HTM", "a", "dir.svg/file", "a.png"].map(callGraphFormatOfPath)).toEqual([
      "text",
      "json",
      "dot",
      "dot",
      "svg",
      "mermaid",
      "mermaid",
      "html",
      "html",
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("renders each format of one run", async () => {
    const outputs = Object.fromEntries(await Promise.all(callGraphFormats.map(async (format) => [format, await renderCallGraph(webApp, format, { title: "t" })] as const)));
    expect(outputs.text).toBe(callGraphText(webApp));
    expect(outputs.json).toBe(callGraphJson(webApp));
    expect(outputs.dot).toBe(callGraphToDot(webApp, { title: "t" }));
    expect(outputs.svg).toMatch(/<svg[\s\S]*<\/svg>/);
    expect(outputs.mermaid).toBe(callGraphToMermaid(webApp, { title: "t" }));
    expect(outputs.html).toBe(callGraphHtml(webApp, outputs.svg!, { title: "t" }));
  });
});
