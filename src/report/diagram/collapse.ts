/**
 * Folding modules into bigger boxes so that a large codebase still gives a readable picture:
 * into folders (the first `depth` folders of each path) or into layers. A box belongs to exactly
 * one layer: a folder whose modules lie in several layers is one box per layer (`src/ · app`),
 * so a folded picture never draws a module in another layer than its own. Above a size where a
 * picture stops being readable, folding is chosen for the user: an overview of a few dozen boxes.
 */
import type { ImportRecord, ModuleRecord } from "../../model/document.js";
import { NO_LAYER } from "./diagram.js";

/**
 * `open`: folded boxes drawn opened — a layer's modules one by one, a folder one level deeper
 * (its sub-folders folded, its own files as modules). The HTML page's drill-down views use it.
 */
export type Collapse = { by: "none" } | { by: "layer"; open?: readonly string[] } | { by: "folder"; depth: number; open?: readonly string[] };

/** Whether a collapse opens any box (its clusters then nest folders, to show what was opened). */
export function opensBoxes(collapse: Collapse): boolean {
  return collapse.by !== "none" && (collapse.open?.length ?? 0) > 0;
}

/**
 * Above this many modules (or twice as many imports) a diagram is folded automatically. Speed
 * allows far more (`node bench/render-bench.mjs`), legibility does not: the samples' 33 modules
 * and 91 imports read at a glance; a 187-module framework drawn whole was a strip 6,700 points
 * wide, while folded into about twenty boxes in stacked layers it reads at docs width.
 */
export const AUTO_COLLAPSE_ABOVE = 50;

/**
 * The automatic fold aims at an overview a person takes in at a glance: at most this many boxes
 * and three times as many arrows (fewer when `autoCollapseAbove` is lower).
 */
export const OVERVIEW_BOXES = 30;

/** The box of the files directly at the root, when folded by folder. */
export const ROOT_FOLDER = "./";

/** Between a folder and its layer in the id of a folder box split across layers. */
export const LAYER_SEPARATOR = " · ";

/** Folders deeper than this are not considered for the automatic fold. */
const MAX_DEPTH = 8;

const n = (value: number): string => value.toLocaleString("en-US");

/** The id of the box of `folder` (ending in "/"): the folder, or `folder · layer` when it is split. */
export function folderBoxId(folder: string, layer: string | undefined): string {
  return layer === undefined ? folder : `${folder}${LAYER_SEPARATOR}${layer}`;
}

/**
 * The node a module is drawn as under a collapse mode. `split` holds the folders whose modules
 * lie in more than one layer: their boxes are per layer.
 */
export function groupOf(module: ModuleRecord, collapse: Collapse, split: ReadonlySet<string> = new Set()): string {
  if (module.kind !== "local" || collapse.by === "none") return module.id;
  const layer = module.layer ?? NO_LAYER;
  if (collapse.by === "layer") return collapse.open?.includes(layer) ? module.id : layer;
  const folders = module.id.split("/").slice(0, -1);
  // A module shallower than the depth is drawn as its own folder's box (files at the root in
  // the root's, `./`); an open box is one level deeper.
  for (let depth = Math.min(collapse.depth, folders.length); depth <= folders.length; depth++) {
    const folder = depth === 0 ? ROOT_FOLDER : `${folders.slice(0, depth).join("/")}/`;
    const id = folderBoxId(folder, split.has(folder) ? layer : undefined);
    if (!collapse.open?.includes(id)) return id;
  }
  return module.id;
}

/**
 * Every module's box under a collapse: `groupOf`, with each folder box that would hold modules
 * of several layers split into one box per layer, and a folded box that would hold a single
 * module drawn as that module (a box saying "1 module" hides its name).
 */
export function grouping(modules: Iterable<ModuleRecord>, collapse: Collapse): Map<string, string> {
  const everything = [...modules];
  const all = everything.filter((module) => module.kind === "local");
  const split = new Set<string>();
  const groups = new Map<string, string>();
  // Splitting a box can open the path to boxes below it (an opened `src/ · app`): repeat until
  // no box holds two layers. Each round splits a deeper folder, so this ends within the depth.
  for (let changed = true; changed; ) {
    changed = false;
    for (const module of all) groups.set(module.id, groupOf(module, collapse, split));
    const layerOf = new Map<string, string>();
    for (const module of all) {
      const group = groups.get(module.id)!;
      if (!group.endsWith("/")) continue;
      const layer = module.layer ?? NO_LAYER;
      const seen = layerOf.get(group);
      if (seen === undefined) layerOf.set(group, layer);
      else if (seen !== layer && !split.has(group)) {
        split.add(group);
        changed = true;
      }
    }
  }
  for (const module of everything) if (module.kind !== "local") groups.set(module.id, module.id);
  if (collapse.by !== "folder") return groups;
  const sizes = new Map<string, number>();
  for (const group of groups.values()) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  for (const [id, group] of groups) if (group !== id && sizes.get(group) === 1) groups.set(id, id);
  return groups;
}

export interface CollapseChoice {
  collapse: Collapse;
  note?: string;
}

/**
 * The collapse asked for, or — when none was and the graph is large — an overview: the deepest
 * folder depth whose boxes (split by layer) and arrows stay within the overview's bounds.
 */
export function chooseCollapse(
  modules: ReadonlyMap<string, ModuleRecord>,
  imports: readonly ImportRecord[],
  asked: Collapse | undefined,
  limit: number,
  hasLayers: boolean,
): CollapseChoice {
  if (asked !== undefined) return { collapse: asked };
  const local = [...modules.values()].filter((module) => module.kind === "local");
  if (local.length <= limit && imports.length <= limit * 2) return { collapse: { by: "none" } };
  const maxBoxes = Math.min(OVERVIEW_BOXES, limit);
  const measure = (collapse: Collapse): { boxes: number; arrows: number } => {
    const groups = grouping(modules.values(), collapse);
    const arrows = new Set<string>();
    for (const edge of imports) {
      const from = groups.get(edge.from);
      const to = groups.get(edge.to);
      if (from !== to) arrows.add(`${from}\0${to}`);
    }
    return { boxes: new Set(local.map((module) => groups.get(module.id))).size, arrows: arrows.size };
  };
  // The deepest level within both bounds. A level that adds no box (src/ holding only src/lib/)
  // is passed over, not taken for the bottom: the boxes may multiply further down.
  let chosen: Collapse | undefined;
  let chosenBoxes = 0;
  let firstSplit: Collapse | undefined;
  const boxesAt: number[] = [];
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    const candidate: Collapse = { by: "folder", depth };
    const { boxes, arrows } = measure(candidate);
    boxesAt[depth] = boxes;
    if (boxes > 1) firstSplit ??= candidate;
    if (boxes > maxBoxes) break;
    if (boxes > chosenBoxes && arrows <= maxBoxes * 3) {
      chosen = candidate;
      chosenBoxes = boxes;
    }
  }
  // One box says nothing: the layers, or else the first level that splits, even with more boxes
  // or arrows than an overview holds (its layout is still quick, and the HTML page opens it).
  if (chosen === undefined || chosenBoxes <= 1) chosen = hasLayers ? { by: "layer" } : (firstSplit ?? { by: "folder", depth: 1 });
  const shown = chosen.by === "folder" ? `folders of depth ${chosen.depth}` : "layers";
  // The next depth that draws more boxes, if any (a deeper level may add none).
  const next = chosen.by === "folder" ? boxesAt.findIndex((boxes, depth) => depth > (chosen.depth ?? 0) && boxes > (boxesAt[chosen.depth] ?? 0)) : -1;
  const deeper = next > 0 ? `--collapse folder:${next} to open it one level further, ` : chosen.by === "layer" ? "--collapse folder:1 to draw folders, " : "";
  return {
    collapse: chosen,
    note: `${n(local.length)} modules and ${n(imports.length)} imports drawn as an overview: ${shown}, ${n(measure(chosen).boxes)} boxes. Use ${deeper}--focus <glob> to draw part of it module by module, or --collapse none to draw every module.`,
  };
}
