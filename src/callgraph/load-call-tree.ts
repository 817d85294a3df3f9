/**
 * Reads one or more `.cpuprofile` files into one CallTree, frames placed on the map. Several
 * profiles (one per process, as `layermap profile` writes them) are merged: their times add up,
 * as gprof2dot adds up several runs.
 */
import type { CallTree } from "../model/call-graph.js";
import { UserError } from "../model/errors.js";
import { printable } from "../model/printable.js";
import { emptyTree, placeProfile } from "./place-frames.js";
import { readProfile } from "./read-profile.js";
import { SourceMaps } from "./source-maps.js";
import { readText } from "../model/read-text.js";

export interface LoadOptions {
  /** Absolute: module ids are relative to it, and relative frame URLs resolve against it. */
  root: string;
}

export function loadCallTree(paths: readonly string[], options: LoadOptions): CallTree {
  if (paths.length === 0) throw new UserError("callgraph: name a profile (.cpuprofile) to read");
  const sourceMaps = new SourceMaps();
  const tree = emptyTree();
  for (const path of paths) placeProfile(readProfile(readText(path), path), { root: options.root, sourceMaps }, tree);
  if (tree.samples === 0) throw new UserError(`${paths.map(printable).join(", ")}: no samples: the profile recorded nothing (did the program run at all?)`);
  return tree;
}

