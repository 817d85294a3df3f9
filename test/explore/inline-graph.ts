/**
 * Import graphs written inline for unit tests: `{ "a.ts": ["b.ts", "type:c.ts", "pkg:lodash"] }`.
 * `type:` makes the import type-only, `deferred:` a Python import in a function body, `pkg:` / `node:` targets are packages and builtins. The
 * n-th import of a module is written on line n, so tests can assert file:line.
 */
import { createImportGraph, type ImportGraph } from "../../src/graph/import-graph.js";
import type { ModuleKind } from "../../src/model/document.js";

export function inlineGraph(imports: Record<string, readonly string[]>): ImportGraph {
  const graph = createImportGraph();
  const ensure = (id: string, kind: ModuleKind): void => {
    if (!graph.hasNode(id)) graph.addNode(id, { kind, lines: kind === "local" ? 10 : undefined });
  };
  for (const from of Object.keys(imports)) ensure(from, "local");
  for (const [from, targets] of Object.entries(imports)) {
    targets.forEach((written, index) => {
      const typeOnly = written.startsWith("type:");
      const deferred = written.startsWith("deferred:");
      const target = written.replace(/^(?:type|deferred):/, "");
      const [to, kind]: [string, ModuleKind] = target.startsWith("pkg:")
        ? [target.slice(4), "external"]
        : target.startsWith("node:")
          ? [target, "builtin"]
          : [target, "local"];
      ensure(to, kind);
      const site = { line: index + 1, specifier: `./${to}`, kind: deferred ? ("deferred" as const) : ("static" as const), ...(typeOnly ? { typeOnly: true as const } : {}) };
      const edge = graph.edge(from, to);
      if (edge === undefined) graph.addDirectedEdge(from, to, { sites: [site] });
      else graph.getEdgeAttributes(edge).sites.push(site);
    });
  }
  return graph;
}
