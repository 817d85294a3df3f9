/**
 * `ignoreImports` (import-linter's `ignore_imports`): imports one rule does not see. They are
 * taken out of the graph that rule judges, so a chain through one vanishes too — unlike the
 * baseline, which accepts a violation by its two ends. An entry that matches no import is a
 * problem, as a glob that matches nothing is everywhere else (import-linter's default too).
 */
import { globMatcher } from "../config/glob-matcher.js";
import type { IgnoredImport } from "../config/config-schema.js";
import { createImportGraph, type ImportGraph } from "../graph/import-graph.js";
import type { RuleProblem } from "./rule-problem.js";

export function withoutIgnored(
  graph: ImportGraph,
  ignored: readonly IgnoredImport[] | undefined,
  keyPath: string,
): { graph: ImportGraph; problems: RuleProblem[] } {
  if (ignored === undefined) return { graph, problems: [] };
  const entries = ignored.map(({ from, to }) => ({ from: globMatcher(from), to: globMatcher(to), used: false }));
  const kept = createImportGraph();
  graph.forEachNode((id, attributes) => kept.addNode(id, attributes));
  graph.forEachEdge((_edge, attributes, from, to) => {
    let ignore = false;
    for (const entry of entries) {
      if (entry.from(from) && entry.to(to)) ignore = entry.used = true;
    }
    if (!ignore) kept.addDirectedEdge(from, to, attributes);
  });
  const problems = entries.flatMap((entry, index) => (entry.used ? [] : [{ keyPath: `${keyPath}.ignoreImports[${index}]`, message: "matches no import", hint: "(remove it: the import it named is gone)" }]));
  return { graph: kept, problems };
}
