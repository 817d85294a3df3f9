import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { map } from "../../src/api/map.js";
import { diagramInputFromText, EDGES_SITE, loadDiagramInput } from "../../src/api/render.js";
import { buildDiagram } from "../../src/report/diagram/build-diagram.js";
import { edgesReport, guessKind, parseEdges } from "../../src/report/edges-report.js";
import { formatOfPath, reporters } from "../../src/report/reporters.js";
import { compareCodeUnits } from "../../src/model/compare.js";
import type { MapDocument, ModuleKind } from "../../src/model/document.js";
import { CLI, runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const LAYERED = "test/fixtures/explore/layered";
const BROKEN = "test/fixtures/check/broken";

const lines = (...rows: string[]): string => rows.map((row) => `${row}\n`).join("");

/** A project with every kind of target: a package, a scoped one, one named like a file, a builtin, a missing file, a type. */
const KINDS_PROJECT = {
  "a.ts": [
    'import _ from "lodash";',
    'import { x } from "@scope/pkg/sub";',
    'import Chart from "chart.js";',
    'import { join } from "node:path";',
    'import "./missing.js";',
    'import type { B } from "./b.js";',
    "export const a = [_, x, Chart, join] as unknown as B;",
  ].join("\n"),
  "b.ts": "export type B = number;\n",
  "alone.ts": "export const alone = 1;\n",
};

describe("the edges report", () => {
  it("writes one line per import, marks what is not a local file and what is type-only, and lists a module in no import alone", async () => {
    const { document } = await map({ root: LAYERED });
    expect(edgesReport(document)).toBe(
      lines(
        "app/main.ts\tapp/routes.ts",
        "app/main.ts\tservices/users.ts",
        "app/routes.ts\tservices/orders.ts",
        "app/routes.ts\tservices/users.ts",
        "db/client.ts\tnode:fs\tbuiltin",
        "db/client.ts\tshared/log.ts",
        "legacy/old.ts\t",
        "scripts/seed.ts\tdb/client.ts",
        "services/orders.ts\tdb/client.ts",
        "services/orders.ts\tservices/users.ts\ttype",
        "services/orders.ts\tshared/log.ts",
        "services/users.ts\tdb/client.ts",
        "services/users.ts\tshared/log.ts",
      ),
    );
  });

  it("marks externals, builtins and unresolved targets, so reading them back needs no guess", async () => {
    const { document } = await map({ root: tempTree(KINDS_PROJECT), cache: false });
    const text = edgesReport(document);
    expect(text).toBe(
      lines(
        "a.ts\t@scope/pkg\texternal",
        "a.ts\tb.ts\ttype",
        "a.ts\tchart.js\texternal",
        "a.ts\tlodash\texternal",
        "a.ts\tmissing.js\tunresolved",
        "a.ts\tnode:path\tbuiltin",
        "alone.ts\t",
      ),
    );
    const read = parseEdges(text, "kinds.edges");
    expect(read.modules).toEqual(document.modules.map(({ id, kind }) => ({ id, kind })));
    expect(read.imports).toEqual(document.imports.map(({ from, to, typeOnly }) => ({ from, to, typeOnly })));
  });

  it("round-trips the samples: edges → document → the same edges, the same modules and imports", async () => {
    const mapped = await map({ root: "samples" });
    const text = edgesReport(mapped.document);
    const { document } = diagramInputFromText(text, { name: "samples.edges" });
    expect((await reporters.edges({ document, violations: [] })).text).toBe(text);
    expect(document.modules).toEqual(mapped.document.modules.map(({ id, kind }) => ({ id, kind })));
    expect(document.imports.map(({ from, to, typeOnly }) => [from, to, typeOnly])).toEqual(
      mapped.document.imports.map(({ from, to, typeOnly }) => [from, to, typeOnly]),
    );
    // An edges list records no lines: each import gets the one placeholder site, marked by its empty specifier.
    expect(document.imports.flatMap((edge) => edge.sites.map(({ line, specifier, kind }) => ({ line, specifier, kind })))).toEqual(
      document.imports.map(() => EDGES_SITE),
    );
    expect(document.summary).toMatchObject({ files: 0, imports: mapped.document.summary.imports, modules: mapped.document.summary.modules });
  });

  it("escapes tabs, newlines, backslashes and control characters in ids, so a file named with a tab stays one module", () => {
    const document = {
      modules: [
        { id: "src\tutil.ts", kind: "local" },
        { id: "a\nb\\n.ts", kind: "local" },
        { id: "\u001b]0;pwned\u0007", kind: "unresolved" },
      ],
      imports: [
        { from: "src\tutil.ts", to: "a\nb\\n.ts", typeOnly: false },
        { from: "src\tutil.ts", to: "\u001b]0;pwned\u0007", typeOnly: false },
      ],
    } as unknown as MapDocument;
    const text = edgesReport(document);
    expect(text).toBe(lines("src\\tutil.ts\t\\u001b]0;pwned\\u0007\tunresolved", "src\\tutil.ts\ta\\nb\\\\n.ts"));
    expect(parseEdges(text, "x").modules).toEqual([...document.modules].sort((a, b) => compareCodeUnits(a.id, b.id)));
  });

  it("marks a local file whose id reads like a package local, so it comes back local", () => {
    const document = { modules: [{ id: "LICENSE", kind: "local" }, { id: "a.ts", kind: "local" }], imports: [{ from: "a.ts", to: "LICENSE", typeOnly: false }] };
    const text = edgesReport(document as unknown as MapDocument);
    expect(text).toBe(lines("a.ts\tLICENSE\tlocal"));
    expect(parseEdges(text, "x").modules).toEqual(document.modules);
  });

  it("round-trips every id: any characters, any kind, any import (property)", () => {
    const hard = fc.constantFrom("\t", "\n", "\r", "\\", "\\n", "\\u0009", "u", "0", " ", "/", ".", "a", ":", "@", ",", "\u001b", "\u0085", "\u2028", "\u202e", "\0");
    const id = fc.string({ unit: fc.oneof(hard, fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 12 });
    const kind = fc.constantFrom<ModuleKind>("local", "external", "builtin", "unresolved");
    const documents = fc.uniqueArray(fc.tuple(id, kind), { minLength: 1, maxLength: 12, selector: ([moduleId]) => moduleId }).chain((modules) => {
      const locals = modules.filter(([, moduleKind]) => moduleKind === "local").map(([moduleId]) => moduleId);
      const importArbitrary =
        locals.length === 0
          ? fc.constant([])
          : fc.uniqueArray(fc.record({ from: fc.constantFrom(...locals), to: fc.constantFrom(...modules.map(([moduleId]) => moduleId)), typeOnly: fc.boolean() }), {
              maxLength: 20,
              selector: ({ from, to }) => JSON.stringify([from, to]),
            });
      return importArbitrary.map((imports) => ({ modules: modules.map(([moduleId, moduleKind]) => ({ id: moduleId, kind: moduleKind })), imports }));
    });
    fc.assert(
      fc.property(documents, ({ modules, imports }) => {
        const read = parseEdges(edgesReport({ modules, imports } as unknown as MapDocument), "x");
        // The list holds every local module and every module in an import; nothing else.
        const listed = new Set(imports.flatMap(({ from, to }) => [from, to]));
        const expected = modules.filter((module) => module.kind === "local" || listed.has(module.id)).sort((a, b) => compareCodeUnits(a.id, b.id));
        expect(read.modules).toEqual(expected);
        expect(read.imports).toEqual([...imports].sort((a, b) => compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to)));
      }),
      { numRuns: 300 },
    );
  });

  it("guesses the kind of an unmarked id, for lists written by hand", () => {
    expect(
      ["node:fs", "@scope/pkg", "lodash", "src/a.ts", "main.ts", "@scope/pkg/deep/x.ts", "styles.css", "chart.js"].map((id) => `${id} ${guessKind(id)}`),
    ).toEqual([
      "node:fs builtin",
      "@scope/pkg external",
      "lodash external",
      "src/a.ts local",
      "main.ts local",
      "@scope/pkg/deep/x.ts local",
      "styles.css local",
      // A package named like a file: its `external` mark (which layermap writes) is what tells.
      "chart.js local",
    ]);
    // Only local modules import: whatever an id in the first column looks like, it is local.
    expect(parseEdges("lodash\tsrc/a.ts\n", "x").modules).toEqual([
      { id: "lodash", kind: "local" },
      { id: "src/a.ts", kind: "local" },
    ]);
  });

  it("merges an import listed twice (type-only only if both say so), skips blank lines and reads CRLF", () => {
    const read = parseEdges("a.ts\tb.ts\ttype\r\n\r\na.ts\tb.ts\r\na.ts\tc.ts\ttype\nc.ts\tlodash\ttype,external\n", "x");
    expect(read.imports).toEqual([
      { from: "a.ts", to: "b.ts", typeOnly: false },
      { from: "a.ts", to: "c.ts", typeOnly: true },
      { from: "c.ts", to: "lodash", typeOnly: true },
    ]);
    expect(read.modules.map(({ id, kind }) => `${id} ${kind}`)).toEqual(["a.ts local", "b.ts local", "c.ts local", "lodash external"]);
  });

  it.each([
    ["a line without a tab", "a.ts\tb.ts\nsrc/c.ts imports d\n", 'list.edges:2: expected "from<TAB>to", "from<TAB>to<TAB>marks" or "module<TAB>", got "src/c.ts imports d"'],
    ["four columns", "a.ts\tb.ts\ttype\textra\n", 'list.edges:1: expected "from<TAB>to"'],
    ["an unknown mark", "a.ts\tb.ts\truntime\n", 'list.edges:1: unknown mark "runtime" (the marks are external, builtin, unresolved, local, type)'],
    ["two kinds on one line", "a.ts\tx\texternal,builtin\n", "list.edges:1: two kinds, external and builtin"],
    ["two kinds for one module", "a.ts\tx\texternal\nb.ts\tx\tunresolved\n", "list.edges:2: x is marked unresolved, but external on line 1"],
    ["an importer marked external", "a.ts\tb.ts\texternal\nb.ts\tc.ts\n", "list.edges:1: b.ts is marked external, but line 2 has it in the first column, which holds local modules only"],
    ["a lone module with marks", "a.ts\t\ttype\n", 'list.edges:1: a module with no import ("a.ts<TAB>") takes no marks'],
  ])("rejects %s, naming the line", (_case, text, message) => {
    expect(() => parseEdges(text, "list.edges")).toThrow(message);
  });

  it("is chosen by --format edges and by a .tsv or .edges ending", () => {
    expect(Object.keys(reporters)).toContain("edges");
    expect([formatOfPath("deps.tsv"), formatOfPath("deps.EDGES"), formatOfPath("deps.json")]).toEqual(["edges", "edges", "json"]);
  });
});

describe("rendering an edges list", () => {
  it("tells a document from an edges list by its content, and a .json file is always a document", () => {
    const document = JSON.stringify({ version: 1, root: ".", summary: { files: 0, modules: 0, local: 0, external: 0, builtin: 0, unresolved: 0, imports: 0, failedFiles: 0 }, modules: [], imports: [], diagnostics: [] });
    expect(diagramInputFromText(`  ${document}`, { name: "stdin" }).document.modules).toEqual([]);
    expect(diagramInputFromText("a.ts\tb.ts\n", { name: "stdin" }).document.modules.map((module) => module.id)).toEqual(["a.ts", "b.ts"]);
    expect(() => diagramInputFromText("a.ts\tb.ts\n", { name: "deps.json" })).toThrow(/^deps\.json: not valid JSON/);
    expect(() => diagramInputFromText(" \n\n", { name: "stdin" })).toThrow("stdin: empty: expected a layermap map document (JSON) or an edges list (from<TAB>to lines)");
  });

  it("with --config, assigns the config's layers and colours what breaks its rules, as a map of the code does", async () => {
    const config = join(BROKEN, "layermap.config.json");
    const fromCode = buildDiagram(await loadDiagramInput({ source: BROKEN }), { externals: true });
    const text = edgesReport((await map({ root: BROKEN })).document);
    const input = diagramInputFromText(text, { name: "broken.edges", config });
    expect(input.document.layers).toEqual(["app", "middleware", "server", "core"]);
    expect(input.document.modules.find((module) => module.id === "core/request.ts")?.layer).toBe("core");
    const fromEdges = buildDiagram(input, { externals: true });
    const flags = (edges: typeof fromCode.edges) => edges.map(({ from, to, typeOnly, violation, cycle }) => ({ from, to, typeOnly, violation, cycle }));
    expect(flags(fromEdges.edges)).toEqual(flags(fromCode.edges));
    expect(fromEdges.clusters.map((cluster) => cluster.label)).toEqual(fromCode.clusters.map((cluster) => cluster.label));
  });

  it("without a config, draws no layers and highlights runtime cycles only", async () => {
    const nested = diagramInputFromText(edgesReport((await map({ root: "test/fixtures/explore/nested-cycles" })).document), { name: "x" });
    expect(nested.document.layers).toBeUndefined();
    expect(nested.document.modules.every((module) => module.layer === undefined)).toBe(true);
    expect(buildDiagram(nested).edges.filter((edge) => edge.cycle).map((edge) => `${edge.from} ${edge.to}`)).toContain("core/a.ts core/b.ts");
    const typeOnly = diagramInputFromText(edgesReport((await map({ root: "test/fixtures/explore/type-only-cycle" })).document), { name: "x" });
    expect(typeOnly.violations).toEqual([]);
  });
});

describe("pipes through the built CLI", () => {
  /** Module ids of the nodes of an SVG. */
  function modulesOf(svg: string): string[] {
    const ids: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === "object") {
        const element = value as Record<string, unknown>;
        if (element["class"] === "node" && typeof element["id"] === "string" && element["id"].startsWith("module:")) ids.push(element["id"].slice(7));
        Object.values(element).forEach(walk);
      }
    };
    walk(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(svg));
    return ids.sort();
  }

  it("map --format edges | grep -v notes-api | render - --format svg draws what the filter kept", () => {
    const node = JSON.stringify(process.execPath);
    const cli = JSON.stringify(CLI);
    const piped = spawnSync("sh", ["-c", `${node} ${cli} map samples --format edges -q | grep -v notes-api | ${node} ${cli} render - --format svg`], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect([piped.status, piped.stderr]).toEqual([0, ""]);
    const drawn = modulesOf(piped.stdout);
    expect(drawn).toContain("apps/wiki/main.ts");
    expect(drawn).toContain("interface/wsgi.ts");
    expect(drawn.filter((id) => id.includes("notes-api"))).toEqual([]);
    expect(drawn).toHaveLength(33 - 3);
  });

  it("reads an edges list from stdin or from a file, and writes one to a .tsv", () => {
    const folder = tempTree({});
    const saved = join(folder, "deps.tsv");
    expect(runBuiltCli(["map", "samples", "--out", saved, "-q"]).status).toBe(0);
    const text = readFileSync(saved, "utf8");
    expect(text.split("\n")[0]).toBe("apps/notes-api/app.ts\tapps/notes-api/store.ts");
    const fromStdin = spawnSync(process.execPath, [CLI, "render", "-", "--format", "edges"], { input: text, encoding: "utf8" });
    expect([fromStdin.status, fromStdin.stdout]).toEqual([0, text]);
    const fromFile = runBuiltCli(["render", saved, "--format", "mermaid", "--config", "samples/layermap.config.json", "--collapse", "layer"]);
    expect(fromFile.status).toBe(0);
    expect(fromFile.stdout).toContain('["app<br/>14 modules"]');
  });

  it("exits 2 with one line naming stdin and the line when the input is neither", () => {
    const run = spawnSync(process.execPath, [CLI, "render", "-", "--format", "svg"], { input: "a.ts\tb.ts\nnot an edge\n", encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('layermap: error: stdin:2: expected "from<TAB>to", "from<TAB>to<TAB>marks" or "module<TAB>", got "not an edge"\n');
  });
});
