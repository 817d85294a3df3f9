/**
 * Forbidden rules: no import from modules matching `from` to modules matching `to`, optionally
 * only for some import kinds (for a rule, a type-only site's kind is `type-only`). With
 * `indirect`, no chain either: `from` → x → `to` through local modules `from` does not match,
 * every step of an import kind the rule judges; each module's shortest chain is reported.
 */
import { globMatcher } from "../config/glob-matcher.js";
import type { ForbiddenRule } from "../config/config-schema.js";
import type { ImportGraph, ModuleAttributes } from "../graph/import-graph.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import type { ImportKind, ImportSiteRecord } from "../model/document.js";
import { compareSites } from "../graph/to-document.js";
import { forEachChain, prunedSearch } from "./chains.js";
import { barrelOf, planeView, violationAt } from "./plane.js";
import type { RuleProblem } from "./rule-problem.js";
import type { ImportStep, Violation } from "../model/violation.js";

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

  const report = (steps: ImportStep[], toAttributes: ModuleAttributes): void => {
    const first = steps[0]!;
    const to = steps[steps.length - 1]!.to;
    const hidden = steps.length - 1;
    violations.push({
      rule: rule.name,
      ruleKind: "forbidden",
      severity: rule.severity as Violation["severity"],
      ...violationAt(first, to, toAttributes.kind, assignment),
      ...(hidden > 0 ? { via: steps } : {}),
      message: `forbidden by ${rule.name}${hidden > 0 ? `, through ${hidden} module${hidden === 1 ? "" : "s"}` : ""}`,
      ...(rule.comment === undefined ? {} : { comment: rule.comment }),
    });
  };
  /** The import `from` → `to` as the rule judges it: its first site of a kind the rule names, if any. */
  const step = (from: string, to: string): ImportStep | undefined => {
    const sites = view.getEdgeAttributes(view.edge(from, to)!).sites;
    const site = sites.filter((candidate) => kinds === undefined || kinds.includes(siteKind(candidate))).sort(compareSites)[0];
    return site === undefined ? undefined : { from, to, line: site.line, specifier: site.specifier, ...barrelOf(site) };
  };

  // Not through another `from` module: that one reports its own chain, as import-linter reports a
  // source package's chains once, from the module where they leave it.
  const chains =
    rule.indirect === true
      ? prunedSearch(view, { isTarget: toMatches, mayPass: (id: string, passed: ModuleAttributes) => passed.kind === "local" && !fromMatches(id, passed), step })
      : undefined;

  view.forEachNode((from, attributes) => {
    if (!fromMatches(from, attributes)) return;
    fromMatchedAny = true;
    if (chains !== undefined) {
      // Every direct import, as without `indirect`, then one chain: the shortest. A module that
      // reaches a thousand forbidden modules through one hub is one violation, not a thousand
      // (the next chain shows once that one is cut), and the search ends there.
      let chained = false;
      const search = { ...chains, mayPass: (id: string, passed: ModuleAttributes) => !chained && chains.mayPass(id, passed) };
      forEachChain(view, from, search, (steps) => {
        if (steps.length > 1 && chained) return;
        chained ||= steps.length > 1;
        report(steps, view.getNodeAttributes(steps[steps.length - 1]!.to));
      });
      return;
    }
    view.forEachOutEdge(from, (_edge, _attributes, _source, to, _fromAttributes, toAttributes) => {
      if (!toMatches(to, toAttributes)) return;
      const direct = step(from, to);
      if (direct !== undefined) report([direct], toAttributes);
    });
  });

  const problems: RuleProblem[] =
    fromMatchedAny || rule.optional === true
      ? []
      : [{ keyPath: `rules.forbidden[${index}].from`, message: `rule "${rule.name}": \`from\` matches no module` }];
  return { violations, problems };
}
