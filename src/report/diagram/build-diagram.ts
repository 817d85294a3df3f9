/**
 * Map document + rule violations → a Diagram: the modules to draw (selected, maybe folded), the
 * arrows between them with what each import is, and the clusters (one per layer, top first,
 * folders nested inside). Pure and deterministic: everything is sorted.
 */
import { compareCodeUnits } from "../../model/compare.js";
import type { ImportRecord, MapDocument, ModuleRecord } from "../../model/document.js";
import type { Violation } from "../../model/violation.js";
import { buildClusters } from "./build-clusters.js";
import { AUTO_COLLAPSE_ABOVE, chooseCollapse, groupOf, type Collapse } from "./collapse.js";
import { NO_LAYER, type Diagram, type DiagramEdge, type DiagramNode } from "./diagram.js";
import { selectModules, type SelectOptions } from "./select-modules.js";

export interface DiagramInput {
  document: MapDocument;
  /** Violations of the rules: their imports are drawn red, and cycles' imports highlighted. */
  violations: readonly Violation[];
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
  const { modules, imports } = selectModules(input.document, options);
  const layerOrder = orderedLayers(input.document, modules);
  const choice = chooseCollapse(modules, imports, options.collapse, options.autoCollapseAbove ?? AUTO_COLLAPSE_ABOVE, layerOrder.length > 0);
  const collapse = choice.collapse;

  const members = new Map<string, ModuleRecord[]>();
  for (const module of modules.values()) {
    const group = groupOf(module, collapse);
    const folded = members.get(group);
    if (folded === undefined) members.set(group, [module]);
    else folded.push(module);
  }
  let edges = foldEdges(imports, modules, collapse, marks(input.violations));
  if (options.context !== undefined) {
    const inside = insideOf(options.context, collapse, members);
    edges = edges.filter((edge) => inside.has(edge.from) || inside.has(edge.to));
    const kept = new Set([...inside, ...edges.flatMap((edge) => [edge.from, edge.to])]);
    for (const id of [...members.keys()]) if (!kept.has(id)) members.delete(id);
  }
  const nodes = new Map<string, DiagramNode>();
  for (const [id, folded] of [...members].sort(([a], [b]) => compareCodeUnits(a, b))) {
    nodes.set(id, nodeFor(id, folded, collapse, layerOrder));
  }

  const clusters = buildClusters(nodes, members, collapse, layerOrder);
  return {
    ...(options.title === undefined ? {} : { title: options.title }),
    collapse,
    rankdir: options.rankdir ?? "TB",
    clusters: clusters.clusters,
    looseNodes: clusters.looseNodes,
    nodes,
    edges,
    notes: choice.note === undefined ? [] : [choice.note],
  };
}

/** The groups whose modules are all inside a box: under its folder, or in its layer. */
function insideOf(box: string, collapse: Collapse, members: ReadonlyMap<string, readonly ModuleRecord[]>): Set<string> {
  const within = (module: ModuleRecord): boolean =>
    module.kind === "local" && (collapse.by === "layer" ? (module.layer ?? NO_LAYER) === box : module.id.startsWith(box));
  return new Set([...members].filter(([, folded]) => folded.every(within)).map(([id]) => id));
}

/** The document's layer order, then any other layer seen, then modules in no layer. */
function orderedLayers(document: MapDocument, modules: ReadonlyMap<string, ModuleRecord>): string[] {
  const seen = new Set([...modules.values()].map((module) => module.layer).filter((layer): layer is string => layer !== undefined));
  const declared = document.layers ?? [];
  return [...declared.filter((layer) => seen.has(layer)), ...[...seen].filter((layer) => !declared.includes(layer)).sort(compareCodeUnits)];
}

function nodeFor(id: string, folded: ModuleRecord[], collapse: Collapse, layerOrder: string[]): DiagramNode {
  const first = folded[0]!;
  if (folded.length === 1 && first.id === id) {
    return { id, label: id, tooltip: id, kind: first.kind, modules: 1 };
  }
  const count = `${folded.length} module${folded.length === 1 ? "" : "s"}`;
  const members = folded.map((module) => module.id);
  if (collapse.by === "layer") {
    const index = layerOrder.indexOf(id);
    return { id, label: `${id}\n${count}`, tooltip: `layer ${id}: ${count}`, kind: "layer", modules: folded.length, members, colour: index === -1 ? -1 : index };
  }
  return { id, label: `${id}\n${count}`, tooltip: `${id}: ${count}`, kind: "folder", modules: folded.length, members };
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

function foldEdges(imports: readonly ImportRecord[], modules: ReadonlyMap<string, ModuleRecord>, collapse: Collapse, marked: Marks): DiagramEdge[] {
  const folded = new Map<string, DiagramEdge & { sites: string[] }>();
  for (const edge of imports) {
    const from = groupOf(modules.get(edge.from)!, collapse);
    const to = groupOf(modules.get(edge.to)!, collapse);
    if (from === to && collapse.by !== "none") continue;
    const key = pairKey(from, to);
    const dynamic = edge.sites.every((site) => site.kind === "dynamic" && !site.typeOnly);
    const current = folded.get(key) ?? {
      from,
      to,
      typeOnly: true,
      dynamic: true,
      reexport: false,
      violation: false,
      cycle: false,
      weight: 0,
      tooltip: "",
      sites: [],
    };
    current.typeOnly &&= edge.typeOnly;
    current.dynamic &&= dynamic;
    current.reexport ||= edge.kinds.includes("re-export");
    current.violation ||= marked.violations.has(pairKey(edge.from, edge.to));
    current.cycle ||= marked.cycles.has(pairKey(edge.from, edge.to));
    current.weight += 1;
    // An import read from an edges list has no line: its placeholder site has no specifier.
    for (const site of edge.sites) current.sites.push(site.specifier === "" ? edge.from : `${edge.from}:${site.line} "${site.specifier}"`);
    folded.set(key, current);
  }
  return [...folded.values()]
    .map(({ sites, ...edge }) => ({
      ...edge,
      // A folded arrow says how many imports it stands for, then the first of them.
      tooltip: modules.has(edge.from) && modules.has(edge.to) ? summarise(sites) : `${edge.weight} import${edge.weight === 1 ? "" : "s"}:\n${summarise(sites)}`,
    }))
    .sort((a, b) => compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to));
}

function summarise(sites: string[]): string {
  return sites.length <= 5 ? sites.join("\n") : [...sites.slice(0, 5), `… and ${sites.length - 5} more`].join("\n");
}

export { NO_LAYER };
