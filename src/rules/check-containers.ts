/**
 * Containers rules: the same layers inside each of several folders (import-linter's layers
 * contract with `containers`). In `src/features/cart`, `ui` may import `api` but not the other
 * way; nothing is said between `src/features/cart` and `src/features/shop`. A container's
 * layers are its children by name (folder-children.ts), so `high` is `high/` and `high.py`
 * alike. A list of names is one rank whose layers must not import each other (import-linter's
 * `blue | green`); one glob naming several children (`{blue,green}`) is one layer (`blue : green`).
 * Checked like the layers rule, chains through modules in none of the container's layers included.
 */
import { globMatcher } from "../config/glob-matcher.js";
import type { ContainersRule } from "../config/config-schema.js";
import type { ImportGraph } from "../graph/import-graph.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import { compareCodeUnits } from "../model/compare.js";
import { explainBreak, forEachLayerBreak, type Layering } from "./check-layers.js";
import { childrenOn } from "./folder-children.js";
import { planeView, violationAt } from "./plane.js";
import type { RuleProblem } from "./rule-problem.js";
import type { ImportStep, Violation } from "../model/violation.js";

export function checkContainers(
  graph: ImportGraph,
  assignment: LayerAssignment,
  rule: ContainersRule,
  index: number,
): { violations: Violation[]; problems: RuleProblem[] } {
  if (rule.severity === "off") return { violations: [], problems: [] };
  const view = planeView(graph, rule.plane);
  const isContainer = globMatcher(rule.containers);
  const layers = rule.layers.map((entry, rank) => ({ rank, names: typeof entry === "string" ? [entry] : entry }));
  const matchers = layers.flatMap(({ rank, names }) => names.map((name) => ({ rank, name, matches: globMatcher([name]) })));
  const rank = new Map(matchers.map(({ name, rank: at }) => [name, at]));
  const independentRanks = new Set(layers.filter(({ names }) => names.length > 1).map(({ rank: at }) => at));

  // Container → (module → the container's layer it is in).
  const containers = new Map<string, Map<string, string>>();
  const used = new Set<string>();
  view.forEachNode((id, attributes) => {
    if (attributes.kind !== "local") return;
    for (const child of childrenOn(id, isContainer)) {
      let layerOf = containers.get(child.folder);
      if (layerOf === undefined) containers.set(child.folder, (layerOf = new Map<string, string>()));
      const layer = matchers.find(({ matches }) => matches(child.name))?.name;
      if (layer === undefined) continue;
      layerOf.set(id, layer);
      used.add(layer);
    }
  });

  const violations: Violation[] = [];
  for (const container of [...containers.keys()].sort(compareCodeUnits)) {
    const layering: Layering = { layerOf: containers.get(container)!, rank, independentRanks };
    forEachLayerBreak(view, layering, rule.mode, (steps: ImportStep[]) => {
      const first = steps[0]!;
      const to = steps[steps.length - 1]!.to;
      const from = layering.layerOf.get(first.from)!;
      const into = layering.layerOf.get(to)!;
      const hidden = steps.length - 1;
      const through = hidden > 0 ? `, through ${hidden} module${hidden === 1 ? "" : "s"} in none of its layers,` : "";
      violations.push({
        rule: rule.name,
        ruleKind: "containers",
        severity: rule.severity as Violation["severity"],
        ...violationAt(first, to, "local", assignment),
        ...(hidden > 0 ? { via: steps } : {}),
        message: `in ${container}, ${from}${through} imports ${into}: ${explainBreak(rule.mode, layering, from, into)}`,
        ...(rule.comment === undefined ? {} : { comment: rule.comment }),
      });
    }, true);
  }

  const problems: RuleProblem[] = [];
  if (rule.optional !== true) {
    if (containers.size === 0) {
      problems.push({ keyPath: `rules.containers[${index}].containers`, message: `rule "${rule.name}": \`containers\` matches no folder of a module` });
    } else {
      rule.layers.forEach((entry, at) => {
        for (const name of typeof entry === "string" ? [entry] : entry) {
          if (!used.has(name)) problems.push({ keyPath: `rules.containers[${index}].layers[${at}]`, message: `rule "${rule.name}": layer "${name}" is no child of any container` });
        }
      });
    }
  }
  return { violations, problems };
}
