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
import type { ImportGraph } from "../../graph/import-graph.js";
import { isTypeOnly } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { planeView } from "../../rules/plane.js";
import { chainAlong, chainStep, type ChainStep } from "../chain-step.js";
import { localSubgraph } from "../local-subgraph.js";
import { cycleBreakers } from "./cycle-breakers.js";
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

export function findCycles(graph: ImportGraph, options: { failPlane?: Plane } = {}): CyclesResult {
  const failPlane = options.failPlane ?? "runtime";
  const local = localSubgraph(graph);
  const runtime = planeView(local, "runtime");
  const runtimeComponents = nonTrivialComponents(runtime);
  const runtimeKeys = new Set(runtimeComponents.map((modules) => modules.join("\0")));
  const components = [
    ...runtimeComponents.map((modules) => describe(localSubgraph(runtime, has(modules)), modules, true)),
    ...nonTrivialComponents(local)
      .filter((modules) => !runtimeKeys.has(modules.join("\0")))
      .map((modules) => describe(localSubgraph(local, has(modules)), modules, false)),
  ].sort((a, b) => b.modules.length - a.modules.length || Number(b.runtime) - Number(a.runtime) || compareCodeUnits(a.modules[0]!, b.modules[0]!));
  const failing = components.filter((component) => component.runtime || failPlane === "all").length;
  return { components, failPlane, failing };
}

function describe(component: ImportGraph, modules: string[], runtime: boolean): CycleComponent {
  const cycle = runtime ? shortestCycleThrough(component, modules[0]!)! : shortestTypeOnlyCycle(component);
  const { arcs, fewest } = cycleBreakers(component, { cheap: (from, to) => isTypeOnly(component.getEdgeAttributes(from, to)) });
  const breakers = arcs.map(([from, to]): Breaker => {
    const lines = component.getEdgeAttributes(from, to).sites.map((site) => site.line);
    return { ...chainStep(component, from, to), lines: [...new Set(lines)].sort((a, b) => a - b) };
  });
  return { modules, runtime, cycle: chainAlong(component, cycle), breakers, fewest };
}

/** The shortest cycle that takes a type-only import: the reason the tangle exists. */
function shortestTypeOnlyCycle(component: ImportGraph): string[] {
  let best: string[] | undefined;
  const arcs = component.filterEdges((_edge, attributes) => isTypeOnly(attributes)).map((edge) => [component.source(edge), component.target(edge)] as const);
  for (const [from, to] of arcs.sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]))) {
    const cycle = shortestCycleThroughArc(component, from, to);
    if (cycle !== undefined && (best === undefined || cycle.length < best.length)) best = cycle;
  }
  return best!;
}

function nonTrivialComponents(graph: ImportGraph): string[][] {
  return stronglyConnectedComponents(graph)
    .filter((modules) => modules.length > 1 || graph.hasDirectedEdge(modules[0]!, modules[0]!))
    .map((modules) => modules.sort(compareCodeUnits));
}

function has(modules: readonly string[]): (id: string) => boolean {
  const set = new Set(modules);
  return (id) => set.has(id);
}
