/**
 * `layermap cycles`: every strongly connected component of local modules, largest first.
 *
 * Two kinds, because they call for different fixes: a runtime cycle (a component of the runtime
 * plane: modules that load each other) and a type-only tangle (what the runtime plane does not
 * explain: a cycle among runtime components that only type-only imports close; it vanishes at
 * compile time, but still knots the code — see type-only-tangles.ts). A tangle may be built
 * around a runtime cycle, which is then listed on its own; the tangle's cycle takes a type-only
 * import and its breakers are type-only imports only. Each comes with one shortest cycle and its
 * breakers.
 */
import { stronglyConnectedComponents } from "../../graph/strongly-connected-components.js";
import type { Plane } from "../../config/config-schema.js";
import { createImportGraph, type ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { loadTimeGraph, planeView } from "../../rules/plane.js";
import { chainAlong, chainStep, type ChainStep } from "../chain-step.js";
import { localSubgraph } from "../local-subgraph.js";
import type { Arc } from "./arc.js";
import { cycleBreakers, type BreakersBudgets } from "./cycle-breakers.js";
import { tangleBreakers, typeOnlyTangles, type Tangle } from "./type-only-tangles.js";
import { shortestCycleThrough, shortestCycleThroughArc } from "./shortest-cycle.js";

export interface CycleComponent {
  /** The modules that import each other, sorted. */
  modules: string[];
  /** False for a type-only tangle: type-only imports close every cycle of it. */
  runtime: boolean;
  /** One shortest cycle: through the first module for a runtime cycle, through a type-only import for a tangle. */
  cycle: ChainStep[];
  /** Imports whose removal leaves the component without a cycle, each with every line it is written on. */
  breakers: Breaker[];
  /** True when no smaller set of imports would do. */
  fewest: boolean;
  /** Present on a tangle that deferred imports (Python's, in a function body) close, type-only ones or not. */
  deferred?: true;
  /**
   * Present, and false, only when the tangle was too big to prune the breakers to a minimal set
   * within the budget: removing them all still breaks every cycle, but some may be needless.
   */
  minimal?: false;
}

interface Breaker extends ChainStep {
  lines: number[];
}

export interface CyclesResult {
  components: CycleComponent[];
  /** The plane whose cycles fail (the config's cycles plane): runtime, or all imports. */
  failPlane: Plane;
  /** How many components fail. */
  failing: number;
}

export interface FindCyclesOptions {
  /** The plane whose cycles fail (default runtime). */
  failPlane?: Plane;
  /** The work budgets of the breakers' search (counts, never time; see `cycleBreakers`). */
  budgets?: BreakersBudgets;
}

export function findCycles(graph: ImportGraph, options: FindCyclesOptions = {}): CyclesResult {
  const failPlane = options.failPlane ?? "runtime";
  // Deferred imports (in a function body) close no cycle while modules load: they count as type-only ones do.
  const local = loadTimeGraph(localSubgraph(graph));
  const runtime = planeView(local, "runtime");
  const runtimeComponents = nonTrivialComponents(runtime);
  const tangles = typeOnlyTangles(local, runtime);
  const runtimeGraphs = subgraphs(runtime, runtimeComponents);
  const tangleGraphs = subgraphs(local, tangles.map((tangle) => tangle.modules));
  const components = [
    ...runtimeComponents.map((modules, index) => describe(runtimeGraphs[index]!, modules, options.budgets)),
    ...tangles.map((tangle, index) => describeTangle(tangleGraphs[index]!, tangle, options.budgets)),
  ].sort((a, b) => b.modules.length - a.modules.length || Number(b.runtime) - Number(a.runtime) || compareCodeUnits(a.modules[0]!, b.modules[0]!));
  const failing = components.filter((component) => component.runtime || failPlane === "all").length;
  return { components, failPlane, failing };
}

function describe(component: ImportGraph, modules: string[], budgets: BreakersBudgets = {}): CycleComponent {
  const cycle = shortestCycleThrough(component, modules[0]!)!;
  const { arcs, fewest, minimal } = cycleBreakers(component, budgets);
  return { modules, runtime: true, cycle: chainAlong(component, cycle), breakers: breakersOf(component, arcs), fewest, ...(minimal ? {} : { minimal }) };
}

function describeTangle(component: ImportGraph, tangle: Tangle, budgets: BreakersBudgets = {}): CycleComponent {
  const cycle = shortestTypeOnlyCycle(component, tangle.typeOnly);
  const { arcs, fewest, minimal } = tangleBreakers(component, planeView(component, "runtime"), tangle, budgets);
  const deferred = tangle.typeOnly.some(([from, to]) => chainStep(component, from, to).deferred === true);
  return {
    modules: tangle.modules,
    runtime: false,
    cycle: chainAlong(component, cycle),
    breakers: breakersOf(component, arcs),
    fewest,
    ...(minimal ? {} : { minimal }),
    ...(deferred ? { deferred } : {}),
  };
}

function breakersOf(component: ImportGraph, arcs: readonly Arc[]): Breaker[] {
  return arcs.map(([from, to]): Breaker => {
    const lines = component.getEdgeAttributes(from, to).sites.map((site) => site.line);
    return { ...chainStep(component, from, to), lines: [...new Set(lines)].sort((a, b) => a - b) };
  });
}

/** The shortest cycle that takes one of the tangle's type-only imports (sorted): the reason the tangle exists. */
function shortestTypeOnlyCycle(component: ImportGraph, typeOnly: readonly Arc[]): string[] {
  let best: string[] | undefined;
  for (const [from, to] of typeOnly) {
    // Only a way back from `to` of fewer than best.length - 2 imports can beat the best: where a
    // bounded search finds none, the full one is skipped (on a big tangle, once a two-module knot
    // is found, every other import is).
    if (best !== undefined && !reachesWithin(component, to, from, best.length - 3)) continue;
    const cycle = shortestCycleThroughArc(component, from, to);
    if (cycle !== undefined && (best === undefined || cycle.length < best.length)) best = cycle;
  }
  return best!;
}

/** Whether `to` can be reached from `from` in at most `steps` imports. */
function reachesWithin(graph: ImportGraph, from: string, to: string, steps: number): boolean {
  if (steps < 0) return false;
  if (from === to) return true;
  const seen = new Set([from]);
  let fringe = [from];
  for (let step = 1; step <= steps && fringe.length > 0; step++) {
    const next: string[] = [];
    for (const node of fringe) {
      for (const neighbour of graph.outNeighbors(node)) {
        if (neighbour === to) return true;
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          next.push(neighbour);
        }
      }
    }
    fringe = next;
  }
  return false;
}

function nonTrivialComponents(graph: ImportGraph): string[][] {
  return stronglyConnectedComponents(graph)
    .filter((modules) => modules.length > 1 || graph.hasDirectedEdge(modules[0]!, modules[0]!))
    .map((modules) => modules.sort(compareCodeUnits));
}

/**
 * Each component's modules and the imports among them, as `localSubgraph` would give them one by
 * one (same order of nodes and edges), in one pass over the graph: a project with thousands of
 * small cycles would otherwise walk the whole graph once for each.
 */
function subgraphs(graph: ImportGraph, components: readonly string[][]): ImportGraph[] {
  const owner = new Map<string, number>();
  components.forEach((modules, index) => {
    for (const id of modules) owner.set(id, index);
  });
  const result = components.map(() => createImportGraph());
  graph.forEachNode((id, attributes) => {
    const index = owner.get(id);
    if (index !== undefined && attributes.kind === "local") result[index]!.addNode(id, attributes);
  });
  graph.forEachEdge((_edge, attributes, from, to) => {
    const index = owner.get(from);
    if (index !== undefined && owner.get(to) === index && result[index]!.hasNode(from) && result[index]!.hasNode(to)) {
      result[index]!.addDirectedEdge(from, to, attributes);
    }
  });
  return result;
}
