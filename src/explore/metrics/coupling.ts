/**
 * Robert C. Martin's package coupling metrics, for a module or a group of modules: afferent
 * coupling Ca (fan-in: modules outside that import it), efferent coupling Ce (fan-out: modules
 * outside it imports) and instability I = Ce / (Ca + Ce), 0 for a module everything leans on,
 * 1 for one that leans on everything. Only local modules count: packages and builtins are
 * outside the code under study, and would push every module towards instability.
 */
import type { ImportGraph } from "../../graph/import-graph.js";

export interface Coupling {
  fanIn: number;
  fanOut: number;
  /** null when the module neither imports nor is imported. */
  instability: number | null;
  /** Fewest imports from an entry point; null when none reaches it (for a group: its nearest member). */
  depth: number | null;
  lines: number;
}

/** `local`: local modules only. `members`: the module or group measured. */
export function coupling(local: ImportGraph, members: ReadonlySet<string>, depthOf: ReadonlyMap<string, number>): Coupling {
  const importers = new Set<string>();
  const imported = new Set<string>();
  let lines = 0;
  let depth: number | null = null;
  for (const id of members) {
    for (const from of local.inNeighbors(id)) if (!members.has(from)) importers.add(from);
    for (const to of local.outNeighbors(id)) if (!members.has(to)) imported.add(to);
    lines += local.getNodeAttribute(id, "lines") ?? 0;
    const own = depthOf.get(id);
    if (own !== undefined && (depth === null || own < depth)) depth = own;
  }
  const total = importers.size + imported.size;
  const instability = total === 0 ? null : Math.round((imported.size / total) * 1000) / 1000;
  return { fanIn: importers.size, fanOut: imported.size, instability, depth, lines };
}
