/**
 * The layers rule: a module may import its own layer and the layers below it (`relaxed`), or
 * only its own and the one directly below (`strict`). Imports are followed through modules in
 * no layer, so `core → util → app` is caught as core importing app, with the whole chain.
 */
import type { LayerMode, RulesConfig } from "../config/config-schema.js";
import type { ImportGraph, ModuleAttributes } from "../graph/import-graph.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import { forEachChain, forEachChainBackwards, prunedSearch } from "./chains.js";
import { planeView } from "./plane.js";
import type { ImportStep, Violation } from "../model/violation.js";

export function checkLayers(graph: ImportGraph, assignment: LayerAssignment, rule: RulesConfig["layers"]): Violation[] {
  if (rule.mode === "off" || rule.severity === "off" || assignment.layerOf.size === 0) return [];
  const view = planeView(graph, rule.plane);
  const { layerOf } = assignment;
  const violations: Violation[] = [];

  const report = (steps: ImportStep[]): void => {
    const first = steps[0]!;
    const last = steps[steps.length - 1]!;
    const fromLayer = layerOf.get(first.from)!;
    const toLayer = layerOf.get(last.to)!;
    const hidden = steps.length - 1;
    const through = hidden > 0 ? `, through ${hidden} module${hidden === 1 ? "" : "s"} in no layer,` : "";
    violations.push({
      rule: "layers",
      ruleKind: "layers",
      severity: rule.severity as Violation["severity"],
      from: first.from,
      to: last.to,
      toKind: "local",
      line: first.line,
      specifier: first.specifier,
      ...(first.barrel === undefined ? {} : { barrel: first.barrel }),
      fromLayer,
      toLayer,
      ...(steps.length > 1 ? { via: steps } : {}),
      message: `${fromLayer}${through} imports ${toLayer}: ${explainBreak(rule.mode, assignment, fromLayer, toLayer)}`,
      ...(rule.comment === undefined ? {} : { comment: rule.comment }),
    });
  };

  forEachLayerBreak(view, assignment, rule.mode, report);
  return violations;
}

/** Layers as a layered check reads them: module → layer, layer → rank (0 at the top). */
export interface Layering {
  layerOf: ReadonlyMap<string, string>;
  rank: ReadonlyMap<string, number>;
  /** Ranks shared by several layers that must not import each other (import-linter's `a | b`). */
  independentRanks?: ReadonlySet<number>;
}

/**
 * Calls `broken` with each chain from a layered module to a layer it may not import. Chains run
 * through local modules in no layer, so `core → util → app` is core importing app. `backwards`
 * finds them from the targets (chains.ts): the same breaks, for a rule applied in many folders.
 */
export function forEachLayerBreak(view: ImportGraph, layering: Layering, mode: LayerMode, broken: (steps: ImportStep[]) => void, backwards = false): void {
  const { layerOf } = layering;
  const layered = (id: string, attributes: ModuleAttributes): boolean => attributes.kind === "local" && layerOf.has(id);
  const search = { isTarget: layered, mayPass: (id: string, attributes: ModuleAttributes) => attributes.kind === "local" && !layerOf.has(id) };
  const breaks = (from: string, to: string): boolean => !isAllowed(mode, layering, layerOf.get(from)!, layerOf.get(to)!);
  if (backwards) {
    forEachChainBackwards(view, { ...search, isSource: layered }, breaks, broken);
    return;
  }
  const pruned = prunedSearch(view, search);
  view.forEachNode((source) => {
    if (!layerOf.has(source)) return;
    forEachChain(view, source, pruned, (steps) => {
      if (breaks(source, steps[steps.length - 1]!.to)) broken(steps);
    });
  });
}

function isAllowed(mode: LayerMode, layering: Layering, fromLayer: string, toLayer: string): boolean {
  const from = layering.rank.get(fromLayer)!;
  const to = layering.rank.get(toLayer)!;
  if (from === to && fromLayer !== toLayer && layering.independentRanks?.has(from) === true) return false;
  return mode === "strict" ? to === from || to === from + 1 : to >= from;
}

/** Why `fromLayer` may not import `toLayer`, in a few words. */
export function explainBreak(mode: LayerMode, layering: Layering, fromLayer: string, toLayer: string): string {
  const { rank } = layering;
  const from = rank.get(fromLayer)!;
  const to = rank.get(toLayer)!;
  if (to < from) return `${toLayer} is a higher layer`;
  if (to === from) return `${fromLayer} and ${toLayer} share a rank and must not import each other`;
  const below = [...rank].filter(([, index]) => index === from + 1).map(([name]) => name);
  return `in strict mode ${fromLayer} may import only itself${below.length === 0 ? "" : ` and ${below.join(", ")}`}`;
}
