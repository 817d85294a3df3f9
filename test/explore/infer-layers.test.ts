import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { map } from "../../src/api/map.js";
import { inferredLayersJson, inferredLayersText } from "../../src/explore/format/layers-report.js";
import { folderGroups } from "../../src/explore/infer/folder-groups.js";
import { inferLayers } from "../../src/explore/infer/infer-layers.js";
import { moduleLevels } from "../../src/explore/infer/module-levels.js";
import { localSubgraph } from "../../src/explore/local-subgraph.js";
import { tempTree } from "../helpers/temp-tree.js";
import { inlineGraph } from "./inline-graph.js";

const brief = (result: ReturnType<typeof inferLayers>): string[] => result.layers.map((layer) => `${layer.name}: ${layer.paths.join(" ")}`);

describe("layers --infer", () => {
  it("finds the samples' four layers, apps on top and the interface's own files at the bottom, with nothing broken", async () => {
    const { graph } = await map({ root: "samples" });
    const result = inferLayers(graph);
    expect(brief(result)).toEqual([
      "apps: apps/**",
      // Nothing orders these two: no import between them either way; the server's modules sit higher.
      "server: interface/server/**",
      "middleware: interface/middleware/**",
      "interface: interface/*",
    ]);
    expect(result.layers.map((layer) => layer.looseWithNext)).toEqual([false, true, false, false]);
    expect(result.breaks).toEqual([]);
  });

  it("orders the layered fixture by its imports, and says which neighbours nothing orders", async () => {
    const { graph } = await map({ root: "test/fixtures/explore/layered" });
    const result = inferLayers(graph);
    expect(brief(result)).toEqual(["app: app/**", "services: services/**", "scripts: scripts/**", "db: db/**", "legacy: legacy/**", "shared: shared/**"]);
    expect(result.breaks).toEqual([]);
    await expect(inferredLayersText(result, { root: "test/fixtures/explore/layered", colour: false })).toMatchFileSnapshot(
      "../fixtures/explore/layered/expected.layers.txt",
    );
  });

  it("counts the imports that break the proposal, as the layers rule would", () => {
    // top/ and bottom/ import each other once one way and twice the other: one import must break.
    const graph = inlineGraph({ "top/a.ts": ["bottom/x.ts"], "top/b.ts": ["bottom/x.ts"], "bottom/x.ts": ["type:top/a.ts"] });
    const result = inferLayers(graph);
    expect(brief(result)).toEqual(["top: top/**", "bottom: bottom/**"]);
    expect(result.breaks.map((step) => `${step.from}:${step.line} → ${step.to} ${String(step.typeOnly)} [${step.fromLayer} → ${step.toLayer}]`)).toEqual([
      "bottom/x.ts:1 → top/a.ts true [bottom → top]",
    ]);
    expect(inferLayers(graph, { plane: "runtime" }).breaks).toEqual([]);
  });

  it("proposes a block that check accepts as written, reporting exactly the breaks counted (on zod's source)", async () => {
    // Real code nobody here wrote, installed with the dependencies: zod's own src/, tests and all.
    const root = "node_modules/zod/src";
    const { graph } = await map({ root });
    const result = inferLayers(graph);
    const config = join(tempTree({}), "layermap.config.json");
    writeFileSync(config, JSON.stringify({ ...JSON.parse(inferredLayersJson(result, { root, colour: false })).config, rules: { cycles: "off" } }));
    const checked = await check({ root, config });
    expect(checked.unlayered).toEqual([]);
    const where = (step: { from: string; line: number }): string => `${step.from}:${step.line}`;
    expect(result.breaks.length).toBeGreaterThan(0);
    expect(checked.violations.map(where).sort()).toEqual(result.breaks.map(where).sort());
  }, 120_000);
});

describe("the parts of the inference", () => {
  it("proposes nothing when nothing is local, and one layer for a lone module", () => {
    expect(inferLayers(inlineGraph({})).layers).toEqual([]);
    expect(inferLayers(inlineGraph({ "a.ts": ["pkg:react"] })).layers.map((layer) => layer.paths)).toEqual([["**"]]);
  });

  it("gives each module the longest chain of imports below it, a cycle sharing one level", () => {
    const graph = inlineGraph({ "a.ts": ["b.ts", "d.ts"], "b.ts": ["c.ts"], "c.ts": ["b.ts", "d.ts"], "d.ts": [] });
    expect(Object.fromEntries(moduleLevels(graph))).toEqual({ "a.ts": 2, "b.ts": 1, "c.ts": 1, "d.ts": 0 });
  });

  it("splits a folder only where its parts import each other, looks through a lone subfolder, and splits a few top files", () => {
    const graph = localSubgraph(
      inlineGraph({
        "src/index.ts": ["src/apps/one/main.ts", "src/lib/core.ts"],
        "src/apps/one/main.ts": ["src/lib/core.ts"],
        "src/apps/two/main.ts": ["src/lib/core.ts"],
        "src/lib/core.ts": ["src/constants.ts"],
        "src/constants.ts": [],
      }),
    );
    // src/apps/one and src/apps/two never meet; src/index.ts and src/constants.ts sit on the cycle
    // index → lib → constants between groups, so they part.
    expect(folderGroups(graph).map((group) => `${group.kind} ${group.folder}`)).toEqual([
      "tree src/apps",
      "file src/constants.ts",
      "file src/index.ts",
      "tree src/lib",
    ]);
  });
});
