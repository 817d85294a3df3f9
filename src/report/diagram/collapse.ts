/**
 * Folding modules into bigger boxes so that a large codebase still gives a readable picture:
 * into folders (the first `depth` folders of each path) or into layers. A box belongs to exactly
 * one layer: a folder whose modules lie in several layers is one box per layer (`src/ · app`),
 * so a folded picture never draws a module in another layer than its own. Above a size where a
 * picture stops being readable, folding is chosen for the user: an overview of a few dozen boxes.
 */
import type { ImportRecord, ModuleRecord } from "../../model/document.js";
import { counted } from "../../model/counted.js";
import { type Collapse } from "./diagram.js";
import { NO_LAYER, ROOT_FOLDER } from "../../model/group-names.js";

/** The folder depth a layer's modules fold at. */
export function depthOf(collapse: Extract<Collapse, { by: "folder" }>, layer: string | undefined): number {
  return collapse.depths?.get(layer ?? NO_LAYER) ?? collapse.depth;
}

/** Whether a collapse opens any box (its clusters then nest folders, to show what was opened). */
export function opensBoxes(collapse: Collapse): boolean {
  return collapse.by !== "none" && (collapse.open?.length ?? 0) > 0;
}

/**
 * Above this many modules (or twice as many imports) a diagram is folded automatically. Speed
 * allows far more (`node bench/render-bench.mjs`), legibility does not: the samples' 33 modules
 * and 91 imports read at a glance; a 187-module framework drawn whole was a strip 6,700 points
 * wide, while folded into a dozen boxes in stacked layers (hono) it reads at docs width.
 */
export const AUTO_COLLAPSE_ABOVE = 50;

/**
 * The automatic fold aims at an overview a person takes in at a glance: at most this many boxes
 * and three times as many arrows (fewer when `autoCollapseAbove` is lower).
 */
const OVERVIEW_BOXES = 30;

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
 * @internal Exported for its unit tests (knip --production ignores the tag).
 */
export function groupOf(module: ModuleRecord, collapse: Collapse, split: ReadonlySet<string> = new Set()): string {
  if (module.kind !== "local" || collapse.by === "none") return module.id;
  const layer = module.layer ?? NO_LAYER;
  if (collapse.by === "layer") return collapse.open?.includes(layer) ? module.id : layer;
  const folders = module.id.split("/").slice(0, -1);
  // A module shallower than the depth is drawn as its own folder's box (files at the root in
  // the root's, `./`); an open box is one level deeper.
  for (let depth = Math.min(depthOf(collapse, layer), folders.length); depth <= folders.length; depth++) {
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

interface Measure {
  boxes: number;
  arrows: number;
}

/**
 * The collapse asked for, or — when none was and the graph is large — an overview: the deepest
 * folder depth whose boxes (split by layer) and arrows stay within the overview's bounds, then,
 * if that is only a few boxes, layers taken one level deeper in turn.
 */
export function chooseCollapse(
  modules: ReadonlyMap<string, ModuleRecord>,
  imports: readonly ImportRecord[],
  asked: Collapse | undefined,
  limit: number,
  layerOrder: readonly string[],
): CollapseChoice {
  if (asked !== undefined) return { collapse: asked };
  const local = [...modules.values()].filter((module) => module.kind === "local");
  if (local.length <= limit && imports.length <= limit * 2) return { collapse: { by: "none" } };
  const maxBoxes = Math.min(OVERVIEW_BOXES, limit);
  const fits = (measured: Measure): boolean => measured.boxes <= maxBoxes && measured.arrows <= maxBoxes * 3;
  const measure = (collapse: Collapse): Measure => {
    const groups = grouping(modules.values(), collapse);
    const arrows = new Set<string>();
    for (const edge of imports) {
      const from = groups.get(edge.from)!;
      const to = groups.get(edge.to)!;
      if (from !== to) arrows.add(`${from}\0${to}`);
    }
    return { boxes: new Set(local.map((module) => groups.get(module.id))).size, arrows: arrows.size };
  };
  // The deepest level within both bounds. A level that adds no box (src/ holding only src/lib/)
  // is passed over, not taken for the bottom: the boxes may multiply further down.
  let chosen: Extract<Collapse, { by: "folder" }> | undefined;
  let chosenBoxes = 0;
  let firstSplit: Collapse | undefined;
  const boxesAt: number[] = [];
  // No level below the deepest folder adds a box.
  const deepest = local.reduce((most, module) => Math.max(most, module.id.split("/").length - 1), 1);
  for (let depth = 1; depth <= Math.min(deepest, MAX_DEPTH); depth++) {
    const candidate = { by: "folder" as const, depth };
    const measured = measure(candidate);
    boxesAt[depth] = measured.boxes;
    if (measured.boxes > 1) firstSplit ??= candidate;
    if (measured.boxes > maxBoxes) break;
    if (measured.boxes > chosenBoxes && fits(measured)) {
      chosen = candidate;
      chosenBoxes = measured.boxes;
    }
  }
  // One box says nothing: the layers, or else the first level that splits, even with more boxes
  // or arrows than an overview holds (its layout is still quick, and the HTML page opens it).
  const hasLayers = layerOrder.length > 0;
  const overview: Collapse =
    chosen === undefined || chosenBoxes <= 1 ? (hasLayers ? { by: "layer" } : (firstSplit ?? { by: "folder", depth: 1 })) : deepenLayers(chosen, layerOrder, measure, fits);
  let shown = "layers";
  let deeper = hasLayers ? "--collapse folder:1 to draw folders, " : "";
  if (overview.by === "folder") {
    const deepened = [...(overview.depths ?? [])].map(([layer, depth]) => `${depth} in ${layer}`);
    shown = `folders of depth ${overview.depth}${deepened.length === 0 ? "" : ` (${deepened.join(", ")})`}`;
    // The next depth that draws more boxes, if any (a deeper level may add none).
    const next = boxesAt.findIndex((boxes, depth) => depth > overview.depth && boxes > (boxesAt[overview.depth] ?? 0));
    deeper = next > 0 ? `--collapse folder:${next} to open it one level further, ` : "";
  }
  return {
    collapse: overview,
    note: `${n(local.length)} modules and ${n(imports.length)} imports drawn as an overview: ${shown}, ${counted(measure(overview).boxes, "box", "boxes")}. Use ${deeper}--focus <glob> to draw part of it module by module, or --collapse none to draw every module.`,
  };
}

/**
 * An overview of fewer than this many boxes (a few big folders, each split by layer) takes
 * layers one level deeper until it has about this many. Only then: more detail than that costs
 * legibility, as arrows multiply faster than boxes (hono's 12 boxes and 35 arrows read at a
 * glance; deepened to 29 boxes, its 83 arrows did not).
 */
const OVERVIEW_MIN_BOXES = 10;

/**
 * Layers taken one level deeper, in turns, top layer first in each turn, while the overview has
 * fewer than OVERVIEW_MIN_BOXES boxes and still fits. A level that adds no box is passed over.
 */
function deepenLayers(
  start: Extract<Collapse, { by: "folder" }>,
  layerOrder: readonly string[],
  measure: (collapse: Collapse) => Measure,
  fits: (measured: Measure) => boolean,
): Extract<Collapse, { by: "folder" }> {
  let current = start;
  let boxes = measure(current).boxes;
  const settled = new Set<string>();
  while (settled.size < layerOrder.length && boxes < OVERVIEW_MIN_BOXES) {
    for (const layer of layerOrder) {
      if (settled.has(layer) || boxes >= OVERVIEW_MIN_BOXES) continue;
      let taken = false;
      for (let depth = depthOf(current, layer) + 1; depth <= MAX_DEPTH && !taken; depth++) {
        const candidate = { ...current, depths: new Map([...(current.depths ?? []), [layer, depth]]) };
        const measured = measure(candidate);
        if (!fits(measured)) break;
        if (measured.boxes > boxes) {
          current = candidate;
          boxes = measured.boxes;
          taken = true;
        }
      }
      if (!taken) settled.add(layer);
    }
  }
  return current;
}
