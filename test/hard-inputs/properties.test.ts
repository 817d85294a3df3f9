/**
 * Property-based tests (fast-check): whatever text a file holds, extraction answers without
 * throwing; and whatever order files are found in, rules and pictures come out the same bytes.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { extractImports } from "../../src/extract/extract-imports.js";
import { buildGraph, type ResolvedSite } from "../../src/graph/build-graph.js";
import { toDocument } from "../../src/graph/to-document.js";
import { assignLayers } from "../../src/layers/assign-layers.js";
import { buildDiagram } from "../../src/report/diagram/build-diagram.js";
import { toDot } from "../../src/report/diagram/to-dot.js";
import { toMermaid } from "../../src/report/diagram/to-mermaid.js";
import { checkRules } from "../../src/rules/check-rules.js";

const realSources = ["samples/interface/routing.ts", "samples/apps/wiki/views.ts", "src/extract/extract-imports.ts"].map((path) => readFileSync(path, "utf8"));
const extensions = ["a.ts", "a.tsx", "a.js", "a.jsx", "a.mts", "a.cjs"];

describe("extract never throws", () => {
  it("on arbitrary text under every source extension", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.constantFrom(...extensions), (text, path) => {
        const result = extractImports(path, text);
        expect(result.lines).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("on real files cut, spliced and sprinkled with import-like noise", () => {
    const noise = fc.constantFrom("import", "require(", "import(", "export * from", "'./x'", "`", "${", "<", "/*", "//", "{", "}", ")", "\u0000", "\ufeff", "\r\n");
    fc.assert(
      fc.property(
        fc.constantFrom(...realSources),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), noise), { maxLength: 12 }),
        fc.constantFrom(...extensions),
        (source, edits, path) => {
          let text = source;
          for (const [at, cut, insert] of edits) {
            const position = at % (text.length + 1);
            text = text.slice(0, position) + insert + text.slice(position + cut);
          }
          const result = extractImports(path, text);
          for (const site of result.sites) expect(site.line).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** A random codebase: modules in a few folders, imports between them (some type-only), and layers. */
const codebase = fc
  .uniqueArray(fc.tuple(fc.constantFrom("app", "lib", "core", "util"), fc.integer({ min: 0, max: 30 })), { minLength: 2, maxLength: 30, selector: ([folder, n]) => `${folder}/${n}` })
  .chain((pairs) => {
    const ids = pairs.map(([folder, n]) => `${folder}/m${n}.ts`);
    const site = fc.record({ from: fc.constantFrom(...ids), to: fc.constantFrom(...ids), line: fc.integer({ min: 1, max: 50 }), typeOnly: fc.boolean() });
    return fc.record({ ids: fc.constant(ids), sites: fc.array(site, { maxLength: 60 }) });
  });

const config = configSchema.parse({
  layers: [
    { name: "app", paths: "app/**" },
    { name: "lib", paths: "lib/**" },
    { name: "core", paths: "core/**", optional: true },
  ],
  rules: { layers: "relaxed", cycles: "error", independent: [{ name: "apart", siblings: "*", optional: true }] },
});

/** Everything a run produces from the parsed files, as text: the document, the rules, the pictures. */
function outputsOf(ids: string[], sites: ResolvedSite[]): string {
  const graph = buildGraph(ids.map((id) => ({ id, lines: 1 })), sites);
  const layers = assignLayers.assign(graph, config.layers);
  const document = toDocument(graph, [], ids.length, ["app", "lib", "core"]);
  const { violations } = checkRules(graph, layers, config);
  const diagram = buildDiagram({ document, violations }, {});
  return [JSON.stringify(document), JSON.stringify(violations), toDot(diagram), toMermaid(diagram)].join("\n---\n");
}

describe("the order files are discovered in changes nothing", () => {
  it("gives the same document, violations, DOT and Mermaid for any permutation", () => {
    fc.assert(
      fc.property(codebase, fc.infiniteStream(fc.nat()), ({ ids, sites }, randomness) => {
        const resolved: ResolvedSite[] = sites.map(({ from, to, line, typeOnly }) => ({
          from,
          to,
          toKind: "local",
          site: { line, specifier: `./${to}`, kind: "static", ...(typeOnly ? { typeOnly: true as const } : {}) },
        }));
        const shuffle = <T>(items: T[]): T[] => {
          const copy = [...items];
          const numbers = randomness.take(copy.length)[Symbol.iterator]();
          for (let index = copy.length - 1; index > 0; index--) {
            const other = (numbers.next().value ?? 0) % (index + 1);
            [copy[index], copy[other]] = [copy[other]!, copy[index]!];
          }
          return copy;
        };
        expect(outputsOf(shuffle(ids), shuffle(resolved))).toBe(outputsOf(ids, resolved));
      }),
      // LAYERMAP_PROPERTY_RUNS=5000 for a longer hunt.
      { numRuns: Number(process.env["LAYERMAP_PROPERTY_RUNS"] ?? 150) },
    );
  });
});
