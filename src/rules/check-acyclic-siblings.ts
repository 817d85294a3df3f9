/**
 * Acyclic-siblings rules (import-linter's `acyclic_siblings`): the children of each folder
 * matching `parents` — folders, and files by name (folder-children.ts) — must not import each
 * other in a cycle, counting every import between their modules; then the same inside each child
 * folder, `depth` generations down, except below the folders `skip` names. An import between two
 * modules counts in exactly one folder: the deepest they share, where their paths part. Each
 * tangle of children is one violation, shown as one shortest cycle through its first child, each
 * step a real import (file and line) from a module of one child into a module of the next.
 */
import { globMatcher } from "../config/glob-matcher.js";
import type { AcyclicSiblingsRule } from "../config/config-schema.js";
import { stronglyConnectedComponents } from "../graph/strongly-connected-components.js";
import type { ImportGraph } from "../graph/import-graph.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import { compareCodeUnits } from "../model/compare.js";
import { stem } from "./folder-children.js";
import { importStep, planeView, violationAt } from "./plane.js";
import type { RuleProblem } from "./rule-problem.js";
import type { ImportStep, Violation } from "../model/violation.js";

/** Child → child → the first import from a module of one into a module of the other. */
type ChildGraph = Map<string, Map<string, ImportStep>>;

export function checkAcyclicSiblings(
  graph: ImportGraph,
  assignment: LayerAssignment,
  rule: AcyclicSiblingsRule,
  index: number,
): { violations: Violation[]; problems: RuleProblem[] } {
  if (rule.severity === "off") return { violations: [], problems: [] };
  const view = planeView(graph, rule.plane);
  const isParent = globMatcher(rule.parents);
  const isSkipped = globMatcher(rule.skip ?? []);
  const checked = new Map<string, boolean>();
  const isChecked = (folder: string): boolean => {
    let answer = checked.get(folder);
    if (answer === undefined) {
      answer = folderIsChecked(folder, isParent, isSkipped, rule.depth);
      checked.set(folder, answer);
    }
    return answer;
  };

  // Set in forEachNode's callback, an assignment TypeScript's narrowing does not see.
  let parentsFound = false as boolean;
  const folders = new Map<string, ChildGraph>();
  view.forEachNode((id, attributes) => {
    if (!parentsFound && attributes.kind === "local") parentsFound = foldersOf(id).some(isParent);
  });
  view.forEachEdge((_edge, _attributes, from, to, fromAttributes, toAttributes) => {
    if (fromAttributes.kind !== "local" || toAttributes.kind !== "local") return;
    const parted = whereTheyPart(from, to);
    if (parted === undefined || !isChecked(parted.folder)) return;
    let children = folders.get(parted.folder);
    if (children === undefined) folders.set(parted.folder, (children = new Map<string, Map<string, ImportStep>>()));
    let targets = children.get(parted.fromChild);
    if (targets === undefined) children.set(parted.fromChild, (targets = new Map<string, ImportStep>()));
    const step = importStep(view, from, to);
    const known = targets.get(parted.toChild);
    if (known === undefined || compareCodeUnits(step.from, known.from) < 0 || (step.from === known.from && step.line < known.line)) targets.set(parted.toChild, step);
  });

  const violations: Violation[] = [];
  for (const folder of [...folders.keys()].sort(compareCodeUnits)) {
    const children = folders.get(folder)!;
    const neighbours = (child: string): string[] => [...(children.get(child)?.keys() ?? [])].sort(compareCodeUnits);
    const nodes = new Set<string>();
    for (const [child, targets] of children) {
      nodes.add(child);
      for (const target of targets.keys()) nodes.add(target);
    }
    const components = stronglyConnectedComponents({ nodes: () => [...nodes].sort(compareCodeUnits), outNeighbors: neighbours });
    for (const component of components) {
      if (component.length < 2) continue;
      const start = [...component].sort(compareCodeUnits)[0]!;
      const cycle = shortestCycle(start, neighbours);
      const steps = cycle.slice(1).map((child, at) => children.get(cycle[at]!)!.get(child)!);
      const first = steps[0]!;
      const tangle = component.length === steps.length ? "" : `, one of a tangle of ${component.length} children that import each other`;
      violations.push({
        rule: rule.name,
        ruleKind: "acyclic-siblings",
        severity: rule.severity,
        ...violationAt(first, first.to, "local", assignment),
        via: steps,
        message: `in ${folder}, ${cycle.join(" → ")} import each other in a cycle${tangle}`,
        ...(rule.comment === undefined ? {} : { comment: rule.comment }),
      });
    }
  }

  const problems: RuleProblem[] =
    parentsFound || rule.optional === true
      ? []
      : [{ keyPath: `rules.acyclicSiblings[${index}].parents`, message: `rule "${rule.name}": \`parents\` matches no folder of a module` }];
  return { violations, problems };
}

/** `.` and every folder above `id`, outermost first. */
function foldersOf(id: string): string[] {
  const folders = ["."];
  for (let slash = id.indexOf("/"); slash !== -1; slash = id.indexOf("/", slash + 1)) folders.push(id.slice(0, slash));
  return folders;
}

/** The deepest folder two modules share and the child of it each lies in, when those differ. */
function whereTheyPart(from: string, to: string): { folder: string; fromChild: string; toChild: string } | undefined {
  let shared = 0; // the length of the folder prefix both ids start with, its slash included
  for (let slash = from.indexOf("/"); slash !== -1; slash = from.indexOf("/", slash + 1)) {
    if (!to.startsWith(from.slice(shared, slash + 1), shared)) break;
    shared = slash + 1;
  }
  const childAt = (id: string): string => {
    const end = id.indexOf("/", shared);
    return end === -1 ? stem(id.slice(shared)) : id.slice(shared, end);
  };
  const fromChild = childAt(from);
  const toChild = childAt(to);
  if (fromChild === toChild) return undefined;
  return { folder: shared === 0 ? "." : from.slice(0, shared - 1), fromChild, toChild };
}

/** Whether some parent at or above `folder`, at most `depth` generations up, sees it, with no skipped folder between. */
function folderIsChecked(folder: string, isParent: (id: string) => boolean, isSkipped: (id: string) => boolean, depth: number): boolean {
  const chain = folder === "." ? ["."] : [...foldersOf(folder), folder]; // the root first, `folder` last
  for (let at = chain.length - 1; at >= 0 && chain.length - 1 - at <= depth; at--) {
    if (isSkipped(chain[at]!)) return false;
    if (isParent(chain[at]!)) return true;
  }
  return false;
}

/** `[start, …, start]`: a shortest cycle through `start`, breadth first over sorted neighbours. */
function shortestCycle(start: string, neighbours: (child: string) => string[]): string[] {
  const parent = new Map<string, string>();
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const target of neighbours(node)) {
        if (target === start) {
          const path = [node];
          for (let at = node; at !== start; ) path.push((at = parent.get(at)!));
          return [...path.reverse(), start];
        }
        if (!parent.has(target) && target !== start) {
          parent.set(target, node);
          next.push(target);
        }
      }
    }
    frontier = next;
  }
  return [start, start];
}
