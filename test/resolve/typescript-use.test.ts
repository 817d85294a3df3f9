/**
 * TypeScript is loaded by the resolve stage only for what oxc-resolver cannot answer as tsc does:
 * a cold map of a project whose files all parse with oxc loads no TypeScript at all, and when the
 * stage does load it, its --verbose line says so, how long it took, and why.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { copyOf, readSpec } from "../helpers/resolve-fixtures.js";
import { tempTree } from "../helpers/temp-tree.js";

const REPOSITORY = fileURLToPath(new URL("../../", import.meta.url));

/** Maps `root` cold in a fresh process through the built API: the compiler modules it loaded, and the resolve stage's line. */
function mapInFreshProcess(root: string): { loaded: string[]; resolve: string; parse: string } {
  const script = [
    `import { createRequire } from "node:module";`,
    `const { map } = await import(${JSON.stringify(join(REPOSITORY, "dist", "api", "map.js"))});`,
    `const stages = {};`,
    `await map({ root: ${JSON.stringify(root)}, cache: false, onStage: ({ stage, detail }) => { stages[stage] = detail; } });`,
    `const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => /typescript|ts-morph/.test(path));`,
    `console.log(JSON.stringify({ loaded, resolve: stages.resolve, parse: stages.parse }));`,
  ].join("\n");
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as { loaded: string[]; resolve: string; parse: string };
}

/** The resolve stage's line of `layermap map <root> --verbose`. */
function resolveLine(root: string): string {
  const run = runBuiltCli(["map", root, "--no-cache", "--quiet", "--verbose"]);
  expect(run.status).toBe(0);
  return /^layermap: resolve +[\d,]+ ms {2}(.*)$/m.exec(run.stderr)![1]!;
}

describe("TypeScript in the resolve stage", () => {
  it("is not loaded by a cold map of a project oxc parses and oxc-resolver resolves: the samples (NodeNext tsconfig)", () => {
    const { loaded, resolve, parse } = mapInFreshProcess(join(REPOSITORY, "samples"));
    expect(loaded).toEqual([]);
    expect(parse).toBe("33 files parsed");
    expect(resolve).toBe("100 import sites resolved");
  });

  it("is not loaded for a workspace of packages with exports, installed or not, nor for a tsconfig with extends and paths", () => {
    const spec = readSpec("workspace-exports");
    for (const root of [copyOf("workspace-exports", spec), copyOf("workspace-exports", { symlinks: {} }), copyOf("tsconfig-extends", {})]) {
      expect(mapInFreshProcess(root).loaded).toEqual([]);
    }
  });

  it("when it must read the tsconfig (project references), the stage says so: load time and why", () => {
    const line = resolveLine(copyOf("project-references", readSpec("project-references")));
    expect(line).toMatch(/^\d+ import sites resolved, TypeScript loaded in \d+ ms \(for the tsconfig's project references\)$/);
  });

  it("when sites need its resolver, the stage counts them", () => {
    const root = tempTree({
      // rootDirs: only TypeScript's resolver merges the two folders.
      "tsconfig.json": JSON.stringify({ compilerOptions: { rootDirs: ["src", "generated"] } }),
      "src/main.ts": 'import { id } from "./id.js";\nimport "node:path";\nexport const main = id;\n',
      "generated/id.ts": "export const id = 1;\n",
    });
    expect(resolveLine(root)).toMatch(/^2 import sites resolved, 1 site by TypeScript's resolver, TypeScript loaded in \d+ ms \(for the tsconfig's rootDirs\)$/);
  });

  it("loaded already by the parse stage, it is not said to be loaded again", () => {
    const root = tempTree({
      "tsconfig.json": JSON.stringify({ compilerOptions: { rootDirs: ["src", "generated"] } }),
      "src/main.ts": 'import { id } from "./id.js";\nconst = ;\n',
      "generated/id.ts": "export const id = 1;\n",
    });
    const { loaded, parse, resolve } = mapInFreshProcess(root);
    expect(loaded.length).toBeGreaterThan(0);
    expect(parse).toMatch(/^2 files parsed, 1 by TypeScript's parser, TypeScript loaded in \d+ ms$/);
    expect(resolve).toBe("1 import site resolved, 1 site by TypeScript's resolver (for the tsconfig's rootDirs)");
  });
});
