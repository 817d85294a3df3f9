/**
 * Hard inputs: the project files resolution reads — tsconfig.json and package.json — as
 * half-migrated repositories hold them. What TypeScript accepts must work; the root tsconfig
 * that cannot be read at all exits 2 naming the file; anything else is a diagnostic and the run
 * goes on. No message names an absolute path: the document is the same bytes on every machine.
 */
import { describe, expect, it } from "vitest";
import { map } from "../../src/api/map.js";
import type { MapDocument } from "../../src/model/document.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const sources = { "src/main.ts": 'import { util } from "@lib/util";\nimport "./local.js";\nvoid util;\n', "src/local.ts": "", "lib/util.ts": "export const util = 1;\n" };

async function mapped(files: Record<string, string>): Promise<{ document: MapDocument; root: string }> {
  const root = tempTree({ ...sources, ...files });
  return { document: (await map({ root, cache: false })).document, root };
}

const edges = (document: MapDocument): string[] => document.imports.map((i) => `${i.from} → ${i.to}`);

function expectNoAbsolutePath(document: MapDocument, root: string): void {
  expect(JSON.stringify(document)).not.toContain(root);
}

describe("tsconfig.json", () => {
  it("comments and trailing commas, as tsc accepts them, work", async () => {
    const tsconfig = '{\n  // paths for the library\n  "compilerOptions": {\n    "baseUrl": ".", /* here */\n    "paths": { "@lib/*": ["lib/*"], },\n  },\n}\n';
    const { document } = await mapped({ "tsconfig.json": tsconfig });
    expect(document.diagnostics).toEqual([]);
    expect(edges(document)).toEqual(["src/main.ts → lib/util.ts", "src/main.ts → src/local.ts"]);
  });

  it("a byte-order mark works too", async () => {
    const { document } = await mapped({ "tsconfig.json": '\ufeff{ "compilerOptions": { "paths": { "@lib/*": ["./lib/*"] } } }' });
    expect(document.diagnostics).toEqual([]);
    expect(edges(document)).toContain("src/main.ts → lib/util.ts");
  });

  it("one that is not valid JSON exits 2 with one line naming the file", () => {
    const root = tempTree({ ...sources, "tsconfig.json": '{ "compilerOptions": { "strict": true ' });
    const run = runBuiltCli(["map", root, "--no-cache"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^layermap: error: .*tsconfig\.json: not a valid tsconfig: '}' expected\.\n$/);
  });

  it("--tsconfig naming a file that does not exist exits 2", () => {
    const root = tempTree(sources);
    const run = runBuiltCli(["map", root, "--no-cache", "--tsconfig", "tsconfig.missing.json"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("layermap: error: tsconfig.missing.json: tsconfig not found\n");
  });

  it("an extends chain that loops is a tsconfig-error; the run goes on", async () => {
    const { document, root } = await mapped({
      "tsconfig.json": '{ "extends": "./tsconfig.base.json", "compilerOptions": { "paths": { "@lib/*": ["./lib/*"] } } }',
      "tsconfig.base.json": '{ "extends": "./tsconfig.json" }',
    });
    expect(document.diagnostics).toEqual([
      {
        file: "tsconfig.json",
        code: "tsconfig-error",
        message: "Circularity detected while resolving configuration: tsconfig.json -> tsconfig.base.json -> tsconfig.json",
      },
    ]);
    expect(edges(document)).toEqual(["src/main.ts → lib/util.ts", "src/main.ts → src/local.ts"]);
    expectNoAbsolutePath(document, root);
  });

  it("extends naming a file that does not exist is a tsconfig-error; the rest of the tsconfig still counts", async () => {
    const { document, root } = await mapped({ "tsconfig.json": '{ "extends": "./missing.json", "compilerOptions": { "paths": { "@lib/*": ["./lib/*"] } } }' });
    expect(document.diagnostics).toEqual([{ file: "tsconfig.json", code: "tsconfig-error", message: "Cannot read file 'missing.json'." }]);
    expect(edges(document)).toContain("src/main.ts → lib/util.ts");
    expectNoAbsolutePath(document, root);
  });

  it("extends naming a package that is not installed is a tsconfig-error", async () => {
    const { document } = await mapped({ "tsconfig.json": '{ "extends": "@tsconfig/not-installed/tsconfig.json" }' });
    expect(document.diagnostics.map((d) => `${d.file} ${d.code}`)).toContain("tsconfig.json tsconfig-error");
  });

  it("a project reference to a folder without a tsconfig is a tsconfig-error", async () => {
    const { document } = await mapped({ "tsconfig.json": '{ "references": [{ "path": "./packages/gone" }] }' });
    expect(document.diagnostics.map((d) => `${d.file} ${d.code}: ${d.message}`)).toEqual([
      "packages/gone/tsconfig.json tsconfig-error: Cannot read file 'packages/gone/tsconfig.json'.",
    ]);
  });

  it("paths that point nowhere: the import is unresolved, with the reason", async () => {
    const { document } = await mapped({ "tsconfig.json": '{ "compilerOptions": { "paths": { "@lib/*": ["./nowhere/*"] } } }' });
    expect(document.diagnostics).toEqual([
      { file: "src/main.ts", line: 1, code: "unresolved", message: 'cannot resolve "@lib/util": no matching tsconfig paths entry or package' },
    ]);
    expect(document.modules.find((m) => m.id === "@lib/util")?.kind).toBe("unresolved");
  });
});

describe("package.json", () => {
  it("one that is not JSON is a package-json-error with its line; resolution goes on", async () => {
    const { document } = await mapped({ "package.json": '{\n  "name": "broken",\n  "type": "module"\n  "main": "src/main.ts"\n' });
    expect(document.diagnostics).toEqual([
      {
        file: "package.json",
        line: 4,
        code: "package-json-error",
        message: "not valid JSON (CommaExpected): Node and npm cannot read it; imports resolved through it may be wrong",
      },
    ]);
    expect(edges(document)).toContain("src/main.ts → src/local.ts");
  });

  it("one that is JSON but not an object, and one that is empty, are package-json-errors too", async () => {
    const { document } = await mapped({ "src/package.json": "[]", "lib/package.json": "" });
    expect(document.diagnostics.filter((d) => d.code === "package-json-error").map((d) => `${d.file}: ${d.message.split(":")[0]!}`)).toEqual([
      "lib/package.json: not valid JSON (ValueExpected)",
      "src/package.json: not a JSON object",
    ]);
  });

  it("a broken package.json that governs no mapped file is not reported", async () => {
    const root = tempTree({ ...sources, "fixtures/broken/package.json": "{", "fixtures/broken/notes.md": "" });
    const { document } = await map({ root, cache: false });
    expect(document.diagnostics.map((d) => d.code)).not.toContain("package-json-error");
  });

  it("a workspace root whose package.json is broken: its packages are mapped, and the diagnostic says why a sibling import looks external", async () => {
    const { document } = await mapped({
      "package.json": '{ "workspaces": ["packages/*"], }',
      "packages/one/package.json": '{ "name": "one", "main": "index.ts" }',
      "packages/one/index.ts": 'import "two";\n',
      "packages/two/package.json": '{ "name": "two", "main": "index.ts" }',
      "packages/two/index.ts": "",
    });
    expect(document.diagnostics.map((d) => `${d.file} ${d.code}`)).toContain("package.json package-json-error");
    expect(document.modules.map((m) => m.id)).toEqual(expect.arrayContaining(["packages/one/index.ts", "packages/two/index.ts"]));
    expect(document.modules.find((m) => m.id === "two")?.kind).toBe("external");
  });
});
