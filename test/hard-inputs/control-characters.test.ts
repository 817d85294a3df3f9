/**
 * Control characters from the analysed code never reach a terminal or a CI log raw. A string
 * literal's `\n` or `\u001b` becomes a real control character, and so can a file name: printed
 * raw, a newline puts a GitHub workflow command on a line of its own and an escape sequence
 * drives the terminal. Every text output shows them escaped (`\n`, `\u001b`), visibly.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI, runBuiltCli, type CliRun } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

/** What the attacker wants printed: a workflow command on its own line, then a terminal retitled. */
const PAYLOAD = "\n::error file=a.ts,line=1::spoofed\u001b]0;pwned\u0007";
/** The payload as a TypeScript string literal writes it. */
const PAYLOAD_IN_SOURCE = "\\n::error file=a.ts,line=1::spoofed\\u001b]0;pwned\\u0007";
/** …and as layermap prints it. */
const PAYLOAD_PRINTED = "\\n::error file=a.ts,line=1::spoofed\\u001b]0;pwned\\u0007";

/**
 * Two layers, core below app, and a cycle through three modules: core/c.ts imports app/a.ts
 * through a specifier carrying the payload, which TypeScript still resolves (it normalises
 * `x/../`); a file whose very name carries it; an unresolved import carrying it; a rule comment
 * carrying a workflow command of its own; and a file named like a workflow command.
 */
function hostile(): string {
  return tempTree({
    "layermap.config.json": JSON.stringify({
      layers: [{ name: "app", paths: "app/**" }, { name: "core", paths: "core/**" }],
      rules: {
        forbidden: [{ name: "core-stays-below", comment: `::warning::from the config${PAYLOAD}`, from: { layer: "core" }, to: { layer: "app" } }],
      },
    }),
    "app/a.ts": `import "../core/c.js";\nimport "../core/evil${PAYLOAD_IN_SOURCE}.js";\nimport "../::error::named.js";\nexport const a = 1;\n`,
    "core/c.ts": `import { a } from "../app/${PAYLOAD_IN_SOURCE}/../a.js";\nimport "./x${PAYLOAD_IN_SOURCE}";\nexport const c = a;\n`,
    [`core/evil${PAYLOAD}.ts`]: 'import { a } from "../app/a.js";\nexport const e = a;\n',
    "::error::named.ts": "export const n = 1;\n",
  });
}

/** Every character a terminal or a log acts on, but the newlines between lines (and tabs, the edges format's separator). */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

function expectSafe(run: CliRun): void {
  for (const output of [run.stdout, run.stderr]) {
    expect(output).not.toMatch(RAW_CONTROL);
    // GitHub's runner reads a line as a workflow command when it starts with `::` after spaces.
    expect(output.split("\n").filter((line) => /^\s*::/.test(line))).toEqual([]);
  }
}

describe("control characters in specifiers, file names and rule comments are printed escaped", () => {
  it("check (text): the violation through the resolved hostile specifier, the comment, the file names", () => {
    const root = hostile();
    // --verbose lists the modules in no layer: the file named `::error::named.ts` (the one named with the
    // payload is in core: config globs match a newline in a name, so it cannot slip out of its layer).
    const run = runBuiltCli(["check", ".", "--no-cache", "--verbose"], root);
    expect(run.status).toBe(1);
    expectSafe(run);
    expect(run.stdout).toContain(`core/c.ts:1  imports "../app/${PAYLOAD_PRINTED}/../a.js" → app/a.ts [core → app]`);
    expect(run.stdout).toContain(`  \\u003a:warning::from the config${PAYLOAD_PRINTED}\n`);
    expect(run.stdout).toContain(`  core/evil${PAYLOAD_PRINTED}.ts:1  imports "../app/a.js" → app/a.ts [core → app]\n`);
    expect(run.stdout).toContain("  \\u003a:error::named.ts\n");
  });

  it("check --format github still escapes the GitHub way, and puts no command of the payload on a line of its own", () => {
    const run = runBuiltCli(["check", ".", "--no-cache", "--format", "github"], hostile());
    expect(run.status).toBe(1);
    expect(run.stdout.split("\n").filter((line) => /^\s*::/.test(line)).every((line) => /^::(error|warning) file=/.test(line))).toBe(true);
    expect(run.stdout).toContain("%0A::error file=a.ts,line=1::spoofed");
  });

  it("cycles, why, deps and dependents", () => {
    const root = hostile();
    const cycles = runBuiltCli(["cycles", "--root", ".", "--no-cache"], root);
    expect(cycles.status).toBe(1);
    expect(cycles.stdout).toContain(`core/evil${PAYLOAD_PRINTED}.ts`);
    const why = runBuiltCli(["why", "core/c.ts", "app/a.ts", "--root", ".", "--no-cache"], root);
    expect(why.stdout).toContain(`"../app/${PAYLOAD_PRINTED}/../a.js" → app/a.ts`);
    const deps = runBuiltCli(["deps", "app/a.ts", "--root", ".", "--no-cache"], root);
    expect(deps.stdout).toContain(`core/evil${PAYLOAD_PRINTED}.ts`);
    expect(deps.stdout).toContain("\\u003a:error::named.ts");
    const dependents = runBuiltCli(["dependents", "app/a.ts", "--root", ".", "--no-cache"], root);
    expect(dependents.stdout).toContain(`core/evil${PAYLOAD_PRINTED}.ts`);
    for (const run of [cycles, why, deps, dependents]) expectSafe(run);
  });

  it("map --strict: the diagnostics it lists, and the summary line", () => {
    const run = runBuiltCli(["map", ".", "--no-cache", "--strict"], hostile());
    expect(run.status).toBe(2);
    expectSafe(run);
    expect(run.stderr).toContain(`core/c.ts:2  unresolved: cannot resolve "./x${PAYLOAD_PRINTED}"`);
  });

  it("map --format edges: one line per import whatever the ids hold, and render - reads the same modules back", () => {
    const root = hostile();
    const run = runBuiltCli(["map", ".", "--no-cache", "--format", "edges"], root);
    expect(run.status).toBe(0);
    expectSafe(run);
    expect(run.stdout).toContain(`app/a.ts\tcore/evil${PAYLOAD_PRINTED}.ts\n`);
    expect(run.stdout.split("\n").every((line) => line === "" || [2, 3].includes(line.split("\t").length))).toBe(true);
    const back = spawnSync(process.execPath, [CLI, "render", "-", "--format", "edges"], { cwd: root, input: run.stdout, encoding: "utf8" });
    expect([back.status, back.stdout]).toEqual([0, run.stdout]);
  });

  it("an error naming a hostile config key: each line printable, none a workflow command", () => {
    const root = tempTree({ "layermap.config.json": JSON.stringify({ layers: [{ name: "a", paths: "**" }], [`x${PAYLOAD}`]: 1 }), "a.ts": "export {};\n" });
    const run = runBuiltCli(["check", ".", "--no-cache"], root);
    expect(run.status).toBe(2);
    expectSafe(run);
  });
});
