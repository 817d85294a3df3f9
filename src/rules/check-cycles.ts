/**
 * The cycles rule: every strongly connected component of local modules is one violation, shown
 * as one shortest cycle through its first module. By default only the runtime plane counts:
 * a cycle closed by a type-only import vanishes at compile time.
 */
import { stronglyConnectedComponents } from "../graph/strongly-connected-components.js";
import { bidirectionalPath } from "../graph/shortest-path.js";
import type { RulesConfig } from "../config/config-schema.js";
import type { ImportGraph } from "../graph/import-graph.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import { compareCodeUnits } from "../model/compare.js";
import { importStep, loadTimeGraph, planeView, violationAt } from "./plane.js";
import type { ImportStep, Violation } from "../model/violation.js";

export function checkCycles(graph: ImportGraph, assignment: LayerAssignment, rule: RulesConfig["cycles"]): Violation[] {
  if (rule.severity === "off") return [];
  // Imports deferred into a function body close no cycle at load time (plane.ts).
  const view = rule.plane === "runtime" ? planeView(loadTimeGraph(graph), "runtime") : graph;
  const violations: Violation[] = [];
  for (const component of stronglyConnectedComponents(view)) {
    const start = [...component].sort(compareCodeUnits)[0]!;
    if (component.length === 1 && !view.hasDirectedEdge(start, start)) continue;
    if (view.getNodeAttribute(start, "kind") !== "local") continue;
    const cycle = shortestCycleThrough(view, start);
    const steps: ImportStep[] = cycle.slice(1).map((to, index) => importStep(view, cycle[index]!, to));
    const first = steps[0]!;
    const size = component.length === steps.length ? "" : `, one of a tangle of ${component.length} modules that import each other`;
    violations.push({
      rule: "cycles",
      ruleKind: "cycles",
      severity: rule.severity,
      ...violationAt(first, first.to, "local", assignment),
      via: steps,
      message: `import cycle through ${steps.length} module${steps.length === 1 ? "" : "s"}${size}`,
      ...(rule.comment === undefined ? {} : { comment: rule.comment }),
    });
  }
  return violations;
}

/** `[start, …, start]`: the shortest way back to `start` through each of its successors. */
function shortestCycleThrough(graph: ImportGraph, start: string): string[] {
  if (graph.hasDirectedEdge(start, start)) return [start, start];
  let best: string[] | undefined;
  for (const next of graph.outNeighbors(start).sort(compareCodeUnits)) {
    const path = bidirectionalPath(graph, next, start);
    if (path !== null && (best === undefined || path.length + 1 < best.length)) best = [start, ...path];
  }
  return best!;
}
