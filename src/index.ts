/**
 * layermap's public API. The CLI is a thin shell over these functions.
 */
export { map, type CacheStats, type MapOptions, type MapResult } from "./api/map.js";
export type { Stage, StageListener, StageTiming } from "./api/stopwatch.js";
export { fromDocument, toDocument } from "./graph/to-document.js";
export type { ImportGraph, ImportAttributes, ModuleAttributes } from "./graph/import-graph.js";
export type { Extraction, ImportSite } from "./extract/types.js";
export { check, type CheckOptions, type CheckResult } from "./api/check.js";
export { loadDiagramInput, render, type RenderSourceOptions } from "./api/render.js";
export { mergeMapFiles, mergeMaps, type MapFile, type MergeInput, type MergeMapsOptions } from "./api/merge.js";
export type { DiagramInput, DiagramOptions } from "./report/diagram/build-diagram.js";
export { reportFormats, type ReportFormat } from "./report/reporters.js";
export { checkFormats, checkReporters, type CheckFormat } from "./report/check/reporters.js";
export type { Violation } from "./model/violation.js";
export type { CheckReport } from "./model/check-report.js";
export {
  DOCUMENT_VERSION,
  mapDocumentSchema,
  type Diagnostic,
  type ImportKind,
  type ImportRecord,
  type MapDocument,
  type ModuleKind,
  type ModuleRecord,
} from "./model/document.js";
export { UserError } from "./model/errors.js";
// Exploring the graph (the `cycles`, `why`, `deps`, `dependents`, `affected`, `metrics`, `orphans` and `layers` commands).
export {
  affectedModules,
  changedFiles,
  computeMetrics,
  configuredLayers,
  cycleBreakers,
  findAffected,
  findChains,
  findCycles,
  findNeighbours,
  findOrphans,
  inferLayers,
  loadGraph,
  matchModules,
  type AffectedResult,
  type ChainStep,
  type CycleComponent,
  type CyclesResult,
  type InferredLayers,
  type LoadedGraph,
  type LoadGraphOptions,
  type MetricsResult,
  type Neighbour,
  type OrphansResult,
  type ProposedLayer,
} from "./api/explore.js";
// The architecture diff of a change (the `diff` command), and reading an edges list back (`render -`).
export {
  diffFails,
  diffMaps,
  diffRevisions,
  type ArchitectureDiff,
  type CycleChange,
  type DiffRevisionsOptions,
  type ImportChange,
  type LayerCrossingChange,
  type MappedRevision,
  type RevisionsDiff,
  type ViolationsDiff,
} from "./api/explore.js";
export { diagramInputFromText } from "./api/render.js";
export { runProfiled, type CpuProfile, type ProfileOptions, type ProfileRun } from "./profile/run-profiled.js";
export { callGraph, loadCallTree, type CallGraphOptions, type CallGraphResult } from "./api/callgraph.js";
export { foldCallTree, type CallGraph, type CallGraphBy, type CallGraphComparison, type CallGraphEdge, type CallGraphNode, type CallTree, type Frame } from "./model/call-graph.js";
