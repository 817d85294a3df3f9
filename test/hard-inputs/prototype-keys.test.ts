/**
 * Hard inputs: a `"__proto__"` key in a JSON file of the analysed repository. jsonc-parser and
 * TypeScript make its value the prototype of the object holding it, so its keys were inherited:
 * `"rules": { "__proto__": { "layers": "off" } }` silenced the layer rule. Each file says so in
 * one line (or, for a package.json, a diagnostic), like any other unknown key.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { status, stdout, stderr };
}

const code = { "app/main.ts": 'import "../core/db.js";\n', "core/db.ts": 'import "../app/main.js";\n' };
const layers = [
  { name: "core", paths: "core/**" },
  { name: "app", paths: "app/**" },
];

describe('"__proto__" in layermap.config.json is an unknown key, with its path', () => {
  it.each([
    ["in rules (it silenced the layer rule)", { layers, rules: { __proto__: { layers: "off" } } }, 'rules: unknown key "__proto__"'],
    ["in a layer (it made the layer optional)", { layers: [...layers, { name: "x", paths: "x/**", __proto__: { optional: true } }] }, 'layers[2]: unknown key "__proto__"'],
    ["at the top (it set the layers)", { __proto__: { layers } }, '(top level): unknown key "__proto__"'],
  ])("%s", async (_name, config, line) => {
    // JSON.stringify would drop a __proto__ set by an object literal: write the key out.
    const text = JSON.stringify(config, (_key, value: unknown) => (value !== null && typeof value === "object" && !Array.isArray(value) ? { ...value, ...protoOf(value) } : value)).replaceAll('"__PROTO__"', '"__proto__"');
    const root = tempTree({ ...code, "layermap.config.json": text });
    const result = await run(["check", root, "--no-cache"]);
    expect(result.stderr.replace(/^.*layermap\.config\.json: /, "")).toBe(`${line}\n`);
    expect(result.status).toBe(2);
  });
});

/** An object literal's `__proto__: {…}` as an own key JSON.stringify writes. */
function protoOf(value: object): object {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? {} : { __PROTO__: { ...(proto as object) } };
}

describe('"__proto__" in the other JSON files read from the repository', () => {
  it("tsconfig.json: one line naming the file and where the key is", async () => {
    const root = tempTree({
      "tsconfig.json": '{ "compilerOptions": { "__proto__": { "baseUrl": ".", "paths": { "#db": ["core/db.ts"] } } } }',
      "app/main.ts": 'import "#db";\n',
      "core/db.ts": "",
    });
    const result = await run(["map", root, "--no-cache"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^layermap: error: .*tsconfig\.json: unknown key "__proto__" in compilerOptions \(TypeScript would read its value as inherited options\)\n$/);
  });

  it("package.json: read as Node reads it (the key inherits nothing), with a diagnostic", async () => {
    const root = tempTree({
      "package.json": '{ "name": "p", "__proto__": { "imports": { "#db": "./core/db.ts" } } }',
      "app/main.ts": 'import "#db";\n',
      "core/db.ts": "",
    });
    const result = await run(["map", root, "--no-cache"]);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout) as { imports: { from: string; to: string }[]; diagnostics: { file: string; code: string; message: string }[] };
    expect(document.imports.map(({ from, to }) => `${from} → ${to}`)).toEqual(["app/main.ts → #db"]);
    expect(document.diagnostics).toContainEqual({
      file: "package.json",
      code: "package-json-error",
      message: 'a "__proto__" key at the top level: read as Node reads it, an ordinary key nothing uses (TypeScript alone would inherit its fields)',
    });
  });

  it("a baseline: an unknown key", async () => {
    const root = tempTree({ ...code, "layermap.config.json": JSON.stringify({ layers }), "b.json": '{ "version": 1, "violations": [], "__proto__": { "x": 1 } }' });
    const result = await run(["check", root, "--no-cache", "--baseline", `${root}/b.json`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('b.json: (top level): unknown key "__proto__"');
  });

  it("a saved document: an unknown key", async () => {
    const root = tempTree(code);
    const mapped = await run(["map", root, "--no-cache"]);
    const document = tempTree({ "map.json": mapped.stdout.replace(/^\{/, '{ "__proto__": { "modules": [] },') });
    const result = await run(["render", `${document}/map.json`, "--format", "mermaid"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('(top level): unknown key "__proto__"');
  });
});
