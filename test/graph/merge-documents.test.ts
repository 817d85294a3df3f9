/**
 * `mergeDocuments` on documents written out here, one rule each: ids move under each input's
 * root, an import that led out of one input's root lands on the module the whole map has,
 * diagnostics follow, and inputs that contradict each other are one UserError line.
 */
import { describe, expect, it } from "vitest";
import { mergeDocuments, type MergeInput } from "../../src/graph/merge-documents.js";
import { mergedLayerOrder } from "../../src/graph/merge-layer-order.js";
import { createImportGraph } from "../../src/graph/import-graph.js";
import { toDocument } from "../../src/graph/to-document.js";
import type { Diagnostic, ImportSiteRecord, MapDocument, ModuleRecord } from "../../src/model/document.js";
import { UserError } from "../../src/model/errors.js";

interface Parts {
  modules: ModuleRecord[];
  imports?: [from: string, to: string, sites: ImportSiteRecord[]][];
  diagnostics?: Diagnostic[];
  layers?: string[];
  files?: number;
}

/** A document as `map` would write it: summary counted, everything sorted. */
function doc({ modules, imports = [], diagnostics = [], layers = [], files }: Parts): MapDocument {
  const graph = createImportGraph();
  for (const { id, ...attributes } of modules) graph.addNode(id, attributes);
  for (const [from, to, sites] of imports) graph.addDirectedEdge(from, to, { sites });
  return toDocument(graph, diagnostics, files ?? modules.filter((module) => module.lines !== undefined).length, layers);
}

const site = (specifier: string, line = 1, extra: Partial<ImportSiteRecord> = {}): ImportSiteRecord => ({ line, specifier, kind: "static", ...extra });
const local = (id: string, lines = 3): ModuleRecord => ({ id, kind: "local", lines });
const outside = (specifier: string, path: string, file = "src/x.ts", line = 1): Diagnostic => ({
  file,
  line,
  code: "unresolved",
  message: `cannot resolve "${specifier}": it is ${path}, outside the root (map a folder that holds both to follow it)`,
});
const missing = (specifier: string, file = "src/x.ts", line = 1): Diagnostic => ({ file, line, code: "unresolved", message: `cannot resolve "${specifier}": no such file` });

const input = (name: string, root: string, document: MapDocument): MergeInput => ({ name, root, document });

function userError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error("no error thrown");
}

/** packages/a/src/x.ts imports its sibling package three ways; packages/b/src/y.ts is that sibling. */
const packageA = doc({
  modules: [local("src/x.ts"), { id: "../b/src/y.ts", kind: "unresolved" }, { id: "../b/data.json", kind: "unresolved" }, { id: "chalk", kind: "external" }, { id: "node:fs", kind: "builtin" }],
  imports: [
    ["src/x.ts", "../b/src/y.ts", [site("@scope/b", 1), site("../../b/src/y.js", 2)]],
    ["src/x.ts", "../b/data.json", [site("../../b/data.json", 3)]],
    ["src/x.ts", "chalk", [site("chalk", 4)]],
    ["src/x.ts", "node:fs", [site("fs", 5)]],
  ],
  diagnostics: [outside("@scope/b", "../b/src/y.ts", "src/x.ts", 1), outside("../../b/src/y.js", "../b/src/y.ts", "src/x.ts", 2), outside("../../b/data.json", "../b/data.json", "src/x.ts", 3)],
});
const packageB = doc({ modules: [local("src/y.ts", 7), { id: "chalk", kind: "external" }], imports: [["src/y.ts", "chalk", [site("chalk", 1)]]] });

describe("mergeDocuments", () => {
  it("moves local ids under each root and keeps packages and builtins as they are", () => {
    const merged = mergeDocuments([input("a.json", "packages/a", packageA), input("b.json", "packages/b", packageB)]);
    expect(merged.modules).toEqual([
      { id: "chalk", kind: "external" },
      { id: "node:fs", kind: "builtin" },
      { id: "packages/a/src/x.ts", kind: "local", lines: 3 },
      { id: "packages/b/data.json", kind: "local" },
      { id: "packages/b/src/y.ts", kind: "local", lines: 7 },
    ]);
    expect(merged.summary).toEqual({ files: 2, modules: 5, local: 3, external: 1, builtin: 1, unresolved: 0, imports: 5, failedFiles: 0 });
  });

  it("makes an import that led out of one package a local import of the other, by name or by path, and drops its diagnostic", () => {
    const merged = mergeDocuments([input("a.json", "packages/a", packageA), input("b.json", "packages/b", packageB)]);
    const edge = merged.imports.find((record) => record.from === "packages/a/src/x.ts" && record.to === "packages/b/src/y.ts");
    expect(edge?.sites.map((s) => s.specifier)).toEqual(["@scope/b", "../../b/src/y.js"]);
    // A file under the merged root that no input maps (a JSON file only a imports) is local too, as in the whole map.
    expect(merged.imports.map((record) => `${record.from} -> ${record.to}`)).toContain("packages/a/src/x.ts -> packages/b/data.json");
    expect(merged.diagnostics).toEqual([]);
  });

  it("keeps an import that still leads out of the merged root unresolved, its path and message seen from the merged root", () => {
    const a = doc({
      modules: [local("src/x.ts"), { id: "../../../elsewhere/z.ts", kind: "unresolved" }],
      imports: [["src/x.ts", "../../../elsewhere/z.ts", [site("../../../../elsewhere/z.js")]]],
      diagnostics: [outside("../../../../elsewhere/z.js", "../../../elsewhere/z.ts")],
    });
    const merged = mergeDocuments([input("a.json", "packages/a", a)]);
    expect(merged.modules.map((module) => `${module.id} ${module.kind}`)).toEqual(["../elsewhere/z.ts unresolved", "packages/a/src/x.ts local"]);
    expect(merged.diagnostics).toEqual([outside("../../../../elsewhere/z.js", "../elsewhere/z.ts", "packages/a/src/x.ts")]);
  });

  it("keeps a missing file unresolved under its merged path, and a specifier that names no path as written", () => {
    const a = doc({
      modules: [local("src/x.ts"), { id: "src/gone.js", kind: "unresolved" }, { id: "lib/alias", kind: "unresolved" }, { id: "#internal", kind: "unresolved" }],
      imports: [
        ["src/x.ts", "src/gone.js", [site("./gone.js", 1)]],
        // A `paths` alias that matched no file: its id is the specifier, even one that reads like a path.
        ["src/x.ts", "lib/alias", [site("lib/alias", 2)]],
        ["src/x.ts", "#internal", [site("#internal", 3)]],
      ],
      diagnostics: [missing("./gone.js", "src/x.ts", 1)],
    });
    const merged = mergeDocuments([input("a.json", "packages/a", a)]);
    expect(merged.modules.filter((module) => module.kind === "unresolved").map((module) => module.id)).toEqual(["#internal", "lib/alias", "packages/a/src/gone.js"]);
    expect(merged.diagnostics).toEqual([missing("./gone.js", "packages/a/src/x.ts", 1)]);
  });

  it("re-roots every diagnostic's file, one outside the package too (a tsconfig it extends), and adds up files and failures", () => {
    const a = doc({
      modules: [local("src/x.ts"), { id: "src/bad.ts", kind: "local" }],
      diagnostics: [
        { file: "src/bad.ts", code: "read-error", message: "cannot read it" },
        { file: "../../tsconfig.base.json", code: "tsconfig-error", message: "Unknown compiler option 'x'." },
      ],
      files: 2,
    });
    const merged = mergeDocuments([input("a.json", "packages/a", a), input("b.json", "packages/b", packageB)]);
    expect(merged.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(["packages/a/src/bad.ts read-error", "tsconfig.base.json tsconfig-error"]);
    expect(merged.summary.files).toBe(3);
    expect(merged.summary.failedFiles).toBe(1);
  });

  it("is the document itself for one input at the merged root", () => {
    expect(mergeDocuments([input("a.json", ".", packageA)])).toEqual(packageA);
  });

  it("takes a map of an outer folder that leaves the inner packages out (nested roots that share no file)", () => {
    const top = doc({ modules: [local("scripts/build.ts"), { id: "packages/b/src/y.ts", kind: "local" }], imports: [["scripts/build.ts", "packages/b/src/y.ts", [site("../packages/b/src/y.js")]]] });
    const merged = mergeDocuments([input("top.json", ".", top), input("b.json", "packages/b", packageB)]);
    expect(merged.modules.find((module) => module.id === "packages/b/src/y.ts")).toEqual({ id: "packages/b/src/y.ts", kind: "local", lines: 7 });
    expect(merged.summary.files).toBe(2);
  });

  describe("conflicting inputs are one line", () => {
    it("two maps of the same file", () => {
      expect(userError(() => mergeDocuments([input("a.json", "packages/a", packageA), input("again.json", "packages/a", packageA)]))).toBe(
        "a.json and again.json both map packages/a/src/x.ts: the maps to merge must not share a file (map an outer folder with --exclude for the packages mapped on their own)",
      );
    });

    it("one map found no file where another maps one (maps of different checkouts)", () => {
      const stale = doc({
        modules: [local("src/x.ts"), { id: "../b/src/y.ts", kind: "unresolved" }],
        imports: [["src/x.ts", "../b/src/y.ts", [site("../../b/src/y.ts", 4)]]],
        diagnostics: [missing("../../b/src/y.ts", "src/x.ts", 4)],
      });
      expect(userError(() => mergeDocuments([input("a.json", "packages/a", stale), input("b.json", "packages/b", packageB)]))).toBe(
        'a.json: packages/a/src/x.ts:4 imports "../../b/src/y.ts" and found no file packages/b/src/y.ts, which b.json maps: were both maps made from the same checkout?',
      );
    });

    it("a local id that is not a path under its root, or an import from a package (documents written by hand)", () => {
      const escaping = doc({ modules: [local("../b/src/y.ts")] });
      expect(userError(() => mergeDocuments([input("a.json", "packages/a", escaping)]))).toBe('a.json: modules[0]: the local module "../b/src/y.ts" is not a path under its root');
      const fromPackage = doc({ modules: [{ id: "chalk", kind: "external" }, local("src/x.ts")], imports: [["chalk", "src/x.ts", [site("./x.js")]]] });
      expect(userError(() => mergeDocuments([input("a.json", "packages/a", fromPackage)]))).toBe('a.json: imports[0].from: "chalk" is not a local module: only files import');
    });

    it("a root that is not a folder under the merged root", () => {
      expect(userError(() => mergeDocuments([input("a.json", "../a", packageA)]))).toBe('a.json: its root "../a" is not a folder under the merged root');
    });
  });

  describe("layers", () => {
    const layered = (layers: string[], assigned: Record<string, string>): MapDocument =>
      doc({ modules: Object.entries(assigned).map(([id, layer]) => ({ ...local(id), layer })), layers });

    it("keeps each module's layer and merges the layer orders", () => {
      const a = layered(["ui", "core"], { "src/ui.ts": "ui", "src/core.ts": "core" });
      const b = layered(["api", "core", "db"], { "src/db.ts": "db" });
      const merged = mergeDocuments([input("a.json", "a", a), input("b.json", "b", b)]);
      expect(merged.layers).toEqual(["ui", "api", "core", "db"]);
      expect(merged.modules.map((module) => `${module.id} ${module.layer ?? "-"}`)).toEqual(["a/src/core.ts core", "a/src/ui.ts ui", "b/src/db.ts db"]);
    });

    it("leaves them out when the caller assigns its own", () => {
      const a = layered(["ui", "core"], { "src/ui.ts": "ui" });
      const merged = mergeDocuments([input("a.json", "a", a)], { keepLayers: false });
      expect(merged.layers).toBeUndefined();
      expect(merged.modules[0]?.layer).toBeUndefined();
    });

    it("refuses orders that contradict each other", () => {
      const order = (name: string, layers: string[]) => ({ name, document: { layers } });
      expect(userError(() => mergedLayerOrder([order("a.json", ["ui", "core"]), order("b.json", ["core", "ui"])]))).toBe(
        'a.json puts layer "ui" above "core", b.json below it: give --config to assign one set of layers to the merged map',
      );
      expect(userError(() => mergedLayerOrder([order("a.json", ["x", "y"]), order("b.json", ["y", "z"]), order("c.json", ["z", "x"])]))).toBe(
        'the inputs order the layers "x", "y", "z" in a circle: give --config to assign one set of layers to the merged map',
      );
    });
  });
});
