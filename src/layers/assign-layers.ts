/**
 * The layers stage: each local module takes the first layer, top to bottom, whose globs match
 * its id (so a catch-all layer can come last). graphology-style: `assignLayers` returns the
 * mapping, `assignLayers.assign` also writes it onto the nodes.
 */
import { globMatcher } from "../config/glob-matcher.js";
import type { LayerDefinition } from "../config/config-schema.js";
import type { ImportGraph } from "../graph/import-graph.js";

export interface LayerAssignment {
  /** Module id → layer name, for local modules in a layer. */
  layerOf: Map<string, string>;
  /** Layer name → its index, 0 at the top. */
  rank: Map<string, number>;
  /** Local modules in no layer, sorted. */
  unlayered: string[];
  /** Layers whose globs matched no module, in definition order. */
  empty: LayerDefinition[];
  /**
   * In the other layers, each glob that matches no local module (`[layer index, glob index]`, in
   * order): a mistyped glob beside a right one would otherwise go unnoticed. Absent from an
   * assignment read back from a document, which knows no globs.
   */
  unmatchedGlobs?: [number, number][];
}

export function assignLayers(graph: ImportGraph, layers: readonly LayerDefinition[]): LayerAssignment {
  const matchers = layers.map((layer) => globMatcher(layer.paths));
  const layerOf = new Map<string, string>();
  const unlayered: string[] = [];
  const used = new Set<string>();
  graph.forEachNode((id, attributes) => {
    if (attributes.kind !== "local") return;
    const index = matchers.findIndex((matches) => matches(id));
    if (index === -1) {
      unlayered.push(id);
      return;
    }
    const name = layers[index]!.name;
    layerOf.set(id, name);
    used.add(name);
  });
  const localIds = graph.filterNodes((_id, attributes) => attributes.kind === "local");
  const unmatchedGlobs: [number, number][] = [];
  layers.forEach((layer, layerIndex) => {
    if (!used.has(layer.name) || layer.paths.length < 2) return;
    layer.paths.forEach((glob, globIndex) => {
      // Matching at all counts, even a module an earlier layer took: the glob is not mistyped.
      const matches = globMatcher([glob]);
      if (!localIds.some((id) => matches(id))) unmatchedGlobs.push([layerIndex, globIndex]);
    });
  });
  return {
    layerOf,
    rank: new Map(layers.map((layer, index) => [layer.name, index])),
    unlayered: unlayered.sort(),
    empty: layers.filter((layer) => !used.has(layer.name)),
    unmatchedGlobs,
  };
}

assignLayers.assign = (graph: ImportGraph, layers: readonly LayerDefinition[]): LayerAssignment => {
  const assignment = assignLayers(graph, layers);
  for (const [id, layer] of assignment.layerOf) graph.setNodeAttribute(id, "layer", layer);
  return assignment;
};
