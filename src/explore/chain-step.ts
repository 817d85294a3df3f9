/**
 * One import on a chain the explore commands print: `from` imports `to` at `line`, and whether
 * that import vanishes at compile time. Chains are read off the plane they were found on, so a
 * runtime chain points at a runtime import even when a type-only one comes first in the file.
 */
import { isTypeOnly, type ImportGraph } from "../graph/import-graph.js";
import type { ModuleKind } from "../model/document.js";
import type { ImportStep } from "../model/violation.js";
import { importStep } from "../rules/plane.js";

export interface ChainStep extends ImportStep {
  typeOnly: boolean;
  /** Present when every site is in a function body (Python's deferred form) or type-only: it never runs while modules load. */
  deferred?: true;
  /** What `to` is (`from` is always local: only local modules import). */
  toKind: ModuleKind;
}

/** A module named in a result, with its kind: only a local module's id is a path. */
export interface ModuleRef {
  id: string;
  kind: ModuleKind;
}

export function moduleRefs(graph: ImportGraph, ids: readonly string[]): ModuleRef[] {
  return ids.map((id) => ({ id, kind: graph.getNodeAttribute(id, "kind") }));
}

/** On the transparent plane, a step through a barrel carries it (`barrel`): the module imported, and the names declared in `to`. */
export function chainStep(graph: ImportGraph, from: string, to: string): ChainStep {
  const attributes = graph.getEdgeAttributes(graph.edge(from, to)!);
  const typeOnly = isTypeOnly(attributes);
  const deferred = attributes.sites.some((site) => site.kind === "deferred") && attributes.sites.every((site) => site.kind === "deferred" || site.typeOnly === true);
  return { ...importStep(graph, from, to), typeOnly, ...(deferred ? { deferred } : {}), toKind: graph.getNodeAttribute(to, "kind") };
}

/** `[a, b, c]` → the steps a → b and b → c. */
export function chainAlong(graph: ImportGraph, nodes: readonly string[]): ChainStep[] {
  return nodes.slice(1).map((to, index) => chainStep(graph, nodes[index]!, to));
}
