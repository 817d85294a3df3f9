/**
 * The explore commands' API: how they get a graph (`loadGraph`: map a root or read a saved map;
 * `diffRevisions`: map two git revisions), and the queries and formatters of `src/explore/`,
 * which are pure functions of what these return.
 */
export { describeRoot, loadGraph, type LoadGraphOptions, type LoadedGraph } from "./load-graph.js";
export { diffRevisions, type DiffRevisionsOptions } from "./diff-revisions.js";
export * from "../explore/index.js";
