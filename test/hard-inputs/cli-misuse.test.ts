/**
 * Hard inputs: the command line used wrong. Every mistake exits 2 with a line that names it (and,
 * for a usage mistake, where help is), nothing on stdout, and no stack trace.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";
import { openToOthers, permissionsUntestable, runCliUnprivileged } from "../helpers/unprivileged.js";

const HELP = "Run `layermap --help` for the commands and options.\n";

function expectUsageError(args: string[], stderr: string | RegExp, cwd?: string): void {
  const run = runBuiltCli(args, cwd);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  if (typeof stderr === "string") expect(run.stderr).toBe(stderr);
  else expect(run.stderr).toMatch(stderr);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe("commands, flags and arguments", () => {
  const root = (): string => tempTree({ "a.ts": 'import "./b.js";\n', "b.ts": "" });

  it.each([
    ["no command", [], `layermap: error: Name a command: layermap map <root>, or layermap check\n${HELP}`],
    ["an unknown command", ["frobnicate"], `layermap: error: Unknown argument: frobnicate\n${HELP}`],
    ["a misspelt command", ["mpa", "."], `layermap: error: Did you mean map?\n${HELP}`],
    ["an unknown flag, with the nearest known one", ["check", ".", "--colour"], `layermap: error: Unknown argument: colour (did you mean --color?)\n${HELP}`],
    ["unknown flags, each with the nearest known one if any", ["map", ".", "--ot", "x", "--zzzzzz"], `layermap: error: Unknown arguments: ot (did you mean --out?), zzzzzz\n${HELP}`],
    ["a missing argument", ["map"], `layermap: error: Not enough non-option arguments: got 0, need at least 1\n${HELP}`],
    ["a missing second argument", ["why", "a.ts"], `layermap: error: Not enough non-option arguments: got 1, need at least 2\n${HELP}`],
    ["a value that is not one of the choices", ["map", ".", "--format", "pdf"], /^layermap: error: Invalid values:\n {2}Argument: format, Given: "pdf", Choices: .*\nRun `layermap --help`/],
    ["a size that is not a size", ["map", ".", "--max-file-size", "big"], "layermap: error: --max-file-size big: expected a size such as 500kb, 20mb or 1000000 (bytes)\n"],
    ["a collapse that is not one", ["map", ".", "--format", "dot", "--collapse", "folder:x"], "layermap: error: --collapse folder:x: expected none, layer, or folder:<depth> (like folder:2)\n"],
  ])("%s", (_name, args, stderr) => expectUsageError(args, stderr, root()));

  it("a root that does not exist, and a root that is a file", () => {
    expectUsageError(["map", "/nonexistent/root"], "layermap: error: /nonexistent/root: no such folder\n");
    expectUsageError(["check", "a.ts"], "layermap: error: a.ts: not a folder (give the folder to map)\n", root());
  });
});

describe("render of something that is not a layermap document", () => {
  const folder = (): string => tempTree({ "other.json": '{ "hello": "world" }', "text.json": "hello", "empty.json": "", "a.ts": "" });

  it("JSON of another shape", () => {
    expectUsageError(["render", "other.json"], "layermap: error: other.json: not a layermap map document (make one with `layermap map <root> --out other.json`)\n", folder());
  });

  it("a file that is not JSON, and an empty file", () => {
    expectUsageError(["render", "text.json"], /^layermap: error: text\.json: not valid JSON: .+\n$/, folder());
    expectUsageError(["render", "empty.json"], "layermap: error: empty.json: empty: expected a layermap map document (JSON) or an edges list (from<TAB>to lines)\n", folder());
  });

  it("a file that is not JSON and holds a line break early: still one line", () => {
    const cwd = tempTree({ "broken.json": "hello\nworld\n" });
    expectUsageError(["render", "broken.json"], /^layermap: error: broken\.json: not valid JSON: [^\n]+\n$/, cwd);
  });

  it("a document of another version", () => {
    const cwd = folder();
    const mapped = runBuiltCli(["map", ".", "--no-cache", "--quiet"], cwd);
    writeFileSync(join(cwd, "v2.json"), mapped.stdout.replace('"version": 1', '"version": 2'));
    expectUsageError(["render", "v2.json"], "layermap: error: v2.json: a layermap document of version 2; this layermap reads version 1\n", cwd);
  });

  it("a file that does not exist", () => {
    expectUsageError(["render", "missing.json"], "layermap: error: missing.json: cannot read (ENOENT)\n", folder());
  });
});

describe("--out where it cannot be written", () => {
  it.each([
    ["map", ["map", ".", "--no-cache"]],
    ["check", ["check", ".", "--no-cache"]],
    ["render", ["render", "."]],
  ])("%s --out into a folder that does not exist", (_command, args) => {
    // A config, so that check has nothing to say about a missing one.
    const cwd = tempTree({ "a.ts": "", "layermap.config.json": "{}" });
    expectUsageError([...args, "--out", "missing/out.json", "--format", "json"], "layermap: error: missing/out.json: cannot write: the folder missing does not exist\n", cwd);
  });

  it("--out naming a folder", () => {
    const cwd = tempTree({ "a.ts": "" });
    mkdirSync(join(cwd, "taken.json"));
    expectUsageError(["map", ".", "--no-cache", "--out", "taken.json"], "layermap: error: taken.json: cannot write: it is a folder (EISDIR)\n", cwd);
  });

  it.skipIf(permissionsUntestable)("--out into a folder that cannot be written", () => {
    const cwd = tempTree({ "a.ts": "" });
    openToOthers(cwd);
    mkdirSync(join(cwd, "locked"));
    chmodSync(join(cwd, "locked"), 0o555);
    const run = runCliUnprivileged(["map", ".", "--no-cache", "--out", "locked/graph.json"], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("layermap: error: locked/graph.json: cannot write: permission denied (EACCES)\n");
  });
});
