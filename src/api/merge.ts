/**
 * `merge`: the maps of folders under one root — a monorepo's packages, each mapped on its own,
 * perhaps on another machine behind its own cache — as the one document of that root, the same
 * bytes `map <root>` writes wherever the per-package runs could see what the whole run sees
 * (docs/monorepos.md says where they cannot). Each document is read and checked by the one
 * saved-document loader; the merge itself is `graph/merge-documents.ts`.
 */
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { loadConfig } from "../config/load-config.js";
import { mergeDocuments, type MergeInput } from "../graph/merge-documents.js";
import type { MapDocument } from "../model/document.js";
import { UserError } from "../model/errors.js";
import { displayPath } from "../model/display-path.js";
import { loadSavedMap, readMapDocument } from "./saved-map.js";
import type { StageListener } from "./stopwatch.js";
import { stopwatch } from "./stopwatch.js";
import { counted } from "../model/counted.js";

export type { MergeInput } from "../graph/merge-documents.js";

export interface MergeMapsOptions {
  /**
   * The merged root, relative to `cwd` (default "."): where the config is looked for, and what a
   * relative `config` path is not. (Each input's `root` is already relative to it.)
   */
  root?: string;
  /**
   * The layermap config whose layers to assign over the merged map, as `map <root>` would (relative
   * to `cwd`); default `<root>/layermap.config.json` when present; false: none. Without a config,
   * each module keeps the layer its own map gave it, and the layer order is the inputs' orders merged.
   */
  config?: string | false;
  /** The working folder relative paths are read from and messages name files relative to (absolute without it). */
  cwd?: string;
  onStage?: StageListener;
}

/**
 * Documents of folders under one root → the document of that root. Each input's `root` is its
 * folder relative to the merged root (`packages/a`). Conflicting inputs — two that both map a
 * file, one that found no file another maps, layer orders that disagree — are a UserError.
 */
export function mergeMaps(inputs: readonly MergeInput[], options: MergeMapsOptions = {}): MapDocument {
  const clock = stopwatch(options.onStage);
  const rootPath = resolvedFrom(options.cwd, options.root ?? ".");
  const { config, path: configPath } = loadConfig(rootPath, options.config === undefined ? undefined : options.config === false ? false : resolvedFrom(options.cwd, options.config), options.cwd);
  clock.lap("config", configPath === undefined ? "no config file" : displayPath(configPath, options.cwd));
  const merged = mergeDocuments(inputs, { keepLayers: configPath === undefined });
  clock.lap("graph", `${counted(inputs.length, "map")} merged: ${counted(merged.summary.modules, "module")}, ${counted(merged.summary.imports, "import")}`);
  if (configPath === undefined) return merged;
  // The config decides, as for a fresh map of the root: the inputs' layers came from their own configs.
  const { document } = loadSavedMap(merged, config);
  clock.lap("layers", `${counted(config.layers.length, "layer")} from ${displayPath(configPath, options.cwd)}`);
  return document;
}

/** A saved map to merge: the file, and the folder it maps (default: the folder the file is in). */
export interface MapFile {
  file: string;
  folder?: string;
}

/**
 * The saved maps in `files`, each read and checked, merged: `layermap merge`. Paths are relative
 * to `cwd`; each folder must lie under the merged root (`options.root`, default ".").
 */
export function mergeMapFiles(files: readonly MapFile[], options: MergeMapsOptions = {}): MapDocument {
  if (files.length === 0) throw new UserError("merge: no map to merge (give the maps written by `layermap map <package> --out <file>`)");
  const clock = stopwatch(options.onStage);
  const root = options.root ?? ".";
  const rootPath = resolvedFrom(options.cwd, root);
  const inputs = files.map(({ file, folder }): MergeInput => {
    const folderPath = folder === undefined ? dirname(resolvedFrom(options.cwd, file)) : resolvedFrom(options.cwd, folder);
    const fromRoot = relative(rootPath, folderPath);
    if (fromRoot === ".." || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
      throw new UserError(`${file}: it maps ${displayPath(folderPath, options.cwd)}, which is outside the merged root ${root} (give --root a folder that holds every map's folder)`);
    }
    return { name: file, root: fromRoot === "" ? "." : fromRoot.split(sep).join("/"), document: readMapDocument(resolvedFrom(options.cwd, file), file) };
  });
  clock.lap("input", `${counted(inputs.length, "map")} read`);
  return mergeMaps(inputs, options);
}

function resolvedFrom(cwd: string | undefined, path: string): string {
  return cwd === undefined ? resolve(path) : resolve(cwd, path);
}
