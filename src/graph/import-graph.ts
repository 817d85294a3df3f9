/** The import graph's typed attributes, defined once for every stage that reads the graph. */
import type { DirectedGraph } from "graphology";
import type { ImportSiteRecord, ModuleKind } from "../model/document.js";
import { PrototypeSafeDirectedGraph } from "./prototype-safe-graph.js";

export interface ModuleAttributes {
  kind: ModuleKind;
  layer?: string;
  lines?: number;
}

export interface ImportAttributes {
  sites: ImportSiteRecord[];
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
