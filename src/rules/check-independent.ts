/**
 * Independent rules: each folder matched by `siblings` is a unit (`apps/*` → `apps/wiki`,
 * `apps/shop`, …) and no unit may import another, so app A never reaches into app B. With
 * `indirect`, not through modules in no unit either (import-linter's independence contract).
 */
import { globMatcher } from "../config/glob-matcher.js";
import type { IndependentRule } from "../config/config-schema.js";
import type { ImportGraph, ModuleAttributes } from "../graph/import-graph.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import { forEachChain } from "./chains.js";
import { importStep, planeView } from "./plane.js";
import type { RuleProblem } from "./rule-problem.js";
import type { ImportStep, Violation } from "../model/violation.js";

export function checkIndependent(
  graph: ImportGraph,
  assignment: LayerAssignment,
  rule: IndependentRule,
  index: number,
): { violations: Violation[]; problems: RuleProblem[] } {
  if (rule.severity === "off") return { violations: [], problems: [] };
  const view = planeView(graph, rule.plane);
  const isUnit = globMatcher(rule.siblings);
  const units = new Map<string, string | undefined>();
  const unitOf = (id: string): string | undefined => {
    if (!units.has(id)) {
      let unit: string | undefined;
      for (let slash = id.indexOf("/"); slash !== -1; slash = id.indexOf("/", slash + 1)) {
        if (isUnit(id.slice(0, slash))) {
          unit = id.slice(0, slash);
          break;
        }
      }
      units.set(id, unit);
    }
    return units.get(id);
  };

  const violations: Violation[] = [];
  const report = (steps: ImportStep[], fromUnit: string, toUnit: string): void => {
    const first = steps[0]!;
    const to = steps[steps.length - 1]!.to;
    const fromLayer = assignment.layerOf.get(first.from);
    const toLayer = assignment.layerOf.get(to);
    const hidden = steps.length - 1;
    const through = hidden > 0 ? `, through ${hidden} module${hidden === 1 ? "" : "s"} in no unit,` : "";
    violations.push({
      rule: rule.name,
      ruleKind: "independent",
      severity: rule.severity as Violation["severity"],
      from: first.from,
      to,
      toKind: "local",
      line: first.line,
      specifier: first.specifier,
      ...(first.barrel === undefined ? {} : { barrel: first.barrel }),
      ...(fromLayer === undefined ? {} : { fromLayer }),
      ...(toLayer === undefined ? {} : { toLayer }),
      ...(hidden > 0 ? { via: steps } : {}),
      message: `${fromUnit}${through} imports ${toUnit}: they must stay independent`,
      ...(rule.comment === undefined ? {} : { comment: rule.comment }),
    });
  };
  // Set in forEachNode's callback, an assignment TypeScript's narrowing does not see.
  let unitsFound = false as boolean;
  view.forEachNode((from, attributes) => {
    if (attributes.kind !== "local") return;
    const fromUnit = unitOf(from);
    if (fromUnit === undefined) return;
    unitsFound = true;
    if (rule.indirect === true) {
      const search = {
        isTarget: (id: string, target: ModuleAttributes) => target.kind === "local" && unitOf(id) !== undefined && unitOf(id) !== fromUnit,
        mayPass: (id: string, passed: ModuleAttributes) => passed.kind === "local" && unitOf(id) === undefined,
      };
      forEachChain(view, from, search, (steps) => report(steps, fromUnit, unitOf(steps[steps.length - 1]!.to)!));
      return;
    }
    view.forEachOutNeighbor(from, (to, toAttributes) => {
      if (toAttributes.kind !== "local") return;
      const toUnit = unitOf(to);
      if (toUnit === undefined || toUnit === fromUnit) return;
      report([importStep(view, from, to)], fromUnit, toUnit);
    });
  });

  const problems: RuleProblem[] =
    unitsFound || rule.optional === true
      ? []
      : [{ keyPath: `rules.independent[${index}].siblings`, message: `rule "${rule.name}": \`siblings\` matches no folder of a module` }];
  return { violations, problems };
}
