/**
 * `layermap callgraph`, as a library call: read CPU profiles, place their frames on the map, fold
 * the call tree by function, module, folder or layer, and prune it as gprof2dot does.
 * `const { graph } = callGraph({ profiles: ["run.cpuprofile"], by: "module" });`
 */
import { resolve } from "node:path";
import { compareCallGraphs } from "../callgraph/compare.js";
import { frameKey } from "../callgraph/frame-keys.js";
import { loadCallTree } from "../callgraph/load-call-tree.js";
import { pruneCallGraph } from "../callgraph/prune.js";
import { globMatcher } from "../config/glob-matcher.js";
import { loadConfig } from "../config/load-config.js";
import { foldCallTree, round, share, UNPLACED, type CallGraph, type CallGraphBy, type CallGraphComparison, type CallTree } from "../model/call-graph.js";
import { counted } from "../model/counted.js";
import { UserError } from "../model/errors.js";
import { printable } from "../model/printable.js";

export { loadCallTree } from "../callgraph/load-call-tree.js";

export interface CallGraphOptions {
  /** `.cpuprofile` files, merged (one per process of a run). */
  profiles: readonly string[];
  /** The folder module ids are relative to: the root the profile was recorded with (default: the working folder). */
  root?: string;
  by?: CallGraphBy;
  /** The config whose layers `by: "layer"` uses (default: `<root>/layermap.config.json`; false: none). */
  config?: string | false;
  /** Percent of the run under which a node is left out (default 0.5). */
  nodeThreshold?: number;
  /** Percent of the run under which an arrow is left out (default 0.1). */
  edgeThreshold?: number;
  /** Globs: keep only the call paths through the nodes they match. */
  focus?: readonly string[];
  /** The working folder a relative root and the paths in messages are relative to. */
  cwd?: string;
  /** Profiles of another run to compare with (`profiles` is the run looked at). */
  compare?: readonly string[];
}

export interface CallGraphResult {
  /** The call graph, pruned; with `compare`, the comparison of the pruned graphs. */
  graph: CallGraph | CallGraphComparison;
  /** Lines for the user: what was pruned, what could not be placed. */
  notes: string[];
}

const DEFAULT_NODE_THRESHOLD = 0.5;
const DEFAULT_EDGE_THRESHOLD = 0.1;

export function callGraph(options: CallGraphOptions): CallGraphResult {
  const root = options.cwd === undefined ? resolve(options.root ?? ".") : resolve(options.cwd, options.root ?? ".");
  const by = options.by ?? "module";
  const nodeThreshold = checkedPercent("--node-threshold", options.nodeThreshold ?? DEFAULT_NODE_THRESHOLD);
  const edgeThreshold = checkedPercent("--edge-threshold", options.edgeThreshold ?? DEFAULT_EDGE_THRESHOLD);
  const layerOf = by === "layer" ? layerMatcher(root, options.config, options.cwd) : undefined;
  const keyOf = frameKey(by, layerOf);
  const focus = options.focus === undefined || options.focus.length === 0 ? undefined : globMatcher(options.focus);
  const prune = { nodeThreshold, edgeThreshold, ...(focus === undefined ? {} : { focus }) };

  const notes: string[] = [];
  const build = (paths: readonly string[]): CallGraph => {
    const tree = loadCallTree(paths, { root });
    requireLocalFrame(tree, paths, root);
    const full = foldCallTree(tree, by, keyOf);
    if (full.unplacedMs > 0) {
      notes.push(`${round(full.unplacedMs)} ms (${share(full.unplacedMs, full.totalMs).toFixed(1)}% of the run) in frames with no file and no caller with one: drawn as ${UNPLACED}`);
    }
    const pruned = pruneCallGraph(full, prune);
    if (pruned.droppedNodes > 0 || pruned.droppedEdges > 0) {
      notes.push(
        `left out ${counted(pruned.droppedNodes, "node")} and ${counted(pruned.droppedEdges, "arrow")} under ${nodeThreshold}% and ${edgeThreshold}% of the run${focus === undefined ? "" : " or off the focus"} (--node-threshold, --edge-threshold)`,
      );
    }
    if (focus !== undefined && pruned.graph.nodes.length === 0) throw new UserError(`--focus ${options.focus!.map(printable).join(" ")}: matches no node of the call graph above the thresholds`);
    return pruned.graph;
  };
  const graph = build(options.profiles);
  if (options.compare === undefined || options.compare.length === 0) return { graph, notes };
  return { graph: compareCallGraphs(graph, build(options.compare)), notes };
}

function checkedPercent(flag: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0 && value <= 100)) throw new UserError(`${flag} ${value}: expected a percentage from 0 to 100`);
  return value;
}

/** Each module's layer under the config, first matching layer top to bottom as `map` assigns them. */
function layerMatcher(root: string, configPath: string | false | undefined, cwd: string | undefined): (moduleId: string) => string | undefined {
  if (configPath === false) throw new UserError("--by layer: needs a config with layers, and --no-config gives none");
  const { config, path } = loadConfig(root, configPath, cwd);
  if (path === undefined) throw new UserError(`--by layer: needs a config with layers: ${printable(root)}/layermap.config.json does not exist (or give --config)`);
  const matchers = config.layers.map((layer) => ({ name: layer.name, matches: globMatcher(layer.paths) }));
  return (id) => matchers.find((layer) => layer.matches(id))?.name;
}

/** A profile none of whose code lies under the root was recorded against another root. */
function requireLocalFrame(tree: CallTree, paths: readonly string[], root: string): void {
  if (tree.frames.some((frame) => frame.kind === "local")) return;
  throw new UserError(
    `${paths.map(printable).join(", ")}: no frame of the profile lies under ${printable(root)}: give the --root the profile was recorded with (layermap profile writes paths relative to its --root)`,
  );
}
