import { describe, expect, it } from "vitest";
import { map } from "../../src/api/map.js";
import { assignLayers } from "../../src/layers/assign-layers.js";
import { metricsText } from "../../src/explore/format/metrics-report.js";
import { computeMetrics } from "../../src/explore/metrics/compute-metrics.js";
import { findOrphans } from "../../src/explore/orphans/find-orphans.js";
import { inlineGraph } from "./inline-graph.js";

const LAYERED = "test/fixtures/explore/layered";

describe("metrics on the layered fixture (worked out by hand)", () => {
  it("gives fan-in, fan-out, instability and depth from the entry points per module", async () => {
    const { graph, layers } = await map({ root: LAYERED });
    const result = computeMetrics(graph, layers);
    const row = ({ id, fanIn, fanOut, instability, depth, layer }: (typeof result.modules)[number]): string =>
      `${id} Ca=${fanIn} Ce=${fanOut} I=${String(instability)} depth=${String(depth)} ${String(layer)}`;
    expect(result.modules.map(row)).toEqual([
      "db/client.ts Ca=3 Ce=1 I=0.25 depth=1 db",
      "services/users.ts Ca=3 Ce=2 I=0.4 depth=1 services",
      "shared/log.ts Ca=3 Ce=0 I=0 depth=2 shared",
      "app/routes.ts Ca=1 Ce=2 I=0.667 depth=1 app",
      "services/orders.ts Ca=1 Ce=3 I=0.75 depth=2 services",
      "app/main.ts Ca=0 Ce=2 I=1 depth=0 app",
      "legacy/old.ts Ca=0 Ce=0 I=null depth=0 null",
      "scripts/seed.ts Ca=0 Ce=1 I=1 depth=0 app",
    ]);
    expect(result.entries).toBe(3);
    expect(result.modules.find((entry) => entry.id === "services/users.ts")?.lines).toBe(11);
  });

  it("gives the same per folder and per layer, with the imports that cross between layers", async () => {
    const { graph, layers } = await map({ root: LAYERED });
    const result = computeMetrics(graph, layers, { sort: "name" });
    expect(result.folders.map(({ name, modules, fanIn, fanOut, instability }) => `${name} ${modules} ${fanIn}/${fanOut} ${String(instability)}`)).toEqual([
      "app 2 0/2 1",
      "db 1 3/1 0.25",
      "legacy 1 0/0 null",
      "scripts 1 0/1 1",
      "services 2 2/2 0.5",
      "shared 1 3/0 0",
    ]);
    expect(result.layers.map(({ name, modules, crossings }) => [name, modules, crossings])).toEqual([
      ["app", 3, { services: 3, db: 1 }],
      ["services", 2, { db: 2, shared: 2 }],
      ["db", 1, { shared: 1 }],
      ["shared", 1, {}],
    ]);
  });

  it("sorts by any metric, keeps the top N, and counts only runtime imports when asked", async () => {
    const { graph, layers } = await map({ root: LAYERED });
    const result = computeMetrics(graph, layers, { sort: "instability", top: 3 });
    expect(result.modules.map((entry) => entry.id)).toEqual(["app/main.ts", "scripts/seed.ts", "services/orders.ts"]);
    expect(result.totals).toEqual({ modules: 8, folders: 6, layers: 4 });
    // orders.ts imports User from users.ts as a type only.
    const runtime = computeMetrics(graph, layers, { plane: "runtime" });
    expect(runtime.modules.find((entry) => entry.id === "services/users.ts")?.fanIn).toBe(2);
  });

  it("prints the three tables", async () => {
    const { graph, layers } = await map({ root: LAYERED });
    await expect(metricsText(computeMetrics(graph, layers, { top: 5 }), { root: LAYERED, colour: false })).toMatchFileSnapshot(
      "../fixtures/explore/layered/expected.metrics.txt",
    );
  });

  it("counts a group's coupling from outside it only", () => {
    const graph = inlineGraph({ "a/x.ts": ["a/y.ts", "b/z.ts"], "a/y.ts": ["b/z.ts"], "b/z.ts": [] });
    const layers = assignLayers(graph, [{ name: "top", paths: ["a/**"] }, { name: "bottom", paths: ["b/**"] }]);
    const result = computeMetrics(graph, layers);
    expect(result.folders.find((folder) => folder.name === "a")).toMatchObject({ fanIn: 0, fanOut: 1, instability: 1, lines: 20 });
    expect(result.layers[0]).toMatchObject({ name: "top", crossings: { bottom: 2 } });
  });
});

describe("orphans", () => {
  it("finds the module cut off from the rest, and what no entry point reaches", async () => {
    const { graph } = await map({ root: LAYERED });
    expect(findOrphans(graph)).toEqual({ orphans: ["legacy/old.ts"] });
    expect(findOrphans(graph, { entries: ["app/main.ts"] }).unreachable).toEqual({ entries: ["app/main.ts"], modules: ["legacy/old.ts", "scripts/seed.ts"] });
  });

  it("never lists a named entry point as an orphan: a preload or script is used by being named", () => {
    const graph = inlineGraph({ "main.ts": ["run.ts"], "run.ts": [], "preload.ts": ["pkg:inspector"], "dead.ts": [] });
    expect(findOrphans(graph, { entries: ["main.ts", "preload.ts"] })).toEqual({ orphans: ["dead.ts"], unreachable: { entries: ["main.ts", "preload.ts"], modules: ["dead.ts"] } });
  });

  it("does not count a package import or a self-import as a tie to the codebase", () => {
    const graph = inlineGraph({ "a.ts": ["pkg:lodash", "a.ts"], "b.ts": ["c.ts"], "c.ts": [] });
    expect(findOrphans(graph).orphans).toEqual(["a.ts"]);
  });

  it("sees a module reached only through a type-only import as dead at runtime", () => {
    const graph = inlineGraph({ "main.ts": ["type:types.ts", "run.ts"], "run.ts": [], "types.ts": [] });
    expect(findOrphans(graph, { entries: ["main.ts"] }).unreachable?.modules).toEqual([]);
    expect(findOrphans(graph, { entries: ["main.ts"], plane: "runtime" }).unreachable?.modules).toEqual(["types.ts"]);
  });
});
