/**
 * Folding modules into bigger boxes so that a large codebase still gives a readable picture:
 * into folders (the first `depth` folders of each path) or into layers. Above a size where
 * Graphviz stops being quick and a picture stops being readable, folding is chosen for the user.
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
 * allows more (`node bench/render-bench.mjs`: 300 modules lay out in well under a second), but
 * legibility does not: past 150 boxes layers are no longer stacked, past 150 arrows they are
 * drawn straight, and dependency-cruiser's own 210 modules and 390 imports drawn whole came out a
 * strip 12,000 points wide, while folded into 43 folders in stacked layers they read at a glance
 * (and open one by one in the HTML page).
 */
export const AUTO_COLLAPSE_ABOVE = 150;

const n = (value: number): string => value.toLocaleString("en-US");

/** The node a module is drawn as under a collapse mode. */
export function groupOf(module: ModuleRecord, collapse: Collapse): string {
  if (module.kind !== "local" || collapse.by === "none") return module.id;
  if (collapse.by === "layer") {
    const layer = module.layer ?? NO_LAYER;
    return collapse.open?.includes(layer) ? module.id : layer;
  }
  const folders = module.id.split("/").slice(0, -1);
  if (folders.length === 0) return module.id;
  // A module shallower than the depth is drawn as its own folder's box; an open box is one level deeper.
  for (let depth = Math.min(collapse.depth, folders.length); depth <= folders.length; depth++) {
    const folder = `${folders.slice(0, depth).join("/")}/`;
    if (!collapse.open?.includes(folder)) return folder;
  }
  return module.id;
}

export interface CollapseChoice {
  collapse: Collapse;
  note?: string;
}

/** The collapse asked for, or — when none was and the graph is large — the finest that fits. */
export function chooseCollapse(
  modules: ReadonlyMap<string, ModuleRecord>,
  imports: readonly ImportRecord[],
  asked: Collapse | undefined,
  limit: number,
  hasLayers: boolean,
): CollapseChoice {
  if (asked !== undefined) return { collapse: asked };
  const local = [...modules.values()].filter((module) => module.kind === "local");
  // Layout time and legibility follow the arrows as much as the boxes: keep both in bounds.
  const arrows = (collapse: Collapse): number =>
    new Set(imports.map((edge) => `${groupOf(modules.get(edge.from)!, collapse)}\0${groupOf(modules.get(edge.to)!, collapse)}`)).size;
  if (local.length <= limit && imports.length <= limit * 2) return { collapse: { by: "none" } };
  const boxesOf = (collapse: Collapse): number => new Set(local.map((module) => groupOf(module, collapse))).size;
  // The deepest folders within both bounds. A level that adds no box (src/ holding only
  // src/lib/) is passed over, not taken for the bottom: the boxes may multiply further down.
  let chosen: Collapse | undefined;
  let chosenBoxes = 0;
  let firstSplit: Collapse | undefined;
  for (let depth = 1; depth <= 8; depth++) {
    const candidate: Collapse = { by: "folder", depth };
    const boxes = boxesOf(candidate);
    if (boxes > limit) break;
    if (boxes > 1) firstSplit ??= candidate;
    if (boxes > chosenBoxes && arrows(candidate) <= limit * 2) {
      chosen = candidate;
      chosenBoxes = boxes;
    }
  }
  // One box says nothing: the layers, or else the first level that splits, even with more
  // arrows than a picture reads well (its layout is still quick at this size).
  if (chosen === undefined || chosenBoxes <= 1) chosen = hasLayers ? { by: "layer" } : (firstSplit ?? { by: "folder", depth: 1 });
  const shown = chosen.by === "folder" ? `folders of depth ${chosen.depth}` : "layers";
  return {
    collapse: chosen,
    note: `${n(local.length)} modules and ${n(imports.length)} imports are more than one readable diagram holds (${n(limit)} modules, ${n(limit * 2)} imports): collapsed to ${shown} (${new Set(local.map((module) => groupOf(module, chosen))).size} boxes). Use --collapse none to draw every module, or --focus <glob> to draw part of it.`,
  };
}
