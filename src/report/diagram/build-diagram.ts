/**
 * Map document + rule violations → a Diagram: the modules to draw (selected, maybe folded), the
 * arrows between them with what each import is, and the clusters (one per layer, top first,
 * folders nested inside). Pure and deterministic: everything is sorted.
 */
import { compareCodeUnits } from "../../model/compare.js";
import type { CallTree } from "../../model/call-graph.js";
import type { ImportRecord, MapDocument, ModuleRecord } from "../../model/document.js";
import type { Violation } from "../../model/violation.js";
import { namesText } from "../check/paths.js";
import { buildClusters } from "./build-clusters.js";
import { AUTO_COLLAPSE_ABOVE, chooseCollapse, grouping } from "./collapse.js";
import type { Collapse, Diagram, DiagramEdge, DiagramNode } from "./diagram.js";
import { foldRuntime, type HeatBy } from "./runtime-heat.js";
import { selectModules, type SelectOptions } from "./select-modules.js";

export interface DiagramInput {
  /** The map: what the json and edges formats write, and what is drawn unless `drawn` is given. */
  document: MapDocument;
  /**
   * What the pictures draw instead of `document`: its transparent plane when barrels are seen
   * through (`graph/transparent-plane.ts`), consumers pointing at the modules that declare what
   * they import.
   */
  drawn?: MapDocument;
  /** Violations of the rules: their imports are drawn red, and cycles' imports highlighted. */
  violations: readonly Violation[];
  /**
   * A recorded run to draw over the map (`--profile`): boxes filled by their share of it, import
   * arrows by the calls along them, calls no import stands for as arrows of their own.
   */
  runtime?: { tree: CallTree; heat?: HeatBy };
}

export interface DiagramOptions extends SelectOptions {
  collapse?: Collapse;
  rankdir?: "TB" | "LR";
  title?: string;
  /** Fold automatically above this many modules (default AUTO_COLLAPSE_ABOVE). */
  autoCollapseAbove?: number;
  /**
   * Draw only what is inside this box (a folder id ending in "/", or a layer name) and the boxes
   * its modules import or are imported by, with the arrows that touch it: the HTML page's view of
   * an opened box. Boxes keep the counts of the whole selection.
   */
  context?: string;
}

export function buildDiagram(input: DiagramInput, options: DiagramOptions = {}): Diagram {
  const document = input.drawn ?? input.document;
  const { modules, imports } = selectModules(document, options);
  const layerOrder = orderedLayers(document, modules);
  const colours = layerColours(document);
  const choice = chooseCollapse(modules, imports, options.collapse, options.autoCollapseAbove ?? AUTO_COLLAPSE_ABOVE, layerOrder);
  const collapse = choice.collapse;

  const groups = grouping(modules.values(), collapse);
  const members = new Map<string, ModuleRecord[]>();
  for (const module of modules.values()) {
    const group = groups.get(module.id)!;
    const folded = members.get(group);
    if (folded === undefined) members.set(group, [module]);
    else folded.push(module);
  }
  let edges = foldEdges(imports, modules, groups, collapse, marks(input.violations), input.drawn !== undefined);
  // Every arrow of the selection, also those an opened box's view leaves out: a call along one is
  // no runtime-only call.
  const allArrows = edges;
  let touches: ((from: string, to: string) => boolean) | undefined;
  if (options.context !== undefined) {
    const inside = insideOf(options.context, collapse, modules, members);
    touches = (from, to) => inside.has(from) || inside.has(to);
    edges = edges.filter((edge) => inside.has(edge.from) || inside.has(edge.to));
    const kept = new Set([...inside, ...edges.flatMap((edge) => [edge.from, edge.to])]);
    for (const id of [...members.keys()]) if (!kept.has(id)) members.delete(id);
  }
  const nodes = new Map<string, DiagramNode>();
  for (const [id, folded] of [...members].sort(([a], [b]) => compareCodeUnits(a, b))) {
    nodes.set(id, nodeFor(id, folded, collapse, colours));
  }

  const clusters = buildClusters(nodes, collapse, layerOrder, colours);
  const diagram: Diagram = {
    ...(options.title === undefined ? {} : { title: options.title }),
    collapse,
    rankdir: options.rankdir ?? "TB",
    layers: layerOrder,
    clusters: clusters.clusters,
    looseNodes: clusters.looseNodes,
    nodes,
    edges,
    notes: choice.note === undefined ? [] : [choice.note],
  };
  // Folded once the boxes are fixed: each frame counts in the box that draws its module.
  if (input.runtime !== undefined) {
    diagram.runtime = foldRuntime(diagram, input.runtime.tree, input.runtime.heat ?? "total", { arrows: allArrows, ...(touches === undefined ? {} : { touches }) });
  }
  return diagram;
}

/**
 * The groups drawn inside an opened box: those whose modules the box holds when closed (the
 * same collapse without the box among the open ones).
 */
function insideOf(box: string, collapse: Collapse, modules: ReadonlyMap<string, ModuleRecord>, members: ReadonlyMap<string, readonly ModuleRecord[]>): Set<string> {
  const closed: Collapse = collapse.by === "none" ? collapse : { ...collapse, open: (collapse.open ?? []).filter((id) => id !== box) };
  const closedGroups = grouping(modules.values(), closed);
  const within = (module: ModuleRecord): boolean => module.kind === "local" && closedGroups.get(module.id) === box;
  return new Set([...members].filter(([, folded]) => folded.every(within)).map(([id]) => id));
}

/** The document's layer order, then any other layer seen, then modules in no layer. */
function orderedLayers(document: MapDocument, modules: ReadonlyMap<string, ModuleRecord>): string[] {
  const seen = new Set([...modules.values()].map((module) => module.layer).filter((layer): layer is string => layer !== undefined));
  const declared = document.layers ?? [];
  return [...declared.filter((layer) => seen.has(layer)), ...[...seen].filter((layer) => !declared.includes(layer)).sort(compareCodeUnits)];
}

/**
 * Each layer's palette index: its place in the config (the document's layer list), whatever
 * part of the map is drawn, so a layer has the same colour in every picture of the codebase.
 * A layer the document does not declare comes after the declared ones, in name order.
 */
function layerColours(document: MapDocument): Map<string, number> {
  const declared = document.layers ?? [];
  const undeclared = new Set(document.modules.map((module) => module.layer).filter((layer): layer is string => layer !== undefined && !declared.includes(layer)));
  return new Map([...declared, ...[...undeclared].sort(compareCodeUnits)].map((layer, index) => [layer, index]));
}

function nodeFor(id: string, folded: ModuleRecord[], collapse: Collapse, colours: ReadonlyMap<string, number>): DiagramNode {
  const first = folded[0]!;
  const layers = new Set(folded.map((module) => module.layer));
  const layer = layers.size === 1 && first.kind === "local" ? first.layer : undefined;
  const inLayer = layer === undefined ? {} : { layer };
  if (folded.length === 1 && first.id === id) {
    return { id, label: id, tooltip: id, kind: first.kind, modules: 1, ...inLayer };
  }
  const count = `${folded.length} module${folded.length === 1 ? "" : "s"}`;
  const members = folded.map((module) => module.id);
  if (collapse.by === "layer") {
    return { id, label: `${id}\n${count}`, tooltip: `layer ${id}: ${count}`, kind: "layer", modules: folded.length, members, colour: colours.get(id) ?? -1, ...inLayer };
  }
  return { id, label: `${id}\n${count}`, tooltip: `${id}: ${count}`, kind: "folder", modules: folded.length, members, ...inLayer };
}

interface Marks {
  violations: Set<string>;
  cycles: Set<string>;
}

const pairKey = (from: string, to: string): string => `${from}\0${to}`;

/** Which module-level imports break a rule, and which close a cycle. */
function marks(violations: readonly Violation[]): Marks {
  const result: Marks = { violations: new Set(), cycles: new Set() };
  for (const violation of violations) {
    const target = violation.ruleKind === "cycles" ? result.cycles : result.violations;
    const steps = violation.via ?? [violation];
    for (const step of steps) target.add(pairKey(step.from, step.to));
  }
  return result;
}

function foldEdges(
  imports: readonly ImportRecord[],
  modules: ReadonlyMap<string, ModuleRecord>,
  groups: ReadonlyMap<string, string>,
  collapse: Collapse,
  marked: Marks,
  throughBarrels: boolean,
): DiagramEdge[] {
  const folded = new Map<string, DiagramEdge & { sites: string[]; breaking: string[]; statements: number; listing: boolean; onCall: boolean }>();
  for (const edge of imports) {
    const from = groups.get(edge.from)!;
    const to = groups.get(edge.to)!;
    if (from === to && collapse.by !== "none") continue;
    const key = pairKey(from, to);
    const dynamic = edge.sites.every((site) => site.kind === "dynamic" && !site.typeOnly);
    const onCall = edge.sites.every((site) => (site.kind === "dynamic" || site.kind === "deferred") && !site.typeOnly);
    const current = folded.get(key) ?? {
      from,
      to,
      typeOnly: true,
      dynamic: true,
      onCall: true,
      reexport: false,
      listing: throughBarrels,
      violation: false,
      cycle: false,
      weight: 0,
      tooltip: "",
      sites: [],
      breaking: [],
      statements: 0,
    };
    const breaks = marked.violations.has(pairKey(edge.from, edge.to));
    current.typeOnly &&= edge.typeOnly;
    current.dynamic &&= dynamic;
    current.onCall &&= onCall;
    current.reexport ||= edge.kinds.includes("re-export");
    current.listing &&= edge.sites.every((site) => site.kind === "re-export");
    current.violation ||= breaks;
    current.cycle ||= marked.cycles.has(pairKey(edge.from, edge.to));
    current.weight += 1;
    current.statements += edge.sites.length;
    // An import read from an edges list has no line: its placeholder site has no specifier.
    // The imports that break a rule come first in a folded arrow's tooltip: they are why it is red.
    for (const site of edge.sites) (breaks ? current.breaking : current.sites).push(site.specifier === "" ? edge.from : `${edge.from}:${site.line} "${site.specifier}"${namesHere(site, edge.to)}`);
    folded.set(key, current);
  }
  return [...folded.values()]
    .map(({ sites, breaking, statements, listing, onCall, ...edge }) => ({
      ...edge,
      ...(onCall && !edge.dynamic ? { deferred: true as const } : {}),
      ...(listing ? { faded: true as const } : {}),
      tooltip: modules.has(edge.from) && modules.has(edge.to) ? summarise([...breaking, ...sites]) : foldedTooltip(edge.weight, statements, breaking, sites),
    }))
    .sort((a, b) => compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to));
}

/**
 * ` { format }`: on the transparent plane's document, a site moved off a barrel keeps the one
 * `through` entry that led it to this import's module; the names it takes from there.
 */
function namesHere(site: ImportRecord["sites"][number], to: string): string {
  const only = site.through?.length === 1 ? site.through[0]! : undefined;
  return only?.module === to ? ` ${namesText(only.names)}` : "";
}

/**
 * A folded arrow says how many module imports it stands for (and in how many statements, when
 * a module imports another in several), how many break a rule, then the first of them.
 */
function foldedTooltip(weight: number, statements: number, breaking: string[], sites: string[]): string {
  const count = `${weight} import${weight === 1 ? "" : "s"}${statements === weight ? "" : ` in ${statements} statements`}`;
  const broken = breaking.length === 0 ? "" : `, ${breaking.length === statements ? "all" : `${breaking.length} statement${breaking.length === 1 ? "" : "s"}`} breaking a rule`;
  return `${count}${broken}:\n${summarise([...breaking, ...sites])}`;
}

function summarise(sites: string[]): string {
  return sites.length <= 5 ? sites.join("\n") : [...sites.slice(0, 5), `… and ${sites.length - 5} more`].join("\n");
}
