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
  return {
    layerOf,
    rank: new Map(layers.map((layer, index) => [layer.name, index])),
    unlayered: unlayered.sort(),
    empty: layers.filter((layer) => !used.has(layer.name)),
  };
}

assignLayers.assign = (graph: ImportGraph, layers: readonly LayerDefinition[]): LayerAssignment => {
  const assignment = assignLayers(graph, layers);
  for (const [id, layer] of assignment.layerOf) graph.setNodeAttribute(id, "layer", layer);
  return assignment;
};
