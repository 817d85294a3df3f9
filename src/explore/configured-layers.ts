/**
 * `layermap layers` without `--infer`: the layers in force, top to bottom, with what each holds —
 * the config's, or those a saved document was mapped with when no config is found.
 */
import type { Config } from "../config/config-schema.js";
import type { LayerAssignment } from "../layers/assign-layers.js";

export interface ConfiguredLayers {
  layers: { name: string; paths: string[]; modules: number }[];
  unlayered: string[];
}

export function configuredLayers(config: Config, assignment: LayerAssignment): ConfiguredLayers {
  const count = new Map<string, number>();
  for (const layer of assignment.layerOf.values()) count.set(layer, (count.get(layer) ?? 0) + 1);
  const pathsOf = new Map(config.layers.map((layer) => [layer.name, layer.paths]));
  const names = [...assignment.rank].sort(([, a], [, b]) => a - b).map(([name]) => name);
  return {
    layers: names.map((name) => ({ name, paths: pathsOf.get(name) ?? [], modules: count.get(name) ?? 0 })),
    unlayered: assignment.unlayered,
  };
}
