/**
 * The rules stage: graph + layers + rules → violations, sorted, plus the rules that could not be
 * checked as written (a layer or selector matching nothing).
 */
import type { Config, IgnoredImport } from "../config/config-schema.js";
import type { ImportGraph } from "../graph/import-graph.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import { compareCodeUnits } from "../model/compare.js";
import { checkAcyclicSiblings } from "./check-acyclic-siblings.js";
import { checkContainers } from "./check-containers.js";
import { checkCycles } from "./check-cycles.js";
import { checkForbidden } from "./check-forbidden.js";
import { checkIndependent } from "./check-independent.js";
import { checkLayers } from "./check-layers.js";
import { withoutIgnored } from "./ignore-imports.js";
import type { RuleProblem } from "./rule-problem.js";
import type { Violation } from "../model/violation.js";

export interface RulesOutcome {
  violations: Violation[];
  problems: RuleProblem[];
}

export function checkRules(graph: ImportGraph, assignment: LayerAssignment, config: Config): RulesOutcome {
  const { rules } = config;
  const problems: RuleProblem[] = [];
  /** The graph a rule judges: without the imports it ignores (a rule that is off ignores nothing). */
  const graphFor = (rule: { severity: string; ignoreImports?: IgnoredImport[] | undefined }, keyPath: string): ImportGraph => {
    if (rule.severity === "off") return graph;
    const outcome = withoutIgnored(graph, rule.ignoreImports, keyPath);
    append(problems, outcome.problems);
    return outcome.graph;
  };
  const violations: Violation[] = [
    ...checkLayers(graphFor(rules.layers.mode === "off" ? { severity: "off" } : rules.layers, "rules.layers"), assignment, rules.layers),
    ...checkCycles(graphFor(rules.cycles, "rules.cycles"), assignment, rules.cycles),
  ];
  config.layers.forEach((layer, index) => {
    if (layer.optional !== true && assignment.empty.includes(layer)) {
      problems.push({ keyPath: `layers[${index}].paths`, message: `layer "${layer.name}" matches no module` });
    }
  });
  for (const [layerIndex, globIndex] of assignment.unmatchedGlobs ?? []) {
    const layer = config.layers[layerIndex]!;
    if (layer.optional === true) continue;
    problems.push({
      keyPath: `layers[${layerIndex}].paths[${globIndex}]`,
      message: `glob "${layer.paths[globIndex]!}" of layer "${layer.name}" matches no module`,
    });
  }
  rules.forbidden.forEach((rule, index) => {
    const outcome = checkForbidden(graphFor(rule, `rules.forbidden[${index}]`), assignment, rule, index);
    append(violations, outcome.violations);
    append(problems, outcome.problems);
  });
  rules.independent.forEach((rule, index) => {
    const outcome = checkIndependent(graphFor(rule, `rules.independent[${index}]`), assignment, rule, index);
    append(violations, outcome.violations);
    append(problems, outcome.problems);
  });
  rules.containers?.forEach((rule, index) => {
    const outcome = checkContainers(graphFor(rule, `rules.containers[${index}]`), assignment, rule, index);
    append(violations, outcome.violations);
    append(problems, outcome.problems);
  });
  rules.acyclicSiblings?.forEach((rule, index) => {
    const outcome = checkAcyclicSiblings(graphFor(rule, `rules.acyclicSiblings[${index}]`), assignment, rule, index);
    append(violations, outcome.violations);
    append(problems, outcome.problems);
  });
  return { violations: violations.sort(violationOrder), problems };
}

/** `target.push(...items)` without spreading: a rule over chains can break 100,000 times, more arguments than a call takes. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function violationOrder(a: Violation, b: Violation): number {
  return (
    compareCodeUnits(a.from, b.from) ||
    a.line - b.line ||
    compareCodeUnits(a.rule, b.rule) ||
    compareCodeUnits(a.to, b.to)
  );
}
