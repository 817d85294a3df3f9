/**
 * The part of the map a change touches, as one document to draw: the modules at either end of
 * an import added, removed or moved between planes, on the chain of a new violation, or on a
 * cycle created, changed or broken — and every import among them, from both revisions, so the
 * picture shows the change in its context. Modules and layers are the head's where it has them.
 */
import { createImportGraph } from "../../graph/import-graph.js";
import { toDocument } from "../../graph/to-document.js";
import type { MapDocument, ModuleRecord } from "../../model/document.js";
import type { ArchitectureDiff } from "./diff-maps.js";

export function changedNeighbourhood(diff: ArchitectureDiff, base: MapDocument, head: MapDocument): MapDocument {
  const touched = new Set<string>();
  const touch = (...ids: string[]): void => ids.forEach((id) => touched.add(id));
  const { imports, violations, cycles } = diff;
  for (const change of [...imports.added, ...imports.removed, ...imports.retyped]) touch(change.from, change.to);
  for (const violation of violations.added) {
    touch(violation.from, violation.to);
    for (const step of violation.via ?? []) touch(step.from, step.to);
  }
  for (const change of cycles) for (const step of change.cycle) touch(step.from, step.to);

  const graph = createImportGraph();
  const modules = new Map<string, ModuleRecord>([...base.modules, ...head.modules].map((module) => [module.id, module]));
  for (const id of touched) {
    const module = modules.get(id);
    graph.addNode(id, {
      kind: module?.kind ?? "local",
      ...(module?.layer === undefined ? {} : { layer: module.layer }),
      ...(module?.lines === undefined ? {} : { lines: module.lines }),
    });
  }
  // The head's imports first: an import in both is drawn as the head has it.
  for (const edge of [...head.imports, ...base.imports]) {
    if (touched.has(edge.from) && touched.has(edge.to) && !graph.hasDirectedEdge(edge.from, edge.to)) {
      graph.addDirectedEdge(edge.from, edge.to, { sites: [...edge.sites] });
    }
  }
  return toDocument(graph, [], 0, head.layers ?? base.layers ?? []);
}
