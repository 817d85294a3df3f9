/**
 * What the schema cannot say about a map document: that its parts agree. A document edited by
 * hand or written by another tool can pass the schema and still name an import whose module is
 * not in the list, or list a module twice; every reader builds a graph from it, so such a
 * document is bad input (one line naming the first disagreement), not a crash halfway through.
 */
import type { MapDocument } from "./document.js";
import { UserError } from "./errors.js";

function documentInconsistency(document: MapDocument): string | undefined {
  const listed = new Set<string>();
  for (const [index, module] of document.modules.entries()) {
    if (listed.has(module.id)) return `modules[${index}]: module ${JSON.stringify(module.id)} is listed twice`;
    listed.add(module.id);
  }
  const pairs = new Set<string>();
  for (const [index, edge] of document.imports.entries()) {
    for (const end of ["from", "to"] as const) {
      if (!listed.has(edge[end])) return `imports[${index}].${end}: ${JSON.stringify(edge[end])} is not in the module list`;
    }
    const pair = `${edge.from}\0${edge.to}`;
    if (pairs.has(pair)) return `imports[${index}]: the import ${JSON.stringify(edge.from)} → ${JSON.stringify(edge.to)} is listed twice (one record gathers all its sites)`;
    pairs.add(pair);
    for (const [siteIndex, site] of edge.sites.entries()) {
      if (site.through === undefined) continue;
      if (document.barrels !== "transparent") return `imports[${index}].sites[${siteIndex}].through: only a document with "barrels": "transparent" has it`;
      for (const { module } of site.through) {
        if (!listed.has(module)) return `imports[${index}].sites[${siteIndex}].through: ${JSON.stringify(module)} is not in the module list`;
      }
    }
  }
  return undefined;
}

/** Throws the one-line UserError for a document whose parts disagree; `name` is where it came from. */
export function assertConsistent(document: MapDocument, name: string): MapDocument {
  const problem = documentInconsistency(document);
  if (problem !== undefined) throw new UserError(`${name}: an inconsistent layermap document: ${problem}`);
  return document;
}
