import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const basic = fileURLToPath(new URL("../fixtures/map/basic", import.meta.url));
const expected = readFileSync(join(basic, "expected.json"), "utf8");

describe("layermap map (the built CLI)", () => {
  it("prints the document on stdout and a one-line summary on stderr", () => {
    const run = runBuiltCli(["map", basic]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(expected);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^layermap: 5 files, 9 modules \(5 local, 1 external, 2 builtin, 1 unresolved\), 12 imports, 1 files failed to parse or read, 0 skipped, 3 diagnostics, \d+\.\d\d s$/,
    );
  });

  it("writes --out atomically and leaves no temporary file behind", () => {
    const folder = tempTree({});
    const out = join(folder, "graph.json");
    const run = runBuiltCli(["map", basic, "--out", out, "--quiet"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(readFileSync(out, "utf8")).toBe(expected);
    expect(readdirSync(folder)).toEqual(["graph.json"]);
  });

  it.each([
    [["map", "/nonexistent/layermap-root"], /^layermap: error: \/nonexistent\/layermap-root: no such folder\n$/],
    [["map", join(basic, "tsconfig.json")], /tsconfig\.json: not a folder/],
    [["map", basic, "--bogus"], /Unknown argument: bogus/],
    [["map"], /Not enough non-option arguments/],
    [["frobnicate"], /Unknown argument: frobnicate/],
    [["map", basic, "--out", "/nonexistent/folder/out.json"], /out\.json: cannot write: the folder \/nonexistent\/folder does not exist/],
  ])("exits 2 with one clear line and no stack trace: %j", (args, message) => {
    const run = runBuiltCli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 naming the tsconfig when it is not valid JSON", () => {
    const root = tempTree({ "tsconfig.json": '{ "compilerOptions": { "strict": true ', "a.ts": "export {};\n" });
    const run = runBuiltCli(["map", root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^layermap: error: .*tsconfig\.json: not a valid tsconfig: .+\n$/);
  });

  it("exits 2 naming the key path when the config is wrong", () => {
    const root = tempTree({ "layermap.config.json": '{ "include": 5, "colour": true }', "a.ts": "" });
    const run = runBuiltCli(["map", root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("layermap.config.json: include: expected a glob or a list of globs");
    expect(run.stderr).toContain('layermap.config.json: (top level): unknown key "colour"');
  });

  it("keeps the previous output intact when a run fails", () => {
    const folder = tempTree({});
    const out = join(folder, "graph.json");
    writeFileSync(out, "previous");
    const run = runBuiltCli(["map", "/nonexistent/layermap-root", "--out", out]);
    expect(run.status).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("previous");
    expect(existsSync(out)).toBe(true);
  });

  it("adds one hint line when unresolved specifiers look like a bundler alias, escaped for the terminal; --quiet silences it", () => {
    const root = tempTree({
      "src/a.ts": 'import "@/b";\nimport "@/c.vue";\nimport "~/d";\nimport "react";\nimport "./missing";\n',
      "src/b.ts": "",
      "src/hostile.ts": 'import "$\\u001b[2J\\u0007/x";\n',
    });
    const run = runBuiltCli(["map", root, "--no-cache"]);
    expect(run.status).toBe(0);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      'layermap: hint: 2 unresolved imports start with "@/", 1 with "$\\u001b[2J\\u0007/", 1 with "~/" — if they are bundler aliases, add "aliases": { "@": "src", "$\\u001b[2J\\u0007": "src", "~": "src" } to layermap.config.json (false for a module no file holds)',
    );
    expect(runBuiltCli(["map", root, "--no-cache", "--quiet"]).stderr).toBe("");

    // Configured, the aliases resolve and the hint is gone.
    writeFileSync(join(root, "layermap.config.json"), JSON.stringify({ aliases: { "@": "src", "~": "src", "$\u001b[2J\u0007": false } }));
    const configured = runBuiltCli(["map", root, "--no-cache"]);
    expect(configured.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(configured.stdout).toContain('"id": "src/b.ts"');
  });

  it("documents the command with examples", () => {
    const run = runBuiltCli(["map", "--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("layermap map src --out deps.json");
    expect(run.stdout).toContain("--include-dts");
  });
});
