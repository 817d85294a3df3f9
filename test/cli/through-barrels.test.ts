/**
 * The transparent plane through the CLI, on test/fixtures/barrel-plane: a small project whose
 * `src/utils/index.ts` re-exports format.ts and parse.ts, mapped once (`opaque.json`, as
 * `layermap map` writes it without following barrels) and given, by hand, the `through` fields a
 * map made with `--through-barrels` holds (`transparent.json`). parse.ts imports `format` from its
 * own barrel: a false cycle. Its config says `"barrels": "transparent"` and forbids app any module
 * of utils but format.ts and the barrel: only the transparent plane can see main.ts and view.ts
 * break it. Then a document whose barrel ids and names are hostile, through every output.
 */
import { XMLParser } from "fast-xml-parser";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { MapDocument } from "../../src/model/document.js";
import { runBuiltCli, type CliRun } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const FIXTURE = "test/fixtures/barrel-plane";
const run = (...args: string[]): CliRun => runBuiltCli(args, FIXTURE);

describe("check", () => {
  it("judges the transparent plane when the config says so: the line importing the barrel breaks the rule about parse.ts, via the barrel", () => {
    const result = run("check", "--graph", "transparent.json");
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain('  src/app/main.ts:1  imports "../utils" → src/utils/parse.ts via src/utils/index.ts { parse } [app → utils]\n      forbidden by app-uses-only-format\n');
    expect(result.stdout).toContain('  src/app/view.ts:3  imports "../utils/index" → src/utils/parse.ts via src/utils/index.ts { parse } [app → utils]\n');
    // The false cycle parse.ts → index.ts → parse.ts is gone.
    expect(result.stdout).not.toContain("cycle");
    expect(result.stdout).toMatch(/✖ 2 errors, 0 warnings, 6 modules in 2 layers \(0 unlayered\), barrels seen through\n$/);
    expect(result.status).toBe(1);
  });

  it("--no-through-barrels overrides the config: the imports as written, a false cycle, and the rule sees nothing", () => {
    const result = run("check", "--graph", "transparent.json", "--no-through-barrels");
    expect(result.stdout).toContain("chain: src/utils/index.ts:2 → src/utils/parse.ts:1 → src/utils/index.ts");
    expect(result.stdout).not.toContain("app-uses-only-format");
    expect(result.stdout).not.toContain("barrels seen through");
    expect(result.status).toBe(1);
  });

  it("a map made without following barrels is one line and exit 2, with the config or the flag asking", () => {
    for (const args of [["check", "--graph", "opaque.json"], ["check", "--graph", "opaque.json", "--no-config", "--through-barrels"]]) {
      const result = run(...args);
      expect(result.stderr).toBe("layermap: error: opaque.json: this map was made without --through-barrels; map again with it (or pass --no-through-barrels)\n");
      expect(result.stdout).toBe("");
      expect(result.status).toBe(2);
    }
    expect(run("check", "--graph", "opaque.json", "--no-through-barrels").status).toBe(1);
  });

  it("names the barrel in every format", () => {
    const json = JSON.parse(run("check", "--graph", "transparent.json", "--format", "json").stdout) as { violations: { from: string; to: string; line: number; barrel?: unknown }[] };
    expect(json.violations.map(({ from, to, line, barrel }) => ({ from, to, line, barrel }))).toEqual([
      { from: "src/app/main.ts", to: "src/utils/parse.ts", line: 1, barrel: { module: "src/utils/index.ts", names: ["parse"] } },
      { from: "src/app/view.ts", to: "src/utils/parse.ts", line: 3, barrel: { module: "src/utils/index.ts", names: ["parse"] } },
    ]);
    expect(run("check", "--graph", "transparent.json", "--format", "github").stdout).toContain(
      '::error file=src/app/main.ts,line=1,title=layermap app-uses-only-format::imports "../utils" via src/utils/index.ts { parse }: forbidden by app-uses-only-format',
    );
    expect(run("check", "--graph", "transparent.json", "--format", "sarif").stdout).toContain('"text": "Imports \\"../utils\\" (src/utils/parse.ts via src/utils/index.ts { parse }): forbidden by app-uses-only-format.');
    expect(run("check", "--graph", "transparent.json", "--format", "junit").stdout).toContain('src/app/main.ts:1: imports &quot;../utils&quot; via src/utils/index.ts { parse }');
  });
});

describe("the explore commands", () => {
  it("cycles: the barrel's false cycle vanishes", () => {
    const opaque = run("cycles", "--graph", "transparent.json", "--no-through-barrels");
    expect(opaque.stdout).toContain("src/utils/index.ts:2 → src/utils/parse.ts:1 → src/utils/index.ts");
    expect(opaque.status).toBe(1);
    const transparent = run("cycles", "--graph", "transparent.json");
    expect(transparent.stdout).toBe("✔ no cycles, barrels seen through\n");
    expect(transparent.status).toBe(0);
  });

  it("why: the chain through the definition, with the names and the barrel", () => {
    const result = run("why", "src/app/main.ts", "src/utils/parse.ts", "--graph", "transparent.json");
    expect(result.stdout).toBe(
      "src/app/main.ts:1 (via src/utils/index.ts) → src/utils/parse.ts (1 import)\n" +
        '    src/app/main.ts:1  { parse } from "../utils" → parse is declared in src/utils/parse.ts (via src/utils/index.ts)\n',
    );
    const json = JSON.parse(run("why", "src/app/main.ts", "src/utils/parse.ts", "--graph", "transparent.json", "--format", "json").stdout) as { throughBarrels?: boolean; chains: unknown[][] };
    expect(json.throughBarrels).toBe(true);
    expect(json.chains[0]![0]).toMatchObject({ from: "src/app/main.ts", to: "src/utils/parse.ts", line: 1, barrel: { module: "src/utils/index.ts", names: ["parse"] } });
    expect(run("why", "src/app/main.ts", "src/utils/parse.ts", "--graph", "transparent.json", "--no-through-barrels").stdout).toContain(
      '    src/app/main.ts:1     "../utils" → src/utils/index.ts\n',
    );
  });

  it("dependents and deps: the modules that use a definition, not every consumer of the barrel", () => {
    const dependents = (...flags: string[]): string[] =>
      (JSON.parse(run("dependents", "src/utils/parse.ts", "--graph", "transparent.json", "--format", "json", ...flags).stdout) as { found: { id: string }[] }).found.map(
        (found) => found.id,
      );
    expect(dependents("--no-through-barrels")).toEqual(["src/utils/index.ts"]);
    expect(dependents()).toEqual(["src/app/main.ts", "src/app/view.ts", "src/utils/index.ts"]);
    expect(dependents("--no-through-barrels", "--depth")).toEqual(["src/utils/index.ts", "src/app/main.ts", "src/app/view.ts"]);
    expect(run("deps", "src/utils/parse.ts", "--graph", "transparent.json").stdout).toBe(
      "src/utils/parse.ts imports 1 module directly, barrels seen through\n  src/utils/format.ts  imported at src/utils/parse.ts:1 (via src/utils/index.ts)\n",
    );
  });

  it("metrics and layers --infer read the plane; orphans refuses it, saying why", () => {
    const metrics = JSON.parse(run("metrics", "--graph", "transparent.json", "--format", "json").stdout) as { modules: { id: string; fanIn: number }[] };
    expect(Object.fromEntries(metrics.modules.map((entry) => [entry.id, entry.fanIn]))).toMatchObject({ "src/utils/index.ts": 1, "src/utils/parse.ts": 3, "src/utils/format.ts": 3 });
    expect(run("layers", "--infer", "--graph", "transparent.json").stdout).toContain("(layers rule, relaxed, all imports, barrels seen through)");
    const orphans = run("orphans", "--graph", "transparent.json", "--through-barrels");
    expect(orphans.stderr).toMatch(/^layermap: error: orphans --through-barrels: orphans are files nothing loads, and a barrel is loaded by every module importing it/);
    expect(orphans.status).toBe(2);
    // The config's "barrels" does not reach it: the imports as written, where every module is tied in.
    expect(run("orphans", "--graph", "transparent.json").status).toBe(0);
  });
});

describe("render", () => {
  it("draws consumers pointing at the definitions, the barrel keeping its re-exports, and no cycle", () => {
    const plain = run("render", "transparent.json", "--format", "dot", "--collapse", "none").stdout;
    const drawn = run("render", "transparent.json", "--format", "dot", "--collapse", "none", "--through-barrels");
    expect(drawn.status).toBe(0);
    const arrows = (dot: string): string[] => [...dot.matchAll(/^\s*"([^"]+)" -> "([^"]+)"/gm)].map(([, from = "", to = ""]) => `${from} -> ${to}`).sort();
    expect(arrows(plain)).toContain("src/utils/parse.ts -> src/utils/index.ts");
    expect(arrows(drawn.stdout)).toEqual([
      "src/app/main.ts -> src/utils/format.ts",
      "src/app/main.ts -> src/utils/index.ts",
      "src/app/main.ts -> src/utils/parse.ts",
      "src/app/view.ts -> src/app/types.ts",
      "src/app/view.ts -> src/utils/parse.ts",
      "src/utils/index.ts -> src/utils/format.ts",
      "src/utils/index.ts -> src/utils/parse.ts",
      "src/utils/parse.ts -> src/utils/format.ts",
    ]);
    expect(drawn.stdout).toContain('src/app/main.ts:1 \\"../utils\\" { parse }');
    // The barrel's own re-exports are drawn faint: consumers no longer depend through them.
    expect(drawn.stdout).toMatch(/"src\/utils\/index.ts" -> "src\/utils\/parse.ts" \[[^\]]*arrowhead=empty[^\]]*color="#c4c8cf"/);
    expect(drawn.stdout).toContain("a barrel's re-export (seen through)");
    expect(plain).not.toContain("#c4c8cf");
    // The json format still writes the map as made.
    expect(run("render", "transparent.json", "--format", "json", "--through-barrels").stdout).toBe(readFileSync(`${FIXTURE}/transparent.json`, "utf8"));
  });

  it("a map made without following barrels is exit 2", () => {
    const result = run("render", "opaque.json", "--format", "mermaid", "--through-barrels");
    expect(result.stderr).toBe("layermap: error: opaque.json: this map was made without --through-barrels; map again with it (or pass --no-through-barrels)\n");
    expect(result.status).toBe(2);
  });
});

/** A workflow command on its own line, a terminal escape, markup and quotes, in a barrel's id and its names. */
const PAYLOAD = '\n::error::spoof\u001b]0;t\u0007<script>alert("x")</script>&';
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

function hostileDocument(): MapDocument {
  const barrel = `lib${PAYLOAD}/index.ts`;
  const declared = `lib/"${PAYLOAD}.ts`;
  const site = { line: 1, specifier: `./lib${PAYLOAD}`, kind: "static" as const, through: [{ module: declared, names: [`name${PAYLOAD}`, "__proto__"] }] };
  return {
    version: 1,
    root: ".",
    layers: ["app", "lib"],
    barrels: "transparent",
    summary: { files: 3, modules: 3, local: 3, external: 0, builtin: 0, unresolved: 0, imports: 3, failedFiles: 0 },
    modules: [
      { id: declared, kind: "local", layer: "app" },
      { id: "app.ts", kind: "local", layer: "lib" },
      { id: barrel, kind: "local", layer: "lib" },
    ].sort((a, b) => (a.id < b.id ? -1 : 1)) as MapDocument["modules"],
    imports: [
      { from: "app.ts", to: barrel, kinds: ["static"], typeOnly: false, sites: [site] },
      { from: barrel, to: declared, kinds: ["re-export"], typeOnly: false, sites: [{ line: 1, specifier: "./x", kind: "re-export" }] },
      { from: declared, to: "app.ts", kinds: ["static"], typeOnly: false, sites: [{ line: 1, specifier: "../app", kind: "static" }] },
    ],
    diagnostics: [],
  };
}

describe("hostile ids and names in through", () => {
  const root = (): string => tempTree({ "map.json": JSON.stringify(hostileDocument()) });

  it("text outputs print them escaped, never raw", () => {
    const folder = root();
    for (const args of [
      ["check", "--graph", "map.json", "--through-barrels"],
      ["check", "--graph", "map.json", "--through-barrels", "--format", "github"],
      ["cycles", "--graph", "map.json", "--through-barrels"],
      ["why", "app.ts", "app.ts", "--graph", "map.json", "--through-barrels"],
      ["deps", "app.ts", "--graph", "map.json", "--through-barrels"],
    ]) {
      const result = runBuiltCli(args, folder);
      expect(result.stderr, args.join(" ")).not.toContain("internal error");
      for (const output of [result.stdout, result.stderr]) {
        // GitHub's annotations escape the GitHub way (%0A), as every specifier's are: only lines matter there.
        if (!args.includes("github")) expect(output, args.join(" ")).not.toMatch(RAW_CONTROL);
        const commands = output.split("\n").filter((line) => /^\s*::/.test(line));
        expect(commands.every((line) => /^::(error|warning) file=/.test(line)), args.join(" ")).toBe(true);
      }
    }
    // The app layer's module imports app.ts of lib through the barrel: a layers violation via it, and a cycle.
    const text = runBuiltCli(["check", "--graph", "map.json", "--through-barrels"], folder).stdout;
    expect(text).toContain("via lib\\n::error::spoof\\u001b]0;t\\u0007<script>");
  });

  it("scripts get them whole in JSON, XML gets them escaped", () => {
    const folder = root();
    const json = JSON.parse(runBuiltCli(["check", "--graph", "map.json", "--through-barrels", "--format", "json"], folder).stdout) as { violations: { barrel?: { module: string } }[] };
    expect(json.violations.some((violation) => violation.barrel?.module === `lib${PAYLOAD}/index.ts`)).toBe(true);
    const junit = runBuiltCli(["check", "--graph", "map.json", "--through-barrels", "--format", "junit"], folder).stdout;
    expect(() => new XMLParser().parse(junit)).not.toThrow();
    expect(junit).not.toContain("<script>");
    JSON.parse(runBuiltCli(["check", "--graph", "map.json", "--through-barrels", "--format", "sarif"], folder).stdout);
  });

  it("every picture escapes them", () => {
    const folder = root();
    for (const format of ["dot", "mermaid", "svg", "html"]) {
      const result = runBuiltCli(["render", "map.json", "--through-barrels", "--format", format, "--collapse", "none"], folder);
      expect(result.status, format).toBe(0);
      expect(result.stdout, format).not.toContain('<script>alert("x")');
      if (format === "svg") expect(() => new XMLParser().parse(result.stdout)).not.toThrow();
      // No line break of the payload reaches the file: no line of it starts with the payload's command.
      expect(result.stdout.split("\n").filter((line) => line.startsWith("::error")), format).toEqual([]);
    }
  });
});

describe("a mapped root (barrel-core's map following the names)", () => {
  it("map --through-barrels writes the through fields transparent.json was given by hand", () => {
    const mapped = JSON.parse(run("map", ".", "--no-cache", "--quiet", "--through-barrels").stdout) as MapDocument;
    const saved = JSON.parse(readFileSync(`${FIXTURE}/transparent.json`, "utf8")) as MapDocument;
    expect(mapped.barrels).toBe("transparent");
    expect(mapped.imports).toEqual(saved.imports);
  });

  it("check, cycles and why map the root with the config's barrels, and --no-through-barrels maps it as written", () => {
    const check = run("check", ".", "--no-cache");
    expect(check.stdout).toContain('src/app/main.ts:1  imports "../utils" → src/utils/parse.ts via src/utils/index.ts { parse } [app → utils]');
    expect(check.status).toBe(1);
    expect(run("cycles", "--no-cache").status).toBe(0);
    expect(run("cycles", "--no-cache", "--no-through-barrels").status).toBe(1);
    expect(run("why", "src/app/view.ts", "src/utils/parse.ts", "--no-cache").stdout).toContain("parse is declared in src/utils/parse.ts (via src/utils/index.ts)");
  });

  it("map --out draws the plane in the picture and writes the map as made in the JSON", () => {
    const folder = tempTree({});
    const result = runBuiltCli(["map", FIXTURE, "--no-cache", "--quiet", "--out", `${folder}/m.json`, "--out", `${folder}/m.dot`, "--collapse", "none"]);
    expect(result.status).toBe(0);
    const dot = readFileSync(`${folder}/m.dot`, "utf8");
    expect(dot).toContain('"src/app/main.ts" -> "src/utils/parse.ts"');
    expect(dot).not.toContain('"src/utils/parse.ts" -> "src/utils/index.ts"');
    const written = JSON.parse(readFileSync(`${folder}/m.json`, "utf8")) as MapDocument;
    expect(written.imports.map((record) => `${record.from} -> ${record.to}`)).toContain("src/utils/parse.ts -> src/utils/index.ts");
  });
});
