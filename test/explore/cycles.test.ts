import { stronglyConnectedComponents } from "graphology-components";
import { describe, expect, it } from "vitest";
import { map } from "../../src/api/map.js";
import { cycleBreakers } from "../../src/explore/cycles/cycle-breakers.js";
import { findCycles, type CycleComponent } from "../../src/explore/cycles/find-cycles.js";
import { greedyArcOrder } from "../../src/explore/cycles/greedy-arc-order.js";
import { cyclesJson, cyclesText } from "../../src/explore/format/cycles-report.js";
import type { ImportGraph } from "../../src/graph/import-graph.js";
import { inlineGraph } from "./inline-graph.js";

/** A cycle as `a:1 b:2 a`, the shape a reader checks by eye. */
const chain = (component: CycleComponent): string =>
  [...component.cycle.map((step) => `${step.from}:${step.line}`), component.cycle.at(-1)!.to].join(" ");
const arcs = (component: CycleComponent): string[] => component.breakers.map((breaker) => `${breaker.from}->${breaker.to}`);

/** Whether removing the component's breakers leaves no cycle among its modules. */
function breaksEverything(graph: ImportGraph, component: CycleComponent): boolean {
  const copy = graph.copy();
  for (const breaker of component.breakers) copy.dropEdge(breaker.from, breaker.to);
  for (const node of copy.nodes()) if (!component.modules.includes(node)) copy.dropNode(node);
  if (!component.runtime) return stronglyConnectedComponents(copy).every((members) => members.length === 1 && !copy.hasEdge(members[0]!, members[0]!));
  copy.forEachEdge((edge, attributes) => {
    if (attributes.sites.every((site) => site.typeOnly)) copy.dropEdge(edge);
  });
  return stronglyConnectedComponents(copy).every((members) => members.length === 1 && !copy.hasEdge(members[0]!, members[0]!));
}

describe("findCycles", () => {
  it("lists every component largest first, each with a shortest cycle through its first module", () => {
    const graph = inlineGraph({
      "a.ts": ["b.ts"],
      "b.ts": ["c.ts", "a.ts"],
      "c.ts": ["a.ts"],
      "x.ts": ["y.ts"],
      "y.ts": ["x.ts", "pkg:lodash"],
      "z.ts": ["a.ts"],
    });
    const { components, failing } = findCycles(graph);
    expect(components.map((component) => component.modules)).toEqual([["a.ts", "b.ts", "c.ts"], ["x.ts", "y.ts"]]);
    expect(components.map(chain)).toEqual(["a.ts:1 b.ts:2 a.ts", "x.ts:1 y.ts:1 x.ts"]);
    expect(failing).toBe(2);
  });

  it("tells a runtime cycle from a tangle that only type-only imports close", () => {
    const graph = inlineGraph({ "a.ts": ["type:b.ts"], "b.ts": ["a.ts"], "c.ts": ["d.ts"], "d.ts": ["c.ts"] });
    const { components, failing } = findCycles(graph);
    expect(components.map((component) => [component.modules.join(" "), component.runtime])).toEqual([
      ["c.ts d.ts", true],
      ["a.ts b.ts", false],
    ]);
    expect(components[1]!.cycle.map((step) => step.typeOnly)).toEqual([true, false]);
    expect(failing).toBe(1);
    expect(findCycles(graph, { failPlane: "all" }).failing).toBe(2);
  });

  it("lists a tangle that type-only imports build around a runtime cycle beside it, with a cycle through a type-only import", () => {
    const graph = inlineGraph({ "a.ts": ["b.ts"], "b.ts": ["a.ts", "type:c.ts"], "c.ts": ["a.ts"] });
    const { components } = findCycles(graph);
    expect(components.map((component) => [component.modules.join(" "), component.runtime])).toEqual([
      ["a.ts b.ts c.ts", false],
      ["a.ts b.ts", true],
    ]);
    expect(chain(components[0]!)).toBe("b.ts:2 c.ts:1 a.ts:1 b.ts");
  });

  it("a tangle is only what the runtime plane does not explain: its breakers are type-only imports, never the runtime cycle's", () => {
    // a imports b and c; b imports a (a runtime cycle); c imports a's types.
    const graph = inlineGraph({ "a.ts": ["b.ts", "c.ts"], "b.ts": ["a.ts"], "c.ts": ["type:a.ts"] });
    const { components } = findCycles(graph);
    expect(components.map((component) => [component.modules.join(" "), component.runtime, chain(component), arcs(component).join(" ")])).toEqual([
      ["a.ts b.ts c.ts", false, "c.ts:1 a.ts:2 c.ts", "c.ts->a.ts"],
      ["a.ts b.ts", true, "a.ts:1 b.ts:1 a.ts", "a.ts->b.ts"],
    ]);
    expect(components[0]!.fewest).toBe(true);
    const text = cyclesText(findCycles(graph), { root: ".", colour: false });
    expect(text).toContain("type-only tangle: 3 modules — around 1 runtime cycle listed on its own; type-only imports close the rest");
  });

  it("no tangle where type-only imports only add cycles inside a runtime cycle", () => {
    // a → b → c → a at run time; c also imports b's types, a second cycle b → c → b inside the first.
    const graph = inlineGraph({ "a.ts": ["b.ts"], "b.ts": ["c.ts"], "c.ts": ["a.ts", "type:b.ts"] });
    expect(findCycles(graph).components.map((component) => [component.modules.join(" "), component.runtime])).toEqual([["a.ts b.ts c.ts", true]]);
  });

  it("breaks a tangle around several runtime cycles with type-only imports only", () => {
    // Two runtime cycles (a ⇄ b, c ⇄ d), joined at run time a → c and back by types d → b, and a
    // type-only self-import on e.
    const graph = inlineGraph({ "a.ts": ["b.ts", "c.ts"], "b.ts": ["a.ts"], "c.ts": ["d.ts"], "d.ts": ["c.ts", "type:b.ts"], "e.ts": ["type:e.ts"] });
    const { components } = findCycles(graph, { failPlane: "all" });
    expect(components.map((component) => [component.modules.join(" "), component.runtime, arcs(component).join(" ")])).toEqual([
      ["a.ts b.ts c.ts d.ts", false, "d.ts->b.ts"],
      ["a.ts b.ts", true, "a.ts->b.ts"],
      ["c.ts d.ts", true, "c.ts->d.ts"],
      ["e.ts", false, "e.ts->e.ts"],
    ]);
    expect(cyclesText(findCycles(graph), { root: ".", colour: false })).toContain("around 2 runtime cycles listed on their own");
  });

  it("finds a self-import, and ignores packages", () => {
    const { components } = findCycles(inlineGraph({ "a.ts": ["a.ts", "pkg:react"] }));
    expect(components.map(chain)).toEqual(["a.ts:1 a.ts"]);
    expect(arcs(components[0]!)).toEqual(["a.ts->a.ts"]);
  });

  it("breaks nested cycles with the one import they share", () => {
    // a ⇄ b inside a → b → c → d → a: removing a → b breaks both.
    const graph = inlineGraph({ "a.ts": ["b.ts"], "b.ts": ["a.ts", "c.ts"], "c.ts": ["d.ts"], "d.ts": ["a.ts"] });
    const [component] = findCycles(graph).components;
    expect(arcs(component!)).toEqual(["a.ts->b.ts"]);
    expect(component!.fewest).toBe(true);
    expect(breaksEverything(graph, component!)).toBe(true);
  });

  it("prefers type-only imports as breakers when as few would do", () => {
    const graph = inlineGraph({ "a.ts": ["b.ts"], "b.ts": ["type:a.ts"] });
    expect(arcs(findCycles(graph).components[0]!)).toEqual(["b.ts->a.ts"]);
  });
});

describe("cycleBreakers", () => {
  /** A ring of n modules, each also importing the next but one: every module on two kinds of cycle. */
  function braid(count: number): ImportGraph {
    const imports: Record<string, string[]> = {};
    const id = (index: number): string => `m${String(index % count).padStart(2, "0")}.ts`;
    for (let index = 0; index < count; index++) imports[id(index)] = [id(index + 1), id(index + 2)];
    return inlineGraph(imports);
  }

  it("always leaves the component without a cycle, on tangles big and small", () => {
    for (const count of [3, 5, 8, 13, 21]) {
      const graph = braid(count);
      const [component] = findCycles(graph).components;
      expect(component!.modules).toHaveLength(count);
      expect(breaksEverything(graph, component!)).toBe(true);
    }
  });

  it("finds the fewest by exhaustive search within the budget, and says when it could not prove it", () => {
    // Two 2-cycles sharing nothing need two breakers, and no fewer.
    const twoKnots = inlineGraph({ "a.ts": ["b.ts", "c.ts"], "b.ts": ["a.ts"], "c.ts": ["d.ts"], "d.ts": ["c.ts", "a.ts"] });
    expect(cycleBreakers(twoKnots)).toMatchObject({ arcs: [["a.ts", "b.ts"], ["c.ts", "d.ts"]], fewest: true });
    // Every two cycles here share an import, yet no single import is on all of them: the lower
    // bound (1) falls short of the answer (2), so only the search can prove it.
    const overlapping = inlineGraph({ "0.ts": ["4.ts"], "1.ts": ["0.ts", "3.ts"], "2.ts": ["0.ts"], "3.ts": ["4.ts"], "4.ts": ["1.ts", "2.ts"] });
    expect(cycleBreakers(overlapping)).toMatchObject({ fewest: true });
    expect(cycleBreakers(overlapping).arcs).toHaveLength(2);
    const unproven = cycleBreakers(overlapping, { budget: 0 });
    expect(unproven.arcs).toHaveLength(2);
    expect(unproven.fewest).toBe(false);
  });

  it("proves the fewest without searching when as many cycles share no import", () => {
    // Five separate 2-cycles around a hub: five breakers, proven by the five disjoint cycles.
    const hub: Record<string, string[]> = { "hub.ts": [] };
    for (const leaf of ["a", "b", "c", "d", "e"]) {
      hub["hub.ts"]!.push(`${leaf}.ts`);
      hub[`${leaf}.ts`] = ["hub.ts"];
    }
    const outcome = cycleBreakers(inlineGraph(hub), { budget: 0 });
    expect(outcome.arcs).toHaveLength(5);
    expect(outcome.fewest).toBe(true);
  });
});

describe("greedyArcOrder", () => {
  it("gives a topological order of a graph without cycles", () => {
    const graph = inlineGraph({ "a.ts": ["b.ts", "c.ts"], "b.ts": ["d.ts"], "c.ts": ["d.ts"], "d.ts": [] });
    const order = greedyArcOrder(graph);
    const position = new Map(order.map((node, index) => [node, index]));
    graph.forEachEdge((_edge, _attributes, from, to) => expect(position.get(from)!).toBeLessThan(position.get(to)!));
  });
});

describe("cycles on fixture projects", () => {
  it("nested-cycles: two runtime cycles (one nested in another) and a type-only tangle, as in expected.txt", async () => {
    const { graph } = await map({ root: "test/fixtures/explore/nested-cycles" });
    const result = findCycles(graph);
    expect(result.components.map((component) => [component.modules.length, component.runtime, chain(component), arcs(component).join(" ")])).toEqual([
      [4, true, "core/a.ts:1 core/b.ts:1 core/a.ts", "core/a.ts->core/b.ts"],
      [2, true, "io/x.ts:1 io/y.ts:1 io/x.ts", "io/x.ts->io/y.ts"],
      [2, false, "types/first.ts:1 types/second.ts:1 types/first.ts", "types/first.ts->types/second.ts"],
    ]);
    for (const component of result.components) expect(breaksEverything(graph, component)).toBe(true);
    const options = { root: "test/fixtures/explore/nested-cycles", colour: false };
    await expect(cyclesText(result, options)).toMatchFileSnapshot("../fixtures/explore/nested-cycles/expected.cycles.txt");
    await expect(cyclesJson(result, options)).toMatchFileSnapshot("../fixtures/explore/nested-cycles/expected.cycles.json");
  });

  it("type-only-cycle: a tangle that fails nothing", async () => {
    const { graph } = await map({ root: "test/fixtures/explore/type-only-cycle" });
    const result = findCycles(graph);
    expect(result.failing).toBe(0);
    expect(result.components.map((component) => [component.modules.join(" "), component.runtime])).toEqual([["node.ts tree.ts", false]]);
    await expect(cyclesText(result, { root: ".", colour: false })).toMatchFileSnapshot("../fixtures/explore/type-only-cycle/expected.cycles.txt");
  });

  it("agrees with the cycles rule of check on the chain it shows", async () => {
    const { check } = await import("../../src/api/check.js");
    const checked = await check({ root: "test/fixtures/check/broken" });
    const rule = checked.violations.find((violation) => violation.rule === "cycles")!;
    const found = findCycles(checked.map.graph).components.find((component) => component.runtime)!;
    expect(found.cycle.map(({ from, to, line }) => ({ from, to, line }))).toEqual(rule.via!.map(({ from, to, line }) => ({ from, to, line })));
  });
});
