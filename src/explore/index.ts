/**
 * The explore facade: every query over an import graph and every formatter of its result — pure
 * functions of a graph, a document or a diff. Getting the graph (mapping a root, reading a saved
 * map) is the API's business: `api/load-graph.ts`, `api/diff-revisions.ts`; `api/explore.ts`
 * puts both behind one module for the CLI and src/index.ts.
 */
export { matchModules } from "./match-modules.js";
export { moduleRefs, type ChainStep } from "./chain-step.js";
export { findCycles, type CycleComponent, type CyclesResult } from "./cycles/find-cycles.js";
export { cycleBreakers } from "./cycles/cycle-breakers.js";
export { findChains } from "./paths/find-chains.js";
export { findNeighbours, type Neighbour } from "./reach/find-neighbours.js";
export { changedFiles } from "./affected/changed-files.js";
export { affectedModules, findAffected, type AffectedResult } from "./affected/find-affected.js";
export { computeMetrics, type MetricsResult } from "./metrics/compute-metrics.js";
export { findOrphans, type OrphansResult } from "./orphans/find-orphans.js";
export { inferLayers, type InferredLayers, type ProposedLayer } from "./infer/infer-layers.js";
export { configuredLayers } from "./configured-layers.js";
export { cyclesJson, cyclesText } from "./format/cycles-report.js";
export { chainsJson, chainsText } from "./format/chains-report.js";
export { neighboursJson, neighboursText } from "./format/neighbours-report.js";
export { affectedJson, affectedList, affectedText } from "./format/affected-report.js";
export { metricsJson, metricsText } from "./format/metrics-report.js";
export { orphansJson, orphansText } from "./format/orphans-report.js";
export { configuredLayersJson, configuredLayersText, inferredLayersJson, inferredLayersText } from "./format/layers-report.js";
export { diffFails, diffMaps, type ArchitectureDiff, type MappedRevision, type RevisionsDiff } from "./diff/diff-maps.js";
export type { CycleChange } from "./diff/compare-cycles.js";
export type { ImportChange } from "./diff/compare-imports.js";
export type { LayerCrossingChange } from "./diff/compare-layer-crossings.js";
export type { ViolationsDiff } from "./diff/compare-violations.js";
export { diffJson } from "./diff/diff-json.js";
export { diffMermaid } from "./diff/diff-mermaid.js";
export { diffText } from "./diff/diff-text.js";
