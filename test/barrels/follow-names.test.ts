/**
 * The barrels stage (src/barrels/follow-names.ts): every re-export form on a fixture
 * (test/fixtures/barrels/forms), held to TypeScript's checker there; the corner cases on
 * extractions written by hand; the document, options, CLI flag and cache around it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Project, ts } from "ts-morph";
import { afterAll, describe, expect, it, vi } from "vitest";
import { followBarrels, type FollowedFile } from "../../src/barrels/follow-names.js";
import { map } from "../../src/api/map.js";
import { extractImports } from "../../src/extract/extract-imports.js";
import { readNamespaceMembers } from "../../src/extract/namespace-members.js";
import type { ExportTable, ImportSite } from "../../src/extract/types.js";
import { mapDocumentSchema, type MapDocument, type ModuleKind } from "../../src/model/document.js";
import { jsonReport } from "../../src/report/json-report.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const userCacheOfTests = mkdtempSync(join(tmpdir(), "layermap-user-cache-"));
process.env["XDG_CACHE_HOME"] = userCacheOfTests;
afterAll(() => rmSync(userCacheOfTests, { recursive: true, force: true }));

const forms = fileURLToPath(new URL("../fixtures/barrels/forms/", import.meta.url));

/** Each site of a document: `from:line → to` and its through, as `module: names`. */
function throughOf(document: MapDocument): Record<string, string[] | undefined> {
  const result: Record<string, string[] | undefined> = {};
  for (const edge of document.imports) {
    for (const site of edge.sites) {
      result[`${edge.from}:${String(site.line)} → ${edge.to}`] = site.through?.map(({ module, names }) => `${module}: ${names.join(" ")}`);
    }
  }
  return result;
}

describe("map --through-barrels on every re-export form", () => {
  it("follows each name to the module that declares it", async () => {
    const { document } = await map({ root: forms, cache: false, throughBarrels: true });
    expect(document.barrels).toBe("transparent");
    expect(mapDocumentSchema.parse(JSON.parse(jsonReport(document)))).toEqual(document);
    const through = throughOf(document);
    expect(through["src/app/main.ts:1 → src/lib/index.ts"]).toEqual([
      "src/lib/a.ts: A alpha help", // export { … } from, renamed, and `default as A`
      "src/lib/b.ts: shared", // in b.ts and c.ts behind two `export *`: the first, as TypeScript
      "src/lib/c.ts: renamedGamma", // import { gamma }; export { gamma as renamedGamma }
      "src/lib/index.ts: own", // declared by the barrel itself
      "src/lib/legacy.cjs: legacy", // CommonJS: the chain stops there
      "src/lib/loop-a.ts: fromA", // a loop of `export *`
      "src/lib/loop-b.ts: fromB",
    ]);
    expect(through["src/app/main.ts:2 → src/lib/index.ts"]).toEqual(["src/lib/types.ts: Shape"]); // import type, export type
    expect(through["src/app/main.ts:3 → src/lib/index.ts"]).toEqual(["src/lib/b.ts: beta", "src/lib/types.ts: types"]); // namespace members; export * as
    expect(through["src/app/main.ts:4 → src/lib/broken.ts"]).toEqual(["src/lib/a.ts: alpha"]); // a barrel that does not parse: what was recovered
    expect(through["src/app/main.ts:5 → src/lib/index.ts"]).toBeUndefined(); // a side-effect import has no names
    expect(through["src/app/whole.ts:1 → src/lib/index.ts"]).toBeUndefined(); // a namespace used whole stays on the barrel
    expect(through["src/app/whole.ts:2 → src/lib/index.ts"]).toBeUndefined(); // a name nobody exports stays too…
    expect(through["src/lib/index.ts:1 → src/lib/a.ts"]).toBeUndefined(); // declared by the target: no through
    expect(document.diagnostics.map((d) => `${d.file}:${String(d.line)} ${d.code} ${d.message}`)).toEqual([
      'src/app/whole.ts:2 unknown-export "nothing" is not exported by "../lib/index.js"', // …with a diagnostic
      "src/lib/broken.ts:2 parse-error Variable declaration expected.",
    ]);
  });

  it("agrees with TypeScript's checker on every named and default import of the fixture", async () => {
    const { document } = await map({ root: forms, cache: false, throughBarrels: true });
    const project = new Project({ tsConfigFilePath: join(forms, "tsconfig.json") });
    const checker = project.getTypeChecker().compilerObject;
    let compared = 0;
    for (const edge of document.imports) {
      const file = project.getSourceFileOrThrow(join(forms, edge.from)).compilerNode;
      for (const site of edge.sites) {
        const statement = file.statements.find((node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 === site.line);
        if (statement === undefined || !ts.isImportDeclaration(statement) || statement.importClause === undefined) continue;
        const clause = statement.importClause;
        const bindings = clause.namedBindings;
        const named: [string, ts.Identifier][] = [];
        if (clause.name !== undefined) named.push(["default", clause.name]);
        if (bindings !== undefined && ts.isNamedImports(bindings)) for (const element of bindings.elements) named.push([(element.propertyName ?? element.name).text, element.name]);
        for (const [name, identifier] of named) {
          const symbol = checker.getAliasedSymbol(checker.getSymbolAtLocation(identifier)!);
          const declared = symbol.declarations?.map((declaration) => declaration.getSourceFile().fileName.slice(forms.length)) ?? [];
          // The checker reads legacy.cjs through its declaration file; layermap maps one to the other.
          const checkers = declared.map((path) => path.replace(/\.d\.cts$/, ".cjs"));
          const ours = site.through?.find((entry) => entry.names.includes(name))?.module ?? edge.to;
          if (name === "nothing") expect(checkers).toEqual([]);
          else expect(checkers, `${edge.from}:${String(site.line)} ${name}`).toContain(ours);
          compared++;
        }
      }
    }
    expect(compared).toBe(13);
  });

  it("leaves a plain map as it was: the transparent one is it plus through, barrels and unknown-export", async () => {
    const plain = (await map({ root: forms, cache: false })).document;
    expect(plain.barrels).toBeUndefined();
    expect(jsonReport(plain)).not.toContain('"through"');
    const transparent = (await map({ root: forms, cache: false, throughBarrels: true })).document;
    const { barrels: _barrels, ...rest } = transparent;
    const stripped: MapDocument = {
      ...rest,
      imports: rest.imports.map((edge) => ({ ...edge, sites: edge.sites.map(({ through: _through, ...site }) => site) })),
      diagnostics: rest.diagnostics.filter((diagnostic) => diagnostic.code !== "unknown-export"),
    };
    expect(jsonReport(stripped)).toBe(jsonReport(plain));
  });

  it("takes the config's barrels, and the option over it", async () => {
    const root = tempTree({
      "layermap.config.json": JSON.stringify({ barrels: "transparent" }),
      "a.ts": "export const a = 1;\n",
      "index.ts": 'export * from "./a.js";\n',
      "main.ts": 'import { a } from "./index.js";\nexport const b = a;\n',
    });
    expect((await map({ root, cache: false })).document.barrels).toBe("transparent");
    expect(throughOf((await map({ root, cache: false })).document)["main.ts:1 → index.ts"]).toEqual(["a.ts: a"]);
    expect((await map({ root, cache: false, throughBarrels: false })).document.barrels).toBeUndefined();
    const cli = runBuiltCli(["map", root, "--no-cache", "--quiet", "--no-through-barrels"]);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).not.toHaveProperty("barrels");
  });

  it("map --through-barrels on the command line", () => {
    const cli = runBuiltCli(["map", forms, "--no-cache", "--quiet", "--through-barrels"]);
    expect(cli.status).toBe(0);
    expect((JSON.parse(cli.stdout) as MapDocument).barrels).toBe("transparent");
  });

  it("keys the cached document on the option: each run gives what a run without the cache gives", async () => {
    const root = tempTree({
      "package.json": "{}",
      "a.ts": "export const a = 1;\n",
      "index.ts": 'export * from "./a.js";\n',
      "main.ts": 'import { a } from "./index.js";\nexport const b = a;\n',
    });
    // Ten seconds ahead, the files just written are not racy: their stamps are trusted and each
    // run stores its document for the next (src/cache/stamp.ts).
    const now = Date.now.bind(Date);
    const clock = vi.spyOn(Date, "now").mockImplementation(() => now() + 10_000);
    for (const throughBarrels of [false, true, true, false, false]) {
      const warm = await map({ root, throughBarrels });
      const cold = await map({ root, throughBarrels, cache: false });
      expect(jsonReport(warm.document)).toBe(jsonReport(cold.document));
      expect(warm.graph.getEdgeAttributes("main.ts", "index.ts").sites[0]!.through !== undefined).toBe(throughBarrels);
    }
    // The third and fifth runs re-emitted the document the run before them stored.
    expect((await map({ root, throughBarrels: true })).cache?.reusedDocument).toBe(false);
    expect((await map({ root, throughBarrels: true })).cache?.reusedDocument).toBe(true);
    clock.mockRestore();
  });
});

/** A file of hand-written sites; `targets` name each site's module (local unless said). */
function file(path: string, sites: { specifier: string; names?: string[]; kind?: ImportSite["kind"]; to: string; toKind?: ModuleKind }[], exports?: ExportTable): FollowedFile {
  return {
    file: path,
    extraction: {
      sites: sites.map(({ specifier, names, kind = "static" }, index) => ({ specifier, kind, typeOnly: false, line: index + 1, ...(names === undefined ? {} : { names }) })),
      problems: [],
      lines: sites.length,
      ...(exports === undefined ? {} : { exports }),
    },
    targets: sites.map(({ to, toKind = "local" }) => ({ id: to, kind: toKind })),
  };
}

const table = (local: string[], reexports: [string, string, string][] = [], stars: string[] = [], opaque = false): ExportTable => ({
  local,
  reexports: reexports.map(([name, specifier, imported]) => ({ name, specifier, imported })),
  stars,
  ...(opaque ? { opaque: true as const } : {}),
});

describe("followBarrels", () => {
  it("takes a name two stars give from the first, and a name the barrel declares from the barrel", async () => {
    const { through } = await followBarrels([
      file("main.ts", [{ specifier: "./i", names: ["x", "y"], to: "i.ts" }]),
      file("i.ts", [{ specifier: "./b", kind: "re-export", to: "b.ts" }, { specifier: "./a", kind: "re-export", to: "a.ts" }], table(["y"], [], ["./b", "./a"])),
      file("a.ts", [], table(["x", "y"])),
      file("b.ts", [], table(["x"])),
    ]);
    expect(through.get("main.ts")).toEqual([[{ module: "b.ts", names: ["x"] }, { module: "i.ts", names: ["y"] }]]);
  });

  it("does not take `default` through a star, and gives a diagnostic for it", async () => {
    const { through, diagnostics } = await followBarrels([
      file("main.ts", [{ specifier: "./i", names: ["default"], to: "i.ts" }]),
      file("i.ts", [{ specifier: "./a", kind: "re-export", to: "a.ts" }], table([], [], ["./a"])),
      file("a.ts", [], table(["default"])),
    ]);
    expect(through.get("main.ts")).toEqual([undefined]);
    expect(diagnostics).toEqual([{ file: "main.ts", line: 1, code: "unknown-export", message: '"default" is not exported by "./i"' }]);
  });

  it("ends a loop of re-exports with a diagnostic naming where it broke, the edge on the target", async () => {
    const { through, diagnostics } = await followBarrels([
      file("main.ts", [{ specifier: "./i", names: ["x"], to: "i.ts" }]),
      file("i.ts", [{ specifier: "./j", kind: "re-export", names: ["x"], to: "j.ts" }], table([], [["x", "./j", "x"]])),
      file("j.ts", [{ specifier: "./i", kind: "re-export", names: ["x"], to: "i.ts" }], table([], [["x", "./i", "x"]])),
    ]);
    expect(through.get("main.ts")).toEqual([undefined]);
    expect(diagnostics.map((d) => `${d.file} ${d.message}`)).toEqual([
      'main.ts "x" is not exported by "./i"',
      'i.ts "x" is not exported by "./j" (followed to i.ts, which does not export it)',
      'j.ts "x" is not exported by "./i"',
    ]);
  });

  it("stops at what it cannot see into: a package, CommonJS, a component; stays on an unresolved module", async () => {
    const { through, diagnostics } = await followBarrels([
      file("main.ts", [{ specifier: "./i", names: ["fromPackage", "fromCjs", "Comp", "lost", "lib"], to: "i.ts" }]),
      file(
        "i.ts",
        [
          { specifier: "pkg", kind: "re-export", to: "pkg", toKind: "external" },
          { specifier: "./c.cjs", kind: "re-export", to: "c.cjs" },
          { specifier: "./Comp.vue", kind: "re-export", to: "Comp.vue" },
          { specifier: "./gone", kind: "re-export", to: "./gone", toKind: "unresolved" },
          { specifier: "./lib", kind: "re-export", to: "lib.ts" },
        ],
        table([], [["fromPackage", "pkg", "x"], ["fromCjs", "./c.cjs", "y"], ["Comp", "./Comp.vue", "default"], ["lost", "./gone", "z"], ["lib", "./lib", "*"]]),
      ),
      file("c.cjs", [], table([], [], [], true)),
      file("Comp.vue", []),
      file("lib.ts", [], table(["w"])),
    ]);
    expect(through.get("main.ts")).toEqual([
      [
        { module: "Comp.vue", names: ["Comp"] },
        { module: "c.cjs", names: ["fromCjs"] },
        { module: "i.ts", names: ["lost"] },
        { module: "lib.ts", names: ["lib"] },
        { module: "pkg", names: ["fromPackage"] },
      ],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it("gives a name behind `export *` of one package to it, and of two packages to neither", async () => {
    const files = (stars: string[]): FollowedFile[] => [
      file("main.ts", [{ specifier: "./i", names: ["x"], to: "i.ts" }]),
      file("i.ts", stars.map((star) => ({ specifier: star, kind: "re-export" as const, to: star, toKind: "external" as const })), table([], [], stars)),
    ];
    expect((await followBarrels(files(["p"]))).through.get("main.ts")).toEqual([[{ module: "p", names: ["x"] }]]);
    const two = await followBarrels(files(["p", "q"]));
    expect(two.through.get("main.ts")).toEqual([undefined]);
    expect(two.diagnostics).toEqual([]);
  });

  it("escapes hostile names in its diagnostics and keeps prototype keys plain", async () => {
    const { diagnostics, through } = await followBarrels([
      file("main.ts", [{ specifier: "./i\n::x", names: ["__proto__", "a\u001b[31m\"b", "constructor"], to: "i.ts" }]),
      file("i.ts", [], table(["__proto__"])),
    ]);
    expect(through.get("main.ts")).toEqual([undefined]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      String.raw`"a\u001b[31m\"b" is not exported by "./i\n::x"`,
      String.raw`"constructor" is not exported by "./i\n::x"`,
    ]);
  });
});

describe("what the extractors give the stage", () => {
  it("names a namespace's members only while every use is a plain property access", async () => {
    const uses = async (text: string, members = ["a", "b", "C", "D", "f", "k", "q"]): Promise<Record<string, string[] | "*">> => {
      const root = tempTree({ "a.tsx": text });
      const read = await readNamespaceMembers(root, "a.tsx", new Map([["ns", new Set(members)]]), 1_000_000);
      return Object.fromEntries([...read].map(([name, use]) => [name, use === "*" ? use : [...use].sort()]));
    };
    expect(await uses('import * as ns from "./x";\nns.a(ns.b);\ntype T = ns.C;\n<ns.D e={ns.f} />;\n')).toEqual({ ns: ["C", "D", "a", "b", "f"] });
    expect(await uses('import * as ns from "./x";\nns.a(ns);\n')).toEqual({ ns: "*" });
    expect(await uses('import * as ns from "./x";\nns["a"];\nns.b;\n')).toEqual({ ns: "*" });
    expect(await uses('import * as ns from "./x";\n')).toEqual({});
    expect(await uses('import * as ns from "./x";\nconst o = { ns: 1, m() { return ns.q; } };\nclass K { ns = 2; }\nx: for (;;) break x;\n')).toEqual({ ns: ["q"] });
    expect(await uses('import * as ns from "./x";\nexport { ns };\nns.a;\n')).toEqual({ ns: "*" });
    expect(await uses('import * as ns from "./x";\nexport { a as ns } from "./y";\nns.k;\n')).toEqual({ ns: ["k"] });
    // No member that leads elsewhere is read: the file is not parsed, the namespace stays whole.
    expect(await uses('import * as ns from "./x";\nns(ns.other);\n', ["a"])).toEqual({});
    expect(await uses('import * as ns from "./x";\nns ?.\n  a;\n', ["a"])).toEqual({ ns: ["a"] });
    expect(extractImports("a.ts", 'import d, * as ns from "./x";\nns.a;\n').sites).toEqual([{ specifier: "./x", kind: "static", typeOnly: false, line: 1, names: ["*", "default"], namespace: "ns" }]);
  });

  it("reads a CommonJS module as opaque, and a script that exports nothing as exporting nothing", () => {
    expect(extractImports("a.cjs", "exports.a = 1;\n").exports).toEqual({ local: [], reexports: [], stars: [], opaque: true });
    expect(extractImports("a.ts", "declare const f: () => void;\nexport = f;\n").exports?.opaque).toBe(true);
    expect(extractImports("a.js", "const a = 1;\n").exports).toBeUndefined();
  });
});
