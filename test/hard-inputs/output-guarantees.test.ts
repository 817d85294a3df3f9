/**
 * Guarantees about what layermap writes: an output file is the previous one or the whole new
 * one, never half; a run interrupted with Ctrl-C (or SIGTERM) stops promptly with exit 130 (143)
 * and leaves no temporary file; a run killed outright (SIGKILL, which no process can catch) leaves
 * the previous file intact, and the temporary file it may leave is removed by the next run.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const GENERATE = fileURLToPath(new URL("../../bench/generate.mjs", import.meta.url));
const PREVIOUS = "the previous output\n";

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from the signal to the exit. */
  latency: number;
  stderr: string;
}

/** Starts the built CLI, sends `signal` after `delay` ms, and reports how it ended. */
function interrupt(args: string[], signal: NodeJS.Signals, delay: number): Promise<Interrupted> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let sent = 0;
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      sent = performance.now();
      child.kill(signal);
    }, delay);
    child.on("exit", (code, exitSignal) => {
      clearTimeout(timer);
      resolve({ code, signal: exitSignal, latency: sent === 0 ? -1 : performance.now() - sent, stderr });
    });
  });
}

const temporaryFiles = (folder: string): string[] => readdirSync(folder).filter((name) => name.includes(".layermap-tmp-"));

describe("no half-written output", () => {
  it("a run that fails leaves the previous file as it was: map, check and render", () => {
    const folder = tempTree({ "graph.json": PREVIOUS, "report.txt": PREVIOUS, "diagram.svg": PREVIOUS, "bad.json": "{}", "layermap.config.json": '{ "layers": 3 }', "a.ts": "" });
    const runs = [
      runBuiltCli(["map", "/nonexistent/root", "--out", "graph.json"], folder),
      runBuiltCli(["check", ".", "--out", "report.txt"], folder),
      runBuiltCli(["render", "bad.json", "--out", "diagram.svg"], folder),
    ];
    expect(runs.map((run) => run.status)).toEqual([2, 2, 2]);
    for (const file of ["graph.json", "report.txt", "diagram.svg"]) expect(readFileSync(join(folder, file), "utf8")).toBe(PREVIOUS);
    expect(temporaryFiles(folder)).toEqual([]);
  });

  it("a temporary file left by a run killed between writing and renaming is removed by the next write; the output is whole", () => {
    const folder = tempTree({ "a.ts": 'import "./b.js";\n', "b.ts": "" });
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeFileSync(join(folder, "graph.json"), PREVIOUS);
    writeFileSync(join(folder, `.graph.json.layermap-tmp-${dead}`), '{ "version": 1, "roo');
    const run = runBuiltCli(["map", ".", "--no-cache", "--quiet", "--out", "graph.json"], folder);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(folder, "graph.json"), "utf8")).summary.files).toBe(2);
    expect(temporaryFiles(folder)).toEqual([]);
  });

  it("a temporary file of a run still writing (a live process) is left alone", () => {
    const folder = tempTree({ "a.ts": "" });
    const live = `.graph.json.layermap-tmp-${process.pid}`;
    writeFileSync(join(folder, live), "being written");
    expect(runBuiltCli(["map", ".", "--no-cache", "--quiet", "--out", "graph.json"], folder).status).toBe(0);
    expect(temporaryFiles(folder)).toEqual([live]);
  });
});

describe("interrupted runs", { timeout: 30_000 }, () => {
  let project: string;
  let outputs: string;

  let folder: string;

  beforeAll(() => {
    // Large enough that mapping takes seconds (about 4 s on the 2-core development machine).
    // Made once for the four tests (tempTree's folders last one test).
    folder = mkdtempSync(join(tmpdir(), "layermap-interrupt-"));
    project = join(folder, "project");
    outputs = join(folder, "outputs");
    execFileSync(process.execPath, [GENERATE, "5000", project]);
    mkdirSync(outputs);
  }, 60_000);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const previous = (name: string): string => {
    writeFileSync(join(outputs, name), PREVIOUS);
    return join(outputs, name);
  };

  it("Ctrl-C (SIGINT) during map: exit 130 within a second, the previous output intact, no temporary file", async () => {
    const out = previous("graph.json");
    const run = await interrupt(["map", project, "--no-cache", "--out", out, "--out", join(outputs, "graph.svg")], "SIGINT", 700);
    expect(run.latency).toBeGreaterThan(0);
    expect([run.code, run.signal]).toEqual([130, null]);
    expect(run.latency).toBeLessThan(1_000);
    expect(run.stderr).toBe("\nlayermap: interrupted (SIGINT)\n");
    expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
    expect(temporaryFiles(outputs)).toEqual([]);
  });

  it("Ctrl-C during check, with the cache being built: exit 130, no temporary file in the cache folder either", async () => {
    const out = previous("report.txt");
    const cache = join(outputs, "cache");
    const run = await interrupt(["check", project, "--cache", cache, "--out", out], "SIGINT", 1_500);
    expect([run.code, run.signal]).toEqual([130, null]);
    expect(run.latency).toBeLessThan(1_000);
    expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
    expect(temporaryFiles(outputs)).toEqual([]);
    expect(readdirSync(outputs).includes("cache") ? readdirSync(cache).filter((name) => name.includes("tmp")) : []).toEqual([]);
  });

  it("SIGTERM (a cancelled CI job): exit 143 the same way", async () => {
    const out = previous("graph.json");
    const run = await interrupt(["map", project, "--no-cache", "--out", out], "SIGTERM", 700);
    expect([run.code, run.signal]).toEqual([143, null]);
    expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
  });

  it("SIGKILL, which cannot be caught: the output is the previous file or the whole new one, and the next run leaves no temporary file", async () => {
    const out = previous("graph.json");
    for (const delay of [800, 2_500]) {
      const run = await interrupt(["map", project, "--no-cache", "--out", out], "SIGKILL", delay);
      // The later kill lands near the end of the run; on a quick, idle machine the run may have
      // finished first, which is the "whole new file" outcome.
      if (delay === 800 || run.signal !== null) expect(run.signal).toBe("SIGKILL");
      else expect(run.code).toBe(0);
      const text = readFileSync(out, "utf8");
      if (text !== PREVIOUS) expect(JSON.parse(text).summary.files).toBe(5000);
    }
    writeFileSync(join(outputs, "a.ts"), "");
    expect(runBuiltCli(["map", outputs, "--no-cache", "--quiet", "--out", out]).status).toBe(0);
    expect(temporaryFiles(outputs)).toEqual([]);
  });
});
