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
import type { LayerAssignment } from "../layers/assign-layers.js";
import { displayPath } from "../model/display-path.js";
import { loadSavedMap, readMapDocument } from "./saved-map.js";
import { planeGraph, throughBarrelsWanted } from "./barrel-plane.js";

export interface LoadGraphOptions extends MapOptions {
  /** A saved `map` document to read instead of mapping the root. */
  graph?: string;
  /** The working folder the root is shown relative to (the CLI passes its own); default the process's. */
  cwd?: string;
}

export interface LoadedGraph {
  /** What the queries read: the transparent plane when barrels are seen through, else the document's graph. */
  graph: ImportGraph;
  /** The document's own graph, barrels opaque (`graph` itself when they are). */
  plain: ImportGraph;
  /** Whether `graph` is the transparent plane. */
  throughBarrels: boolean;
  layers: LayerAssignment;
  config: Config;
  /** The root as the user would write it (POSIX, relative to the working folder): output paths start with it. */
  root: string;
  /** The root's absolute path. */
  rootPath: string;
}

/** The root as the user would write it (relative to `cwd`, the working folder), and its absolute path. */
export function describeRoot(root: string, cwd?: string): Pick<LoadedGraph, "root" | "rootPath"> {
  const rootPath = resolve(root);
  return { root: displayPath(rootPath, cwd), rootPath };
}

export async function loadGraph(options: LoadGraphOptions): Promise<LoadedGraph> {
  const { root, rootPath } = describeRoot(options.root, options.cwd);
  if (options.graph === undefined) {
    const mapped = await map(options);
    const throughBarrels = throughBarrelsWanted(options.throughBarrels, mapped.config);
    const graph = planeGraph(mapped.document, mapped.graph, throughBarrels, root);
    return { graph, plain: mapped.graph, throughBarrels, layers: mapped.layers, config: mapped.config, root, rootPath };
  }
  const document = readMapDocument(options.graph);
  // The config found for the root decides, as it would for a fresh map; without one, the document's layers.
  const { config, path: configPath } = loadConfig(rootPath, options.config, options.cwd);
  const { graph: plain, layers } = loadSavedMap(document, configPath === undefined ? undefined : config);
  const throughBarrels = throughBarrelsWanted(options.throughBarrels, config);
  const graph = planeGraph(document, plain, throughBarrels, options.graph);
  return { graph, plain, throughBarrels, layers, config, root, rootPath };
}
