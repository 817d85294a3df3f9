/**
 * `layermap affected <ref>`: the modules changed since a git revision and every module that
 * depends on them, directly or not — what a change can break, and so which tests to run.
 */
import type { Plane } from "../../config/config-schema.js";
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { findNeighbours, type Neighbour } from "../reach/find-neighbours.js";

export interface AffectedResult {
  ref: string;
  /** Changed files that are modules of the graph, sorted. */
  changed: string[];
  /** Changed files under the root that are not modules (docs, assets, deleted files), sorted. */
  otherFiles: string[];
  /** Modules that depend on a changed one, nearest first, each with the import that reaches it. */
  dependents: Neighbour[];
}

export interface AffectedOptions {
  /** Follow every import (default) or only runtime ones. */
  plane?: Plane;
  /**
   * With `graph` the transparent plane, the imports as written: a changed module that re-exports
   * (a barrel) can change what every module importing it gets, names declared elsewhere included,
   * and the plane no longer leads from it to them — so its dependents are also sought here.
   */
  plain?: ImportGraph;
}

export function findAffected(graph: ImportGraph, ref: string, files: readonly string[], options: AffectedOptions = {}): AffectedResult {
  const isModule = (file: string): boolean => graph.hasNode(file) && graph.getNodeAttribute(file, "kind") === "local";
  const changed = files.filter(isModule).sort(compareCodeUnits);
  const otherFiles = files.filter((file) => !isModule(file)).sort(compareCodeUnits);
  const search = { direction: "dependents", maxDepth: Infinity, plane: options.plane ?? "all" } as const;
  const dependents = findNeighbours(graph, changed, search);
  const plain = options.plain ?? graph;
  const barrels = plain === graph ? [] : changed.filter((id) => reExports(plain, id));
  if (barrels.length === 0) return { ref, changed, otherFiles, dependents };
  // The nearer answer wins; each keeps the import that reached it on its own plane.
  const found = new Map(dependents.map((dependent) => [dependent.id, dependent]));
  for (const dependent of findNeighbours(plain, barrels, search)) {
    const known = found.get(dependent.id);
    if (!changed.includes(dependent.id) && (known === undefined || dependent.depth < known.depth)) found.set(dependent.id, dependent);
  }
  return { ref, changed, otherFiles, dependents: [...found.values()].sort((a, b) => a.depth - b.depth || compareCodeUnits(a.id, b.id)) };
}

/** Whether a module re-exports anything (`export … from`): names its importers take may be declared elsewhere. */
function reExports(graph: ImportGraph, id: string): boolean {
  return graph.someOutEdge(id, (_edge, { sites }) => sites.some((site) => site.kind === "re-export"));
}

/** Every changed or dependent module, sorted: the list to hand a test runner. */
export function affectedModules(result: AffectedResult): string[] {
  return [...result.changed, ...result.dependents.map((dependent) => dependent.id)].sort(compareCodeUnits);
}
