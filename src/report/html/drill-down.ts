/**
 * The HTML page's drill-down: a folded diagram (layers, or folders) is the page's first view,
 * and each folded box gets a view of its own where that box is opened — a layer's modules one by
 * one, a folder one level deeper, its sub-folders folded and openable in turn — among the boxes
 * it imports or is imported by (not the whole picture again: that would repeat every other box
 * in every view). Each view is laid out here, ahead of time, so the page needs no Graphviz:
 * clicking a box swaps the picture.
 *
 * Opening is bounded, deterministically (counts, never time): a view must itself be a readable
 * diagram (the automatic fold's limits), and the page holds at most so many views and boxes, the
 * shallowest boxes first. A box left closed says why, and how to draw it on its own.
 */
import { compareCodeUnits } from "../../model/compare.js";
import { buildDiagram, type DiagramInput, type DiagramOptions } from "../diagram/build-diagram.js";
import { AUTO_COLLAPSE_ABOVE, depthOf, folderBoxId } from "../diagram/collapse.js";
import { type Collapse, type Diagram, type DiagramNode } from "../diagram/diagram.js";
import { NO_LAYER, ROOT_FOLDER } from "../../model/group-names.js";

interface DiagramView {
  /** "" for the first view; else the id of the box this view opens. */
  key: string;
  /** The view this one is opened from ("" for a box of the first view). */
  parent: string | undefined;
  diagram: Diagram;
}

export interface DrillDown {
  /** The first view, then the opened boxes, shallowest first. */
  views: DiagramView[];
  /** Boxes with no view of their own, and why. */
  closed: Map<string, string>;
}

/**
 * Beyond the first view: at most this many views, and this many boxes and arrows in them all —
 * each costs about 1 KB of SVG, so the budget keeps a page within a few megabytes.
 */
const DRILL_DOWN_BUDGET = { views: 100, shapes: 5_000 };

export function drillDown(input: DiagramInput, options: DiagramOptions, first: Diagram, budget = DRILL_DOWN_BUDGET): DrillDown {
  const views: DiagramView[] = [{ key: "", parent: undefined, diagram: first }];
  const closed = new Map<string, string>();
  const { collapse } = first;
  if (collapse.by === "none") return { views, closed };
  // An opened view may be twice the size of a first one: it was asked for, and is one box's content.
  const limit = 2 * (options.autoCollapseAbove ?? AUTO_COLLAPSE_ABOVE);
  const seen = new Set<string>();
  let drawn = 0;
  // Breadth first: every box of a view is considered before any box of the views it opens.
  for (let index = 0; index < views.length; index++) {
    const view = views[index]!;
    const folded = [...view.diagram.nodes.values()].filter((node) => node.kind === "layer" || node.kind === "folder");
    for (const box of folded.sort((a, b) => compareCodeUnits(a.id, b.id))) {
      if (seen.has(box.id)) continue;
      seen.add(box.id);
      if (views.length > budget.views) {
        closed.set(box.id, `this page holds ${budget.views} opened boxes at most`);
        continue;
      }
      const built = buildDiagram(input, { ...options, collapse: opened(collapse, box), context: box.id });
      const arrows = built.edges.length;
      if (built.nodes.size > limit || arrows > limit * 2) {
        closed.set(box.id, `opened, it would be ${built.nodes.size.toLocaleString("en-US")} boxes and ${arrows.toLocaleString("en-US")} arrows, more than one readable diagram holds`);
        continue;
      }
      const shapes = built.nodes.size + arrows;
      if (drawn + shapes > budget.shapes) {
        closed.set(box.id, `this page holds ${budget.shapes.toLocaleString("en-US")} boxes and arrows in its opened views at most`);
        continue;
      }
      drawn += shapes;
      views.push({ key: box.id, parent: view.key, diagram: withStagger(built, box) });
    }
  }
  return { views, closed };
}

/**
 * Opened, a box often holds dozens of modules that import the same few (rxjs's 117 operators):
 * Graphviz puts them in one row. Staggered over about √(n/8) rows, the view is about as tall as wide.
 */
function withStagger(diagram: Diagram, box: DiagramNode): Diagram {
  const members = new Set(box.members ?? []);
  const importing = new Set(diagram.edges.map((edge) => edge.from));
  const inside = [...diagram.nodes.values()].filter((node) => node.kind === "local" && members.has(node.id) && importing.has(node.id)).map((node) => node.id);
  const ranks = Math.round(Math.sqrt(inside.length / 8));
  return ranks < 2 ? diagram : { ...diagram, stagger: { nodes: inside, ranks } };
}

/**
 * The collapse that opens one box, and the folders above it down from the first view's depth:
 * a box's view is the same wherever it was clicked. A folder split across layers is opened only
 * in the box's layer (`src/ · app`); both ids are listed, as only one of them exists.
 */
function opened(collapse: Exclude<Collapse, { by: "none" }>, box: DiagramNode): Collapse {
  if (collapse.by === "layer") return { by: "layer", open: [box.id] };
  const layer = box.layer ?? NO_LAYER;
  const folder = box.id.endsWith("/") ? box.id : box.id.slice(0, -folderBoxId("", layer).length);
  const folders = folder === ROOT_FOLDER ? [] : folder.slice(0, -1).split("/");
  const open: string[] = [];
  for (let depth = Math.min(depthOf(collapse, box.layer), folders.length); depth <= folders.length; depth++) {
    const ancestor = depth === 0 ? ROOT_FOLDER : `${folders.slice(0, depth).join("/")}/`;
    open.push(ancestor, folderBoxId(ancestor, layer));
  }
  return { ...collapse, open };
}
