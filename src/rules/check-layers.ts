/**
 * The layers rule: a module may import its own layer and the layers below it (`relaxed`), or
 * only its own and the one directly below (`strict`). Imports are followed through modules in
 * no layer, so `core → util → app` is caught as core importing app, with the whole chain.
 */
import type { LayerMode, RulesConfig } from "../config/config-schema.js";
import type { ImportGraph } from "../graph/import-graph.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import { importStep, planeView } from "./plane.js";
import type { ImportStep, Violation } from "../model/violation.js";

export function checkLayers(graph: ImportGraph, assignment: LayerAssignment, rule: RulesConfig["layers"]): Violation[] {
  if (rule.mode === "off" || rule.severity === "off" || assignment.layerOf.size === 0) return [];
  const view = planeView(graph, rule.plane);
  const { layerOf, rank } = assignment;
  const violations: Violation[] = [];

  const report = (steps: ImportStep[]): void => {
    const first = steps[0]!;
    const last = steps[steps.length - 1]!;
    const fromLayer = layerOf.get(first.from)!;
    const toLayer = layerOf.get(last.to)!;
    if (isAllowed(rule.mode, rank.get(fromLayer)!, rank.get(toLayer)!)) return;
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
      message: `${fromLayer}${through} imports ${toLayer}: ${explain(rule.mode, fromLayer, toLayer, rank)}`,
      ...(rule.comment === undefined ? {} : { comment: rule.comment }),
    });
  };

  const step = (from: string, to: string): ImportStep => importStep(view, from, to);

  view.forEachNode((source) => {
    if (!layerOf.has(source)) return;
    // Breadth first from each layered module through unlayered local modules only: the first
    // time a layered module is reached is along a shortest chain.
    const parent = new Map<string, string>();
    const reached = new Set<string>();
    let frontier = [source];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const node of frontier) {
        view.forEachOutNeighbor(node, (target, attributes) => {
          if (attributes.kind !== "local" || target === source || parent.has(target) || reached.has(target)) return;
          if (layerOf.has(target)) {
            reached.add(target);
            report(chain(source, node, target, parent, step));
          } else {
            parent.set(target, node);
            next.push(target);
          }
        });
      }
      frontier = next;
    }
  });
  return violations;
}

function chain(
  source: string,
  last: string,
  target: string,
  parent: Map<string, string>,
  step: (from: string, to: string) => ImportStep,
): ImportStep[] {
  const nodes = [target, last];
  for (let node = last; node !== source; ) {
    node = parent.get(node)!;
    nodes.push(node);
  }
  nodes.reverse();
  return nodes.slice(1).map((to, index) => step(nodes[index]!, to));
}

function isAllowed(mode: LayerMode, from: number, to: number): boolean {
  return mode === "strict" ? to === from || to === from + 1 : to >= from;
}

function explain(mode: LayerMode, fromLayer: string, toLayer: string, rank: Map<string, number>): string {
  const from = rank.get(fromLayer)!;
  const to = rank.get(toLayer)!;
  if (to < from) return `${toLayer} is a higher layer`;
  const below = [...rank].find(([, index]) => index === from + 1)?.[0];
  return `in strict mode ${fromLayer} may import only itself${below === undefined ? "" : ` and ${below}`}`;
}
