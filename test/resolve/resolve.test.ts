/**
 * Module resolution against tiny real projects: one folder per case under
 * test/fixtures/resolve/, each with an expected.json written by hand from what TypeScript and
 * Node really do. Every case is mapped from a fresh copy in the system temp folder, so no
 * node_modules, package.json or tsconfig of this repository is visible to it (a fixture is its
 * own project, as it would be on a user's machine).
 *
 * expected.json:
 *   edges        `document.imports` as "from -> to (kind of the target module)"
 *   diagnostics  `document.diagnostics` as "file:line code"
 *   parsed       the local files that were parsed (the modules with `lines`)
 *   symlinks     optional: links to make in the copy, path → target (never committed)
 *   variants     optional: the same fixture in another state, each with its own expectation,
 *                `symlinks` (replacing the case's) and `files` (path → text, written in the copy)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { map, type MapDocument } from "../../src/index.js";
import { copyOf, readSpec, resolveCases as cases, type Expectation } from "../helpers/resolve-fixtures.js";

const REQUIRED_CASES = [
  "assets-and-json",
  "commonjs-express-style",
  "dts-sidecar",
  "esm-js-extension",
  "externals-and-builtins",
  "hostile-manifests",
  "index-files",
  "monorepo-workspace",
  "package-exports-imports",
  "project-references",
  "tsconfig-extends",
  "tsconfig-paths",
  "unresolved-relative",
  "workspace-exports",
];

function edgesOf(document: MapDocument): string[] {
  const kindOf = new Map(document.modules.map((module) => [module.id, module.kind]));
  return document.imports.map(({ from, to }) => `${from} -> ${to} (${kindOf.get(to) ?? "missing module"})`).sort();
}

function diagnosticsOf(document: MapDocument): string[] {
  return document.diagnostics.map(({ file, line, code }) => `${file}:${line ?? ""} ${code}`).sort();
}

/** Lines as an editor numbers them, counted independently of the tool. */
function linesOf(path: string): number {
  const text = readFileSync(path, "utf8");
  if (text === "") return 0;
  const lines = text.split("\n").length;
  return text.endsWith("\n") ? lines - 1 : lines;
}

function checkExpectation(folder: string, document: MapDocument, expected: Expectation): void {
  expect(edgesOf(document), expected.about).toEqual([...expected.edges].sort());
  expect(diagnosticsOf(document), "diagnostics").toEqual([...expected.diagnostics].sort());

  // An unresolved diagnostic names the specifier of an unresolved site at its file and line.
  const kindOf = new Map(document.modules.map((module) => [module.id, module.kind]));
  for (const diagnostic of document.diagnostics.filter((d) => d.code === "unresolved")) {
    const sites = document.imports
      .filter((edge) => edge.from === diagnostic.file && kindOf.get(edge.to) === "unresolved")
      .flatMap((edge) => edge.sites)
      .filter((site) => site.line === diagnostic.line);
    expect(sites.length, `${diagnostic.file}:${String(diagnostic.line)} has an unresolved site`).toBeGreaterThan(0);
    expect(sites.some((site) => diagnostic.message.includes(`"${site.specifier}"`)), diagnostic.message).toBe(true);
  }

  // Parsed local files carry their line count; nothing else does.
  const withLines = document.modules.filter((module) => module.lines !== undefined);
  expect(withLines.map((module) => module.id).sort(), "modules with lines").toEqual([...expected.parsed].sort());
  for (const module of withLines) {
    expect(module.kind).toBe("local");
    expect(module.lines, module.id).toBe(linesOf(join(folder, ...module.id.split("/"))));
  }
}

describe("module resolution fixtures", () => {
  it("has a fixture for every required case", () => {
    expect(cases).toEqual(expect.arrayContaining(REQUIRED_CASES));
  });

  describe.each(cases)("%s", (name) => {
    const spec = readSpec(name);

    it("maps to the expected edges, diagnostics and parsed files", async () => {
      const folder = copyOf(name, spec);
      const { document } = await map({ root: folder });
      checkExpectation(folder, document, spec);
    });

    for (const variant of spec.variants ?? []) {
      it(`${variant.name}: maps to the expected edges, diagnostics and parsed files`, async () => {
        const folder = copyOf(name, { symlinks: variant.symlinks ?? spec.symlinks, files: variant.files });
        const { document } = await map({ root: folder });
        checkExpectation(folder, document, variant);
      });
    }

    it("is deterministic: two copies map to byte-identical documents", async () => {
      const first = await map({ root: copyOf(name, spec) });
      const second = await map({ root: copyOf(name, spec) });
      expect(JSON.stringify(second.document)).toBe(JSON.stringify(first.document));
    });
  });
});
