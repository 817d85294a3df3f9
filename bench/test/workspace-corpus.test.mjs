// The monorepo corpus's assembly: which files of a pack are kept, and how a published manifest's
// entry points are led back to the sources. `node --test` in bench/ (npm test).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { keepsFile, memberDir, rewriteManifest, sourceTarget } from "../lib/workspace-corpus.mjs";

const files = (...paths) => {
  const set = new Set(paths);
  const folders = new Set(paths.flatMap((p) => p.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
  return (rel) => set.has(rel) || folders.has(rel);
};

describe("keepsFile", () => {
  it("keeps the manifest, everything code under src/ and TypeScript elsewhere, never build output or declarations", () => {
    for (const rel of ["package.json", "src/Array.ts", "src/examples/MemoryVFS.js", "chains/index.ts", "index.ts"]) assert.ok(keepsFile(rel), rel);
    for (const rel of ["dist/esm/Array.js", "dist/dts/Array.d.ts", "_esm/index.js", "_types/index.d.ts", "esm/utils.js", "lib/index.js", "utils.js", "src/types/index.d.ts", "Array/package.json", "README.md", "src/node_modules/x/index.ts"]) {
      assert.ok(!keepsFile(rel), rel);
    }
  });
});

describe("sourceTarget", () => {
  it("leads each kind of build output back to its source", () => {
    const exists = files("src/HttpClient.ts", "src/index.ts", "chains/index.ts", "src/exports/abis.ts", "index.ts");
    assert.equal(sourceTarget("./dist/dts/HttpClient.d.ts", exists), "./src/HttpClient.ts"); // Effect
    assert.equal(sourceTarget("./dist/esm/HttpClient.js", exists), "./src/HttpClient.ts");
    assert.equal(sourceTarget("./_types/chains/index.d.ts", exists), "./chains/index.ts"); // viem: sources at the root
    assert.equal(sourceTarget("./dist/types/exports/abis.d.ts", exists), "./src/exports/abis.ts"); // abitype
    assert.equal(sourceTarget("./lib/esm/index.js", exists), "./src/index.ts"); // src/ first
  });

  it("keeps a target that already names a kept file, and a pattern over the sources", () => {
    const exists = files("src/sqlite-api.js", "src/examples/MemoryVFS.js");
    assert.equal(sourceTarget("./src/sqlite-api.js", exists), "./src/sqlite-api.js");
    assert.equal(sourceTarget("./src/examples/*", exists), "./src/examples/*");
    assert.equal(sourceTarget("./dist/dts/*.d.ts", files("src/a.ts")), "./src/*.ts");
  });

  it("gives null when the pack holds no source for it", () => {
    assert.equal(sourceTarget("./esm/wordlists/czech.js", files("src/index.ts")), null);
    assert.equal(sourceTarget("./package.json", files("src/index.ts")), null);
    assert.equal(sourceTarget("dist/index.js", files("src/index.ts")), null); // not "./…": not a target
  });
});

describe("rewriteManifest", () => {
  it("rewrites every leaf of exports, keeps conditions, null subpaths and ./package.json, and counts", () => {
    const manifest = {
      name: "@effect/platform",
      main: "./dist/cjs/index.js",
      module: "./dist/esm/index.js",
      types: "dist/dts/index.d.ts",
      exports: {
        "./package.json": "./package.json",
        ".": { types: "./dist/dts/index.d.ts", import: "./dist/esm/index.js", default: "./dist/cjs/index.js" },
        "./HttpClient": { types: "./dist/dts/HttpClient.d.ts", import: "./dist/esm/HttpClient.js" },
        "./Missing": { import: "./dist/esm/Missing.js" },
        "./internal/*": null,
      },
    };
    const { manifest: out, counts } = rewriteManifest(manifest, files("src/index.ts", "src/HttpClient.ts"));
    assert.deepEqual(out.exports, {
      "./package.json": "./package.json",
      ".": { types: "./src/index.ts", import: "./src/index.ts", default: "./src/index.ts" },
      "./HttpClient": { types: "./src/HttpClient.ts", import: "./src/HttpClient.ts" },
      "./Missing": { import: "./dist/esm/Missing.js" },
      "./internal/*": null,
    });
    assert.equal(out.main, "./src/index.ts");
    assert.equal(out.types, "./src/index.ts");
    assert.deepEqual(counts, { rewritten: 8, unmapped: 1 });
    assert.equal(manifest.main, "./dist/cjs/index.js"); // the input is not changed
  });
});

describe("memberDir", () => {
  it("names a package's folder without its scope's @", () => {
    assert.equal(memberDir("@effect/sql-pg"), "effect-sql-pg");
    assert.equal(memberDir("viem"), "viem");
  });
});
