/**
 * A module named on the command line: an exact id (`src/a.ts`, `lodash`, `node:fs`) or a glob
 * over ids (`src/api/**`). A path copied from layermap's own output, which starts with the root
 * as the user named it, is accepted too. Matching nothing is a UserError: a typo must not look
 * like "no dependencies".
 */
import picomatch from "picomatch";
import type { ImportGraph } from "../graph/import-graph.js";
import { compareCodeUnits } from "../model/compare.js";
import { UserError } from "../model/errors.js";

export interface MatchOptions {
  /** The root as the user named it (`.` or `samples`), stripped from a pattern that starts with it. */
  root?: string;
}

export function matchModules(graph: ImportGraph, pattern: string, options: MatchOptions = {}): string[] {
  const found = matchOnce(graph, pattern);
  if (found.length > 0) return found;
  const prefix = options.root === undefined || options.root === "." ? undefined : `${options.root}/`;
  if (prefix !== undefined && pattern.startsWith(prefix)) {
    const stripped = matchOnce(graph, pattern.slice(prefix.length));
    if (stripped.length > 0) return stripped;
  }
  throw new UserError(`${pattern}: matches no module (module ids are paths relative to the root, package names, or node:<name>)`);
}

function matchOnce(graph: ImportGraph, pattern: string): string[] {
  const normalized = pattern.startsWith("./") ? pattern.slice(2) : pattern;
  if (graph.hasNode(normalized)) return [normalized];
  if (!picomatch.scan(normalized).isGlob) return [];
  const matches = picomatch(normalized, { dot: true });
  return graph.filterNodes((id) => matches(id)).sort(compareCodeUnits);
}
