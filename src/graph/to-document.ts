/**
 * The graph ⇄ the versioned JSON document. Everything is sorted here, in one place, so the same
 * code gives the same bytes whatever order files were discovered or parsed in.
 */
import { compareCodeUnits } from "../model/compare.js";
import {
  DOCUMENT_VERSION,
  failureCodes,
  importForms,
  type Diagnostic,
  type ImportKind,
  type ImportRecord,
  type ImportSiteRecord,
  type MapDocument,
  type ModuleRecord,
} from "../model/document.js";
import { createImportGraph, isTypeOnly, type ImportGraph } from "./import-graph.js";

export function toDocument(
  graph: ImportGraph,
  diagnostics: readonly Diagnostic[],
  filesParsed: number,
  layerNames: readonly string[] = [],
  barrels?: "transparent",
): MapDocument {
  const modules: ModuleRecord[] = graph.mapNodes((id, { kind, layer, lines }) => ({
    id,
    kind,
    ...(layer === undefined ? {} : { layer }),
    ...(lines === undefined ? {} : { lines }),
  }));
  modules.sort((a, b) => compareCodeUnits(a.id, b.id));

  const imports: ImportRecord[] = graph.mapEdges((_edge, attributes, from, to) => {
    const sites = [...attributes.sites].sort(compareSites);
    return { from, to, kinds: kindsOf(sites), typeOnly: isTypeOnly(attributes), sites };
  });
  imports.sort((a, b) => compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to));

  const count = (kind: ModuleRecord["kind"]): number => modules.filter((module) => module.kind === kind).length;
  const failed = new Set(diagnostics.filter((d) => failureCodes.includes(d.code)).map((d) => d.file));
  return {
    version: DOCUMENT_VERSION,
    root: ".",
    ...(layerNames.length > 0 ? { layers: [...layerNames] } : {}),
    ...(barrels === undefined ? {} : { barrels }),
    summary: {
      files: filesParsed,
      modules: modules.length,
      local: count("local"),
      external: count("external"),
      builtin: count("builtin"),
      unresolved: count("unresolved"),
      imports: imports.length,
      failedFiles: failed.size,
    },
    modules,
    imports,
    diagnostics: diagnostics.map(normalizeDiagnostic).sort(compareDiagnostics),
  };
}

/** The graph back from a saved document, for `render`, `check` and every query over it. */
export function fromDocument(document: MapDocument): ImportGraph {
  const graph = createImportGraph();
  for (const { id, ...attributes } of document.modules) graph.addNode(id, attributes);
  for (const record of document.imports) graph.addDirectedEdge(record.from, record.to, { sites: [...record.sites] });
  return graph;
}

/** The forms of the sites in a fixed order, then `type-only` when any site is. */
function kindsOf(sites: readonly ImportSiteRecord[]): ImportKind[] {
  const present = new Set<ImportKind>(sites.map((site) => site.kind));
  const kinds = importForms.filter((form) => present.has(form)) as ImportKind[];
  if (sites.some((site) => site.typeOnly)) kinds.push("type-only");
  return kinds;
}

/** Fixed key order, whatever order the stage that found the problem wrote them in. */
function normalizeDiagnostic({ file, line, code, message }: Diagnostic): Diagnostic {
  return line === undefined ? { file, code, message } : { file, line, code, message };
}

/** A total order: two sites on one line differ at least in specifier, form or plane. */
export function compareSites(a: ImportSiteRecord, b: ImportSiteRecord): number {
  return (
    a.line - b.line ||
    compareCodeUnits(a.specifier, b.specifier) ||
    compareCodeUnits(a.kind, b.kind) ||
    Number(a.typeOnly === true) - Number(b.typeOnly === true) ||
    Number(a.elided === true) - Number(b.elided === true) ||
    Number(a.optional === true) - Number(b.optional === true)
  );
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareCodeUnits(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareCodeUnits(a.code, b.code) ||
    compareCodeUnits(a.message, b.message)
  );
}
