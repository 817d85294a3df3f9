/**
 * layermap's public API. The CLI is a thin shell over these functions.
 */
export { map, type MapOptions, type MapResult } from "./api/map.js";
export { fromDocument, toDocument } from "./graph/to-document.js";
export type { ImportGraph, ImportAttributes, ModuleAttributes } from "./graph/import-graph.js";
export { extractImports } from "./extract/extract-imports.js";
export type { Extraction, ImportSite } from "./extract/types.js";
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
} from "./explore/index.js";
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
} from "./explore/index.js";
export { diagramInputFromText } from "./api/render.js";
