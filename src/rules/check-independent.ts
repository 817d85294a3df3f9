/**
 * Independent rules: each folder matched by `siblings` is a unit (`apps/*` → `apps/wiki`,
 * `apps/shop`, …) and no unit may import another, so app A never reaches into app B.
 */
import { globMatcher } from "../config/glob-matcher.js";
import type { IndependentRule } from "../config/config-schema.js";
import type { ImportGraph } from "../graph/import-graph.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import { barrelOf, firstSite, planeView } from "./plane.js";
import type { RuleProblem } from "./rule-problem.js";
import type { Violation } from "../model/violation.js";

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
  // Set in forEachNode's callback, an assignment TypeScript's narrowing does not see.
  let unitsFound = false as boolean;
  view.forEachNode((from, attributes) => {
    if (attributes.kind !== "local") return;
    const fromUnit = unitOf(from);
    if (fromUnit === undefined) return;
    unitsFound = true;
    view.forEachOutNeighbor(from, (to, toAttributes) => {
      if (toAttributes.kind !== "local") return;
      const toUnit = unitOf(to);
      if (toUnit === undefined || toUnit === fromUnit) return;
      const site = firstSite(view, from, to);
      const fromLayer = assignment.layerOf.get(from);
      const toLayer = assignment.layerOf.get(to);
      violations.push({
        rule: rule.name,
        ruleKind: "independent",
        severity: rule.severity as Violation["severity"],
        from,
        to,
        toKind: "local",
        line: site.line,
        specifier: site.specifier,
        ...barrelOf(site),
        ...(fromLayer === undefined ? {} : { fromLayer }),
        ...(toLayer === undefined ? {} : { toLayer }),
        message: `${fromUnit} imports ${toUnit}: they must stay independent`,
        ...(rule.comment === undefined ? {} : { comment: rule.comment }),
      });
    });
  });

  const problems: RuleProblem[] =
    unitsFound || rule.optional === true
      ? []
      : [{ keyPath: `rules.independent[${index}].siblings`, message: `rule "${rule.name}": \`siblings\` matches no folder of a module` }];
  return { violations, problems };
}
