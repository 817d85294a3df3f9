/**
 * Independent rules: each folder matched by `siblings` is a unit (`apps/*` → `apps/wiki`,
 * `apps/shop`, …) and no unit may import another, so app A never reaches into app B. With
 * `indirect`, not through modules in no unit either (import-linter's independence contract):
 * every direct import, and for each pair of units only a chain joins, its shortest chain.
 */
import { globMatcher } from "../config/glob-matcher.js";
import type { IndependentRule } from "../config/config-schema.js";
import type { ImportGraph, ModuleAttributes } from "../graph/import-graph.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import { forEachChain, prunedSearch } from "./chains.js";
import { importStep, planeView, violationAt } from "./plane.js";
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
    const hidden = steps.length - 1;
    const through = hidden > 0 ? `, through ${hidden} module${hidden === 1 ? "" : "s"} in no unit,` : "";
    violations.push({
      rule: rule.name,
      ruleKind: "independent",
      severity: rule.severity as Violation["severity"],
      ...violationAt(first, to, "local", assignment),
      ...(hidden > 0 ? { via: steps } : {}),
      message: `${fromUnit}${through} imports ${toUnit}: they must stay independent`,
      ...(rule.comment === undefined ? {} : { comment: rule.comment }),
    });
  };
  // Set in forEachNode's callback, an assignment TypeScript's narrowing does not see.
  let unitsFound = false as boolean;
  /** Each unit's modules, in graph order. */
  const members = new Map<string, string[]>();
  /** `from unit\0to unit` for each pair a direct import joins. */
  const joined = new Set<string>();
  view.forEachNode((from, attributes) => {
    if (attributes.kind !== "local") return;
    const fromUnit = unitOf(from);
    if (fromUnit === undefined) return;
    unitsFound = true;
    const unitModules = members.get(fromUnit);
    if (unitModules === undefined) members.set(fromUnit, [from]);
    else unitModules.push(from);
    view.forEachOutNeighbor(from, (to, toAttributes) => {
      if (toAttributes.kind !== "local") return;
      const toUnit = unitOf(to);
      if (toUnit === undefined || toUnit === fromUnit) return;
      joined.add(`${fromUnit}\0${toUnit}`);
      report([importStep(view, from, to)], fromUnit, toUnit);
    });
  });

  if (rule.indirect === true) {
    // Then chains through modules in no unit: one per pair of units no direct import joins, the
    // shortest from any module of the one — import-linter's granularity (`a` must not depend on
    // `b`). Per module it was a violation for each module of each unit a shared hub reaches:
    // 588,060 on a 16,000-module graph whose library imports every feature.
    const search = prunedSearch(view, {
      isTarget: (id: string, target: ModuleAttributes) => target.kind === "local" && unitOf(id) !== undefined,
      mayPass: (id: string, passed: ModuleAttributes) => passed.kind === "local" && unitOf(id) === undefined,
    });
    for (const [fromUnit, modules] of members) {
      forEachChain(view, modules, search, (steps) => {
        const toUnit = unitOf(steps[steps.length - 1]!.to)!;
        if (steps.length === 1 || toUnit === fromUnit || joined.has(`${fromUnit}\0${toUnit}`)) return;
        joined.add(`${fromUnit}\0${toUnit}`);
        report(steps, fromUnit, toUnit);
      });
    }
  }

  const problems: RuleProblem[] =
    unitsFound || rule.optional === true
      ? []
      : [{ keyPath: `rules.independent[${index}].siblings`, message: `rule "${rule.name}": \`siblings\` matches no folder of a module` }];
  return { violations, problems };
}
