/**
 * What the page's script needs beside the SVGs, as plain data embedded as JSON: for each view,
 * its boxes (with the modules a folded box holds, so search and violations reach inside it), its
 * arrows (for lighting what a module imports and what imports it) and its layers (for the
 * toggles, in the config's order, each with the modules it holds); once for the page, every
 * module drawn, the layer order, the violations and cycles grouped by layer pair (for the side
 * panel) and why a box does not open. Compact, as a page may hold a hundred views: a box's
 * modules are indexes into the page's list, an arrow is a pair of indexes into its view's boxes
 * (its tooltip is in the SVG already).
 */
import { compareCodeUnits } from "../../model/compare.js";
import type { Violation } from "../../model/violation.js";
import { type Diagram, type DiagramCluster } from "../diagram/diagram.js";
import type { DrillDown } from "./drill-down.js";
import { penwidthOf } from "../diagram/to-dot.js";
import { plainEdgeLook, plainNodeLook } from "../diagram/to-dot-heat.js";
import { runSummary } from "../diagram/runtime-heat.js";
import { EXTERNALS, NO_LAYER } from "../../model/group-names.js";

interface ViewData {
  /** "" for the first view; else the box it opens. */
  key: string;
  parent: string | null;
  nodes: { id: string; element: string; label: string; members?: number[] }[];
  /** [from, to]: indexes into `nodes`. */
  edges: [number, number][];
  /**
   * The toggles, in the page's layer order: each layer's clusters (elements), the boxes in it
   * (ids) and how many modules those boxes hold.
   */
  layers: { name: string; elements: string[]; nodes: string[]; modules: number }[];
  /**
   * With a run drawn (the SVG shows it): how the page's Heat toggle draws the picture without it —
   * each box's plain [element, fill, stroke, text colour], each import arrow's plain [element,
   * colour, width], and the shapes only the run draws (its arrows, its legend), hidden.
   */
  heat?: { nodes: [string, string, string, string][]; edges: [string, string, number][]; only: string[] };
}

interface ProblemData {
  rule: string;
  severity: string;
  message: string;
  where: string;
  /** Steps are module ids: the page finds the boxes and arrows that hold them in each view. */
  steps: { from: string; to: string }[];
}

export interface PageData {
  title: string;
  /** Every module the first view draws, as itself or inside a box, sorted. */
  modules: string[];
  /** The layers, top first (the config's order), then "(no layer)" and "(external)". */
  layers: string[];
  views: ViewData[];
  /** Folded boxes with no view of their own, and why. */
  closed: Record<string, string>;
  problems: ProblemData[];
  /** The problems by layer pair ("core → app"), cycles apart; `problems` are indexes. */
  groups: { label: string; problems: number[] }[];
  /** With a run drawn: what it was (the Heat toggle's caption). */
  heat?: { summary: string };
}

export function pageData(drill: DrillDown, violations: readonly Violation[], title: string): PageData {
  const first = drill.views[0]!.diagram;
  const modules = [...first.nodes.values()].flatMap((node) => node.members ?? [node.id]).sort(compareCodeUnits);
  const indexOf = new Map(modules.map((id, index) => [id, index]));
  const layers = layerOrder(drill.views.map((view) => view.diagram), violations);
  const problems = violations.map(
    (violation): ProblemData => ({
      rule: violation.rule,
      severity: violation.severity,
      message: violation.message,
      where: `${violation.from}:${violation.line} "${violation.specifier}" → ${violation.to}`,
      steps: (violation.via ?? [violation]).map(({ from, to }) => ({ from, to })),
    }),
  );
  return {
    title,
    modules,
    layers,
    views: drill.views.map(({ key, parent, diagram }) => ({ key, parent: parent ?? null, ...viewData(diagram, indexOf, layers), ...heatData(diagram) })),
    closed: Object.fromEntries(drill.closed),
    problems,
    groups: problemGroups(violations, layers),
    ...(first.runtime === undefined ? {} : { heat: { summary: runSummary(first.runtime) } }),
  };
}

/** The plain look of a view drawn with a run (nothing without one: the page stays as it was). */
function heatData(diagram: Diagram): Pick<ViewData, "heat"> {
  if (diagram.runtime === undefined) return {};
  const element = (id: string): string => {
    const kind = diagram.nodes.get(id)!.kind;
    return `${kind === "layer" || kind === "folder" ? kind : "module"}:${id}`;
  };
  const nodes = [...diagram.nodes.values()].map((node): [string, string, string, string] => {
    const look = plainNodeLook(node);
    return [element(node.id), look.fill, look.stroke, look.text];
  });
  const edges = diagram.edges.map((edge): [string, string, number] => {
    const look = plainEdgeLook(edge, diagram, penwidthOf);
    return [`import:${edge.from}->${edge.to}`, look.colour, look.width];
  });
  const only = [...diagram.runtime.calls.map((call) => `call:${call.from}->${call.to}`), "legend-heat"];
  return { heat: { nodes, edges, only } };
}

/**
 * The layers, top first: the first view's (the config's order; it draws every module), then
 * any other a violation names, then "(no layer)" and "(external)" where drawn.
 */
function layerOrder(diagrams: readonly Diagram[], violations: readonly Violation[]): string[] {
  const order = [...(diagrams[0]?.layers ?? [])];
  const extra = new Set<string>();
  for (const violation of violations) for (const layer of [violation.fromLayer, violation.toLayer]) if (layer !== undefined && !order.includes(layer)) extra.add(layer);
  const drawn = new Set(diagrams.flatMap((diagram) => [...nodeLayers(diagram).values()]));
  return [...order, ...[...extra].sort(compareCodeUnits), ...[NO_LAYER, EXTERNALS].filter((layer) => drawn.has(layer))];
}

/** The layer a top-level cluster draws. */
function clusterLayer(cluster: DiagramCluster): string {
  return cluster.layer ?? (cluster.colour === -2 ? EXTERNALS : NO_LAYER);
}

/**
 * Each box's layer: its own, a layer box's name, else the layer of the top-level cluster it is
 * drawn in. A Map: ids come from the analysed code (a module named `constructor.ts` is fine).
 */
function nodeLayers(diagram: Diagram): Map<string, string> {
  const layers = new Map<string, string>();
  const walk = (cluster: DiagramCluster, layer: string): void => {
    for (const id of cluster.nodes) layers.set(id, layer);
    for (const inner of cluster.clusters) walk(inner, layer);
  };
  for (const cluster of diagram.clusters) walk(cluster, clusterLayer(cluster));
  for (const node of diagram.nodes.values()) {
    if (node.layer !== undefined) layers.set(node.id, node.layer);
    else if (node.kind === "layer") layers.set(node.id, node.id);
    else if (!layers.has(node.id)) layers.set(node.id, node.kind === "local" || node.kind === "folder" ? NO_LAYER : EXTERNALS);
  }
  return layers;
}

function viewData(diagram: Diagram, moduleIndex: ReadonlyMap<string, number>, order: readonly string[]): Omit<ViewData, "key" | "parent"> {
  const nodeIndex = new Map([...diagram.nodes.keys()].map((id, index) => [id, index]));
  const elementOf = (id: string): string => {
    const kind = diagram.nodes.get(id)?.kind;
    return `${kind === "layer" || kind === "folder" ? kind : "module"}:${id}`;
  };
  const layerOf = nodeLayers(diagram);
  const layers = new Map<string, ViewData["layers"][number]>();
  const entry = (name: string): ViewData["layers"][number] => {
    let layer = layers.get(name);
    if (layer === undefined) layers.set(name, (layer = { name, elements: [], nodes: [], modules: 0 }));
    return layer;
  };
  for (const cluster of diagram.clusters) entry(clusterLayer(cluster)).elements.push(`cluster:${cluster.key}`);
  for (const node of diagram.nodes.values()) {
    const layer = entry(layerOf.get(node.id)!);
    layer.nodes.push(node.id);
    layer.modules += node.members?.length ?? 1;
    // A folded layer, or a layer drawn as one box outside any cluster: the box is the toggle's element.
    if (node.kind === "layer" || node.colour !== undefined) layer.elements.push(elementOf(node.id));
  }
  const rank = (name: string): number => {
    const index = order.indexOf(name);
    return index === -1 ? order.length : index;
  };
  return {
    nodes: [...diagram.nodes.values()].map((node) => ({
      id: node.id,
      element: elementOf(node.id),
      label: node.tooltip,
      ...(node.members === undefined ? {} : { members: node.members.map((id) => moduleIndex.get(id)!) }),
    })),
    edges: diagram.edges.map((edge): [number, number] => [nodeIndex.get(edge.from)!, nodeIndex.get(edge.to)!]),
    layers: [...layers.values()].filter((layer) => layer.nodes.length > 0).sort((a, b) => rank(a.name) - rank(b.name) || compareCodeUnits(a.name, b.name)),
  };
}

/**
 * Violations by the pair of layers they cross, top layer first, then by the layer imported;
 * cycles in a group of their own, last. Within a group, the checker's order.
 */
function problemGroups(violations: readonly Violation[], order: readonly string[]): PageData["groups"] {
  const rank = (name: string): number => {
    const index = order.indexOf(name);
    return index === -1 ? order.length : index;
  };
  const CYCLES = "cycles";
  const groups = new Map<string, { from: string; to: string; problems: number[] }>();
  violations.forEach((violation, index) => {
    const cycle = violation.ruleKind === "cycles";
    const from = violation.fromLayer ?? NO_LAYER;
    const to = violation.toLayer ?? (violation.toKind === "local" ? NO_LAYER : EXTERNALS);
    const label = cycle ? "import cycles" : `${from} → ${to}`;
    const key = cycle ? CYCLES : label;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { from: cycle ? CYCLES : from, to: cycle ? CYCLES : to, problems: [] }));
    group.problems.push(index);
  });
  const place = (name: string): number => (name === CYCLES ? order.length + 1 : rank(name));
  return [...groups]
    .sort(([keyA, a], [keyB, b]) => place(a.from) - place(b.from) || place(a.to) - place(b.to) || compareCodeUnits(keyA, keyB))
    .map(([key, group]) => ({ label: key === CYCLES ? "import cycles" : key, problems: group.problems }));
}
