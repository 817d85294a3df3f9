/** The import graph's typed attributes, defined once for every stage that reads the graph. */
import type { DirectedGraph } from "graphology";
import type { ImportSiteRecord, ModuleKind } from "../model/document.js";
import type { BarrelPassage } from "../model/violation.js";
import { PrototypeSafeDirectedGraph } from "./prototype-safe-graph.js";

export interface ModuleAttributes {
  kind: ModuleKind;
  layer?: string;
  lines?: number;
}

/**
 * A site as the graph holds it: the document's record, plus, on the transparent plane
 * (`transparent-plane.ts`), the barrel it went through when its names lead past the module it
 * imports. `barrel` is never written to a document as such.
 */
export interface GraphSite extends ImportSiteRecord {
  barrel?: BarrelPassage;
}

export interface ImportAttributes {
  sites: GraphSite[];
}

export type ImportGraph = DirectedGraph<ModuleAttributes, ImportAttributes>;

/** Any string can be a module id, `constructor` and `__proto__` too (see prototype-safe-graph.ts). */
export function createImportGraph(): ImportGraph {
  return new PrototypeSafeDirectedGraph<ModuleAttributes, ImportAttributes>({ allowSelfLoops: true });
}

/** An edge vanishes at compile time only when every one of its sites does. */
export function isTypeOnly(attributes: ImportAttributes): boolean {
  return attributes.sites.every((site) => site.typeOnly === true);
}
