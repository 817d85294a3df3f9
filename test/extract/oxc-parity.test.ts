/**
 * The extract stage's way through a file (oxc-parser, TypeScript per file as the fallback:
 * `oxcExtraction` in src/extract/extract-all.ts, then extractImports) must give exactly the
 * Extraction extractImports (TypeScript's parser) gives: on every source file of this
 * repository's fixtures, samples and sources and of the code elision.test.ts checks against
 * `tsc`, both ways through oxc (module record alone, and the walk), and on the traps oxc sets.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fdir } from "fdir";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractImports } from "../../src/extract/extract-imports.js";
import { oxcExtraction } from "../../src/extract/extract-all.js";
import { extractWithOxc } from "../../src/extract/oxc/extract-oxc.js";
import type { Extraction } from "../../src/extract/types.js";

/** What extractAll does with one file's text: oxc's answer, or TypeScript's where oxc rejects it. */
const extractImportsFast = (path: string, text: string): Extraction => oxcExtraction(path, text) ?? extractImports(path, text);

const root = fileURLToPath(new URL("../../", import.meta.url));
const SOURCE = /\.[cm]?[jt]sx?$/i;

function sourcesUnder(folder: string): string[] {
  return new fdir()
    .withFullPaths()
    .exclude((name) => name === "node_modules")
    .filter((path) => SOURCE.test(path))
    .crawl(root + folder)
    .sync()
    .sort();
}

/** Every way through oxc for one file, each equal to TypeScript's answer. */
function expectParity(path: string, text: string): void {
  const expected = extractImports(path, text);
  expect(extractImportsFast(path, text), path).toEqual(expected);
  const walked = extractWithOxc(path, text, { alwaysWalk: true });
  if (walked.extraction !== undefined) expect(walked.extraction, `${path} (walk)`).toEqual(expected);
}

describe("extractImportsFast gives extractImports' answer on real files", () => {
  it.each(["test/fixtures", "samples", "src", "test/extract", "test/hard-inputs"])("every source file under %s", (folder) => {
    const files = sourcesUnder(folder);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expectParity(file, readFileSync(file, "utf8"));
  });

  it.each(["zod/src", "ajv/lib"])("every file of node_modules/%s (the elision test's corpora)", (corpus) => {
    const files = sourcesUnder(`node_modules/${corpus}`);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) expectParity(file, readFileSync(file, "utf8"));
  });

  it("answers those files with oxc, not by falling back", () => {
    const files = [...sourcesUnder("src"), ...sourcesUnder("samples")];
    const fellBack = files.filter((file) => extractWithOxc(file, readFileSync(file, "utf8")).extraction === undefined);
    expect(fellBack).toEqual([]);
  });
});

/** Parity on a small case, which oxc must answer itself (no fallback), both ways. */
function expectOxcParity(path: string, text: string): void {
  expect(extractWithOxc(path, text).extraction, "oxc answered").toBeDefined();
  expectParity(path, text);
}

const sitesOf = (path: string, text: string): string[] =>
  extractImportsFast(path, text).sites.map((site) => `${site.line} ${site.kind} ${site.specifier}${site.typeOnly ? " type" : ""}${site.elidable ? " elidable" : ""}`);

describe("nesting past oxc's native stack", () => {
  it("is left to TypeScript's parser before oxc sees it (oxc would overflow its stack and kill the process)", () => {
    for (const text of [`import "./a.js";\nexport const deep = ${"[".repeat(20_000)}${"]".repeat(20_000)};\n`, `import "./a.js";\nexport const x = ${"! ".repeat(100_000)}1;\n`]) {
      expect(extractWithOxc("deep.ts", text).fallback).toBe("too-deep");
      expect(extractImportsFast("deep.ts", text)).toEqual(extractImports("deep.ts", text));
    }
    expect(extractWithOxc("shallow.ts", `export const x = ${"[".repeat(500)}${"]".repeat(500)};\n`).fallback).toBeUndefined();
  });
});

describe("the module record's blind spots", () => {
  it("has the imports and re-exports whose specifiers hold escaped lone surrogates (oxc's record leaves them out: the tree is walked)", () => {
    const source = 'import { a } from "../app/\\udfff\\ud800\\uffff\\u0001\\u001b/../a.js";\nexport { c } from "\\u{D800}";\nexport * from "\\uDC00x";\nimport "\\udfff";\nimport { e } from "./\\ud83d\\ude00";\nexport const b = a + e;\n';
    expectOxcParity("a.ts", source);
    expectOxcParity("a.js", source);
    expect(sitesOf("a.ts", source)).toHaveLength(5);
  });

  it("tells `import {} from`, `import type {} from` and `import \"x\"` apart (none has entries)", () => {
    const source = 'import {} from "./empty";\nimport type {} from "./empty-type";\nimport "./side-effect";\nimport /* c */ {} from "./commented";\nimport type /* c */ {} from "./commented-type";\n';
    expectOxcParity("a.ts", source);
    expectOxcParity("a.js", source.replace(/import type.*\n/g, ""));
    expect(sitesOf("a.ts", source)).toEqual([
      "1 static ./empty",
      "2 static ./empty-type type",
      "3 side-effect ./side-effect",
      "4 static ./commented",
      "5 static ./commented-type type",
    ]);
  });

  it("finds `export {} from` and `export type {} from`, which the module record leaves out", () => {
    const source = 'export {} from "./empty";\nexport type {} from "./empty-type";\nexport {};\nexport /* c */ { } /* d */ from "./commented";\n';
    expectOxcParity("a.ts", source);
    expect(sitesOf("a.ts", source)).toEqual(["1 re-export ./empty", "2 re-export ./empty-type type", "4 re-export ./commented"]);
  });

  it("does not take `export { x }` of an imported x, filed under the import's span, for a re-export", () => {
    const source = 'import { a } from "./a";\nimport b from "./b";\nexport { a, b as c };\nexport { a as d } from "./a";\n';
    expectOxcParity("a.js", source);
    expectOxcParity("a.ts", source);
    expect(sitesOf("a.js", source)).toEqual(["1 static ./a", "2 static ./b", "4 re-export ./a"]);
  });

  it("reads declarations inside `declare module`, namespaces and `declare global`, which the record has not", () => {
    const source = [
      'declare module "plugin" {',
      '  import { Base } from "base-lib";',
      '  import type { Only } from "type-lib";',
      '  export * from "star-lib";',
      '  export import eq = require("eq-lib");',
      "  export const x: Base;",
      "}",
      "declare namespace Outer.Inner {",
      '  import y = Other.thing;',
      "}",
      'declare global { interface Window { a: 1 } }',
    ].join("\n");
    expectOxcParity("a.d.ts", source);
    expect(sitesOf("a.d.ts", source)).toEqual(["2 static base-lib elidable", "3 static type-lib type", "4 re-export star-lib", "5 import-equals eq-lib"]);
    // A namespace that imports a module is an error to oxc, not to TypeScript's parser: see the fallback cases.
  });

  it("reads every re-export and type-only form as TypeScript does", () => {
    const source = [
      'export * from "./star";',
      'export * as ns from "./star-as";',
      'export type * from "./type-star";',
      'export type * as tns from "./type-star-as";',
      'export { type A, type B } from "./all-type";',
      'export { type C, d } from "./mixed";',
      'import type Def from "./type-default";',
      'import type * as Ns from "./type-namespace";',
      'import { type E, type F } from "./all-type-import";',
      'import g, { type H } from "./default-and-type";',
      'export import Eq = require("./exported-eq");',
      'import type TEq = require("./type-eq");',
      "g;",
    ].join("\n");
    expectOxcParity("a.ts", source);
  });
});

describe("calls, import types and the walk", () => {
  it("reads require, require.resolve, import(), import types and import = require, with their lines", () => {
    const source = [
      '/// <reference path="./globals.d.ts" />',
      'import fs = require("fs");',
      "async function load() {",
      '  const lazy = await import("./lazy");',
      "  const tpl = await import(`./template`);",
      '  return require("./cjs").value + require.resolve("./resolved") + require?.("./optional");',
      "}",
      'type Remote = import("./remote").Remote<import("./nested").N>;',
      "type Query = typeof",
      '  import("./typeof-on-the-next-line");',
      'let escaped = require("\\x2e/hex") + import("./\\u0065scaped") + require(`./tpl\\n`);',
      "fs; load;",
    ].join("\n");
    expectOxcParity("a.ts", source);
    expectOxcParity("a.js", source.split("\n").filter((line) => !/^(import fs|type| {2}import)/.test(line)).join("\n"));
  });

  it("reports computed import() and require() arguments with TypeScript's wording and text", () => {
    const source = 'const name = "x";\nimport(name);\nrequire("./ok");\nrequire(`./${name}`);\nrequire((("./paren")));\nrequire(...list);\nimport("./a" + name);\nrequire.resolve(name /* why */);\n';
    expectOxcParity("a.js", source);
    expectOxcParity("a.ts", source);
    expectOxcParity("b.js", 'import(name);\nimport(/* chunk */ "./c");\nimport(`./t${x}`);\n');
  });

  it("treats a shadowed require as TypeScript does", () => {
    const source = [
      "function withParameter(require) { return require('./parameter'); }",
      "function withDefault({ a: [require] = [] }) { return require('./pattern'); }",
      "function withLocal() { const require = (x) => x; return require('./local'); }",
      "function inner() { function require(x) { return x; } return require('./declared'); }",
      "const { require: r } = loader; r('./renamed');",
      "function outer() { const require = make(); { return require('./nested-block'); } }",
      "switch (x) { case 1: let require = f; require('./case-is-not-a-block'); }",
      "for (const require of list) require('./loop-is-not-a-block');",
      "class K { static { var require = f; require('./static-block'); } }",
      "const viaModule = () => { const require = module?.createRequire(import.meta.url); return require('./create-require'); };",
      "export function exported() { return 1; } export const notRequire = 1;",
      "require('./real');",
    ].join("\n");
    expectOxcParity("a.mjs", source);
    expectOxcParity("a.ts", "declare const require: any;\nrequire('./declared-global');\n");
    expectOxcParity("a.ts", "declare function require(id: string): any;\nrequire('./declared-function');\n");
    expectOxcParity("a.ts", "export const require = make();\nrequire('./exported-binding');\n");
    expectOxcParity("a.ts", "namespace N { const require = f; require('./in-namespace'); }\nrequire('./outside');\n");
    expectOxcParity("a.ts", "class C { constructor(private require: R) { require('./parameter-property'); } }\n");
  });

  it("reads JSX in .js, .jsx and .tsx files", () => {
    expectOxcParity("app.tsx", 'import React from "react";\nimport { Button } from "./button";\nexport const App = () => <Button onClick={() => import("./modal")}>hi</Button>;\n');
    expectOxcParity("view.jsx", 'const { Card } = require("./card");\nexport const View = () => <Card title="t" />;\n');
    expectOxcParity("view.js", 'import { Card } from "./card";\nexport const View = () => <Card.Body x:y="t" {...p} />;\n');
  });
});

describe("value uses (elision) on oxc's tree", () => {
  it("finds the value uses TypeScript's rule finds, types excluded", () => {
    const source = [
      'import { A } from "./only-annotation";',
      'import { B } from "./only-typeof";',
      'import { C } from "./only-implements";',
      'import D from "./only-generic";',
      'import * as E from "./only-namespace-type";',
      'import { F } from "./call";',
      'import { G } from "./extends";',
      'import { H, type T } from "./mixed-used";',
      'import { I } from "./re-exported";',
      'import { J } from "./type-parameter-name";',
      'import { K } from "./decorator";',
      'import { L } from "./enum-initializer";',
      'import { M } from "./as-expression";',
      'import { N } from "./satisfies-type";',
      'import { O } from "./constraint";',
      'import { P } from "./interface-and-alias";',
      'import { Q } from "./property-name";',
      'import { R } from "./import-equals-entity";',
      'import { S } from "./computed-key";',
      'import { U } from "./index-signature";',
      "let a: A; let b: typeof B; class X implements C {} const d = new Map<string, D>(); let e: E.T;",
      "F(); class Y extends G<A> {} new H(); export { I };",
      "function f<J>(x: J): J { return x; }",
      "@K() class Z { x!: U; [key: string]: U; [S] = 1; }",
      "enum En { a = L }",
      "const m = 1 as unknown as M; const n = {} satisfies N;",
      "function g<T extends O = O>() {}",
      "interface PI { p: P } type PT = P;",
      "const obj = { Q: 1 }; obj.Q;",
      "import alias = R.inner;",
    ].join("\n");
    expectOxcParity("a.ts", source);
  });

  it("counts `class … extends X` as a value use (oxc's lazy tree lacks superClass in 0.159; the JSON tree has it)", () => {
    const source = 'import { Base } from "./base";\nexport class Derived extends Base {}\n';
    expectOxcParity("a.ts", source);
    expect(sitesOf("a.ts", source)).toEqual(["1 static ./base"]);
  });

  it("keeps React and h for JSX, and ignores a constructor's name and private names", () => {
    expectOxcParity("a.tsx", 'import React from "react";\nimport { h } from "preact";\nexport const el = <div />;\n');
    expectOxcParity("a.ts", 'import { constructor } from "./c";\nimport { secret } from "./s";\nclass W { constructor() {} #secret = 1; }\n');
  });

  it("an instantiation expression uses its expression as a value, as tsc's emit does, and its type arguments as types (issue #16; elision.test.ts checks tsc)", () => {
    const source = 'import * as Request from "./Request";\nimport { T } from "./t";\nexport const Make = Request.Class<{ a: T }>;\n';
    expectOxcParity("a.ts", source);
    expect(sitesOf("a.ts", source)).toEqual(["1 static ./Request", "2 static ./t elidable"]);
  });
});

describe("lines, offsets and triple-slash references", () => {
  it("counts lines with CRLF, lone CR, and UTF-16 offsets past astral characters", () => {
    expectOxcParity("a.ts", 'const x = "😀é";\r\n\r\nimport "./third";\rimport "./fourth";\r\n');
    expectOxcParity("a.js", '// 😀😀😀\nconst s = "\u2028";\nimport("./after-astral");\nrequire("./after-separator");\n');
    expectOxcParity("a.ts", "");
    expectOxcParity("a.ts", "x;");
  });

  it("reads references as TypeScript does: leading comments only, path only, after a shebang", () => {
    const source = [
      "#!/usr/bin/env node",
      '/// <reference path="./a.d.ts" />',
      "/* block */",
      '/// <reference types="node" />',
      '/// <reference lib="es2020" />',
      '/// <reference path="./no-default.d.ts" no-default-lib="true" />',
      '///<reference path=\'./single-quoted.d.ts\'/>',
      '/// <REFERENCE PATH="./upper.d.ts" />',
      '/// <reference path="./types-too.d.ts" types="x" />',
      "const x = 1;",
      '/// <reference path="./after-code.d.ts" />',
    ].join("\n");
    expectOxcParity("a.ts", source);
    expect(sitesOf("a.ts", source)).toEqual(["2 triple-slash ./a.d.ts type", "7 triple-slash ./single-quoted.d.ts type", "8 triple-slash ./upper.d.ts type"]);
  });
});

describe("falling back to TypeScript", () => {
  it("a syntax error: TypeScript's recovered imports and its parse-error diagnostic with its line", () => {
    const source = 'import { a } from "./a";\nfunction broken( {\nimport { b } from "./b";\nexport const c = require("./c");\n';
    expect(extractWithOxc("broken.ts", source)).toEqual({ fallback: "syntax-error" });
    const result = extractImportsFast("broken.ts", source);
    expect(result).toEqual(extractImports("broken.ts", source));
    const parseError = result.problems.find((problem) => problem.code === "parse-error");
    expect(parseError?.line).toBeGreaterThanOrEqual(2);
    expect(result.sites.map((site) => site.specifier)).toEqual(expect.arrayContaining(["./a", "./c"]));
  });

  it("a merge-conflict marker", () => {
    const source = 'import { a } from "./a";\n<<<<<<< HEAD\nimport { b } from "./b";\n=======\nimport { b } from "./b2";\n>>>>>>> branch\n';
    expect(extractWithOxc("conflict.ts", source).fallback).toBe("syntax-error");
    expect(extractImportsFast("conflict.ts", source)).toEqual(extractImports("conflict.ts", source));
  });

  it("syntax TypeScript's parser accepts and oxc rejects: top-level return in .js, types in .js, a namespace importing a module", () => {
    const cases: [string, string][] = [
      ["a.js", 'const x = require("./x");\nif (!x) return;\nmodule.exports = x;\n'],
      ["a.js", 'import { a } from "./a";\nconst b: number = a;\n'],
      ["a.ts", 'namespace N { import x = require("./x"); }\n'],
    ];
    for (const [path, text] of cases) {
      expect(extractWithOxc(path, text).fallback, text).toBe("syntax-error");
      expect(extractImportsFast(path, text)).toEqual(extractImports(path, text));
      expect(extractImportsFast(path, text).sites.length).toBeGreaterThan(0);
    }
  });

  it("top-level return in CommonJS (.cjs) is oxc's to read", () => {
    expectOxcParity("a.cjs", 'const x = require("./x");\nif (!x) return;\nmodule.exports = x;\n');
  });
});

describe("extractImportsFast on damaged text", () => {
  const realSources = ["samples/interface/routing.ts", "samples/apps/wiki/views.ts", "src/extract/extract-imports.ts", "src/extract/oxc/walk.ts"].map((path) =>
    readFileSync(root + path, "utf8"),
  );
  const extensions = ["a.ts", "a.tsx", "a.js", "a.jsx", "a.mts", "a.cjs", "a.d.ts"];

  it("gives TypeScript's answer on real files cut, spliced and sprinkled with import-like noise", () => {
    const noise = fc.constantFrom("import", "require(", "import(", "export * from", "export {} from", "'./x'", "`", "${", "<", "/*", "//", "{", "}", ")", "\u0000", "\ufeff", "\r\n", "declare module 'm' {", "/// <reference path='p' />\n");
    fc.assert(
      fc.property(
        fc.constantFrom(...realSources),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), noise), { maxLength: 8 }),
        fc.constantFrom(...extensions),
        (source, edits, path) => {
          let text = source;
          for (const [at, cut, insert] of edits) {
            const position = at % (text.length + 1);
            text = text.slice(0, position) + insert + text.slice(position + cut);
          }
          expect(extractImportsFast(path, text)).toEqual(extractImports(path, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.constantFrom(...extensions), (text, path) => {
        expect(extractImportsFast(path, text)).toEqual(extractImports(path, text));
      }),
      { numRuns: 300 },
    );
  });
});

describe("imported names and export tables (the barrels stage's input)", () => {
  const cases: [string, string][] = [
    ["names.ts", 'import d, { a as b, "x y" as z } from "./m";\nimport type { T } from "./t";\nimport {} from "./e";\nexport { c as e, type U } from "./n";\nexport * as ns from "./o";\nexport * from "./p";\nexport type * from "./q";\nb(d, z);\n'],
    ["namespace.tsx", 'import * as ns from "./m";\nconst o = { [ns.k]: 1, key: ns.v, ns: 2 };\nclass K { ns = 1; ns2() { return ns.w; } }\nlabel: for (;;) break label;\ntype T = ns.X<ns.Y>;\nlet t: typeof ns.z;\nexport const el = <ns.Comp a={ns.b}></ns.Comp>;\n'],
    ["namespace-whole.ts", 'import * as ns from "./m";\nimport * as other from "./n";\nexport default ns;\nexport const v = other?.x ?? other.y;\nfunction f(ns: number) { return ns; }\n'],
    ["namespace-reexport.js", 'import * as ns from "./m";\nexport { x as ns } from "./n";\nexport { ns as y };\n'],
    ["exports.ts", 'import d from "./d";\nimport * as all from "./all";\nimport { i } from "./i";\nimport q = require("./q");\nexport { i, all, q };\nexport default d;\nexport const [a1, { b1, c1: [d1] }] = [];\nexport function f() {}\nexport declare class C {}\nexport interface I {}\nexport type A = 1;\nexport enum E {}\nexport namespace N {}\nexport abstract class Z {}\n'],
    ["default-expression.ts", 'const x = 1;\nexport default (x);\nexport { x as "odd name" };\n'],
    ["default-function.js", "export default function named() {}\nexport const kept = 1;\n"],
    ["commonjs.js", "module.exports.a = 1;\n"],
    ["commonjs-and-esm.js", 'export const a = 1;\nexports.b = 2;\n'],
    ["export-equals.ts", 'import x = require("./x");\nexport = x;\n'],
    ["ambient.d.ts", 'declare module "m" {\n  import * as ns from "./n";\n  export const a: typeof ns.q;\n}\nexport declare const top: number;\n'],
  ];
  it.each(cases)("%s: both parsers, every way through oxc", (path, text) => {
    expectOxcParity(path, text);
  });

  it("reads what the cases above say", () => {
    const names = (path: string): (string[] | undefined)[] => extractImportsFast(path, cases.find(([name]) => name === path)![1]).sites.map((site) => site.names);
    expect(names("names.ts")).toEqual([["a", "default", "x y"], ["T"], undefined, ["c", "U"].sort(), ["*"], undefined, undefined]);
    // A namespace is "*" here; the barrels stage reads its members when it names a barrel.
    expect(names("namespace.tsx")).toEqual([["*"]]);
    expect(extractImportsFast("namespace.tsx", cases[1]![1]).sites[0]!.namespace).toBe("ns");
    expect(names("namespace-whole.ts")).toEqual([["*"], ["*"]]);
    expect(names("namespace-reexport.js")).toEqual([["*"], ["x"]]);
    expect(extractImportsFast("exports.ts", cases[4]![1]).exports).toEqual({
      local: ["A", "C", "E", "I", "N", "Z", "a1", "b1", "d1", "f", "q"],
      reexports: [
        { name: "all", specifier: "./all", imported: "*" },
        { name: "default", specifier: "./d", imported: "default" },
        { name: "i", specifier: "./i", imported: "i" },
      ],
      stars: [],
    });
    expect(extractImportsFast("default-expression.ts", cases[5]![1]).exports?.local).toEqual(["default", "odd name"]);
    expect(extractImportsFast("commonjs.js", cases[7]![1]).exports?.opaque).toBe(true);
    expect(extractImportsFast("commonjs-and-esm.js", cases[8]![1]).exports).toEqual({ local: ["a"], reexports: [], stars: [] });
    expect(extractImportsFast("ambient.d.ts", cases[10]![1]).exports).toEqual({ local: ["top"], reexports: [], stars: [] });
  });
});
