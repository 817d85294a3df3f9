import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { check } from "../../src/api/check.js";
import { map } from "../../src/api/map.js";
import type { StageTiming } from "../../src/api/stopwatch.js";
import { stageLine } from "../../src/cli/stage-lines.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const basic = fileURLToPath(new URL("../fixtures/map/basic", import.meta.url));
const samples = fileURLToPath(new URL("../../samples", import.meta.url));
const STAGE_LINE = /^layermap: (\S+) +([\d,]+) ms(?: {2}(.+))?$/;

function stagesOf(stderr: string): { stage: string; ms: number; detail: string | undefined }[] {
  return stderr
    .trimEnd()
    .split("\n")
    .map((line) => STAGE_LINE.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ stage: match[1]!, ms: Number(match[2]!.replaceAll(",", "")), detail: match[3] }));
}

describe("per-stage timings (--verbose)", () => {
  it("map reports each stage once, in pipeline order, with what it did", async () => {
    const timings: StageTiming[] = [];
    const cache = tempTree({});
    await map({ root: samples, cache, onStage: (timing) => timings.push(timing) });
    expect(timings.map((timing) => timing.stage)).toEqual(["config", "discover", "parse", "resolve", "graph", "layers", "document", "cache"]);
    for (const timing of timings) expect(timing.ms).toBeGreaterThanOrEqual(0);
    const detail = Object.fromEntries(timings.map((timing) => [timing.stage, timing.detail]));
    expect(detail["discover"]).toBe("33 source files");
    // oxc-parser reads every sample: TypeScript's parser is not loaded by this stage.
    expect(detail["parse"]).toBe("33 files parsed, 0 files from the cache");
    expect(detail["resolve"]).toBe("100 import sites resolved, 0 sites from the cache");
    expect(detail["cache"]).toMatch(/^written to /);
    expect(detail["layers"]).toBe("33 modules in 4 layers");

    // A second run: nothing changed, so the cache gives back the last document once the files
    // are discovered, and no later stage runs.
    const warm: StageTiming[] = [];
    await map({ root: samples, cache, onStage: (timing) => warm.push(timing) });
    expect(warm.map((timing) => timing.stage)).toEqual(["config", "discover", "cache"]);
    expect(warm[2]!.detail).toBe("nothing changed: the last run's document, 33 files unchanged");
  });

  it("after an edit, the edited file alone is parsed; the document is kept once the edit is older than the racy window", async () => {
    const root = tempTree({ "a.ts": 'import "./b.js";\n', "b.ts": "export {};\n" });
    const cache = tempTree({});
    const run = async (): Promise<Record<string, string | undefined>> => {
      const timings: StageTiming[] = [];
      await map({ root, cache, onStage: (timing) => timings.push(timing) });
      return Object.fromEntries(timings.map((timing) => [timing.stage, timing.detail]));
    };
    const reused = { config: "no config file", discover: "2 source files", cache: "nothing changed: the last run's document, 2 files unchanged" };
    /** Runs `runs` with the clock ten seconds on: every stamp taken now is trusted then. */
    const tenSecondsOn = async <T>(runs: () => Promise<T>): Promise<T> => {
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 10_000 });
      try {
        return await runs();
      } finally {
        vi.useRealTimers();
      }
    };
    const sixtySecondsAgo = new Date(Date.now() - 60_000);
    for (const file of ["a.ts", "b.ts"]) utimesSync(join(root, file), sixtySecondsAgo, sixtySecondsAgo);
    // utimes sets the status-change time to now, which no call can set back: the files are racy
    // under the real clock (no document kept), and trusted ten seconds on.
    await tenSecondsOn(async () => {
      expect((await run())["cache"]).toMatch(/^written to /);
      expect(await run()).toEqual(reused);
    });
    writeFileSync(join(root, "b.ts"), "// edited\nexport {};\n");
    const edited = await run();
    expect(edited["parse"]).toBe("1 file parsed, 1 file from the cache");
    expect(edited["resolve"]).toBe("0 import sites resolved, 1 site from the cache");
    // b.ts changed just now (its status-change time cannot be set back): its stamp is not
    // trusted, so no document is kept, and the next run maps from the cache again.
    expect(edited["cache"]).toMatch(/^written to /);
    expect((await run())["parse"]).toBe("0 files parsed, 2 files from the cache");
    // Ten seconds on, the stamp is trusted: the run keeps its document, and the next reuses it.
    await tenSecondsOn(async () => {
      expect((await run())["cache"]).toMatch(/^written to /);
      expect(await run()).toEqual(reused);
    });
  });

  it("the parse stage says how many files oxc left to TypeScript's parser, and what loading it cost", async () => {
    const root = tempTree({ "a.ts": 'import "./b";\n', "b.ts": 'import "./a";\nconst = ;\n', "c.js": "return 1;\n" });
    const timings: StageTiming[] = [];
    await map({ root, cache: false, onStage: (timing) => timings.push(timing) });
    expect(timings.find((timing) => timing.stage === "parse")!.detail).toMatch(/^3 files parsed, 2 by TypeScript's parser, TypeScript loaded in \d+ ms$/);
  });

  it("without a cache there is no cache stage, and check adds its rules", async () => {
    const stages: string[] = [];
    await check({ root: samples, cache: false, onStage: ({ stage }) => stages.push(stage) });
    expect(stages).toEqual(["config", "discover", "parse", "resolve", "graph", "layers", "document", "rules"]);
  });

  it("the CLI prints one line a stage on stderr and a total, and stdout keeps its bytes", () => {
    const quiet = runBuiltCli(["map", basic, "--no-cache", "--quiet"]);
    const verbose = runBuiltCli(["map", basic, "--no-cache", "--quiet", "--verbose"]);
    expect(verbose.status).toBe(0);
    expect(verbose.stdout).toBe(quiet.stdout);
    expect(verbose.stdout).toBe(readFileSync(join(basic, "expected.json"), "utf8"));
    expect(quiet.stderr).toBe("");
    const stages = stagesOf(verbose.stderr);
    expect(stages.map((line) => line.stage)).toEqual(["load", "config", "discover", "parse", "resolve", "graph", "layers", "document", "output", "total"]);
    expect(verbose.stderr.trimEnd().split("\n")).toHaveLength(stages.length);
    // broken.ts has a syntax error: oxc rejects it, TypeScript's parser reads it (and reports the error with its line).
    expect(stages.find((line) => line.stage === "parse")!.detail).toMatch(/^5 files parsed, 1 by TypeScript's parser, TypeScript loaded in \d+ ms$/);
    // The stages of the run add up to no more than its total.
    const total = stages.at(-1)!;
    const sum = stages.slice(0, -1).reduce((ms, line) => ms + line.ms, 0);
    expect(sum).toBeLessThanOrEqual(total.ms + stages.length);
    expect(total.detail).toMatch(/^of which [\d,]+ ms start-up$/);
  });

  it("check -v times its stages too, and the explore commands their mapping", () => {
    const checked = runBuiltCli(["check", samples, "--no-cache", "-v"]);
    expect(checked.status).toBe(0);
    expect(stagesOf(checked.stderr).map((line) => line.stage)).toEqual([
      "load", "config", "discover", "parse", "resolve", "graph", "layers", "document", "rules", "report", "total",
    ]);
    const cycles = runBuiltCli(["cycles", "--root", samples, "--no-cache", "--verbose"]);
    expect(cycles.status).toBe(0);
    expect(stagesOf(cycles.stderr).map((line) => line.stage)).toEqual(["config", "discover", "parse", "resolve", "graph", "layers", "document", "total"]);
  });

  it("render of a saved map has no mapping stages", () => {
    const folder = tempTree({});
    const saved = join(folder, "map.json");
    expect(runBuiltCli(["map", samples, "--no-cache", "--quiet", "--out", saved]).status).toBe(0);
    const rendered = runBuiltCli(["render", saved, "--format", "mermaid", "--verbose"]);
    expect(rendered.status).toBe(0);
    expect(stagesOf(rendered.stderr).map((line) => line.stage)).toEqual(["load", "input", "output", "total"]);
    expect(stagesOf(rendered.stderr)[1]!.detail).toBe("33 modules, 0 violations to draw");
  });

  it("lines up the stage names and times", () => {
    expect(stageLine({ stage: "parse", ms: 1234.4, detail: "5 files parsed" })).toBe("layermap: parse      1,234 ms  5 files parsed");
    expect(stageLine({ stage: "document", ms: 0.2 })).toBe("layermap: document       0 ms");
  });
});
