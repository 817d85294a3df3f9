/**
 * `layermap layers --infer`: propose layers for a codebase that has none. Levels come from the
 * import graph with its cycles condensed; the layers follow the folder structure (folders are
 * what a config's globs can name), ordered so that the fewest imports point upwards; and the
 * proposal is judged by the real layers rule, so "N imports would break it" is what `check`
 * would report once the block is pasted into layermap.config.json.
 */
import type { LayerDefinition, Plane } from "../../config/config-schema.js";
import type { ImportGraph } from "../../graph/import-graph.js";
import { assignLayers } from "../../layers/assign-layers.js";
import { checkLayers } from "../../rules/check-layers.js";
import { planeView } from "../../rules/plane.js";
import { chainStep, type ChainStep } from "../chain-step.js";
import { localSubgraph } from "../local-subgraph.js";
import { folderGroups } from "./folder-groups.js";
import { layerLabels } from "./layer-names.js";
import { mergeLayers } from "./merge-layers.js";
import { moduleLevels } from "./module-levels.js";
import { median, orderGroups } from "./order-groups.js";

export interface ProposedLayer {
  name: string;
  paths: string[];
  modules: number;
  /** The median level of its modules: how many imports lie below them. */
  level: number;
  /** No import between this layer and the next either way: nothing orders the two. */
  looseWithNext: boolean;
}

/** An import the proposal would forbid: it points up. */
interface LayerBreak extends ChainStep {
  fromLayer: string;
  toLayer: string;
}

export interface InferredLayers {
  /** Top to bottom. */
  layers: ProposedLayer[];
  /** The imports the layers rule (relaxed) would report against the proposal. */
  breaks: LayerBreak[];
  plane: Plane;
  modules: number;
}

export interface InferOptions {
  /** Which imports count (default all, as the layers rule's default). */
  plane?: Plane;
  /** At most this many folder groups to order (default 24). */
  maxGroups?: number;
  /** At most this many layers (default 8). */
  maxLayers?: number;
}

export function inferLayers(graph: ImportGraph, options: InferOptions = {}): InferredLayers {
  const plane = options.plane ?? "all";
  const view = planeView(graph, plane);
  const local = localSubgraph(view);
  if (local.order === 0) return { layers: [], breaks: [], plane, modules: 0 };
  const levels = moduleLevels(local);
  const ordered = orderGroups(local, folderGroups(local, { maxGroups: options.maxGroups ?? 24 }), levels);
  const merged = mergeLayers(local, ordered, options.maxLayers ?? 8);
  const labels = layerLabels(merged);
  const definitions: LayerDefinition[] = labels.map(({ name, paths }) => ({ name, paths }));
  const assignment = assignLayers(view, definitions);
  const crosses = (a: string, b: string): boolean => local.someEdge((_edge, _attributes, from, to) => {
    const pair = [assignment.layerOf.get(from), assignment.layerOf.get(to)];
    return (pair[0] === a && pair[1] === b) || (pair[0] === b && pair[1] === a);
  });
  const layers = merged.map((groups, index): ProposedLayer => {
    const modules = groups.flatMap((group) => group.modules);
    const next = labels[index + 1]?.name;
    const looseWithNext = next !== undefined && !crosses(labels[index]!.name, next);
    return { ...labels[index]!, modules: modules.length, level: median(modules.map((id) => levels.get(id)!)), looseWithNext };
  });
  const violations = checkLayers(view, assignment, { mode: "relaxed", severity: "error", plane: "all" });
  const breaks = violations.map((violation): LayerBreak => ({
    ...chainStep(view, violation.from, violation.to),
    fromLayer: violation.fromLayer!,
    toLayer: violation.toLayer!,
  }));
  return { layers, breaks, plane, modules: local.order };
}
