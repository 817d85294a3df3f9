import { describe, expect, it } from "vitest";
import { extractImports } from "../../src/extract/extract-imports.js";

/** The sites of a source as compact strings: `line kind specifier [type]`. */
function sitesOf(path: string, text: string): string[] {
  return extractImports(path, text).sites.map(
    (site) => `${site.line} ${site.kind} ${site.specifier}${site.typeOnly ? " type" : ""}`,
  );
}

describe("extractImports: every import form, each with its line", () => {
  it("reads ES import declarations and marks type-only ones", () => {
    const source = [
      'import x from "./default";',
      'import { a, b } from "./named";',
      'import * as ns from "./namespace";',
      'import type { T } from "./type-only";',
      'import { type A, type B } from "./all-type-specifiers";',
      'import { type C, d } from "./mixed";',
      'import "./side-effect";',
      'import {} from "./empty-braces";',
      'import def, { type E } from "./default-and-type";',
    ].join("\n");
    expect(sitesOf("a.ts", source)).toEqual([
      "1 static ./default",
      "2 static ./named",
      "3 static ./namespace",
      "4 static ./type-only type",
      "5 static ./all-type-specifiers type",
      "6 static ./mixed",
      "7 side-effect ./side-effect",
      "8 static ./empty-braces",
      "9 static ./default-and-type",
    ]);
  });

  it("reads every re-export form", () => {
    const source = [
      'export { a } from "./named";',
      'export * from "./star";',
      'export * as ns from "./star-as";',
      'export type { T } from "./type";',
      'export { type U } from "./type-specifier";',
      "export const local = 1;",
      "export { local as alias };",
    ].join("\n");
    expect(sitesOf("a.ts", source)).toEqual([
      "1 re-export ./named",
      "2 re-export ./star",
      "3 re-export ./star-as",
      "4 re-export ./type type",
      "5 re-export ./type-specifier type",
    ]);
  });

  it("reads dynamic import, require, require.resolve, import = require and triple-slash references", () => {
    const source = [
      '/// <reference path="./globals.d.ts" />',
      'import fs = require("fs");',
      'import type Types = require("./types");',
      "async function load() {",
      '  const lazy = await import("./lazy");',
      "  const tpl = await import(`./template`);",
      '  return require("./cjs").value + require.resolve("./resolved");',
      "}",
      'type Remote = import("./remote").Remote;',
    ].join("\n");
    expect(sitesOf("a.ts", source)).toEqual([
      "2 import-equals fs",
      "3 import-equals ./types type",
      "5 dynamic ./lazy",
      "6 dynamic ./template",
      "7 require ./cjs",
      "7 require-resolve ./resolved",
      "9 dynamic ./remote type",
      "1 triple-slash ./globals.d.ts type",
    ]);
  });

  it("reports a computed import() or require() as a diagnostic instead of missing it silently", () => {
    const result = extractImports("a.js", 'const name = "x";\nimport(name);\nrequire("./ok");\nrequire(`./${name}`);\n');
    expect(result.sites.map((site) => site.specifier)).toEqual(["./ok"]);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "non-literal-import", line: 2 }),
      expect.objectContaining({ code: "non-literal-import", line: 4 }),
    ]);
    expect(result.problems[0]?.message).toContain("name");
  });

  it("finds imports inside .tsx and .jsx files", () => {
    const tsx = 'import React from "react";\nimport { Button } from "./button";\nexport const App = () => <Button onClick={() => import("./modal")}>hi</Button>;\n';
    expect(sitesOf("app.tsx", tsx)).toEqual(["1 static react", "2 static ./button", "3 dynamic ./modal"]);
    const jsx = 'const { Card } = require("./card");\nexport const View = () => <Card title="t" />;\n';
    expect(sitesOf("view.jsx", jsx)).toEqual(["1 require ./card"]);
    expect(extractImports("view.jsx", jsx).problems).toEqual([]);
  });

  it("reads ambient module blocks", () => {
    const source = 'declare module "plugin" {\n  import { Base } from "base-lib";\n  export const x: Base;\n}\n';
    expect(sitesOf("a.d.ts", source)).toEqual(["2 static base-lib"]);
  });
});

describe("extractImports: a require that is not Node's is not an import", () => {
  it("ignores calls of a parameter, a local variable, a function or an import named require", () => {
    const source = [
      "function withParameter(require) { return require('./parameter'); }",
      "function withLocal() { const require = (x) => x; return require('./local'); }",
      "function inner() { function require(x) { return x; } return require('./declared'); }",
      "const { require: r } = loader; r('./renamed');",
      "function outer() { const require = make(); { return require('./nested-block'); } }",
      "require('./real');",
    ].join("\n");
    expect(sitesOf("a.js", source)).toEqual(["6 require ./real"]);
  });

  it("treats a binding made by createRequire as the module function", () => {
    const source = [
      'import { createRequire } from "node:module";',
      "const require = createRequire(import.meta.url);",
      'const pkg = require("./package.json");',
    ].join("\n");
    expect(sitesOf("a.mjs", source)).toEqual(["1 static node:module", "3 require ./package.json"]);
  });

  it("ignores a file-level binding that shadows require for the whole file", () => {
    expect(sitesOf("a.js", "import require from './loader';\nrequire('./x');\n")).toEqual(["1 static ./loader"]);
  });
});

describe("extractImports: broken and unusual files", () => {
  it("reports a syntax error with its line and keeps every import the parser recovered", () => {
    const source = 'import { a } from "./a";\nfunction broken( {\nimport { b } from "./b";\nexport const c = require("./c");\n';
    const result = extractImports("broken.ts", source);
    expect(result.problems.map((problem) => problem.code)).toContain("parse-error");
    const parseError = result.problems.find((problem) => problem.code === "parse-error");
    expect(parseError?.line).toBeGreaterThanOrEqual(2);
    expect(result.sites.map((site) => site.specifier)).toEqual(expect.arrayContaining(["./a", "./c"]));
  });

  it("reads a file with a merge-conflict marker", () => {
    const source = 'import { a } from "./a";\n<<<<<<< HEAD\nimport { b } from "./b";\n=======\nimport { b } from "./b2";\n>>>>>>> branch\n';
    const result = extractImports("conflict.ts", source);
    expect(result.problems[0]?.code).toBe("parse-error");
    expect(result.sites.map((site) => site.specifier)).toContain("./a");
  });

  it("counts lines as an editor does, with CRLF endings too", () => {
    expect(extractImports("a.ts", "").lines).toBe(0);
    expect(extractImports("a.ts", "x;").lines).toBe(1);
    expect(extractImports("a.ts", "x;\n").lines).toBe(1);
    expect(extractImports("a.ts", "x;\r\ny;\r\n").lines).toBe(2);
    const crlf = extractImports("a.ts", 'const x = 1;\r\n\r\nimport "./third";\r\n');
    expect(crlf.sites[0]?.line).toBe(3);
  });

  it("has no sites and no problems for a file without imports", () => {
    expect(extractImports("a.ts", "export const x = 1;\n")).toEqual({ sites: [], problems: [], lines: 1, exports: { local: ["x"], reexports: [], stars: [] } });
    expect(extractImports("a.ts", "const x = 1;\n")).toEqual({ sites: [], problems: [], lines: 1 });
  });
});
