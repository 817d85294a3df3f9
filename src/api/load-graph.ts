/**
 * The one way every explore command gets its graph: map a root (as `map` and `check` do, with
 * its `layermap.config.json`), or read a saved `map` document with `--graph <file>` and judge it
 * by the config found beside the root, so a saved map answers the same questions.
 */
import { resolve } from "node:path";
import { map, type MapOptions } from "./map.js";
import type { Config } from "../config/config-schema.js";
import { loadConfig } from "../config/load-config.js";
import type { ImportGraph } from "../graph/import-graph.js";
import { fromDocument } from "../graph/to-document.js";
import { assignLayers, type LayerAssignment } from "../layers/assign-layers.js";
import { displayPath } from "../model/display-path.js";
import { readMapDocument } from "./read-map-document.js";

export interface LoadGraphOptions extends MapOptions {
  /** A saved `map` document to read instead of mapping the root. */
  graph?: string;
}

export interface LoadedGraph {
  graph: ImportGraph;
  layers: LayerAssignment;
  config: Config;
  /** The root as the user would write it (POSIX, relative to the working folder): output paths start with it. */
  root: string;
  /** The root's absolute path. */
  rootPath: string;
}

/** The root as the user would write it, and its absolute path. */
export function describeRoot(root: string): Pick<LoadedGraph, "root" | "rootPath"> {
  const rootPath = resolve(root);
  return { root: displayPath(rootPath), rootPath };
}

export async function loadGraph(options: LoadGraphOptions): Promise<LoadedGraph> {
  const { root, rootPath } = describeRoot(options.root);
  if (options.graph === undefined) {
    const mapped = await map(options);
    return { graph: mapped.graph, layers: mapped.layers, config: mapped.config, root, rootPath };
  }
  const document = readMapDocument(options.graph);
  const { config, path: configPath } = loadConfig(rootPath, options.config);
  const graph = fromDocument(document);
  if (configPath === undefined) {
    // A document may record the config's layer order; one written before that field existed does not.
    const order = (document as { layers?: readonly string[] }).layers;
    return { graph, layers: layersOfDocument(graph, order), config, root, rootPath };
  }
  // The config decides, as it would for a fresh map: a layer saved in the document may be stale.
  graph.forEachNode((id) => graph.removeNodeAttribute(id, "layer"));
  return { graph, layers: assignLayers.assign(graph, config.layers), config, root, rootPath };
}

/** Without a config, the layers the document was saved with, in its order when it records one. */
function layersOfDocument(graph: ImportGraph, order: readonly string[] | undefined): LayerAssignment {
  const layerOf = new Map<string, string>();
  const unlayered: string[] = [];
  graph.forEachNode((id, { kind, layer }) => {
    if (kind !== "local") return;
    if (layer === undefined) unlayered.push(id);
    else layerOf.set(id, layer);
  });
  const names = order ?? [...new Set(layerOf.values())].sort();
  return { layerOf, rank: new Map(names.map((name, index) => [name, index])), unlayered: unlayered.sort(), empty: [] };
}
