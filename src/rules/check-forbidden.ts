/**
 * Forbidden rules: no import from modules matching `from` to modules matching `to`, optionally
 * only for some import kinds (for a rule, a type-only site's kind is `type-only`).
 */
import { globMatcher } from "../config/glob-matcher.js";
import type { ForbiddenRule } from "../config/config-schema.js";
import type { ImportGraph, ModuleAttributes } from "../graph/import-graph.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import type { ImportKind, ImportSiteRecord } from "../model/document.js";
import { compareSites } from "../graph/to-document.js";
import { barrelOf, planeView } from "./plane.js";
import type { RuleProblem } from "./rule-problem.js";
import type { Violation } from "../model/violation.js";

interface ModuleSelector {
  layer?: string[] | undefined;
  path?: string[] | undefined;
  pathNot?: string[] | undefined;
  kind?: ModuleAttributes["kind"][] | undefined;
}

function moduleMatcher(selector: ModuleSelector, assignment: LayerAssignment): (id: string, attributes: ModuleAttributes) => boolean {
  const path = selector.path === undefined ? undefined : globMatcher(selector.path);
  const pathNot = selector.pathNot === undefined ? undefined : globMatcher(selector.pathNot);
  return (id, attributes) => {
    if (selector.kind !== undefined && !selector.kind.includes(attributes.kind)) return false;
    if (selector.layer !== undefined) {
      const layer = assignment.layerOf.get(id);
      if (layer === undefined || !selector.layer.includes(layer)) return false;
    }
    if (path !== undefined && !path(id)) return false;
    return pathNot === undefined || !pathNot(id);
  };
}

function siteKind(site: ImportSiteRecord): ImportKind {
  return site.typeOnly ? "type-only" : site.kind;
}

export function checkForbidden(
  graph: ImportGraph,
  assignment: LayerAssignment,
  rule: ForbiddenRule,
  index: number,
): { violations: Violation[]; problems: RuleProblem[] } {
  if (rule.severity === "off") return { violations: [], problems: [] };
  const view = planeView(graph, rule.plane);
  const fromMatches = moduleMatcher(rule.from, assignment);
  const toMatches = moduleMatcher(rule.to, assignment);
  const kinds = rule.to.importKinds;
  const violations: Violation[] = [];
  // Set in forEachNode's callback, an assignment TypeScript's narrowing does not see.
  let fromMatchedAny = false as boolean;

  view.forEachNode((from, attributes) => {
    if (!fromMatches(from, attributes)) return;
    fromMatchedAny = true;
    view.forEachOutEdge(from, (_edge, edge, _source, to, _fromAttributes, toAttributes) => {
      if (!toMatches(to, toAttributes)) return;
      const site = edge.sites.filter((candidate) => kinds === undefined || kinds.includes(siteKind(candidate))).sort(compareSites)[0];
      if (site === undefined) return;
      const fromLayer = assignment.layerOf.get(from);
      const toLayer = assignment.layerOf.get(to);
      violations.push({
        rule: rule.name,
        ruleKind: "forbidden",
        severity: rule.severity as Violation["severity"],
        from,
        to,
        toKind: toAttributes.kind,
        line: site.line,
        specifier: site.specifier,
        ...barrelOf(site),
        ...(fromLayer === undefined ? {} : { fromLayer }),
        ...(toLayer === undefined ? {} : { toLayer }),
        message: `forbidden by ${rule.name}`,
        ...(rule.comment === undefined ? {} : { comment: rule.comment }),
      });
    });
  });

  const problems: RuleProblem[] =
    fromMatchedAny || rule.optional === true
      ? []
      : [{ keyPath: `rules.forbidden[${index}].from`, message: `rule "${rule.name}": \`from\` matches no module` }];
  return { violations, problems };
}
