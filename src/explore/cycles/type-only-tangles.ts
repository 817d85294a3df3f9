/**
 * Type-only tangles: the cycles the runtime plane does not already explain. The runtime cycles
 * (strongly connected components of runtime imports) are condensed to one node each; what is
 * still cyclic among those nodes can only be closed by type-only imports (runtime imports between
 * two components never form a cycle, or the components would be one). Each strongly connected
 * component of the condensed graph is one tangle: its modules, and the type-only imports between
 * its runtime components — the only imports that can break it, since a runtime cycle inside it
 * is listed, and broken, on its own.
 *
 * Budgets count steps of work, never time, as in cycle-breakers.ts.
 */
import { stronglyConnectedComponents } from "../../graph/strongly-connected-components.js";
import { hasCycle } from "../../graph/has-cycle.js";
import { isTypeOnly, type ImportGraph } from "../../graph/import-graph.js";
import { PrototypeSafeDirectedGraph } from "../../graph/prototype-safe-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { compareArcs, type Arc } from "./arc.js";
import { binomial, combinations } from "./combinations.js";

export interface Tangle {
  /** Sorted. */
  modules: string[];
  /** The type-only imports between its runtime components, sorted: every cycle of the tangle takes one. */
  typeOnly: Arc[];
}

interface Condensed {
  componentOf: Map<string, string>;
  /** Component → its modules. */
  members: Map<string, string[]>;
  /**
   * Whether an import joins two runtime components. One inside a component is explained by it,
   * except a type-only self-import of a module on no runtime cycle: a tangle of one.
   */
  crosses: (from: string, to: string, typeOnly: boolean) => boolean;
}

/** The runtime components, each named by its first module (so ids stay module-ordered and any string is safe). */
function condense(runtime: ImportGraph): Condensed {
  const componentOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const modules of stronglyConnectedComponents(runtime)) {
    const sorted = [...modules].sort(compareCodeUnits);
    members.set(sorted[0]!, sorted);
    for (const id of sorted) componentOf.set(id, sorted[0]!);
  }
  const crosses = (from: string, to: string, typeOnly: boolean): boolean =>
    componentOf.get(from) !== componentOf.get(to) || (from === to && typeOnly && members.get(componentOf.get(from)!)!.length === 1);
  return { componentOf, members, crosses };
}

/** `local`: local modules and every import among them; `runtime`: its runtime plane. */
export function typeOnlyTangles(local: ImportGraph, runtime: ImportGraph): Tangle[] {
  const { componentOf, members, crosses } = condense(runtime);
  const between = new PrototypeSafeDirectedGraph({ allowSelfLoops: true });
  for (const component of members.keys()) between.addNode(component);
  const typeOnlyArcs: Arc[] = [];
  local.forEachEdge((_edge, attributes, from, to) => {
    if (!crosses(from, to, isTypeOnly(attributes))) return;
    const a = componentOf.get(from)!;
    const b = componentOf.get(to)!;
    if (!between.hasDirectedEdge(a, b)) between.addDirectedEdge(a, b);
    if (isTypeOnly(attributes)) typeOnlyArcs.push([from, to]);
  });
  const tangles: Tangle[] = [];
  for (const components of stronglyConnectedComponents(between)) {
    if (components.length === 1 && !between.hasDirectedEdge(components[0]!, components[0]!)) continue;
    const inside = new Set(components);
    tangles.push({
      modules: components.flatMap((component) => members.get(component)!).sort(compareCodeUnits),
      typeOnly: typeOnlyArcs.filter(([from, to]) => inside.has(componentOf.get(from)!) && inside.has(componentOf.get(to)!)).sort(compareArcs),
    });
  }
  return tangles;
}

export interface TangleBreakers {
  arcs: Arc[];
  fewest: boolean;
  minimal: boolean;
}

export interface TangleBudgets {
  /** Candidate sets the search for fewer breakers may test (default 20,000). */
  budget?: number;
  /** Imports the search for fewer breakers may walk, each set tested counting the whole tangle (default 20,000,000). */
  exhaustiveWork?: number;
  /** Neighbours pruning may look at (default 50,000,000). */
  pruneWork?: number;
}

/**
 * Type-only imports whose removal leaves no cycle among the tangle's runtime components: the
 * backward ones of a topological order of the runtime imports, pruned to a minimal set; the fewest
 * (and the first of those in import order) when a search over every set up to that size fits in
 * the budget.
 */
export function tangleBreakers(tangleGraph: ImportGraph, runtime: ImportGraph, tangle: Tangle, budgets: TangleBudgets = {}): TangleBreakers {
  const condensed = condense(runtime);
  const { componentOf } = condensed;
  const count = new Map<string, Map<string, number>>();
  const add = (from: string, to: string, by: number): void => {
    const a = componentOf.get(from)!;
    const b = componentOf.get(to)!;
    let row = count.get(a);
    if (row === undefined) count.set(a, (row = new Map<string, number>()));
    row.set(b, (row.get(b) ?? 0) + by);
  };
  tangleGraph.forEachEdge((_edge, attributes, from, to) => {
    if (condensed.crosses(from, to, isTypeOnly(attributes))) add(from, to, 1);
  });

  const order = runtimeFirstOrder(tangleGraph, componentOf);
  const position = new Map(order.map((component, index) => [component, index]));
  const backward = tangle.typeOnly.filter(([from, to]) => position.get(componentOf.get(to)!)! <= position.get(componentOf.get(from)!)!);
  for (const [from, to] of backward) add(from, to, -1);

  // Put back each breaker that closes no cycle: the rest are each needed.
  let work = budgets.pruneWork ?? 50_000_000;
  const kept: Arc[] = [];
  let minimal = true;
  for (const arc of backward) {
    if (work < 0) {
      minimal = false;
      kept.push(arc);
      continue;
    }
    const [from, to] = arc;
    const reached = reaches(count, componentOf.get(to)!, componentOf.get(from)!, (steps) => (work -= steps));
    if (reached || work < 0) kept.push(arc);
    else add(from, to, 1);
  }
  if (work < 0) minimal = false;

  const smaller = fewerBreakers(tangleGraph, condensed, tangle.typeOnly, kept.length, {
    sets: budgets.budget ?? 20_000,
    work: budgets.exhaustiveWork ?? 20_000_000,
  });
  if (smaller.arcs !== undefined) return { arcs: smaller.arcs, fewest: true, minimal: true };
  // One breaker is always the fewest: a tangle has a cycle.
  return { arcs: kept, fewest: kept.length === 1 && minimal, minimal };
}

/**
 * The runtime components in an order that follows every runtime import (they form no cycle), and
 * among those ready, the one fewest type-only imports from the rest point into first: those would
 * point backward.
 */
function runtimeFirstOrder(graph: ImportGraph, componentOf: ReadonlyMap<string, string>): string[] {
  const runtimeIn = new Map<string, number>();
  const typeOnlyIn = new Map<string, number>();
  const runtimeOut = new Map<string, string[]>();
  const typeOnlyOut = new Map<string, string[]>();
  const nodes = new Set<string>();
  graph.forEachNode((id) => nodes.add(componentOf.get(id)!));
  for (const node of nodes) {
    runtimeIn.set(node, 0);
    typeOnlyIn.set(node, 0);
  }
  graph.forEachEdge((_edge, attributes, from, to) => {
    const a = componentOf.get(from)!;
    const b = componentOf.get(to)!;
    if (a === b) return; // a self-import (a tangle of one) is backward in any order
    const [into, out] = isTypeOnly(attributes) ? [typeOnlyIn, typeOnlyOut] : [runtimeIn, runtimeOut];
    into.set(b, into.get(b)! + 1);
    const targets = out.get(a);
    if (targets === undefined) out.set(a, [b]);
    else targets.push(b);
  });
  const ready = [...nodes].filter((node) => runtimeIn.get(node) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    let best = 0;
    for (let index = 1; index < ready.length; index++) {
      const a = ready[index]!;
      const b = ready[best]!;
      if (typeOnlyIn.get(a)! < typeOnlyIn.get(b)! || (typeOnlyIn.get(a) === typeOnlyIn.get(b) && compareCodeUnits(a, b) < 0)) best = index;
    }
    const [node] = ready.splice(best, 1);
    order.push(node!);
    for (const next of typeOnlyOut.get(node!) ?? []) typeOnlyIn.set(next, typeOnlyIn.get(next)! - 1);
    for (const next of runtimeOut.get(node!) ?? []) {
      runtimeIn.set(next, runtimeIn.get(next)! - 1);
      if (runtimeIn.get(next) === 0) ready.push(next);
    }
  }
  return order;
}

/** Whether `to` can be reached from `from` over arcs whose count is above zero. */
function reaches(count: ReadonlyMap<string, ReadonlyMap<string, number>>, from: string, to: string, spend: (steps: number) => void): boolean {
  if (from === to) return true;
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const row = count.get(node);
    if (row === undefined) continue;
    spend(row.size);
    for (const [next, arcs] of row) {
      if (arcs <= 0 || seen.has(next)) continue;
      if (next === to) return true;
      seen.add(next);
      stack.push(next);
    }
  }
  return false;
}

/**
 * The first set of at most `than` type-only imports (smallest size first, then in the order of
 * the imports, so the answer does not depend on the greedy order) whose removal leaves no cycle
 * among the runtime components; undefined when the budget runs out first.
 */
function fewerBreakers(
  graph: ImportGraph,
  { componentOf, crosses }: Condensed,
  candidates: readonly Arc[],
  than: number,
  budget: { sets: number; work: number },
): { arcs?: Arc[] } {
  let sets = budget.sets;
  let work = budget.work;
  for (let size = 1; size <= than; size++) {
    const count = binomial(candidates.length, size);
    if (count > sets || count * graph.size > work) return {};
    sets -= count;
    work -= count * graph.size;
    for (const chosen of combinations(candidates.length, size)) {
      const removed = new Set(chosen.map((index) => `${candidates[index]![0]}\0${candidates[index]![1]}`));
      const condensed = new PrototypeSafeDirectedGraph({ allowSelfLoops: true });
      graph.forEachEdge((_edge, attributes, from, to) => {
        if (removed.has(`${from}\0${to}`) || !crosses(from, to, isTypeOnly(attributes))) return;
        const a = componentOf.get(from)!;
        const b = componentOf.get(to)!;
        condensed.mergeNode(a);
        condensed.mergeNode(b);
        if (!condensed.hasDirectedEdge(a, b)) condensed.addDirectedEdge(a, b);
      });
      if (!hasCycle(condensed)) return { arcs: chosen.map((index) => candidates[index]!) };
    }
  }
  return {};
}
