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

export function findAffected(graph: ImportGraph, ref: string, files: readonly string[], options: { plane?: Plane } = {}): AffectedResult {
  const isModule = (file: string): boolean => graph.hasNode(file) && graph.getNodeAttribute(file, "kind") === "local";
  const changed = files.filter(isModule).sort(compareCodeUnits);
  const otherFiles = files.filter((file) => !isModule(file)).sort(compareCodeUnits);
  const dependents = findNeighbours(graph, changed, { direction: "dependents", maxDepth: Infinity, plane: options.plane ?? "all" });
  return { ref, changed, otherFiles, dependents };
}

/** Every changed or dependent module, sorted: the list to hand a test runner. */
export function affectedModules(result: AffectedResult): string[] {
  return [...result.changed, ...result.dependents.map((dependent) => dependent.id)].sort(compareCodeUnits);
}
