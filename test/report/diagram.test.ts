import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { diagramInputFromText, loadDiagramInput } from "../../src/api/render.js";
import { buildDiagram } from "../../src/report/diagram/build-diagram.js";
import { reporters } from "../../src/report/reporters.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const BROKEN = "test/fixtures/check/broken";

/** Every `id` attribute of an element of a class (`node`, `edge`, `cluster`) in an SVG. */
function idsOfClass(svg: string, className: string): string[] {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(svg);
  const ids: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") {
      const element = value as Record<string, unknown>;
      if (element["class"] === className && typeof element["id"] === "string") ids.push(element["id"]);
      Object.values(element).forEach(walk);
    }
  };
  walk(parsed);
  return ids.sort();
}

describe("diagrams of the fixture that breaks every rule", () => {
  it("DOT matches expected.dot stored beside the fixture", async () => {
    const input = await loadDiagramInput({ source: BROKEN });
    const { text } = await reporters.dot(input, { externals: true, title: "broken" });
    await expect(text).toMatchFileSnapshot(`../fixtures/check/broken/expected.dot`);
  });

  it("Mermaid matches expected.mmd stored beside the fixture", async () => {
    const input = await loadDiagramInput({ source: BROKEN });
    const { text } = await reporters.mermaid(input, { externals: true });
    await expect(text).toMatchFileSnapshot(`../fixtures/check/broken/expected.mmd`);
  });

  it("draws violations red, cycles highlighted, type-only imports dashed and dynamic ones dotted", async () => {
    const diagram = buildDiagram(await loadDiagramInput({ source: BROKEN }), { externals: true });
    const edge = (from: string, to: string) => diagram.edges.find((e) => e.from === from && e.to === to);
    expect(edge("core/request.ts", "apps/shop/cart.ts")).toMatchObject({ violation: true, typeOnly: true });
    expect(edge("server/serve.ts", "util/decorate.ts")).toMatchObject({ violation: true });
    expect(edge("util/decorate.ts", "middleware/logger.ts")).toMatchObject({ violation: true });
    expect(edge("core/headers.ts", "core/request.ts")).toMatchObject({ cycle: true, violation: false });
    expect(edge("core/status.ts", "core/reason.ts")).toMatchObject({ typeOnly: true, cycle: false });
    expect(edge("apps/shop/main.ts", "lodash")).toMatchObject({ violation: true });
    expect(diagram.clusters.map((cluster) => cluster.label)).toEqual(["app\napps/", "middleware", "server", "core\ncore/", "(no layer)", "(external)"]);
  });

  it("SVG has a cluster for every layer and a node for every module, and the same bytes every time", async () => {
    const input = await loadDiagramInput({ source: BROKEN });
    const first = (await reporters.svg(input, {})).text;
    expect(idsOfClass(first, "cluster")).toEqual(
      ["cluster:(no layer)", "cluster:app", "cluster:app/shop", "cluster:core", "cluster:middleware", "cluster:server"].sort(),
    );
    const locals = input.document.modules.filter((module) => module.kind === "local").map((module) => `module:${module.id}`);
    expect(idsOfClass(first, "node")).toEqual([...locals, "legend"].sort());
    expect((await reporters.svg(await loadDiagramInput({ source: BROKEN }), {})).text).toBe(first);
  });
});

describe("Mermaid labels are text, never HTML", () => {
  /** Every quoted label and subgraph title of a Mermaid flowchart. */
  const labels = (mermaid: string): string[] => [...mermaid.matchAll(/\["(.*?)"\]/g)].map((match) => match[1]!);

  it("writes < > & # \" | as Mermaid entity codes in node labels and subgraph titles, and control characters escaped", async () => {
    // The file name that made Mermaid 11 (strict) draw an image and send a request.
    const image = "<img src=http:\\\\127.0.0.1:9\\track.png>.ts";
    const folder = 'a&b "q" #quot; |x/';
    const edges = [`${image.replaceAll("\\", "\\\\")}\t${folder}m.ts`, `${folder}m.ts\t${folder}n\\u001b]0;t\\u0007.ts`].map((line) => `${line}\n`).join("");
    const { text } = await reporters.mermaid(diagramInputFromText(edges, { name: "hostile.edges" }), { externals: true, collapse: { by: "none" } });
    expect(labels(text)).toEqual(
      expect.arrayContaining([
        "#lt;img src=http:\\\\127.0.0.1:9\\track.png#gt;.ts",
        "a#amp;b #quot;q#quot; #35;quot; #124;x/",
        "n\\u001b]0;t\\u0007.ts",
      ]),
    );
    for (const label of labels(text)) {
      expect(label.replaceAll("<br/>", "")).not.toMatch(/[<>&"|]/);
      expect(label.replace(/#(\w+);/g, "")).not.toContain("#");
    }
    // eslint-disable-next-line no-control-regex -- control characters are what this finds
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe("readable at any size", () => {
  it("folds modules into one node per layer, with edges weighted by import count", async () => {
    const diagram = buildDiagram(await loadDiagramInput({ source: "samples" }), { collapse: { by: "layer" } });
    expect([...diagram.nodes.keys()]).toEqual(["app", "core", "middleware", "server"]);
    expect(diagram.edges.map((edge) => `${edge.from}->${edge.to} ${edge.weight}`)).toEqual([
      "app->core 27",
      "app->middleware 6",
      "app->server 3",
      "middleware->core 5",
      "server->core 4",
    ]);
  });

  it("says how many imports a folded arrow stands for, in how many statements, and which break a rule", async () => {
    const root = tempTree({
      "layermap.config.json": JSON.stringify({ layers: [{ name: "app", paths: ["app/**"] }, { name: "lib", paths: ["lib/**"] }] }),
      // One module import written as two statements (a value and a type), and one that breaks the layer rule.
      "app/a.ts": 'import { b } from "../lib/b.js";\nimport type { B } from "../lib/b.js";\nexport const a: B = b;\n',
      "app/c.ts": "export const c = 1;\n",
      "lib/b.ts": "export const b = 1;\nexport type B = number;\n",
      "lib/d.ts": 'import { c } from "../app/c.js";\nexport const d = c;\n',
    });
    const diagram = buildDiagram(await loadDiagramInput({ source: root, cache: false }), { collapse: { by: "folder", depth: 1 } });
    const down = diagram.edges.find((edge) => edge.from === "app/" && edge.to === "lib/")!;
    expect(down.tooltip).toBe('1 import in 2 statements:\napp/a.ts:1 "../lib/b.js"\napp/a.ts:2 "../lib/b.js"');
    const up = diagram.edges.find((edge) => edge.from === "lib/" && edge.to === "app/")!;
    expect(up).toMatchObject({ violation: true });
    expect(up.tooltip).toBe('1 import, all breaking a rule:\nlib/d.ts:1 "../app/c.js"');
  });

  it("folds into folders of a given depth", async () => {
    const diagram = buildDiagram(await loadDiagramInput({ source: "samples" }), { collapse: { by: "folder", depth: 2 } });
    expect([...diagram.nodes.keys()]).toEqual([
      "apps/notes-api/",
      "apps/shortener/",
      "apps/wiki/",
      // Files directly in interface/ fold into its box; deeper folders are boxes of their own.
      "interface/",
      "interface/middleware/",
      "interface/server/",
    ]);
    expect(diagram.edges.some((edge) => edge.from === edge.to)).toBe(false);
  });

  it("keeps a focused neighbourhood, and filters by globs", async () => {
    const input = await loadDiagramInput({ source: "samples" });
    const focused = buildDiagram(input, { focus: ["interface/server/serving.ts"], depth: 1 });
    expect([...focused.nodes.keys()].sort()).toEqual(
      ["apps/notes-api/main.ts", "apps/shortener/main.ts", "apps/wiki/main.ts", "interface/server/environ.ts", "interface/server/serving.ts", "interface/status.ts", "interface/utils.ts", "interface/wsgi.ts"].sort(),
    );
    const onlyApps = buildDiagram(input, { includeOnly: ["apps/**"], exclude: ["**/main.ts"] });
    expect([...onlyApps.nodes.keys()].every((id) => id.startsWith("apps/") && !id.endsWith("main.ts"))).toBe(true);
    expect(onlyApps.nodes.size).toBe(11);
  });

  it("collapses a large graph automatically and says so", async () => {
    const diagram = buildDiagram(await loadDiagramInput({ source: "samples" }), { autoCollapseAbove: 10 });
    expect(diagram.notes).toEqual([
      // A deeper level would add no box (the samples go two folders deep): no --collapse hint.
      "33 modules and 91 imports drawn as an overview: folders of depth 2, 6 boxes. Use --focus <glob> to draw part of it module by module, or --collapse none to draw every module.",
    ]);
    expect(diagram.nodes.size).toBe(6);
  });

  it("opens a large layered codebase on an overview of at most 30 boxes, each in one layer, and says how to open it further", () => {
    // 600 modules in four layers, ten folders each of 15 files; a third of the folders hold modules of two layers.
    const layers = ["app", "middleware", "server", "core"];
    const modules = Array.from({ length: 600 }, (_, index) => {
      const folder = `src/f${Math.floor(index / 15) % 10}/g${Math.floor(index / 60)}`;
      const layer = layers[Math.floor(index / 150)]!;
      return { id: `${folder}/m${index}.ts`, kind: "local" as const, layer };
    });
    const imports = modules.slice(0, -1).map((module, index) => ({
      from: module.id,
      to: modules[index + 1]!.id,
      kinds: ["static" as const],
      typeOnly: false,
      sites: [{ line: 1, specifier: "./x.js", kind: "static" as const }],
    }));
    const document = { version: 1 as const, root: ".", layers, summary: { files: 600, modules: 600, local: 600, external: 0, builtin: 0, unresolved: 0, imports: imports.length, failedFiles: 0 }, modules, imports, diagnostics: [] };
    const diagram = buildDiagram({ document, violations: [] });
    expect(diagram.collapse.by).toBe("folder");
    expect(diagram.nodes.size).toBeGreaterThanOrEqual(10);
    expect(diagram.nodes.size).toBeLessThanOrEqual(30);
    for (const node of diagram.nodes.values()) expect(new Set(node.members?.map((id) => modules.find((module) => module.id === id)!.layer)).size).toBeLessThanOrEqual(1);
    // Folding at depth 1 gives 4 boxes and at depth 2 forty: layers are taken deeper one by one while they fit.
    expect(diagram.notes[0]).toMatch(/^600 modules and 599 imports drawn as an overview: folders of depth 1 \(2 in app(, 2 in \w+)*\), \d+ boxes\. Use --collapse folder:2 to open it one level further/);
  });

  it("folds below a chain of single folders rather than into one box", () => {
    // Everything is under src/app/: folding at depth 1 or 2 would draw a single box.
    const lines = Array.from({ length: 12 }, (_, index) => `src/app/f${index % 4}/m${index}.ts\tsrc/app/f${(index + 1) % 4}/m${(index + 1) % 12}.ts`);
    const diagram = buildDiagram(diagramInputFromText(`${lines.join("\n")}\n`, { name: "chain" }), { autoCollapseAbove: 5 });
    expect(diagram.collapse).toEqual({ by: "folder", depth: 3 });
    expect([...diagram.nodes.keys()]).toEqual(["src/app/f0/", "src/app/f1/", "src/app/f2/", "src/app/f3/"]);
  });

  it("rather than one box, draws the first level that splits even with more arrows than it should", () => {
    // src/f0 … src/f9, each importing every other: 10 boxes and 90 arrows, over a limit of 10 and 20.
    const lines: string[] = [];
    for (let from = 0; from < 10; from++) for (let to = 0; to < 10; to++) if (from !== to) lines.push(`src/f${from}/m.ts\tsrc/f${to}/m.ts`);
    const diagram = buildDiagram(diagramInputFromText(`${lines.join("\n")}\n`, { name: "dense" }), { autoCollapseAbove: 10 });
    expect(diagram.collapse).toEqual({ by: "folder", depth: 2 });
    expect(diagram.nodes.size).toBe(10);
    expect(diagram.edges).toHaveLength(90);
  });
});

describe("layermap render (the built CLI)", () => {
  it("renders a saved document as an SVG with one node per layer", () => {
    const run = runBuiltCli(["render", "output/samples.json", "--format", "svg", "--collapse", "layer"]);
    expect(run.status).toBe(0);
    expect(idsOfClass(run.stdout, "node")).toEqual(["layer:app", "layer:core", "layer:middleware", "layer:server", "legend"]);
  });

  it("writes each --out in the format its ending names", () => {
    const folder = tempTree({});
    const run = runBuiltCli(["render", "output/samples.json", "--out", join(folder, "a.dot"), "--out", join(folder, "a.mmd")]);
    expect(run.status).toBe(0);
    expect(readFileSync(join(folder, "a.dot"), "utf8")).toMatch(/^digraph layermap \{/);
    expect(readFileSync(join(folder, "a.mmd"), "utf8")).toMatch(/^flowchart TB\n/);
  });

  it.each([
    ["not JSON", "this is not json", /bad\.json: not valid JSON/],
    ["not a layermap document", '{ "hello": 1 }', /bad\.json: not a layermap map document/],
    ["another version", '{ "version": 2, "modules": [], "imports": [] }', /bad\.json: a layermap document of version 2; this layermap reads version 1/],
  ])("exits 2 with one clear line for a file that is %s", (_case, text, message) => {
    const folder = tempTree({ "bad.json": text });
    const run = runBuiltCli(["render", join(folder, "bad.json"), "--format", "svg"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("rejects an --out whose ending names no format", () => {
    const folder = tempTree({});
    writeFileSync(join(folder, "keep.txt"), "previous");
    const run = runBuiltCli(["render", "output/samples.json", "--out", join(folder, "keep.txt")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/keep\.txt: cannot tell the format from its ending/);
    expect(readFileSync(join(folder, "keep.txt"), "utf8")).toBe("previous");
  });
});
