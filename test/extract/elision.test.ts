/**
 * TypeScript drops an import whose bindings are used only as types; layermap marks such imports
 * `elidable` from syntax alone. Checked here against TypeScript's own emit on real code nobody
 * here wrote (zod's and ajv's TypeScript sources, installed as dependencies): for every file,
 * the imports layermap keeps must be exactly the imports left in `ts.transpileModule`'s output.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fdir } from "fdir";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { extractImports } from "../../src/extract/extract-imports.js";

const corpora = ["zod/src", "ajv/lib"];

/** Specifiers of the import declarations (not re-exports) that survive, one entry each. */
function runtimeImports(path: string, text: string, afterElision: boolean): string[] {
  return extractImports(path, text)
    .sites.filter((site) => (site.kind === "static" || site.kind === "side-effect") && !site.typeOnly)
    .filter((site) => !afterElision || !site.elidable)
    .map((site) => site.specifier)
    .sort();
}

describe("elidable imports agree with TypeScript's emit", () => {
  let elided = 0;

  it.each(corpora)("in node_modules/%s", (corpus) => {
    const folder = fileURLToPath(new URL(`../../node_modules/${corpus}`, import.meta.url));
    const files = new fdir().withFullPaths().filter((path) => path.endsWith(".ts") && !path.endsWith(".d.ts")).crawl(folder).sync();
    expect(files.length).toBeGreaterThan(50);
    const disagreements: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const emitted = ts.transpileModule(text, {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ESNext },
      }).outputText;
      const ours = runtimeImports(file, text, true);
      const typescript = runtimeImports(file.replace(/\.ts$/, ".js"), emitted, false);
      elided += runtimeImports(file, text, false).length - ours.length;
      if (JSON.stringify(ours) !== JSON.stringify(typescript)) disagreements.push(`${file}: ours ${ours.join(",")} vs tsc ${typescript.join(",")}`);
    }
    expect(disagreements).toEqual([]);
  });

  it("met imports used only as types, so the comparison tested something", () => {
    expect(elided).toBeGreaterThan(5);
  });
});

describe("elidable imports by example", () => {
  const elidable = (text: string, path = "a.ts"): string[] =>
    extractImports(path, text).sites.filter((site) => site.elidable).map((site) => site.specifier);

  it("marks imports used only in type positions", () => {
    const source = [
      'import { A } from "./only-annotation";',
      'import { B } from "./only-typeof";',
      'import { C } from "./only-implements";',
      'import D from "./only-generic";',
      'import * as E from "./only-namespace-type";',
      "let a: A; let b: typeof B; class X implements C {} const d = new Map<string, D>(); let e: E.T;",
    ].join("\n");
    expect(elidable(source)).toEqual(["./only-annotation", "./only-typeof", "./only-implements", "./only-generic", "./only-namespace-type"]);
  });

  it("keeps imports used as values anywhere, or in JavaScript, or for side effects", () => {
    const source = [
      'import { A } from "./call";',
      'import { B } from "./extends";',
      'import { C, type T } from "./mixed-used";',
      'import { D } from "./re-exported";',
      'import "./side-effect";',
      'import React from "react";',
      "A(); class X extends B {} new C(); export { D }; const el = <div />;",
    ].join("\n");
    expect(elidable(source, "a.tsx")).toEqual([]);
    expect(elidable('import { A } from "./a";\nlet a;\n', "a.js")).toEqual([]);
  });

  it("keeps the import an instantiation expression uses as a value, as tsc's emit does, and not its type arguments' (issue #16)", () => {
    // effect's Schema.ts → Request.ts: `Request.Class<…>` with no call after it.
    const source = [
      'import * as Request from "./namespace-instantiated";',
      'import { make } from "./instantiated";',
      'import { T } from "./type-argument";',
      'import { U } from "./nested-type-argument";',
      'import { Base } from "./extends-generic";',
      'import { I } from "./implements-generic";',
      "export const C = Request.Class<{ a: T }>;",
      "const f = make<Map<string, U>>;",
      "class X extends Base<T> implements I<U> {}",
      "export { f, X };",
    ].join("\n");
    const emitted = ts.transpileModule(source, { fileName: "a.ts", compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ESNext } }).outputText;
    const keptByTsc = runtimeImports("a.js", emitted, false);
    expect(keptByTsc).toEqual(["./extends-generic", "./instantiated", "./namespace-instantiated"]);
    expect(runtimeImports("a.ts", source, true)).toEqual(keptByTsc);
    expect(elidable(source)).toEqual(["./type-argument", "./nested-type-argument", "./implements-generic"]);
  });
});
