/**
 * Call graphs of real runs: the fixture program (main calls a.heavy() and b.light(), heavy doing
 * three times light's work, both through a shared helper) profiled with `layermap profile` as
 * plain JavaScript, as TypeScript compiled with source maps, and as TypeScript run by tsx. Only
 * what must hold on any machine is checked: shares and structure, never durations.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callGraph } from "../../src/api/callgraph.js";
import type { CallGraph } from "../../src/model/call-graph.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/profile/", import.meta.url));
const TSC = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url));

let work: string;
const roots = { js: "", compiled: "", tsx: "" };

/** Profiles `command` in `root` (frame paths relative to it) and returns the profile's path. */
function record(root: string, command: string[]): string {
  const run = runBuiltCli(["profile", "--interval", "250", "--out", "run.cpuprofile", "--", process.execPath, ...command], root);
  expect(run.stderr).toContain("profile written to run.cpuprofile");
  expect(run.status).toBe(0);
  return join(root, "run.cpuprofile");
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "layermap-callgraph-"));
  roots.js = join(work, "js");
  cpSync(join(FIXTURES, "js"), roots.js, { recursive: true });
  record(roots.js, ["main.mjs", "40"]);
  for (const name of ["compiled", "tsx"] as const) {
    roots[name] = join(work, name);
    cpSync(join(FIXTURES, "ts"), roots[name], { recursive: true });
  }
  const built = runNode([TSC, "-p", join(roots.compiled, "tsconfig.json")]);
  expect(built).toBe(0);
  record(roots.compiled, ["dist/main.js"]);
  record(roots.tsx, ["--import", TSX, "main.ts"]);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function runNode(args: string[]): number | null {
  return spawnSync(process.execPath, args, { stdio: "inherit" }).status;
}

function graphOf(root: string, by: "function" | "module" = "module"): CallGraph {
  return callGraph({ profiles: [join(root, "run.cpuprofile")], root, by, nodeThreshold: 0, edgeThreshold: 0 }).graph as CallGraph;
}

const total = (graph: CallGraph, id: string): number => graph.nodes.find((node) => node.id === id)?.totalMs ?? 0;
const arrows = (graph: CallGraph): string[] => graph.edges.map((edge) => `${edge.from} > ${edge.to}`);

describe.each([
  ["plain node", "js", ".mjs"],
  ["TypeScript compiled with source maps", "compiled", ".ts"],
  ["TypeScript run by tsx", "tsx", ".ts"],
] as const)("the call graph of the fixture, %s", (_name, kind, ending) => {
  it("gives a about three times b's share, and draws main → a, main → b and both → helper", () => {
    const graph = graphOf(roots[kind]);
    const [a, b, main] = [`a${ending}`, `b${ending}`, `main${ending}`].map((id) => total(graph, id));
    expect(b).toBeGreaterThan(0);
    expect(a / b).toBeGreaterThanOrEqual(2);
    expect(a / b).toBeLessThanOrEqual(4.5);
    expect(main).toBeGreaterThanOrEqual(a + b - 1e-6);
    // The helper runs a loop of its own, too big for V8 to inline into its callers.
    expect(arrows(graph)).toEqual(expect.arrayContaining([`main${ending} > a${ending}`, `main${ending} > b${ending}`, `a${ending} > helper${ending}`, `b${ending} > helper${ending}`]));
  });

  it("names functions as module:function:line", () => {
    const ids = graphOf(roots[kind], "function").nodes.map((node) => node.id);
    expect(ids.some((id) => id.startsWith(`a${ending}:heavy:`))).toBe(true);
    expect(ids.some((id) => id.startsWith(`helper${ending}:mix:`))).toBe(true);
  });
});

describe("source maps", () => {
  it("place compiled frames on the TypeScript lines the functions are declared on", () => {
    const ids = graphOf(roots.compiled, "function").nodes.map((node) => node.id);
    const declared = (file: string, name: string): number => readFileSync(join(roots.compiled, file), "utf8").split("\n").findIndex((line) => line.includes(`function ${name}(`)) + 1;
    expect(ids).toContain(`a.ts:heavy:${declared("a.ts", "heavy")}`);
    expect(ids).toContain(`b.ts:light:${declared("b.ts", "light")}`);
    expect(ids.some((id) => id.startsWith("dist/"))).toBe(false);
  });

  it("leave a frame on its compiled file when the map is missing or broken, never failing", () => {
    writeFileSync(join(roots.compiled, "dist/a.js.map"), "{ not json");
    rmSync(join(roots.compiled, "dist/b.js.map"));
    const graph = graphOf(roots.compiled);
    expect(total(graph, "dist/a.js")).toBeGreaterThan(0);
    expect(total(graph, "dist/b.js")).toBeGreaterThan(0);
    expect(total(graph, "helper.ts")).toBeGreaterThan(0);
  });
});

describe("thresholds", () => {
  it("prune what they should: a node-threshold above b's share leaves a and main, and their arrow", () => {
    const full = graphOf(roots.js);
    const cut = (total(full, "b.mjs") / full.totalMs) * 100 + 0.01;
    const pruned = callGraph({ profiles: [join(roots.js, "run.cpuprofile")], root: roots.js, nodeThreshold: cut, edgeThreshold: 0 }).graph as CallGraph;
    const ids = pruned.nodes.map((node) => node.id);
    expect(ids).toContain("a.mjs");
    expect(ids).toContain("main.mjs");
    expect(ids).not.toContain("b.mjs");
    expect(arrows(pruned)).toContain("main.mjs > a.mjs");
    expect(arrows(pruned).some((arrow) => arrow.includes("b.mjs"))).toBe(false);
  });
});
