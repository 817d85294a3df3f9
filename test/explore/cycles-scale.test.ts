/**
 * `layermap cycles` on big tangles: the fast searches give the answers of the simple ones they
 * replaced, the breakers always break every cycle, and where a budget cuts the work short the
 * output says so — the same bytes on every run, however the graph was built.
 */
import fc from "fast-check";
import { stronglyConnectedComponents } from "graphology-components";
import { hasCycle } from "graphology-dag";
import { bidirectional } from "graphology-shortest-path/unweighted.js";
import type { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { compareArcs, type Arc } from "../../src/explore/cycles/arc.js";
import { binomial, combinations } from "../../src/explore/cycles/combinations.js";
import { cycleBreakers } from "../../src/explore/cycles/cycle-breakers.js";
import { disjointCycleCount } from "../../src/explore/cycles/cycle-packing.js";
import { exhaustiveBreakers } from "../../src/explore/cycles/exhaustive-breakers.js";
import { findCycles, type CycleComponent } from "../../src/explore/cycles/find-cycles.js";
import { greedyArcOrder } from "../../src/explore/cycles/greedy-arc-order.js";
import { pruneBreakers } from "../../src/explore/cycles/prune-breakers.js";
import { bidirectionalPath } from "../../src/graph/shortest-path.js";
import { shortestCycleThroughArc } from "../../src/explore/cycles/shortest-cycle.js";
import { cyclesJson, cyclesText } from "../../src/explore/format/cycles-report.js";
import { createImportGraph, isTypeOnly, type ImportGraph } from "../../src/graph/import-graph.js";
import { compareCodeUnits } from "../../src/model/compare.js";

const id = (index: number): string => `m${String(index).padStart(4, "0")}.ts`;

/** A graph of `count` modules and the given imports, nodes and edges added in the order given. */
type Import = readonly [from: number, to: number, typeOnly: boolean, line?: number];

/** A graph of `count` modules and the given imports (on the line given, or their place in the list), added in the order given. */
function graphOf(count: number, imports: readonly Import[], nodeOrder?: readonly number[]): ImportGraph {
  const graph = createImportGraph();
  for (const index of nodeOrder ?? Array.from({ length: count }, (_, index) => index)) graph.addNode(id(index), { kind: "local" });
  imports.forEach(([from, to, typeOnly, line], index) => {
    const site = { line: line ?? index + 1, specifier: `./${id(to)}`, kind: "static" as const, ...(typeOnly ? { typeOnly: true as const } : {}) };
    const edge = graph.edge(id(from), id(to));
    if (edge === undefined) graph.addDirectedEdge(id(from), id(to), { sites: [site] });
    else graph.getEdgeAttributes(edge).sites.push(site);
  });
  return graph;
}

/** Random graphs of up to `most` modules and `3 * most` imports, their modules added in a random order. */
const randomGraphs = (most: number) =>
  fc.integer({ min: 1, max: most }).chain((count) =>
    fc.record({
      count: fc.constant(count),
      imports: fc.array(fc.tuple(fc.nat(count - 1), fc.nat(count - 1), fc.boolean()), { maxLength: 3 * most }),
      nodeOrder: fc.shuffledSubarray(
        Array.from({ length: count }, (_, index) => index),
        { minLength: count, maxLength: count },
      ),
    }),
  );
const smallGraphs = randomGraphs(10);
const mediumGraphs = randomGraphs(40);

const cheapIn = (graph: ImportGraph) => (from: string, to: string) => isTypeOnly(graph.getEdgeAttributes(from, to));

/**
 * A random tangle: a ring through every module (its last tenth type-only), and three more imports
 * from each (a quarter type-only): one type-only tangle of every module, around a runtime cycle of
 * most of them.
 */
function tangle(count: number, seed: number, shuffled = false): ImportGraph {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const imports: [number, number, boolean, number][] = [];
  for (let from = 0; from < count; from++) {
    imports.push([from, (from + 1) % count, from >= count * 0.9, imports.length + 1]);
    for (let k = 0; k < 3; k++) imports.push([from, Math.floor(random() * count), random() < 0.25, imports.length + 1]);
  }
  if (!shuffled) return graphOf(count, imports);
  // The same graph, built in another order: modules and imports shuffled.
  const order = (length: number): number[] => {
    const result = Array.from({ length }, (_, index) => index);
    for (let index = length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [result[index], result[other]] = [result[other]!, result[index]!];
    }
    return result;
  };
  return graphOf(count, order(imports.length).map((index) => imports[index]!), order(count));
}

/** Each module's runtime cycle (strongly connected component of runtime imports), named by its first module. */
function runtimeComponentOf(graph: ImportGraph): Map<string, string> {
  const runtime = graph.copy();
  runtime.forEachEdge((edge, attributes) => {
    if (isTypeOnly(attributes)) runtime.dropEdge(edge);
  });
  const componentOf = new Map<string, string>();
  for (const members of stronglyConnectedComponents(runtime)) {
    const first = [...members].sort(compareCodeUnits)[0]!;
    for (const member of members) componentOf.set(member, first);
  }
  return componentOf;
}

/**
 * The graph of a component's plane, restricted to its modules, less its breakers. For a type-only
 * tangle, the runtime cycles inside it are condensed to one node each (they are listed, and
 * broken, on their own): what is left of the tangle is what its breakers must break.
 */
function withoutBreakers(graph: ImportGraph, component: CycleComponent): ImportGraph {
  const members = new Set(component.modules);
  const componentOf = component.runtime ? undefined : runtimeComponentOf(graph);
  const node = (id: string): string => componentOf?.get(id) ?? id;
  const size = (id: string): number => component.modules.filter((other) => node(other) === node(id)).length;
  const broken = new Set(component.breakers.map((breaker) => `${breaker.from}\0${breaker.to}`));
  const rest = createImportGraph();
  for (const module of component.modules) rest.mergeNode(node(module), { kind: "local" });
  graph.forEachEdge((_edge, attributes, from, to) => {
    if (!members.has(from) || !members.has(to) || broken.has(`${from}\0${to}`)) return;
    if (component.runtime ? isTypeOnly(attributes) : node(from) === node(to) && (from !== to || size(from) > 1)) return;
    if (!rest.hasDirectedEdge(node(from), node(to))) rest.addDirectedEdge(node(from), node(to), attributes);
  });
  return rest;
}

function isAcyclic(graph: ImportGraph): boolean {
  return stronglyConnectedComponents(graph).every((members) => members.length === 1 && !graph.hasEdge(members[0]!, members[0]!));
}

describe("the searches behind the breakers give the answers of the simple ones they replaced", () => {
  it("greedyArcOrder: the order of the step-by-step definition, ties of `prefer` included", () => {
    fc.assert(
      fc.property(mediumGraphs, fc.boolean(), ({ count, imports, nodeOrder }, tiedPreference) => {
        const graph = graphOf(count, imports, nodeOrder);
        const cheap = cheapIn(graph);
        const options = {
          weight: (from: string, to: string) => (cheap(from, to) ? 1 : 2),
          // Modules whose numbers share a remainder by 3 tie: the first met goes first.
          ...(tiedPreference ? { prefer: (a: string, b: string) => (Number(a.slice(1, 5)) % 3) - (Number(b.slice(1, 5)) % 3) } : {}),
        };
        expect(greedyArcOrder(graph, options)).toEqual(referenceArcOrder(graph, options));
      }),
      { numRuns: 400 },
    );
  });

  it("pruneBreakers: keeps exactly the breakers that close a cycle when put back in turn", () => {
    fc.assert(
      fc.property(mediumGraphs, ({ count, imports, nodeOrder }) => {
        const graph = graphOf(count, imports, nodeOrder);
        graph.forEachEdge((edge, _attributes, from, to) => {
          if (from === to) graph.dropEdge(edge);
        });
        const order = greedyArcOrder(graph);
        const place = new Map(order.map((node, index) => [node, index]));
        const arcs = graph.mapEdges((_edge, _attributes, from, to): Arc => [from, to]).sort(compareArcs);
        const kept = arcs.filter(([from, to]) => place.get(from)! < place.get(to)!);
        const candidates = arcs.filter(([from, to]) => place.get(from)! > place.get(to)!);
        const pruned = pruneBreakers(order, kept, candidates, Infinity);
        expect(pruned.minimal).toBe(true);
        expect(pruned.arcs).toEqual(referencePrune(graph, kept, candidates));
      }),
      { numRuns: 400 },
    );
  });

  it("pruneBreakers: the same on any acyclic start and any candidates, most of them put back", () => {
    // A random order, imports along it, and candidates in any direction: many close no cycle, so
    // the topological order is rebuilt again and again — in sparse graphs too, where few of the
    // places between the two ends move.
    const cases = fc.oneof(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 100, max: 300 })).chain((count) =>
      fc.record({
        order: fc.shuffledSubarray(
          Array.from({ length: count }, (_, index) => id(index)),
          { minLength: count, maxLength: count },
        ),
        // Short imports (chains along the order) and long ones.
        kept: fc.array(
          fc.oneof(
            fc.tuple(fc.nat(count - 1), fc.nat(count - 1)),
            fc.tuple(fc.nat(count - 1), fc.integer({ min: 1, max: 3 })).map(([a, step]) => [a, Math.min(a + step, count - 1)] as [number, number]),
          ),
          { maxLength: 2 * count },
        ),
        candidates: fc.array(fc.tuple(fc.nat(count - 1), fc.nat(count - 1)), { maxLength: count }),
      }),
    );
    fc.assert(
      fc.property(cases, ({ order, kept, candidates }) => {
        const seen = new Set<string>();
        const unique = ([from, to]: Arc): boolean => {
          const key = `${from} ${to}`;
          if (from === to || seen.has(key)) return false;
          seen.add(key);
          return true;
        };
        const forward = kept.map(([a, b]): Arc => [order[Math.min(a, b)]!, order[Math.max(a, b)]!]).filter(unique);
        const tried = candidates.map(([a, b]): Arc => [order[a]!, order[b]!]).filter(unique);
        const graph = createImportGraph();
        for (const node of order) graph.addNode(node, { kind: "local" });
        const pruned = pruneBreakers(order, forward, tried, Infinity);
        expect(pruned.arcs).toEqual(referencePrune(graph, forward, tried));
      }),
      { numRuns: 1_000 },
    );
  });

  it("exhaustiveBreakers: the same set as trying every set of each size", () => {
    fc.assert(
      fc.property(smallGraphs, ({ count, imports }) => {
        const graph = graphOf(count, imports);
        graph.forEachEdge((edge, _attributes, from, to) => {
          if (from === to) graph.dropEdge(edge);
        });
        const cheap = cheapIn(graph);
        const greedy = cycleBreakers(graph, { budget: 0 }).arcs.length;
        const result = exhaustiveBreakers(graph, greedy, { sets: 20_000, work: Infinity }, cheap);
        expect(result).toEqual(referenceExhaustive(graph, greedy, 20_000, cheap));
      }),
      { numRuns: 300 },
    );
  });

  it("disjointCycleCount: the count of the packing done with graphology's searches", () => {
    fc.assert(
      fc.property(mediumGraphs, ({ count, imports }) => {
        const graph = graphOf(count, imports);
        // The reference walks graphology's neighbour lists: build the graph in id order, as cycleBreakers does.
        const sorted = createImportGraph();
        for (const node of graph.nodes().sort(compareCodeUnits)) sorted.addNode(node, { kind: "local" });
        const arcs = graph.mapEdges((_edge, attributes, from, to) => ({ arc: [from, to] as Arc, attributes }));
        for (const { arc, attributes } of arcs.sort((a, b) => compareArcs(a.arc, b.arc))) sorted.addDirectedEdge(arc[0], arc[1], attributes);
        expect(disjointCycleCount(sorted)).toBe(referencePacking(sorted));
      }),
      { numRuns: 400 },
    );
  });

  it("bidirectionalPath: graphology's bidirectional search, path for path", () => {
    fc.assert(
      fc.property(mediumGraphs, fc.nat(), fc.nat(), ({ count, imports, nodeOrder }, source, target) => {
        const graph = graphOf(count, imports, nodeOrder);
        expect(bidirectionalPath(graph, id(source % count), id(target % count))).toEqual(bidirectional(graph, id(source % count), id(target % count)));
      }),
      { numRuns: 500 },
    );
  });

  it("findCycles: a tangle's cycle is the one a search through every type-only import between runtime cycles finds", () => {
    fc.assert(
      fc.property(mediumGraphs, ({ count, imports, nodeOrder }) => {
        const graph = graphOf(count, imports, nodeOrder);
        for (const component of findCycles(graph).components.filter((found) => !found.runtime)) {
          const members = new Set(component.modules);
          const tangled = createImportGraph();
          graph.forEachNode((node) => {
            if (members.has(node)) tangled.addNode(node, { kind: "local" });
          });
          graph.forEachEdge((_edge, attributes, from, to) => {
            if (members.has(from) && members.has(to)) tangled.addDirectedEdge(from, to, attributes);
          });
          let best: string[] | undefined;
          // A type-only import inside a runtime cycle is explained by it; a type-only self-import of a module on none is a tangle of one.
          const componentOf = runtimeComponentOf(tangled);
          const alone = (node: string): boolean => [...componentOf.values()].filter((first) => first === componentOf.get(node)).length === 1;
          const typeOnly = tangled
            .filterEdges((_edge, attributes) => isTypeOnly(attributes))
            .map((edge): Arc => [tangled.source(edge), tangled.target(edge)])
            .filter(([from, to]) => componentOf.get(from) !== componentOf.get(to) || (from === to && alone(from)));
          for (const [from, to] of typeOnly.sort(compareArcs)) {
            const cycle = shortestCycleThroughArc(tangled, from, to);
            if (cycle !== undefined && (best === undefined || cycle.length < best.length)) best = cycle;
          }
          expect([...component.cycle.map((step) => step.from), component.cycle.at(-1)!.to]).toEqual(best);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("cycleBreakers: the breakers always break every cycle, are minimal, and say so", () => {
    fc.assert(
      fc.property(smallGraphs, fc.constantFrom(0, 3, Infinity), ({ count, imports, nodeOrder }, pruneWork) => {
        const graph = graphOf(count, imports, nodeOrder);
        const result = cycleBreakers(graph, { cheap: cheapIn(graph), pruneWork });
        const rest = graph.copy();
        for (const [from, to] of result.arcs) rest.dropEdge(from, to);
        expect(hasCycle(rest)).toBe(false);
        if (result.minimal) {
          for (const [from, to] of result.arcs) expect(from === to || bidirectional(rest, to, from) !== null).toBe(true);
        }
        if (pruneWork === Infinity) expect(result.minimal).toBe(true);
        if (result.fewest) expect(result.minimal).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("cycles on a 3,000-module tangle", () => {
  const graph = tangle(3_000, 7);
  const budgets = { pruneWork: 20_000 };

  it("with a small pruning budget: the breakers still break every cycle, and the output says they may not be minimal", () => {
    const result = findCycles(graph, { budgets });
    expect(result.components.map((component) => component.runtime)).toEqual([false, true]);
    expect(result.components[0]!.modules).toHaveLength(3_000);
    expect(result.components[1]!.modules.length).toBeGreaterThan(2_000);
    for (const component of result.components) expect(isAcyclic(withoutBreakers(graph, component))).toBe(true);
    // The runtime cycle runs out of the budget; the tangle around it, with the runtime cycle
    // condensed to one node, is small enough to prune within it.
    expect(result.components[1]!.minimal).toBe(false);
    expect(result.components[1]!.fewest).toBe(false);
    expect(result.components[0]).not.toHaveProperty("minimal");
    const text = cyclesText(result, { root: ".", colour: false });
    expect(text.match(/greedy: too big a tangle to prune to a minimal set, so some may be needless/g)).toHaveLength(1);
    const json = JSON.parse(cyclesJson(result, { root: ".", colour: false })) as { components: { minimal?: boolean }[] };
    expect(json.components.map((component) => component.minimal)).toEqual([undefined, false]);
  });

  it("gives the same bytes on every run, and the same breakers however the graph was built", () => {
    const options = { root: ".", colour: false };
    const first = findCycles(graph, { budgets });
    expect(cyclesJson(findCycles(graph, { budgets }), options)).toBe(cyclesJson(first, options));
    expect(cyclesText(findCycles(graph, { budgets }), options)).toBe(cyclesText(first, options));
    // Built in another order, the budget is spent on the same steps: the same breakers.
    const breakers = (component: CycleComponent) => ({
      modules: component.modules.length,
      breakers: component.breakers.map(({ from, to, lines }) => `${from}->${to}:${lines.join(",")}`),
      fewest: component.fewest,
      minimal: component.minimal,
    });
    const reordered = tangle(3_000, 7, true);
    expect(reordered.size).toBe(graph.size);
    expect(findCycles(reordered, { budgets }).components.map(breakers)).toEqual(first.components.map(breakers));
    expect(findCycles(reordered).components.map(breakers)).toEqual(findCycles(graph).components.map(breakers));
  });

  it("within the default budgets: minimal, and no flag — putting any breaker back closes a cycle", () => {
    const result = findCycles(graph);
    for (const component of result.components) {
      expect(component).not.toHaveProperty("minimal");
      const rest = withoutBreakers(graph, component);
      expect(isAcyclic(rest)).toBe(true);
      const componentOf = component.runtime ? new Map<string, string>() : runtimeComponentOf(graph);
      const node = (id: string): string => componentOf.get(id) ?? id;
      for (const breaker of component.breakers) expect(bidirectional(rest, node(breaker.to), node(breaker.from))).not.toBeNull();
      // A tangle is broken by type-only imports only: its runtime cycles are listed on their own.
      if (!component.runtime) expect(component.breakers.every((breaker) => breaker.typeOnly)).toBe(true);
    }
    expect(cyclesText(result, { root: ".", colour: false })).not.toContain("too big a tangle");
  });
});

describe("the exhaustive search's work budget", () => {
  it("stops a search that would walk a long ring once per import; the lower bound still proves the one breaker the fewest", () => {
    const ring = graphOf(
      1_000,
      Array.from({ length: 1_000 }, (_, index) => [index, (index + 1) % 1_000, false] as const),
    );
    expect(exhaustiveBreakers(ring, 1, { sets: 20_000, work: 1_000_000 }, () => false)).toEqual({ arcs: undefined, complete: true });
    expect(exhaustiveBreakers(ring, 1, { sets: 20_000, work: Infinity }, () => false).arcs).toHaveLength(1);
    const result = cycleBreakers(ring, { exhaustiveWork: 1_000_000 });
    expect(result).toMatchObject({ fewest: true, minimal: true });
    expect(result.arcs).toHaveLength(1);
  });
});

// The implementations these replaced, kept as the definition of the answers.

/** Eades, Lin and Smyth, one scan of every node left per step. */
function referenceArcOrder(graph: DirectedGraph, options: { weight: (from: string, to: string) => number; prefer?: (a: string, b: string) => number }): string[] {
  const { weight } = options;
  const prefer = options.prefer ?? compareCodeUnits;
  const remaining = new Set(graph.nodes());
  const sumOf = (neighbours: string[], toWeight: (other: string) => number): number =>
    neighbours.reduce((sum, other) => (remaining.has(other) ? sum + toWeight(other) : sum), 0);
  const outWeight = (node: string): number => sumOf(graph.outNeighbors(node).filter((n) => n !== node), (to) => weight(node, to));
  const inWeight = (node: string): number => sumOf(graph.inNeighbors(node).filter((n) => n !== node), (from) => weight(from, node));
  const isSink = (node: string): boolean => graph.outNeighbors(node).every((to) => to === node || !remaining.has(to));
  const isSource = (node: string): boolean => graph.inNeighbors(node).every((from) => from === node || !remaining.has(from));
  const front: string[] = [];
  const back: string[] = [];
  while (remaining.size > 0) {
    const nodes = [...remaining];
    const sinks = nodes.filter(isSink);
    if (sinks.length > 0) {
      const sink = sinks.reduce((low, node) => (prefer(node, low) > 0 ? node : low));
      back.unshift(sink);
      remaining.delete(sink);
      continue;
    }
    const sources = nodes.filter(isSource);
    const next =
      sources.length > 0
        ? sources.reduce((high, node) => (prefer(node, high) < 0 ? node : high))
        : nodes
            .map((node) => ({ node, delta: outWeight(node) - inWeight(node) }))
            .reduce((best, entry) => (entry.delta > best.delta || (entry.delta === best.delta && prefer(entry.node, best.node) < 0) ? entry : best)).node;
    front.push(next);
    remaining.delete(next);
  }
  return [...front, ...back];
}

/** One breadth-first search per candidate over the graph of the arcs kept so far. */
function referencePrune(graph: ImportGraph, kept: readonly Arc[], candidates: readonly Arc[]): Arc[] {
  const acyclic = createImportGraph();
  graph.forEachNode((node) => acyclic.addNode(node, { kind: "local" }));
  for (const [from, to] of kept) acyclic.addDirectedEdge(from, to, { sites: [] });
  return candidates.filter(([from, to]) => {
    if (from === to || bidirectional(acyclic, to, from) !== null) return true;
    acyclic.addDirectedEdge(from, to, { sites: [] });
    return false;
  });
}

/** Every set of each size, graphology's hasCycle on each, with the sets budget alone. */
function referenceExhaustive(graph: ImportGraph, greedySize: number, budget: number, cheap: (from: string, to: string) => boolean) {
  const arcs: Arc[] = graph.mapEdges((_edge, _attributes, from, to): Arc => [from, to]).sort(compareArcs);
  let tested = 0;
  for (let size = 1; size <= greedySize; size++) {
    tested += binomial(arcs.length, size);
    if (tested > budget) return { arcs: undefined, complete: size === greedySize };
    let best: { arcs: Arc[]; cheap: number } | undefined;
    for (const chosen of combinations(arcs.length, size)) {
      const removed = chosen.map((index) => arcs[index]!);
      const rest = graph.copy();
      for (const [from, to] of removed) rest.dropEdge(from, to);
      if (!hasCycle(rest)) {
        const cheapCount = removed.filter((arc) => cheap(...arc)).length;
        if (best === undefined || cheapCount > best.cheap) best = { arcs: removed, cheap: cheapCount };
      }
    }
    if (best !== undefined) return { arcs: best.arcs, complete: true };
  }
  return { arcs: undefined, complete: true };
}

/** Two-module knots, then shortest cycles through each module in turn, with graphology's searches. */
function referencePacking(component: ImportGraph): number {
  const work = component.copy();
  let count = 0;
  const take = (cycle: readonly string[]): void => {
    for (let index = 1; index < cycle.length; index++) work.dropEdge(cycle[index - 1]!, cycle[index]!);
    count++;
  };
  for (const edge of work.edges()) {
    if (!work.hasEdge(edge)) continue;
    const from = work.source(edge);
    const to = work.target(edge);
    if (from !== to && work.hasDirectedEdge(to, from)) take([from, to, from]);
  }
  const shortestCycleThrough = (start: string): string[] | undefined => {
    if (work.hasDirectedEdge(start, start)) return [start, start];
    let best: string[] | undefined;
    for (const next of work.outNeighbors(start).sort(compareCodeUnits)) {
      const path = bidirectional(work, next, start);
      if (path !== null && (best === undefined || path.length + 1 < best.length)) best = [start, ...path];
    }
    return best;
  };
  for (const node of work.nodes().sort(compareCodeUnits)) {
    for (let cycle = shortestCycleThrough(node); cycle !== undefined; cycle = shortestCycleThrough(node)) take(cycle);
  }
  return count;
}
