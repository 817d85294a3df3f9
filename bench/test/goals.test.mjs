// The goals of issue #16 held against measurements: `node --test` in bench/ (npm test).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CORPUS_GOALS, explain, format, goalRows, LINEAR_SLACK, parseStages, SCALE_GOALS } from "../lib/goals.mjs";

const run = (wall, cpu = wall, stages) => ({ wall, cpu, ...(stages ? { stages } : {}) });

/** A corpus whose every goal is met, then changed one tool at a time. */
function fastCorpus(name = "three") {
  return {
    name,
    tools: {
      "layermap-cold": run(0.4),
      "layermap-warm": run(0.03),
      "layermap-edit": run(0.08),
      depcruise: run(2.5),
      "rev-dep": run(0.2),
    },
  };
}

const rowOf = (rows, scope, goal) => rows.find((r) => r.scope === scope && r.goal === goal);

describe("goalRows", () => {
  it("gives each corpus every goal, and the rev-dep cold goal only to effect, zod and three", () => {
    const rows = goalRows({ corpora: [fastCorpus("three"), fastCorpus("rxjs")] });
    const revDep = CORPUS_GOALS.find((g) => g.id === "cold-vs-rev-dep").label;
    assert.deepEqual(rows.filter((r) => r.scope === "three").map((r) => r.goal), CORPUS_GOALS.map((g) => g.label));
    assert.equal(rowOf(rows, "rxjs", revDep), undefined);
    assert.equal(rows.filter((r) => r.scope === "rxjs").length, CORPUS_GOALS.length - 1);
  });

  it("computes each ratio from the wall medians and says met when every goal is", () => {
    const rows = goalRows({ corpora: [fastCorpus()] });
    assert.ok(rows.every((r) => r.met === true), JSON.stringify(rows, null, 1));
    assert.equal(rowOf(rows, "three", "cold vs dependency-cruiser").measured, "6.3× (CPU 6.3×)");
    assert.equal(rowOf(rows, "three", "warm vs cold").measured, "8% (CPU 8%)");
    assert.ok(rows.every((r) => r.cause === null));
  });

  it("says not met with the measured ratio, the goal and the cause from the run's stages", () => {
    const corpus = fastCorpus("effect");
    corpus.tools["layermap-cold"] = run(1.25, 1.0, [
      { stage: "start-up", ms: 200 },
      { stage: "load", ms: 90 },
      { stage: "parse", ms: 700 },
      { stage: "resolve", ms: 240 },
      { stage: "graph", ms: 20 },
    ]);
    const rows = goalRows({ corpora: [corpus] });
    const cold = rowOf(rows, "effect", "cold vs dependency-cruiser");
    assert.equal(cold.met, false);
    assert.equal(cold.line, "cold vs dependency-cruiser 2.0× (goal ≥ 5×) — not met");
    assert.equal(cold.measured, "2.0× (CPU 2.5×)");
    assert.equal(cold.cause, "layermap-cold 1.25 s: parse 0.70 s, resolve 0.24 s, start-up 0.20 s, load 0.09 s");
    const revDep = rowOf(rows, "effect", "cold vs rev-dep");
    assert.equal(revDep.line, "cold vs rev-dep 6.3× (goal ≤ 2×) — not met");
    // The warm and edit goals still hold against the slower cold run.
    assert.equal(rowOf(rows, "effect", "warm vs cold").met, true);
  });

  it("is exact at the boundary: a goal met with no margin is met", () => {
    const corpus = fastCorpus();
    corpus.tools.depcruise = run(2.0); // exactly 5× the cold 0.4 s
    corpus.tools["layermap-warm"] = run(0.2); // exactly rev-dep's 0.2 s
    const rows = goalRows({ corpora: [corpus] });
    assert.equal(rowOf(rows, "three", "cold vs dependency-cruiser").met, true);
    assert.equal(rowOf(rows, "three", "warm vs rev-dep cold").met, true);
    assert.equal(rowOf(rows, "three", "warm vs cold").met, false); // 50 %
  });

  it("marks a goal whose tool was not measured (skipped, failed) as not measured, never met", () => {
    const corpus = fastCorpus();
    delete corpus.tools["rev-dep"];
    corpus.tools.depcruise = run(null, null);
    const rows = goalRows({ corpora: [corpus] });
    for (const goal of ["cold vs dependency-cruiser", "cold vs rev-dep", "warm vs rev-dep cold"]) {
      const r = rowOf(rows, "three", goal);
      assert.equal(r.met, null, goal);
      assert.equal(r.measured, "not measured");
    }
  });

  it("holds the generated projects to the CPU, memory and linearity goals", () => {
    const scale = [
      { modules: 5000, wall: 2.5, cpu: 3.0, rss: 190 },
      { modules: 20000, wall: 7.5, cpu: 7.6, rss: 400 },
      { modules: 50000, wall: 24, cpu: 17.6, rss: 871, stages: [{ stage: "parse", ms: 11000 }, { stage: "resolve", ms: 4000 }] },
    ];
    const rows = goalRows({ corpora: [], scale });
    assert.deepEqual(rows.map((r) => r.goal), SCALE_GOALS.map((g) => g.label));
    const cpu = rowOf(rows, "generated", "cold CPU, 50,000 modules");
    assert.equal(cpu.line, "cold CPU, 50,000 modules 17.6 s (goal ≤ 8 s) — not met");
    assert.match(cpu.cause, /^50,000 modules, cold 17\.6 s CPU: parse 11\.0 s, resolve 4\.00 s$/);
    assert.equal(rowOf(rows, "generated", "peak RSS, 50,000 modules").met, false);
    const linear = rowOf(rows, "generated", "cold CPU per module vs the smallest size");
    assert.equal(linear.met, true); // 0.60 → 0.38 → 0.35 ms a module: cheaper as it grows
    assert.equal(linear.measured, "0.63× (0.60 ms → 0.38 ms → 0.35 ms a module)");
    assert.equal(linear.target, `≤ ${LINEAR_SLACK}×`);
  });

  it("calls growth past the slack not linear, and a run without 50,000 modules not measured", () => {
    const scale = [
      { modules: 5000, wall: 1, cpu: 1, rss: 100 },
      { modules: 20000, wall: 6, cpu: 6, rss: 300 }, // 1.5× the CPU a module
    ];
    const rows = goalRows({ corpora: [], scale });
    assert.equal(rowOf(rows, "generated", "cold CPU per module vs the smallest size").met, false);
    assert.equal(rowOf(rows, "generated", "cold CPU, 50,000 modules").met, null);
    assert.equal(rowOf(rows, "generated", "peak RSS, 50,000 modules").met, null);
  });
});

describe("parseStages", () => {
  it("reads layermap's --verbose lines, start-up first, without the total", () => {
    const stderr = [
      "layermap: load          81 ms  layermap's modules",
      "layermap: parse      1,824 ms  757 files parsed, TypeScript loaded in 181 ms",
      "layermap: resolve       87 ms  3,112 import sites resolved",
      "some other line",
      "layermap: total      2,259 ms  of which 205 ms start-up",
      "",
    ].join("\n");
    assert.deepEqual(parseStages(stderr), [
      { stage: "start-up", ms: 205 },
      { stage: "load", ms: 81, detail: "layermap's modules" },
      { stage: "parse", ms: 1824, detail: "757 files parsed, TypeScript loaded in 181 ms" },
      { stage: "resolve", ms: 87, detail: "3,112 import sites resolved" },
    ]);
  });

  it("gives no stages for output that has none", () => {
    assert.deepEqual(parseStages("layermap: warning: something\n"), []);
  });
});

describe("explain and format", () => {
  it("leaves out stages under 5% of the run, but always names the largest", () => {
    assert.equal(explain([{ stage: "a", ms: 1000 }, { stage: "b", ms: 40 }], "x"), "x: a 1.00 s");
    assert.equal(explain([], "x"), "x (no stage timings)");
  });

  it("prints each kind the way the tables do", () => {
    assert.equal(format("speed-up", 12.4), "12×");
    assert.equal(format("times", 0.456), "0.46×");
    assert.equal(format("share", 0.254), "25%");
    assert.equal(format("seconds", 17.62), "17.6 s");
    assert.equal(format("megabytes", 871.4), "871 MB");
  });
});
