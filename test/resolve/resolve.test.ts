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
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { map, type MapDocument } from "../../src/index.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/resolve/", import.meta.url));
const EXPECTED = "expected.json";

interface Expectation {
  about: string;
  edges: string[];
  diagnostics: string[];
  parsed: string[];
}

interface Setup {
  symlinks?: Record<string, string>;
  files?: Record<string, string>;
}

interface Variant extends Expectation, Setup {
  name: string;
}

interface CaseSpec extends Expectation, Setup {
  variants?: Variant[];
}

const REQUIRED_CASES = [
  "assets-and-json",
  "commonjs-express-style",
  "dts-sidecar",
  "esm-js-extension",
  "externals-and-builtins",
  "index-files",
  "monorepo-workspace",
  "package-exports-imports",
  "project-references",
  "tsconfig-extends",
  "tsconfig-paths",
  "unresolved-relative",
];

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(join(FIXTURES, entry.name)).includes(EXPECTED))
  .map((entry) => entry.name)
  .sort();

const temporaryFolders: string[] = [];
afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the fixture, without its expected.json, in a fresh temp folder, set up as asked. */
function copyOf(name: string, setup: Setup): string {
  const folder = mkdtempSync(join(tmpdir(), `layermap-resolve-${name}-`));
  temporaryFolders.push(folder);
  const source = join(FIXTURES, name);
  cpSync(source, folder, { recursive: true, filter: (path) => path !== join(source, EXPECTED) });
  for (const [link, target] of Object.entries(setup.symlinks ?? {})) {
    const at = join(folder, ...link.split("/"));
    mkdirSync(dirname(at), { recursive: true });
    symlinkSync(target, at, "dir");
  }
  for (const [file, text] of Object.entries(setup.files ?? {})) {
    const at = join(folder, ...file.split("/"));
    mkdirSync(dirname(at), { recursive: true });
    writeFileSync(at, text);
  }
  return folder;
}

function readSpec(name: string): CaseSpec {
  return JSON.parse(readFileSync(join(FIXTURES, name, EXPECTED), "utf8")) as CaseSpec;
}

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
