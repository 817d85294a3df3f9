/**
 * Import chains for the rules that look past direct imports (layers, forbidden and independent
 * with `indirect`, containers): breadth first from one module, so the first time a target is
 * reached it is along a shortest chain, and each target is reported once, with every step.
 */
import type { ImportGraph, ModuleAttributes } from "../graph/import-graph.js";
import type { ImportStep } from "../model/violation.js";
import { importStep } from "./plane.js";

export interface ChainSearch {
  /** A module the rule is about: reported when reached, never passed through. */
  isTarget(id: string, attributes: ModuleAttributes): boolean;
  /** A module a chain may run through (the rule says nothing about it). */
  mayPass(id: string, attributes: ModuleAttributes): boolean;
  /** The import `from` → `to` as a step; by default its first site. */
  step?: (from: string, to: string) => ImportStep | undefined;
}

/** Calls `found` with the shortest chain from `source` to each target, in the order they are reached. */
export function forEachChain(view: ImportGraph, source: string, search: ChainSearch, found: (steps: ImportStep[]) => void): void {
  const step = search.step ?? ((from: string, to: string): ImportStep => importStep(view, from, to));
  const parent = new Map<string, string>();
  const reached = new Set<string>();
  let frontier = [source];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      view.forEachOutNeighbor(node, (target, attributes) => {
        if (target === source || parent.has(target) || reached.has(target)) return;
        // An import a rule leaves out (an import kind it does not judge) is no step of a chain.
        if (search.step !== undefined && search.step(node, target) === undefined) return;
        if (search.isTarget(target, attributes)) {
          reached.add(target);
          found(chain(source, node, target, parent, step));
        } else if (search.mayPass(target, attributes)) {
          parent.set(target, node);
          next.push(target);
        }
      });
    }
    frontier = next;
  }
}

function chain(
  source: string,
  last: string,
  target: string,
  parent: Map<string, string>,
  step: (from: string, to: string) => ImportStep | undefined,
): ImportStep[] {
  const nodes = [target, last];
  for (let node = last; node !== source; ) {
    node = parent.get(node)!;
    nodes.push(node);
  }
  nodes.reverse();
  return nodes.slice(1).map((to, index) => step(nodes[index]!, to)!);
}
