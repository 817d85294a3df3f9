/**
 * The transparent plane (src/graph/transparent-plane.ts) on graphs written by hand: each site's
 * edge to a barrel replaced by edges to the modules its names are declared in, everything else
 * about the site kept, barrels keeping their own re-export edges, no self-loops; and its
 * document, valid and its own plane.
 */
import { describe, expect, it } from "vitest";
import { createImportGraph, isTypeOnly, type GraphSite, type ImportGraph } from "../../src/graph/import-graph.js";
import { fromDocument } from "../../src/graph/to-document.js";
import { transparentDocument, transparentPlane } from "../../src/graph/transparent-plane.js";
import { mapDocumentSchema, type ImportSiteRecord, type MapDocument } from "../../src/model/document.js";
import { assertConsistent } from "../../src/model/document-consistency.js";

/** `{ "a.ts → b.ts": [sites] }` with every module local. */
function graphOf(edges: Record<string, GraphSite[]>, extra: string[] = []): ImportGraph {
  const graph = createImportGraph();
  const node = (id: string): void => {
    if (!graph.hasNode(id)) graph.addNode(id, { kind: "local", lines: 3 });
  };
  extra.forEach(node);
  for (const [pair, sites] of Object.entries(edges)) {
    const [from, to] = pair.split(" → ") as [string, string];
    node(from);
    node(to);
    graph.addDirectedEdge(from, to, { sites });
  }
  return graph;
}

/** Every edge as `from → to: line "specifier" [barrel {names}]`, sorted. */
function edgesOf(graph: ImportGraph): string[] {
  return graph
    .mapEdges((_edge, { sites }, from, to) =>
      sites.map((site) => `${from} → ${to}: ${site.line} "${site.specifier}"${site.typeOnly ? " type" : ""}${site.barrel ? ` [${site.barrel.module} {${site.barrel.names.join(",")}}]` : ""}`),
    )
    .flat()
    .sort();
}

const site = (line: number, specifier: string, extra: Partial<ImportSiteRecord> = {}): ImportSiteRecord => ({ line, specifier, kind: "static", ...extra });

describe("transparentPlane", () => {
  const graph = graphOf({
    "main.ts → utils/index.ts": [
      site(1, "./utils", { through: [{ module: "utils/format.ts", names: ["format"] }, { module: "utils/parse.ts", names: ["parse", "tokens"] }] }),
      site(2, "./utils"),
      site(3, "./utils", { typeOnly: true, through: [{ module: "utils/index.ts", names: ["Options"] }, { module: "utils/types.ts", names: ["Parsed"] }] }),
    ],
    "utils/index.ts → utils/format.ts": [site(1, "./format", { kind: "re-export" })],
    "utils/index.ts → utils/parse.ts": [site(2, "./parse", { kind: "re-export" })],
    "utils/index.ts → utils/types.ts": [site(3, "./types", { kind: "re-export", typeOnly: true })],
    "utils/parse.ts → utils/index.ts": [site(1, "./index", { through: [{ module: "utils/format.ts", names: ["format"] }, { module: "utils/parse.ts", names: ["tokens"] }] })],
  });
  const plane = transparentPlane(graph);

  it("sends each site to the modules that declare its names, keeping its line, specifier and plane, and naming the barrel", () => {
    expect(edgesOf(plane)).toEqual([
      'main.ts → utils/format.ts: 1 "./utils" [utils/index.ts {format}]',
      'main.ts → utils/index.ts: 2 "./utils"',
      'main.ts → utils/index.ts: 3 "./utils" type',
      'main.ts → utils/parse.ts: 1 "./utils" [utils/index.ts {parse,tokens}]',
      'main.ts → utils/types.ts: 3 "./utils" type [utils/index.ts {Parsed}]',
      // The barrel keeps its own re-export edges.
      'utils/index.ts → utils/format.ts: 1 "./format"',
      'utils/index.ts → utils/parse.ts: 2 "./parse"',
      'utils/index.ts → utils/types.ts: 3 "./types" type',
      // parse.ts imported tokens from itself through the barrel: no self-loop, and no false cycle.
      'utils/parse.ts → utils/format.ts: 1 "./index" [utils/index.ts {format}]',
    ]);
  });

  it("regroups type-only-ness per edge, keeps every module and leaves the document's graph alone", () => {
    expect(isTypeOnly(plane.getEdgeAttributes(plane.edge("main.ts", "utils/types.ts")!))).toBe(true);
    expect(isTypeOnly(plane.getEdgeAttributes(plane.edge("main.ts", "utils/index.ts")!))).toBe(false);
    expect(plane.nodes().sort()).toEqual(graph.nodes().sort());
    expect(plane.getNodeAttributes("main.ts")).toEqual({ kind: "local", lines: 3 });
    expect(graph.hasEdge("utils/parse.ts", "utils/index.ts")).toBe(true);
    expect(graph.getEdgeAttributes(graph.edge("main.ts", "utils/index.ts")!).sites[0]!.through).toHaveLength(2);
  });

  it("is its own plane", () => {
    expect(edgesOf(transparentPlane(plane))).toEqual(edgesOf(plane));
  });

  it("leaves on its target a site whose through names a module the graph does not hold", () => {
    const odd = graphOf({ "a.ts → index.ts": [site(4, "./index", { through: [{ module: "gone.ts", names: ["x"] }] })] });
    expect(edgesOf(transparentPlane(odd))).toEqual(['a.ts → index.ts: 4 "./index"']);
  });

  it("takes any string as an id or a name", () => {
    const hostile = graphOf(
      {
        "__proto__ → constructor": [site(1, "./constructor", { through: [{ module: "toString", names: ["\u001b[31mred", "__proto__"] }, { module: "x\ny.ts", names: ["*"] }] })],
        "constructor → toString": [site(1, "./toString", { kind: "re-export" })],
      },
      ["toString", "x\ny.ts"],
    );
    expect(edgesOf(transparentPlane(hostile))).toEqual([
      '__proto__ → toString: 1 "./constructor" [constructor {\u001b[31mred,__proto__}]',
      '__proto__ → x\ny.ts: 1 "./constructor" [constructor {*}]',
      'constructor → toString: 1 "./toString"',
    ]);
  });
});

describe("transparentDocument", () => {
  const document: MapDocument = {
    version: 1,
    root: ".",
    layers: ["app", "lib"],
    barrels: "transparent",
    summary: { files: 3, modules: 4, local: 3, external: 1, builtin: 0, unresolved: 0, imports: 3, failedFiles: 0 },
    modules: [
      { id: "app.ts", kind: "local", layer: "app", lines: 2 },
      { id: "lib/a.ts", kind: "local", layer: "lib", lines: 1 },
      { id: "lib/index.ts", kind: "local", layer: "lib", lines: 1 },
      { id: "lodash", kind: "external" },
    ],
    imports: [
      { from: "app.ts", to: "lib/index.ts", kinds: ["static"], typeOnly: false, sites: [{ line: 1, specifier: "./lib", kind: "static", through: [{ module: "lib/a.ts", names: ["a"] }] }] },
      { from: "lib/a.ts", to: "lodash", kinds: ["static"], typeOnly: false, sites: [{ line: 1, specifier: "lodash", kind: "static" }] },
      { from: "lib/index.ts", to: "lib/a.ts", kinds: ["re-export"], typeOnly: false, sites: [{ line: 1, specifier: "./a", kind: "re-export" }] },
    ],
    diagnostics: [{ file: "app.ts", line: 2, code: "unresolved", message: "cannot resolve \"./gone\"" }],
  };
  const drawn = transparentDocument(document);

  it("has the plane's imports, each moved site keeping the one through entry that led it there", () => {
    expect(drawn.imports.map((record) => `${record.from} → ${record.to}`)).toEqual(["app.ts → lib/a.ts", "lib/a.ts → lodash", "lib/index.ts → lib/a.ts"]);
    expect(drawn.imports[0]!.sites).toEqual([{ line: 1, specifier: "./lib", kind: "static", through: [{ module: "lib/a.ts", names: ["a"] }] }]);
    expect(drawn.summary).toEqual({ ...document.summary, imports: 3 });
    expect(drawn.layers).toEqual(["app", "lib"]);
    expect(drawn.diagnostics).toEqual(document.diagnostics);
  });

  it("is a valid, consistent document, and its own plane", () => {
    expect(mapDocumentSchema.safeParse(drawn).success).toBe(true);
    expect(() => assertConsistent(drawn, "drawn")).not.toThrow();
    expect(transparentDocument(drawn)).toEqual(drawn);
    expect(edgesOf(fromDocument(drawn))).toEqual(edgesOf(transparentPlane(fromDocument(document))).map((line) => line.replace(/ \[.*\]$/, "")));
  });
});
