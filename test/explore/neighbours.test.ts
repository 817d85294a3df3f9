import { describe, expect, it } from "vitest";
import { map } from "../../src/api/map.js";
import { neighboursText } from "../../src/explore/format/neighbours-report.js";
import { findNeighbours, type Neighbour } from "../../src/explore/reach/find-neighbours.js";
import { inlineGraph } from "./inline-graph.js";

const LAYERED = "test/fixtures/explore/layered";
/** `depth id (via from:line)`. */
const brief = (found: readonly Neighbour[]): string[] => found.map(({ depth, id, via }) => `${depth} ${id} (${via.from}:${via.line} → ${via.to})`);

describe("findNeighbours", () => {
  const graph = inlineGraph({ "a.ts": ["b.ts", "pkg:lodash"], "b.ts": ["c.ts"], "c.ts": ["type:d.ts"], "d.ts": ["a.ts"] });

  it("gives direct imports by default, packages included", () => {
    expect(brief(findNeighbours(graph, ["a.ts"], { direction: "deps" }))).toEqual(["1 b.ts (a.ts:1 → b.ts)", "1 lodash (a.ts:2 → lodash)"]);
  });

  it("follows imports up to a depth, or all the way, never listing the start", () => {
    expect(brief(findNeighbours(graph, ["a.ts"], { direction: "deps", maxDepth: 2 }))).toEqual([
      "1 b.ts (a.ts:1 → b.ts)",
      "1 lodash (a.ts:2 → lodash)",
      "2 c.ts (b.ts:1 → c.ts)",
    ]);
    expect(findNeighbours(graph, ["a.ts"], { direction: "deps", maxDepth: Infinity }).map((n) => n.id)).toEqual(["b.ts", "lodash", "c.ts", "d.ts"]);
  });

  it("walks backwards for dependents, each with the import that reaches it", () => {
    expect(brief(findNeighbours(graph, ["c.ts"], { direction: "dependents", maxDepth: Infinity }))).toEqual([
      "1 b.ts (b.ts:1 → c.ts)",
      "2 a.ts (a.ts:1 → b.ts)",
      "3 d.ts (d.ts:1 → a.ts)",
    ]);
    expect(findNeighbours(graph, ["lodash"], { direction: "dependents" }).map((n) => n.id)).toEqual(["a.ts"]);
  });

  it("leaves type-only imports out on the runtime plane", () => {
    expect(findNeighbours(graph, ["d.ts"], { direction: "dependents", plane: "runtime" })).toEqual([]);
    expect(findNeighbours(graph, ["d.ts"], { direction: "dependents" }).map((n) => n.id)).toEqual(["c.ts"]);
  });

  it("measures from the nearest of several starts", () => {
    expect(brief(findNeighbours(graph, ["a.ts", "c.ts"], { direction: "deps", maxDepth: Infinity }))).toEqual([
      "1 b.ts (a.ts:1 → b.ts)",
      "1 d.ts (c.ts:1 → d.ts)",
      "1 lodash (a.ts:2 → lodash)",
    ]);
  });
});

describe("deps and dependents on the layered fixture", () => {
  it("lists what app/routes.ts needs, nearest first, down to the builtin", async () => {
    const { graph } = await map({ root: LAYERED });
    expect(brief(findNeighbours(graph, ["app/routes.ts"], { direction: "deps", maxDepth: Infinity }))).toEqual([
      "1 services/orders.ts (app/routes.ts:2 → services/orders.ts)",
      "1 services/users.ts (app/routes.ts:1 → services/users.ts)",
      "2 db/client.ts (services/orders.ts:1 → db/client.ts)",
      "2 shared/log.ts (services/orders.ts:3 → shared/log.ts)",
      "3 node:fs (db/client.ts:1 → node:fs)",
    ]);
  });

  it("lists everything a change to shared/log.ts reaches, and prints it", async () => {
    const { graph } = await map({ root: LAYERED });
    const found = findNeighbours(graph, ["shared/log.ts"], { direction: "dependents", maxDepth: Infinity });
    expect(brief(found)).toEqual([
      "1 db/client.ts (db/client.ts:2 → shared/log.ts)",
      "1 services/orders.ts (services/orders.ts:3 → shared/log.ts)",
      "1 services/users.ts (services/users.ts:2 → shared/log.ts)",
      "2 app/main.ts (app/main.ts:2 → services/users.ts)",
      "2 app/routes.ts (app/routes.ts:2 → services/orders.ts)",
      "2 scripts/seed.ts (scripts/seed.ts:1 → db/client.ts)",
    ]);
    const report = { direction: "dependents" as const, pattern: "shared/log.ts", modules: [{ id: "shared/log.ts", kind: "local" as const }], depth: null, plane: "all" as const, found };
    expect(neighboursText(report, { root: ".", colour: false })).toBe(
      [
        "6 modules import shared/log.ts directly or not",
        "  1  db/client.ts:2        imports shared/log.ts",
        "  1  services/orders.ts:3  imports shared/log.ts",
        "  1  services/users.ts:2   imports shared/log.ts",
        "  2  app/main.ts:2         imports services/users.ts",
        "  2  app/routes.ts:2       imports services/orders.ts",
        "  2  scripts/seed.ts:1     imports db/client.ts",
        "",
      ].join("\n"),
    );
  });
});
