/**
 * Module ids named like `Object.prototype` members (`constructor`, `toString`, `valueOf`,
 * `hasOwnProperty`, `__proto__`) are ids like any other: no map keyed by module id may look them
 * up on a prototype. A plain object keyed by id once made `./constructor` an edge that "already
 * exists" and crashed `map`, `check` and `render`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagramInputFromText } from "../../src/api/render.js";
import { configSchema } from "../../src/config/config-schema.js";
import { findCycles, findChains, findNeighbours, computeMetrics, findOrphans, inferLayers, cyclesText } from "../../src/explore/index.js";
import { buildGraph, type ResolvedSite } from "../../src/graph/build-graph.js";
import { fromDocument, toDocument } from "../../src/graph/to-document.js";
import { assignLayers } from "../../src/layers/assign-layers.js";
import type { ModuleKind } from "../../src/model/document.js";
import { buildDiagram } from "../../src/report/diagram/build-diagram.js";
import { toDot } from "../../src/report/diagram/to-dot.js";
import { toMermaid } from "../../src/report/diagram/to-mermaid.js";
import { edgesReport } from "../../src/report/edges-report.js";
import { drillDown } from "../../src/report/html/drill-down.js";
import { pageData } from "../../src/report/html/html-data.js";
import { checkRules } from "../../src/rules/check-rules.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const PROTOTYPE_NAMES = [
  "constructor",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupSetter__",
];

describe("the CLI on imports of modules named like Object.prototype members", () => {
  const files = {
    "a.ts": [
      'import { x } from "./constructor";',
      'import { y } from "toString";',
      'import "__proto__";',
      'import "hasOwnProperty";',
      'import "./valueOf";',
      'import { b } from "./b";',
      "export const a = x + y + b;",
      "",
    ].join("\n"),
    "b.ts": 'import { a } from "./a";\nimport "./constructor";\nimport "__proto__";\nexport const b = a;\n',
  };

  it("map and check answer, with every module and the cycle", () => {
    const root = tempTree(files);
    const map = runBuiltCli(["map", root, "--no-cache"]);
    expect(map.stderr).not.toContain("internal error");
    expect(map.status).toBe(0);
    const document = JSON.parse(map.stdout) as { modules: { id: string; kind: string }[]; imports: { from: string; to: string }[] };
    expect(document.modules.map((module) => `${module.id} ${module.kind}`)).toEqual([
      "__proto__ external",
      "a.ts local",
      "b.ts local",
      "constructor unresolved",
      "hasOwnProperty external",
      "toString external",
      "valueOf unresolved",
    ]);
    expect(document.imports.map((edge) => `${edge.from} -> ${edge.to}`)).toEqual([
      "a.ts -> __proto__",
      "a.ts -> b.ts",
      "a.ts -> constructor",
      "a.ts -> hasOwnProperty",
      "a.ts -> toString",
      "a.ts -> valueOf",
      "b.ts -> __proto__",
      "b.ts -> a.ts",
      "b.ts -> constructor",
    ]);
    const check = runBuiltCli(["check", root, "--no-cache"]);
    expect(check.stderr).not.toContain("internal error");
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("cycle");
  });

  it("render reads them back from an edges list", () => {
    const root = tempTree({ "edges.txt": "a.ts\tconstructor\nconstructor\t__proto__\n__proto__\ta.ts\ntoString\tvalueOf\nvalueOf\ttoString\na.ts\thasOwnProperty\texternal\n" });
    const run = runBuiltCli(["render", "edges.txt", "--format", "mermaid"], root);
    expect(run.stderr).not.toContain("internal error");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("constructor");
  });
});

/** A random map whose ids are drawn from the prototype's names, as files, folders and packages. */
const hostileMap = fc
  .uniqueArray(
    fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES, "app", "lib"), fc.constantFrom("", ".ts", "/index.ts", "/constructor.ts", "/__proto__")),
    { minLength: 2, maxLength: 16, selector: ([name, tail]) => name + tail },
  )
  .chain((pairs) => {
    const ids = pairs.map(([name, tail]) => name + tail);
    const locals = ids.filter((id) => id.includes(".") || id.includes("/"));
    const importers = locals.length > 0 ? locals : [ids[0]!];
    const site = fc.record({ from: fc.constantFrom(...importers), to: fc.constantFrom(...ids), line: fc.integer({ min: 1, max: 9 }), typeOnly: fc.boolean() });
    return fc.record({ ids: fc.constant(ids), importers: fc.constant(importers), sites: fc.array(site, { maxLength: 40 }) });
  });

const config = configSchema.parse({
  layers: [
    { name: "constructor", paths: "constructor*/**", optional: true },
    { name: "valueOf", paths: "__proto__*/**", optional: true },
    { name: "toString", paths: "**", optional: true },
  ],
  rules: { layers: "strict", cycles: "error", independent: [{ name: "apart", siblings: "*", optional: true }] },
});

describe("any module id, the prototype's names included", () => {
  it("maps, checks, explores and renders without throwing", () => {
    fc.assert(
      fc.property(hostileMap, ({ ids, importers, sites }) => {
        const kindOf = (id: string): ModuleKind => (importers.includes(id) ? "local" : "external");
        const resolved: ResolvedSite[] = sites.map(({ from, to, line, typeOnly }) => ({
          from,
          to,
          toKind: kindOf(to),
          site: { line, specifier: to, kind: "static", ...(typeOnly ? { typeOnly: true as const } : {}) },
        }));
        const graph = buildGraph(importers.map((id) => ({ id, lines: 1 })), resolved);
        const pairs = new Set(sites.map(({ from, to }) => `${from}\0${to}`));
        expect(graph.size).toBe(pairs.size);

        const layers = assignLayers.assign(graph, config.layers);
        const document = toDocument(graph, [], importers.length, config.layers.map((layer) => layer.name));
        expect(document.imports).toHaveLength(pairs.size);
        expect(fromDocument(document).size).toBe(pairs.size);
        const { violations } = checkRules(graph, layers, config);

        const cycles = findCycles(graph, { failPlane: "all" });
        cyclesText(cycles, { root: ".", colour: false });
        findChains(graph, [importers[0]!], ids, { limit: 3 });
        findNeighbours(graph, importers, { direction: "dependents", maxDepth: Infinity });
        computeMetrics(graph, layers);
        findOrphans(graph, { entries: [importers[0]!] });
        inferLayers(graph);

        const diagram = buildDiagram({ document, violations }, {});
        toDot(diagram);
        toMermaid(diagram);
        pageData(drillDown({ document, violations }, {}, diagram), violations, "map");

        const edges = edgesReport(document);
        const back = diagramInputFromText(edges, { name: "edges" });
        expect(edgesReport(back.document)).toBe(edges);
      }),
      { numRuns: Number(process.env["LAYERMAP_PROPERTY_RUNS"] ?? 150) },
    );
  });
});
