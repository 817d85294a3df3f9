/**
 * Guarantees about what layermap writes: an output file is the previous one or the whole new
 * one, never half; a run interrupted with Ctrl-C (or SIGTERM) stops promptly with exit 130 (143)
 * and leaves no temporary file; a run killed outright (SIGKILL, which no process can catch) leaves
 * the previous file intact, and the temporary file it may leave is removed by the next run.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createReadStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  stderr: string;
}

/**
 * Starts the built CLI with --verbose, sends `signal` as soon as a stage line matching `ready`
 * appears on stderr (never after a fixed delay: on a busy machine start-up alone can take
 * seconds), and reports how it ended. `afterSignal` runs once the signal is sent.
 */
function interrupt(args: string[], signal: NodeJS.Signals, ready: RegExp, afterSignal?: () => void): Promise<Interrupted> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args, "--verbose"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let sent = false;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && ready.test(stderr)) {
        sent = true;
        child.kill(signal);
        afterSignal?.();
      }
    });
    child.on("exit", (code, exitSignal) => resolve({ code, signal: exitSignal, stderr }));
  });
}

/** The stage lines of --verbose that a run printed. */
const stagesOf = (stderr: string): string[] => [...stderr.matchAll(/^layermap: (\w+) +[\d,]+ ms/gm)].map((match) => match[1]!);

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
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
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
    // Large enough that parsing yields to the event loop many times.
    // Made once for the five tests (tempTree's folders last one test).
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

  it("Ctrl-C (SIGINT) during map: exit 130 before the next stage, the previous output intact, no temporary file", async () => {
    const out = previous("graph.json");
    const run = await interrupt(["map", project, "--no-cache", "--out", out, "--out", join(outputs, "graph.svg")], "SIGINT", /^layermap: discover/m);
    expect([run.code, run.signal]).toEqual([130, null]);
    // Parsing 5,000 files yields to the event loop every 50 ms: it never got to its end.
    expect(stagesOf(run.stderr)).toEqual(["load", "config", "discover"]);
    expect(run.stderr).toMatch(/\nlayermap: interrupted \(SIGINT\)\n$/);
    expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
    expect(temporaryFiles(outputs)).toEqual([]);
  });

  it("Ctrl-C during check, with the cache being built: exit 130, no temporary file in the cache folder either", async () => {
    const out = previous("report.txt");
    const cache = join(outputs, "cache");
    const run = await interrupt(["check", project, "--cache", cache, "--out", out], "SIGINT", /^layermap: discover/m);
    expect([run.code, run.signal]).toEqual([130, null]);
    expect(stagesOf(run.stderr)).not.toContain("parse");
    expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
    expect(temporaryFiles(outputs)).toEqual([]);
    expect(readdirSync(outputs).includes("cache") ? readdirSync(cache).filter((name) => name.includes("tmp")) : []).toEqual([]);
  });

  it("SIGTERM (a cancelled CI job): exit 143 the same way", async () => {
    const out = previous("graph.json");
    const run = await interrupt(["map", project, "--no-cache", "--out", out], "SIGTERM", /^layermap: discover/m);
    expect([run.code, run.signal]).toEqual([143, null]);
    expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
  });

  it("a signal during the output stage is honoured before the next file is replaced: exit 130, that file intact", async () => {
    // The first output is a named pipe: the signal is sent when its first bytes arrive, that is
    // once everything is rendered and written is under way. The JSON is megabytes and a pipe holds
    // 64 kB, so the run cannot finish that write, nor start the next, before the signal is sent.
    const fifo = join(outputs, "stream.json");
    execFileSync("mkfifo", [fifo]);
    const page = previous("graph.html");
    try {
      const child = spawn(process.execPath, [CLI, "map", project, "--no-cache", "--out", fifo, "--out", page], { stdio: "ignore" });
      const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("exit", (code, signal) => resolve([code, signal])));
      let received = 0;
      const reader = createReadStream(fifo);
      reader.on("data", (chunk) => {
        if (received === 0) child.kill("SIGINT");
        received += chunk.length;
      });
      expect(await exited).toEqual([130, null]);
      reader.destroy();
      expect(received).toBeGreaterThan(0);
      expect(readFileSync(page, "utf8")).toBe(PREVIOUS);
      expect(temporaryFiles(outputs)).toEqual([]);
    } finally {
      rmSync(fifo, { force: true });
    }
  });

  it("SIGKILL, which cannot be caught: the output is the previous file or the whole new one, and the next run leaves no temporary file", async () => {
    const out = previous("graph.json");
    for (const ready of [/^layermap: discover/m, /^layermap: document/m]) {
      const run = await interrupt(["map", project, "--no-cache", "--out", out], "SIGKILL", ready);
      // Killed after the document is built, the run may have written its output and ended first:
      // the "whole new file" outcome.
      if (run.signal !== null) expect(run.signal).toBe("SIGKILL");
      else expect(run.code).toBe(0);
      const text = readFileSync(out, "utf8");
      if (text !== PREVIOUS) expect(JSON.parse(text).summary.files).toBe(5000);
    }
    writeFileSync(join(outputs, "a.ts"), "");
    expect(runBuiltCli(["map", outputs, "--no-cache", "--quiet", "--out", out]).status).toBe(0);
    expect(temporaryFiles(outputs)).toEqual([]);
  });
});
