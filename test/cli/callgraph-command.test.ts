/**
 * `layermap callgraph` as a user meets it: a real profile drawn in every format, and every bad
 * input — not a profile, an empty one, one recorded against another root, a missing file, a
 * thresholds typo — ending in one line and exit 2, never a stack trace.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const SAMPLES = fileURLToPath(new URL("../../samples", import.meta.url));
const PROFILE = fileURLToPath(new URL("../../output/samples.cpuprofile", import.meta.url));

const EMPTY_PROFILE = JSON.stringify({ nodes: [{ id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1, columnNumber: -1 }, children: [] }], startTime: 0, endTime: 0, samples: [], timeDeltas: [] });
const NOTHING_UNDER_ROOT = JSON.stringify({
  nodes: [
    { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1, columnNumber: -1 }, children: [2] },
    { id: 2, callFrame: { functionName: "work", url: "file:///elsewhere/app.js", lineNumber: 3, columnNumber: 0 }, children: [] },
  ],
  startTime: 0,
  endTime: 2000,
  samples: [2, 2],
  timeDeltas: [1000, 1000],
});

describe("layermap callgraph", () => {
  it("prints the samples' call graph as a flat profile by default, and writes every format", () => {
    const run = runBuiltCli(["callgraph", PROFILE, "--root", SAMPLES]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("interface/server/serving.ts");
    expect(run.stdout).toContain("apps/wiki/views.ts");
    const folder = tempTree({});
    const outs = ["g.txt", "g.json", "g.dot", "g.svg", "g.mmd", "g.html"].map((name) => join(folder, name));
    const written = runBuiltCli(["callgraph", PROFILE, "--root", SAMPLES, "--by", "layer", "--config", join(SAMPLES, "layermap.config.json"), ...outs.flatMap((out) => ["--out", out])]);
    expect(written.stderr).not.toMatch(/error/);
    expect(written.status).toBe(0);
    const json = JSON.parse(readFileSync(outs[1]!, "utf8")) as { version: number; by: string; nodes: { id: string }[] };
    expect(json).toMatchObject({ version: 1, by: "layer" });
    expect(json.nodes.map((node) => node.id)).toEqual(expect.arrayContaining(["app", "middleware", "server", "core"]));
    expect(readFileSync(outs[3]!, "utf8")).toContain("<svg");
    expect(readFileSync(outs[5]!, "utf8")).toMatch(/^<!DOCTYPE html>/);
  });

  it("--no-config: by module as without it; by layer one line and exit 2", () => {
    const plain = runBuiltCli(["callgraph", PROFILE, "--root", SAMPLES, "--format", "json"]);
    const none = runBuiltCli(["callgraph", PROFILE, "--root", SAMPLES, "--format", "json", "--no-config"]);
    expect(none.status).toBe(0);
    expect(none.stdout).toBe(plain.stdout);
    const byLayer = runBuiltCli(["callgraph", PROFILE, "--root", SAMPLES, "--by", "layer", "--no-config"]);
    expect(byLayer.status).toBe(2);
    expect(byLayer.stderr.trim()).toBe("layermap: error: --by layer: needs a config with layers, and --no-config gives none");
  });

  it("gives the same bytes for the same profile", () => {
    const once = runBuiltCli(["callgraph", PROFILE, "--root", SAMPLES, "--by", "function", "--format", "dot"]);
    const again = runBuiltCli(["callgraph", PROFILE, "--root", SAMPLES, "--by", "function", "--format", "dot"]);
    expect(once.status).toBe(0);
    expect(once.stdout).toBe(again.stdout);
  });

  it("compares two runs", () => {
    const run = runBuiltCli(["callgraph", PROFILE, "--root", SAMPLES, "--compare", PROFILE, "--format", "json"]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { compare: boolean; nodes: { totalPct: number; basePct: number }[] };
    expect(json.compare).toBe(true);
    // A run compared with itself: nothing got hotter or colder.
    expect(json.nodes.every((node) => node.totalPct === node.basePct)).toBe(true);
  });

  it.each([
    ["not JSON", "hello", /bad\.cpuprofile: not valid JSON, so not a CPU profile/],
    ["JSON but no profile", '{"modules": []}', /bad\.cpuprofile: not a CPU profile \(expected the \.cpuprofile format/],
    ["an empty file", "", /bad\.cpuprofile: empty: expected a CPU profile/],
    ["a profile with no samples", EMPTY_PROFILE, /bad\.cpuprofile: no samples: the profile recorded nothing/],
    ["samples naming no node", EMPTY_PROFILE.replace('"samples":[]', '"samples":[7]').replace('"timeDeltas":[]', '"timeDeltas":[1]'), /samples\[0\] names no node/],
    ["no frame under the root", NOTHING_UNDER_ROOT, /no frame of the profile lies under .*: give the --root the profile was recorded with/],
  ])("exits 2 with one line on %s", (_name, text, message) => {
    const folder = tempTree({ "bad.cpuprofile": text });
    const run = runBuiltCli(["callgraph", "bad.cpuprofile"], folder);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
  });

  it.each([
    [["callgraph", "missing.cpuprofile"], /missing\.cpuprofile: cannot read \(ENOENT\)/],
    [["callgraph", PROFILE, "--root", SAMPLES, "--node-threshold", "200"], /--node-threshold 200: expected a percentage from 0 to 100/],
    [["callgraph", PROFILE, "--root", SAMPLES, "--focus", "nothing/**"], /--focus nothing\/\*\*: matches no node/],
    [["callgraph", PROFILE, "--root", SAMPLES, "--out", "graph.png"], /graph\.png: cannot tell the format/],
    [["callgraph", PROFILE, "--root", SAMPLES, "--by", "layer", "--config", "none.json"], /none\.json: config file not found/],
  ])("exits 2 with one line on a bad option: %j", (args, message) => {
    const folder = tempTree({});
    const run = runBuiltCli(args, folder);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(2);
  });

  it("keeps hostile names harmless in text", () => {
    const hostile = NOTHING_UNDER_ROOT.replace("file:///elsewhere/app.js", "evil\\u001b[31m\\nname.js").replace('"work"', '"\\u001b]0;pwned\\u0007x"');
    const folder = tempTree({ "p.cpuprofile": hostile, "evil\u001b[31m\nname.js": "" });
    const run = runBuiltCli(["callgraph", "p.cpuprofile", "--by", "function"], folder);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("\u001b");
    expect(run.stdout).not.toContain("\u0007");
  });
});
