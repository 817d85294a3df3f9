/**
 * `layermap cycles`: every strongly connected component of local modules, largest first.
 *
 * Two kinds, because they call for different fixes: a runtime cycle (a component of the runtime
 * plane: modules that load each other) and a type-only tangle (a component of all imports that
 * exists only because type-only imports count; it vanishes at compile time, but still knots the
 * code). A tangle may hold a runtime cycle; it is then listed beside it, with a cycle through a
 * type-only import so the two chains differ. Each comes with one shortest cycle and its breakers.
 */
import { stronglyConnectedComponents } from "../../graph/strongly-connected-components.js";
import type { Plane } from "../../config/config-schema.js";
import { createImportGraph, isTypeOnly, type ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { planeView } from "../../rules/plane.js";
import { chainAlong, chainStep, type ChainStep } from "../chain-step.js";
import { localSubgraph } from "../local-subgraph.js";
import { cycleBreakers, type BreakersBudgets } from "./cycle-breakers.js";
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
  /**
   * Present, and false, only when the tangle was too big to prune the breakers to a minimal set
   * within the budget: removing them all still breaks every cycle, but some may be needless.
   */
  minimal?: false;
}

export interface Breaker extends ChainStep {
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
  const local = localSubgraph(graph);
  const runtime = planeView(local, "runtime");
  const runtimeComponents = nonTrivialComponents(runtime);
  const runtimeKeys = new Set(runtimeComponents.map((modules) => modules.join("\0")));
  const tangles = nonTrivialComponents(local).filter((modules) => !runtimeKeys.has(modules.join("\0")));
  const runtimeGraphs = subgraphs(runtime, runtimeComponents);
  const tangleGraphs = subgraphs(local, tangles);
  const components = [
    ...runtimeComponents.map((modules, index) => describe(runtimeGraphs[index]!, modules, true, options.budgets)),
    ...tangles.map((modules, index) => describe(tangleGraphs[index]!, modules, false, options.budgets)),
  ].sort((a, b) => b.modules.length - a.modules.length || Number(b.runtime) - Number(a.runtime) || compareCodeUnits(a.modules[0]!, b.modules[0]!));
  const failing = components.filter((component) => component.runtime || failPlane === "all").length;
  return { components, failPlane, failing };
}

function describe(component: ImportGraph, modules: string[], runtime: boolean, budgets: BreakersBudgets = {}): CycleComponent {
  const cycle = runtime ? shortestCycleThrough(component, modules[0]!)! : shortestTypeOnlyCycle(component);
  const cheap = (from: string, to: string): boolean => isTypeOnly(component.getEdgeAttributes(from, to));
  const { arcs, fewest, minimal } = cycleBreakers(component, { ...budgets, cheap });
  const breakers = arcs.map(([from, to]): Breaker => {
    const lines = component.getEdgeAttributes(from, to).sites.map((site) => site.line);
    return { ...chainStep(component, from, to), lines: [...new Set(lines)].sort((a, b) => a - b) };
  });
  return { modules, runtime, cycle: chainAlong(component, cycle), breakers, fewest, ...(minimal ? {} : { minimal }) };
}

/** The shortest cycle that takes a type-only import: the reason the tangle exists. */
function shortestTypeOnlyCycle(component: ImportGraph): string[] {
  let best: string[] | undefined;
  const arcs = component.filterEdges((_edge, attributes) => isTypeOnly(attributes)).map((edge) => [component.source(edge), component.target(edge)] as const);
  for (const [from, to] of arcs.sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]))) {
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
