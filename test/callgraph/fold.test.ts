/**
 * The fold of a call tree into a call graph, on trees written by hand so every figure is known:
 * gprof2dot's rules (a node's total counts once however deep it recurses; an edge carries the
 * callee's time under that caller; calls inside a node are no edge), native code folded into its
 * caller, time with no place kept as (unplaced), and what pruning, focus and compare keep.
 */
import { describe, expect, it } from "vitest";
import { frameKey } from "../../src/callgraph/frame-keys.js";
import { compareCallGraphs } from "../../src/callgraph/compare.js";
import { pruneCallGraph } from "../../src/callgraph/prune.js";
import { globMatcher } from "../../src/config/glob-matcher.js";
import { foldCallTree, type CallTree, type Frame } from "../../src/model/call-graph.js";

const local = (module: string, functionName: string, line = 1): Frame => ({ kind: "local", module, functionName, line });

/** A tree from `[frame, parent, selfMs]` rows, parents first. */
function tree(frames: Frame[], rows: [number, number, number][]): CallTree {
  const nodes = rows.map(([frame, parent, selfMs]) => ({ frame, parent, selfMs }));
  return { frames, nodes, totalMs: nodes.reduce((sum, node) => sum + node.selfMs, 0), samples: nodes.length };
}

const FRAMES: Frame[] = [
  local("main.js", "main"), // 0
  local("a.js", "heavy"), // 1
  local("b.js", "light"), // 2
  local("util/helper.js", "mix"), // 3
  { kind: "native", module: "", functionName: "JSON.parse", line: 0 }, // 4
  { kind: "special", module: "(idle)", functionName: "(idle)", line: 0 }, // 5
  { kind: "external", module: "express", functionName: "handle", line: 10 }, // 6
  { kind: "builtin", module: "node:events", functionName: "emit", line: 5 }, // 7
];

// main(1) → heavy(30) → mix(10); main → light(10) → mix(5); heavy → JSON.parse(4); idle 40.
const RUN = tree(FRAMES, [
  [0, -1, 1], // 0 main
  [1, 0, 30], // 1 heavy
  [3, 1, 10], // 2 mix under heavy
  [2, 0, 10], // 3 light
  [3, 3, 5], // 4 mix under light
  [4, 1, 4], // 5 JSON.parse under heavy
  [5, -1, 40], // 6 idle
]);

describe("foldCallTree", () => {
  it("gives each module its self and total time, and each call the callee's time under that caller", () => {
    const graph = foldCallTree(RUN, "module", frameKey("module"));
    const node = (id: string) => graph.nodes.find((candidate) => candidate.id === id);
    expect(graph.totalMs).toBe(100);
    expect(node("main.js")).toMatchObject({ selfMs: 1, totalMs: 60 });
    // JSON.parse is native: its 4 ms are heavy's module's.
    expect(node("a.js")).toMatchObject({ selfMs: 34, totalMs: 44 });
    expect(node("b.js")).toMatchObject({ selfMs: 10, totalMs: 15 });
    expect(node("util/helper.js")).toMatchObject({ selfMs: 15, totalMs: 15 });
    expect(node("(idle)")).toMatchObject({ kind: "special", selfMs: 40, totalMs: 40 });
    expect(graph.edges).toEqual([
      { from: "a.js", to: "util/helper.js", ms: 10 },
      { from: "b.js", to: "util/helper.js", ms: 5 },
      { from: "main.js", to: "a.js", ms: 44 },
      { from: "main.js", to: "b.js", ms: 15 },
    ]);
    expect(graph.unplacedMs).toBe(0);
  });

  it("counts a recursing node once on the stack, and a call inside a node is no arrow", () => {
    // f (a.js) → g (a.js) → f (a.js) → h (b.js) → f (a.js): a.js and the a→b call appear twice on one stack.
    const frames = [local("a.js", "f"), local("a.js", "g"), local("b.js", "h")];
    const run = tree(frames, [
      [0, -1, 1],
      [1, 0, 1],
      [0, 1, 1],
      [2, 2, 1],
      [0, 3, 2],
      [2, 4, 4],
    ]);
    const graph = foldCallTree(run, "module", frameKey("module"));
    expect(graph.nodes.find((node) => node.id === "a.js")).toMatchObject({ selfMs: 5, totalMs: 10 });
    expect(graph.nodes.find((node) => node.id === "b.js")).toMatchObject({ selfMs: 5, totalMs: 7 });
    // The outer a→b call's time includes the inner one's: counted once, 7 not 11.
    expect(graph.edges).toEqual([
      { from: "a.js", to: "b.js", ms: 7 },
      { from: "b.js", to: "a.js", ms: 6 },
    ]);
    const byFunction = foldCallTree(run, "function", frameKey("function"));
    expect(byFunction.nodes.find((node) => node.id === "a.js:f:1")).toMatchObject({ totalMs: 10 });
    expect(byFunction.edges.find((edge) => edge.from === "a.js:f:1" && edge.to === "a.js:g:1")).toEqual({ from: "a.js:f:1", to: "a.js:g:1", ms: 9 });
  });

  it("keeps time whose stack has no placed frame as (unplaced), and says how much", () => {
    const frames = [{ kind: "native", module: "", functionName: "evaluate", line: 0 } as Frame, local("a.js", "f")];
    const graph = foldCallTree(tree(frames, [[0, -1, 3], [1, 0, 7], [0, 1, 2]]), "module", frameKey("module"));
    expect(graph.unplacedMs).toBe(3);
    expect(graph.nodes.map((node) => [node.id, node.selfMs, node.totalMs])).toEqual([
      ["(unplaced)", 3, 12],
      ["a.js", 9, 9],
    ]);
  });

  it("folds by folder (files at the root in ./), by layer, packages and node:* as the map names them", () => {
    const run = tree(
      [local("index.js", "main"), local("src/app/routes.js", "route"), { kind: "external", module: "express", functionName: "handle", line: 1 }, { kind: "builtin", module: "node:events", functionName: "emit", line: 1 }],
      [
        [0, -1, 1],
        [3, 0, 2],
        [2, 1, 3],
        [1, 2, 4],
      ],
    );
    expect(foldCallTree(run, "folder", frameKey("folder")).nodes.map((node) => node.id)).toEqual(["./", "express", "node:*", "src/app/"]);
    const layers = foldCallTree(run, "layer", frameKey("layer", (id) => (id.startsWith("src/app/") ? "app" : undefined)));
    expect(layers.nodes.map((node) => [node.id, node.totalMs])).toEqual([
      ["(external)", 7],
      ["(no layer)", 10],
      ["app", 4],
      ["node:*", 9],
    ]);
    expect(layers.edges.map((edge) => `${edge.from}>${edge.to}`)).toEqual(["(external)>app", "(no layer)>node:*", "node:*>(external)"]);
  });
});

describe("pruning, focus and compare", () => {
  const graph = foldCallTree(RUN, "module", frameKey("module"));

  it("leaves out nodes and arrows under the thresholds, and arrows whose end went", () => {
    const pruned = pruneCallGraph(graph, { nodeThreshold: 15, edgeThreshold: 0 });
    // b.js and util/helper.js hold exactly 15% of the run: kept at 15, left out at 16.
    expect(pruned.graph.nodes.map((node) => node.id)).toEqual(["(idle)", "a.js", "b.js", "main.js", "util/helper.js"]);
    const stricter = pruneCallGraph(graph, { nodeThreshold: 16, edgeThreshold: 0 });
    expect(stricter.graph.nodes.map((node) => node.id)).toEqual(["(idle)", "a.js", "main.js"]);
    expect(stricter.graph.edges).toEqual([{ from: "main.js", to: "a.js", ms: 44 }]);
    expect(stricter.droppedNodes).toBe(2);
    const edges = pruneCallGraph(graph, { nodeThreshold: 0, edgeThreshold: 11 });
    expect(edges.graph.edges.map((edge) => `${edge.from}>${edge.to}`)).toEqual(["main.js>a.js", "main.js>b.js"]);
  });

  it("--focus keeps the call paths through the nodes it names, shares still of the whole run", () => {
    const focused = pruneCallGraph(graph, { nodeThreshold: 0, edgeThreshold: 0, focus: globMatcher(["b.js"]) });
    expect(focused.graph.nodes.map((node) => node.id)).toEqual(["b.js", "main.js", "util/helper.js"]);
    expect(focused.graph.edges.map((edge) => `${edge.from}>${edge.to}`)).toEqual(["b.js>util/helper.js", "main.js>b.js"]);
    expect(focused.graph.totalMs).toBe(100);
  });

  it("compares two runs by each node's share of its own run", () => {
    const idle = foldCallTree(tree(FRAMES, [[0, -1, 1], [2, 0, 9], [5, -1, 90]]), "module", frameKey("module"));
    const comparison = compareCallGraphs(graph, idle);
    const row = (id: string) => comparison.nodes.find((node) => node.id === id);
    expect(row("a.js")).toMatchObject({ totalPct: 44, basePct: 0 });
    expect(row("(idle)")).toMatchObject({ totalPct: 40, basePct: 90 });
    expect(row("b.js")).toMatchObject({ totalPct: 15, basePct: 9 });
    expect(comparison.edges.find((edge) => edge.to === "a.js")).toEqual({ from: "main.js", to: "a.js", pct: 44, basePct: 0 });
  });
});
