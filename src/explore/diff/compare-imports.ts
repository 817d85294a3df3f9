/**
 * The imports a change adds and removes, module to module, and those it moves between planes
 * (a type-only import that now loads the module at run time, or the reverse). Packages and
 * builtins count: a new dependency of the core on `express` is architecture too.
 */
import { compareCodeUnits } from "../../model/compare.js";
import type { ImportRecord, MapDocument, ModuleKind, ModuleRecord } from "../../model/document.js";

export interface ImportChange {
  from: string;
  to: string;
  toKind: ModuleKind;
  /** Every site vanishes at compile time (on the side the import is shown from). */
  typeOnly: boolean;
  /** The lines it is written on: in the head for added and retyped imports, in the base for removed ones. */
  lines: number[];
  fromLayer?: string;
  toLayer?: string;
}

export interface ImportsDiff {
  added: ImportChange[];
  removed: ImportChange[];
  /** Imports in both whose plane changed; `typeOnly` is the head's. */
  retyped: ImportChange[];
}

export function compareImports(base: MapDocument, head: MapDocument): ImportsDiff {
  const before = importsByPair(base);
  const after = importsByPair(head);
  const baseModules = new Map(base.modules.map((module) => [module.id, module]));
  const headModules = new Map(head.modules.map((module) => [module.id, module]));
  const added: ImportChange[] = [];
  const retyped: ImportChange[] = [];
  for (const [key, edge] of after) {
    const old = before.get(key);
    if (old === undefined) added.push(changeOf(edge, headModules));
    else if (old.typeOnly !== edge.typeOnly) retyped.push(changeOf(edge, headModules));
  }
  const removed = [...before].filter(([key]) => !after.has(key)).map(([, edge]) => changeOf(edge, baseModules));
  return { added: sorted(added), removed: sorted(removed), retyped: sorted(retyped) };
}

/** `from\0to` → the import, for lookups across revisions. */
function importsByPair(document: MapDocument): Map<string, ImportRecord> {
  return new Map(document.imports.map((edge) => [pairKey(edge.from, edge.to), edge]));
}

export const pairKey = (from: string, to: string): string => `${from}\0${to}`;

function changeOf(edge: ImportRecord, modules: ReadonlyMap<string, ModuleRecord>): ImportChange {
  const fromLayer = modules.get(edge.from)?.layer;
  const to = modules.get(edge.to);
  return {
    from: edge.from,
    to: edge.to,
    toKind: to?.kind ?? "local",
    typeOnly: edge.typeOnly,
    lines: [...new Set(edge.sites.map((site) => site.line))].sort((a, b) => a - b),
    ...(fromLayer === undefined ? {} : { fromLayer }),
    ...(to?.layer === undefined ? {} : { toLayer: to.layer }),
  };
}

function sorted(changes: ImportChange[]): ImportChange[] {
  return changes.sort((a, b) => compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to));
}
