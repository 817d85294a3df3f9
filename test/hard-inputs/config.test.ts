/**
 * Hard inputs: every kind of wrong value in layermap.config.json. Each is one line naming the
 * file and the key path, exit 2, and no stack trace; several problems are several lines. Run
 * through the CLI's own entry (in process, for speed; one case through the built executable).
 */
import { describe, expect, it } from "vitest";
import { globProblem } from "../../src/config/glob-problem.js";
import { runCli } from "../../src/cli/run-cli.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

async function checkWith(config: string, args: string[] = []): Promise<{ status: number; stderr: string; lines: string[] }> {
  const root = tempTree({ "layermap.config.json": config, "app/main.ts": 'import "../core/db.js";\n', "core/db.ts": "" });
  let stderr = "";
  const status = await runCli(["check", root, "--no-cache", ...args], { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } });
  const lines = stderr.trimEnd().split("\n").map((line) => line.replace(/^layermap: error: /, "").replace(/^.*layermap\.config\.json/, "layermap.config.json"));
  return { status, stderr, lines };
}

const layers = '[{ "name": "app", "paths": "app/**" }, { "name": "core", "paths": "core/**" }]';

describe("a wrong layermap.config.json: one line per problem with the key path, exit 2", () => {
  it.each([
    ["a wrong type", '{ "layers": 5 }', "layers: expected a list, not a number"],
    ["a wrong type deeper down", `{ "layers": ${layers}, "rules": { "forbidden": [{ "name": "f", "from": { "layer": 1 }, "to": {} }] } }`, "rules.forbidden[0].from.layer: expected a layer name or a list of layer names"],
    ["an unknown key at the top", '{ "colour": true }', '(top level): unknown key "colour"'],
    ["an unknown key in a layer", '{ "layers": [{ "name": "app", "paths": "app/**", "colour": "red" }] }', 'layers[0]: unknown key "colour"'],
    ["a misspelt rule", `{ "layers": ${layers}, "rules": { "cycle": "error" } }`, 'rules: unknown key "cycle" (did you mean "cycles"?)'],
    ["a layer with no globs", '{ "layers": [{ "name": "app" }] }', "layers[0].paths: expected a glob or a list of globs"],
    ["a layer with an empty list of globs", '{ "layers": [{ "name": "app", "paths": [] }] }', "layers[0].paths: expected at least one glob"],
    ["a layer with an empty glob", '{ "layers": [{ "name": "app", "paths": "" }] }', "layers[0].paths: expected a non-empty glob"],
    ["two layers with the same name", '{ "layers": [{ "name": "app", "paths": "app/**" }, { "name": "app", "paths": "core/**" }] }', 'layers[1].name: "app" is already the name of layers[0]'],
    ["a rule naming a layer that does not exist", `{ "layers": ${layers}, "rules": { "forbidden": [{ "name": "f", "from": { "layer": "ui" }, "to": { "layer": "core" } }] } }`, 'rules.forbidden[0].from.layer: no layer is named "ui"'],
    ["a layer mode that does not exist", '{ "rules": { "layers": "sideways" } }', 'rules.layers: expected "relaxed", "strict", "off", or { "mode", "severity", "plane" }'],
    ["a severity that does not exist", '{ "rules": { "cycles": "fatal" } }', 'rules.cycles: expected "error", "warn", "off", or { "severity", "plane" }'],
    ["a module kind that does not exist", `{ "layers": ${layers}, "rules": { "forbidden": [{ "name": "f", "from": { "layer": "app" }, "to": { "kind": "remote" } }] } }`, "rules.forbidden[0].to.kind: expected a module kind (local, external, builtin, unresolved) or a list of them"],
    ["an unclosed [", '{ "layers": [{ "name": "app", "paths": "app/[ab" }] }', 'layers[0].paths: invalid glob "app/[ab": the "[" at 5 is never closed (write \\[ for a literal one)'],
    ["an unclosed {", '{ "include": ["app/**/*.{ts,tsx"] }', 'include[0]: invalid glob "app/**/*.{ts,tsx": a "{" is never closed (write \\{ for a literal one)'],
    ["an unclosed (", '{ "exclude": "app/@(a|b" }', 'exclude: invalid glob "app/@(a|b": a "(" is never closed (write \\( for a literal one)'],
    ["a stray }", `{ "layers": ${layers}, "rules": { "independent": [{ "name": "i", "siblings": "app/*}" }] } }`, 'rules.independent[0].siblings: invalid glob "app/*}": the "}" at 6 closes nothing (write \\} for a literal one)'],
    ["a Windows path as a glob", '{ "include": "src\\\\app\\\\**" }', 'include: invalid glob "src\\app\\**": a "\\" separates nothing in a glob (it escapes the next character): write folders with /'],
    ["an absolute path as a glob", '{ "include": "/src/**" }', 'include: invalid glob "/src/**": globs are relative to the root: leave out the leading / (ids are paths like src/app.ts)'],
    ["[!…], which picomatch does not read as a negation", '{ "exclude": "**/[!a]*.ts" }', 'exclude: invalid glob "**/[!a]*.ts": "[!" does not negate a class in these globs (it matches "!"): write [^…]'],
    ["JSON that is not an object", "[1, 2]", "(top level): expected an object, not a list"],
    ["a required key left out", `{ "layers": ${layers}, "rules": { "forbidden": [{ "name": "f", "to": {} }] } }`, "rules.forbidden[0].from: missing (expected an object)"],
    ["a misspelt key in a rule", `{ "layers": ${layers}, "rules": { "forbidden": [{ "name": "f", "from": { "lyer": "app" }, "to": {} }] } }`, 'rules.forbidden[0].from: unknown key "lyer" (did you mean "layer"?)'],
    ["a misspelt value", `{ "layers": ${layers}, "rules": { "forbidden": [{ "name": "f", "from": { "layer": "app" }, "to": { "importKinds": ["statik"] } }] } }`, 'rules.forbidden[0].to.importKinds[0]: expected one of "static", "type-only", "side-effect", "re-export", "dynamic", "deferred", "require", "require-resolve", "import-equals", "triple-slash", not "statik" (did you mean "static"?)'],
    ["a misspelt layer name", `{ "layers": ${layers}, "rules": { "forbidden": [{ "name": "f", "from": { "layer": "app" }, "to": { "layer": "cor" } }] } }`, 'rules.forbidden[0].to.layer: no layer is named "cor" (did you mean "core"?)'],
    ["a layer name that is not a name: one line, not one per character", `{ "layers": ${layers}, "rules": { "forbidden": [{ "name": "f", "from": { "layer": "app core" }, "to": {} }] } }`, "rules.forbidden[0].from.layer: expected a name of letters, digits and dashes"],
    ["a layer mode written as a list", '{ "rules": { "layers": ["strict"] } }', 'rules.layers: expected "relaxed", "strict", "off", or { "mode", "severity", "plane" }'],
    ["a layer that matches no module", '{ "layers": [{ "name": "app", "paths": "application/**" }] }', 'layers[0].paths: layer "app" matches no module (mark it "optional": true if that is intended)'],
    [
      "a mistyped glob beside one that matches",
      '{ "layers": [{ "name": "app", "paths": ["app/**", "aplication/**"] }, { "name": "core", "paths": "core/**" }] }',
      'layers[0].paths[1]: glob "aplication/**" of layer "app" matches no module (mark it "optional": true if that is intended)',
    ],
  ])("%s", async (_name, config, line) => {
    const run = await checkWith(config);
    expect(run.status).toBe(2);
    expect(run.lines).toEqual([`layermap.config.json: ${line}`]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ["aliases that are not an object", '{ "aliases": ["@"] }', "aliases: expected an object, not a list"],
    ["an alias to true", '{ "aliases": { "@": true } }', 'aliases["@"]: expected a folder or file relative to the root, or false (a module no file holds)'],
    ["an empty key", '{ "aliases": { "": "src" } }', 'aliases[""]: an empty key matches nothing: write the name the code imports ("@", "~", "$lib")'],
    ["a key of * alone", '{ "aliases": { "*": false } }', 'aliases["*"]: a key of a * alone would take every import: write the prefix the code imports ("@/*")'],
    ["a key with a trailing /", '{ "aliases": { "@/": "src" } }', 'aliases["@/"]: write "@" (it matches "@/x" too) or "@/*", without the trailing "/"'],
    ["a key with a * inside", '{ "aliases": { "@/*/x": "src" } }', 'aliases["@/*/x"]: only a trailing "*" is a wildcard in a key'],
    ["a relative path as a key", '{ "aliases": { "./src": "src" } }', 'aliases["./src"]: a relative or absolute path is not an alias: it already resolves as a path'],
    ["an absolute path as a key", '{ "aliases": { "/src": "src" } }', 'aliases["/src"]: a relative or absolute path is not an alias: it already resolves as a path'],
    ["a backslash in a key", '{ "aliases": { "@\\\\x": "src" } }', 'aliases["@\\\\x"]: a \\ is not a separator in a specifier: write /'],
    ["an empty target", '{ "aliases": { "@": "" } }', 'aliases["@"]: an empty target: name a folder or file relative to the root, or false for a module no file holds'],
    ["an absolute target, as Vite configs write it", '{ "aliases": { "@": "/src" } }', 'aliases["@"]: "/src" is absolute: write it relative to the root (the config is read on other machines too)'],
    ["a Windows absolute target", '{ "aliases": { "@": "C:/app/src" } }', 'aliases["@"]: "C:/app/src" is absolute: write it relative to the root (the config is read on other machines too)'],
    ["a target out of the root", '{ "aliases": { "@": "../shared" } }', 'aliases["@"]: "../shared" leads out of the root: an alias names a folder or file inside it'],
    ["a target out of the root by a detour", '{ "aliases": { "@": "src/../../shared" } }', 'aliases["@"]: "src/../../shared" leads out of the root: an alias names a folder or file inside it'],
    ["a backslash in a target", '{ "aliases": { "@": "src\\\\app" } }', 'aliases["@"]: a \\ is not a separator here: write /'],
    ["a /* target for a key without *", '{ "aliases": { "@": "src/*" } }', 'aliases["@"]: a target ending in "/*" needs a key ending in "*" ("@/*")'],
    ["a * inside a target", '{ "aliases": { "@/*": "src/*/x" } }', 'aliases["@/*"]: only a trailing "/*" is a wildcard in a target'],
    ["a __proto__ alias", '{ "aliases": { "__proto__": "src" } }', 'aliases: unknown key "__proto__"'],
    ["control characters in a key, written visibly", '{ "aliases": { "\\u001b[31m/": "src" } }', 'aliases["\\u001b[31m/"]: write "\\u001b[31m" (it matches "\\u001b[31m/x" too) or "\\u001b[31m/*", without the trailing "/"'],
  ])("aliases: %s", async (_name, config, line) => {
    const run = await checkWith(config);
    expect(run.status).toBe(2);
    expect(run.lines).toEqual([`layermap.config.json: ${line}`]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ["not JSON: line and column", '{ "layers": [ }', "layermap.config.json:1:15: not valid JSON: ValueExpected"],
    ["an empty file", "", "layermap.config.json:1:1: not valid JSON: ValueExpected"],
  ])("%s", async (_name, config, line) => {
    const run = await checkWith(config);
    expect(run.status).toBe(2);
    expect(run.lines).toEqual([line]);
  });

  it("several problems: one line each (checks across keys, like duplicate names, come once each key is right)", async () => {
    const run = await checkWith('{ "layers": [{ "name": "app", "paths": "app/[" }, { "name": "app" }], "colour": 1 }');
    expect(run.status).toBe(2);
    expect(run.lines).toEqual([
      'layermap.config.json: layers[0].paths: invalid glob "app/[": the "[" at 5 is never closed (write \\[ for a literal one)',
      "layermap.config.json: layers[1].paths: expected a glob or a list of globs",
      'layermap.config.json: (top level): unknown key "colour"',
    ]);
  });

  it("a glob that matches nothing in an optional layer, or one whose modules an earlier layer took, is fine", async () => {
    const optional = await checkWith('{ "layers": [{ "name": "app", "paths": ["app/**", "aplication/**"], "optional": true }, { "name": "core", "paths": "core/**" }] }');
    expect(optional.stderr).toBe("");
    const taken = await checkWith('{ "layers": [{ "name": "app", "paths": "app/**" }, { "name": "core", "paths": ["core/**", "app/main.ts"] }] }');
    expect(taken.stderr).toBe("");
  });

  it("check with no config says so in one line, and checks cycles", async () => {
    const root = tempTree({ "a.ts": 'import "./b.js";\n', "b.ts": 'import "./a.js";\n' });
    let stderr = "";
    const status = await runCli(["check", root, "--no-cache"], { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^layermap: no layermap\.config\.json in .+: checking cycles only \(`layermap init` writes one\)\n$/);
  });

  it("a config written with a byte-order mark (Windows editors) is read", async () => {
    const run = await checkWith(`\ufeff{ "layers": ${layers} }`);
    expect(run.status).toBe(0);
  });

  it("--config naming a file that does not exist, or a folder, exits 2 with one line", async () => {
    expect((await checkWith("{}", ["--config", "/nonexistent/layermap.config.json"])).stderr).toBe("layermap: error: /nonexistent/layermap.config.json: config file not found\n");
    const folder = await checkWith("{}", ["--config", tempTree({})]);
    expect(folder.status).toBe(2);
    expect(folder.lines).toEqual([expect.stringMatching(/: cannot read the config \(EISDIR\)$/)]);
  });

  it("a glob given on the command line is held to the same standard", async () => {
    const run = await checkWith("{}", ["--include", "app/{a,b"]);
    expect(run.status).toBe(2);
    expect(run.lines).toEqual(['include glob "app/{a,b": invalid: a "{" is never closed (write \\{ for a literal one)']);
  });

  it("include globs that match no source file exit 2 instead of checking nothing", async () => {
    const run = await checkWith("{}", ["--include", "application/**"]);
    expect(run.status).toBe(2);
    expect(run.lines).toEqual([expect.stringMatching(/: no source file matches the include globs \(application\/\*\*\), once the exclude globs and \.gitignore have had their say$/)]);
  });

  it("the built executable says the same, on stderr only", () => {
    const root = tempTree({ "layermap.config.json": '{ "layers": [{ "name": "app", "paths": "app/[" }] }', "app/a.ts": "" });
    const run = runBuiltCli(["check", root]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^layermap: error: .*layermap\.config\.json: layers\[0\]\.paths: invalid glob "app\/\[": the "\[" at 5 is never closed \(write \\\[ for a literal one\)\n$/);
  });
});

describe("globProblem: what counts as an invalid glob", () => {
  it.each(["src/**", "**/*.{ts,tsx}", "app/(group)/**", "!(test)/**", "@(a|b)/*.ts", "[[:alpha:]]*", "[]a]*", "[^a]*", "src/\\[id\\].ts", "node:http", "@scope/pkg", "*.test.ts", "./src/**"])(
    "%s is valid",
    (glob) => expect(globProblem(glob)).toBeUndefined(),
  );

  it.each(["src/[a", "src/a]", "{a,b", "a}", "(a", "a)", "{a,(b}", "[!a]", "src\\lib", "trailing\\", "/abs/**", "C:/src/**"])("%s is invalid", (glob) =>
    expect(globProblem(glob)).toEqual(expect.any(String)),
  );
});
