import { describe, expect, it } from "vitest";
import { map } from "../../src/api/map.js";
import type { ChainStep } from "../../src/explore/chain-step.js";
import { chainsText } from "../../src/explore/format/chains-report.js";
import { matchModules } from "../../src/explore/match-modules.js";
import { findChains } from "../../src/explore/paths/find-chains.js";
import { kShortestPaths } from "../../src/explore/paths/k-shortest-paths.js";
import { inlineGraph } from "./inline-graph.js";

const LAYERED = "test/fixtures/explore/layered";
/** A chain as `a:1 b:2 c`. */
const brief = (chain: readonly ChainStep[]): string => [...chain.map((step) => `${step.from}:${step.line}`), chain.at(-1)!.to].join(" ");

describe("findChains", () => {
  const graph = inlineGraph({
    "a.ts": ["b.ts", "c.ts"],
    "b.ts": ["d.ts"],
    "c.ts": ["type:d.ts", "e.ts"],
    "d.ts": ["pkg:lodash"],
    "e.ts": ["d.ts"],
  });

  it("gives the shortest chain with the line of each import", () => {
    expect(findChains(graph, ["a.ts"], ["d.ts"]).map(brief)).toEqual(["a.ts:1 b.ts:1 d.ts"]);
    expect(findChains(graph, ["a.ts"], ["lodash"]).map(brief)).toEqual(["a.ts:1 b.ts:1 d.ts:1 lodash"]);
  });

  it("lists distinct chains shortest first, and no more than exist", () => {
    const chains = findChains(graph, ["a.ts"], ["d.ts"], { limit: 10 }).map(brief);
    expect(chains).toEqual(["a.ts:1 b.ts:1 d.ts", "a.ts:2 c.ts:1 d.ts", "a.ts:2 c.ts:2 e.ts:1 d.ts"]);
  });

  it("follows only runtime imports on the runtime plane", () => {
    const chains = findChains(graph, ["c.ts"], ["d.ts"], { limit: 10, plane: "runtime" }).map(brief);
    expect(chains).toEqual(["c.ts:2 e.ts:1 d.ts"]);
    expect(findChains(graph, ["c.ts"], ["d.ts"])[0]!.map((step) => step.typeOnly)).toEqual([true]);
  });

  it("takes several modules on each side, and stops at the first target it reaches", () => {
    const chains = findChains(graph, ["b.ts", "c.ts"], ["d.ts", "e.ts"], { limit: 10 }).map(brief);
    expect(chains).toEqual(["b.ts:1 d.ts", "c.ts:1 d.ts", "c.ts:2 e.ts"]);
  });

  it("finds a way back to a module that is on both sides (a cycle), and nothing when there is none", () => {
    const cyclic = inlineGraph({ "a.ts": ["b.ts"], "b.ts": ["a.ts"] });
    expect(findChains(cyclic, ["a.ts"], ["a.ts"]).map(brief)).toEqual(["a.ts:1 b.ts:1 a.ts"]);
    expect(findChains(graph, ["d.ts"], ["a.ts"])).toEqual([]);
  });
});

describe("kShortestPaths (Yen)", () => {
  it("enumerates every simple path of a small lattice, shortest first", () => {
    // A 3×3 grid walked right or down: C(4,2) = 6 paths of 4 steps from corner to corner.
    const imports: Record<string, string[]> = {};
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 3; column++) {
        const next = [];
        if (column < 2) next.push(`${row}${column + 1}`);
        if (row < 2) next.push(`${row + 1}${column}`);
        imports[`${row}${column}`] = next;
      }
    }
    const paths = kShortestPaths(inlineGraph(imports), "00", "22", 100);
    expect(paths).toHaveLength(6);
    expect(new Set(paths.map((path) => path.join(" "))).size).toBe(6);
    expect(paths.every((path) => path.length === 5)).toBe(true);
  });
});

describe("why on the layered fixture", () => {
  it("counts every chain from app/main.ts to shared/log.ts by hand: 8 on all imports, 6 at runtime", async () => {
    const { graph } = await map({ root: LAYERED });
    const all = findChains(graph, ["app/main.ts"], ["shared/log.ts"], { limit: 50 });
    expect(all.map((chain) => chain.length)).toEqual([2, 3, 3, 3, 4, 4, 4, 5]);
    expect(brief(all[0]!)).toBe("app/main.ts:2 services/users.ts:2 shared/log.ts");
    // The type-only `import type { User }` in orders.ts carries two of them.
    expect(all.filter((chain) => chain.some((step) => step.typeOnly)).map(brief)).toEqual([
      "app/main.ts:1 app/routes.ts:2 services/orders.ts:2 services/users.ts:2 shared/log.ts",
      "app/main.ts:1 app/routes.ts:2 services/orders.ts:2 services/users.ts:1 db/client.ts:2 shared/log.ts",
    ]);
    expect(findChains(graph, ["app/main.ts"], ["shared/log.ts"], { limit: 50, plane: "runtime" })).toHaveLength(6);
  });

  it("matches globs, and accepts a path that starts with the root as printed", async () => {
    const { graph } = await map({ root: LAYERED });
    expect(matchModules(graph, "services/*")).toEqual(["services/orders.ts", "services/users.ts"]);
    expect(matchModules(graph, `${LAYERED}/db/client.ts`, { root: LAYERED })).toEqual(["db/client.ts"]);
    expect(matchModules(graph, "./db/client.ts")).toEqual(["db/client.ts"]);
    expect(matchModules(graph, "node:fs")).toEqual(["node:fs"]);
    expect(() => matchModules(graph, "servces/**")).toThrow("servces/**: matches no module");
  });

  it("prints each chain as file:line steps, then each import as written", async () => {
    const { graph } = await map({ root: LAYERED });
    const chains = findChains(graph, ["scripts/seed.ts"], ["shared/log.ts"]);
    const side = (id: string) => ({ pattern: id, modules: [{ id, kind: "local" as const }] });
    const report = { from: side("scripts/seed.ts"), to: side("shared/log.ts"), plane: "all" as const, chains, limit: 1 };
    expect(chainsText(report, { root: "x", colour: false })).toBe(
      [
        "x/scripts/seed.ts:1 → x/db/client.ts:2 → x/shared/log.ts (2 imports)",
        '    x/scripts/seed.ts:1  "../db/client.js" → x/db/client.ts',
        '    x/db/client.ts:2     "../shared/log.js" → x/shared/log.ts',
        "",
      ].join("\n"),
    );
    const toFs = findChains(graph, ["scripts/seed.ts"], ["node:fs"]);
    const builtin = { ...report, to: { pattern: "node:fs", modules: [{ id: "node:fs", kind: "builtin" as const }] }, chains: toFs };
    // A builtin or a package is named as it is, never as a path under the root.
    expect(chainsText(builtin, { root: "x", colour: false }).split("\n")[0]).toBe("x/scripts/seed.ts:1 → x/db/client.ts:1 → node:fs (2 imports)");
    expect(chainsText({ ...builtin, chains: [] }, { root: "x", colour: false })).toContain("does not depend on node:fs:");
    expect(chainsText({ ...report, chains: [] }, { root: ".", colour: false })).toBe(
      "✖ scripts/seed.ts does not depend on shared/log.ts: no import chain leads there\n",
    );
  });
});
