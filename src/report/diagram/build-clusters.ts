/**
 * The clusters of a diagram: one per layer, top layer first; then one for modules in no layer;
 * then one for external packages. Inside a layer, folders that hold several modules become
 * nested clusters, and each module is labelled by its path inside its innermost cluster.
 */
import { compareCodeUnits } from "../../model/compare.js";
import type { ModuleRecord } from "../../model/document.js";
import { opensBoxes, type Collapse } from "./collapse.js";
import { EXTERNALS, NO_LAYER, type DiagramCluster, type DiagramNode } from "./diagram.js";

export function buildClusters(
  nodes: Map<string, DiagramNode>,
  members: ReadonlyMap<string, ModuleRecord[]>,
  collapse: Collapse,
  layerOrder: readonly string[],
): { clusters: DiagramCluster[]; looseNodes: string[] } {
  // Folders become nested clusters when modules are drawn one by one, and around an opened box.
  const nest = collapse.by === "none" || opensBoxes(collapse);
  const byLayer = new Map<string, string[]>();
  const externals: string[] = [];
  const loose: string[] = [];
  for (const node of nodes.values()) {
    if (node.kind === "external" || node.kind === "builtin" || node.kind === "unresolved") externals.push(node.id);
    else if (node.kind === "layer" || (collapse.by === "layer" && node.id === NO_LAYER)) loose.push(node.id);
    else {
      const layer = majorityLayer(members.get(node.id) ?? [], layerOrder);
      byLayer.set(layer, [...(byLayer.get(layer) ?? []), node.id]);
    }
  }
  const clusters: DiagramCluster[] = [];
  if (layerOrder.length === 0) {
    // No layers at all: a "(no layer)" box around everything says nothing; keep the folders.
    const ids = byLayer.get(NO_LAYER) ?? [];
    const all = folderCluster(NO_LAYER, NO_LAYER, -1, ids, nodes, nest);
    clusters.push(...all.clusters);
    loose.push(...all.nodes);
    byLayer.delete(NO_LAYER);
  }
  [...layerOrder, NO_LAYER].forEach((layer, index) => {
    const ids = byLayer.get(layer);
    if (ids === undefined) return;
    const colour = layer === NO_LAYER ? -1 : index;
    const cluster = folderCluster(layer, layer, colour, ids, nodes, nest);
    clusters.push(cluster);
  });
  if (externals.length > 0) {
    for (const id of externals) nodes.get(id)!.label = id;
    clusters.push({ key: EXTERNALS, label: EXTERNALS, colour: -2, depth: 0, nodes: externals.sort(compareCodeUnits), clusters: [] });
  }
  return { clusters, looseNodes: loose.sort(compareCodeUnits) };
}

/** The layer most of a folded node's modules are in (the first in layer order on a tie). */
function majorityLayer(modules: readonly ModuleRecord[], layerOrder: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const module of modules) counts.set(module.layer ?? NO_LAYER, (counts.get(module.layer ?? NO_LAYER) ?? 0) + 1);
  let best = NO_LAYER;
  let bestCount = -1;
  for (const layer of [...layerOrder, NO_LAYER]) {
    const count = counts.get(layer) ?? 0;
    if (count > bestCount) {
      best = layer;
      bestCount = count;
    }
  }
  return best;
}

/** A cluster for `ids`, with their common folder stripped from labels and sub-folders nested. */
function folderCluster(
  key: string,
  label: string,
  colour: number,
  ids: string[],
  nodes: Map<string, DiagramNode>,
  nest: boolean,
): DiagramCluster {
  const sorted = [...ids].sort(compareCodeUnits);
  const prefix = commonFolder(sorted);
  const cluster: DiagramCluster = { key, label: prefix === "" ? label : `${label}\n${prefix}`, colour, depth: 0, nodes: [], clusters: [] };
  place(cluster, sorted.map((id) => ({ id, rest: id.slice(prefix.length) })), nodes, nest);
  return cluster;
}

function place(cluster: DiagramCluster, entries: { id: string; rest: string }[], nodes: Map<string, DiagramNode>, nest: boolean): void {
  const folders = new Map<string, { id: string; rest: string }[]>();
  for (const entry of entries) {
    const slash = entry.rest.indexOf("/");
    // A folded folder node's id ends with "/": it is a box, not a folder to open.
    if (!nest || slash === -1 || slash === entry.rest.length - 1) {
      cluster.nodes.push(entry.id);
      nodes.get(entry.id)!.label = labelOf(nodes.get(entry.id)!, entry.rest);
      continue;
    }
    const folder = entry.rest.slice(0, slash);
    folders.set(folder, [...(folders.get(folder) ?? []), { id: entry.id, rest: entry.rest.slice(slash + 1) }]);
  }
  for (const [folder, inside] of folders) {
    if (inside.length < 2) {
      for (const entry of inside) {
        cluster.nodes.push(entry.id);
        nodes.get(entry.id)!.label = labelOf(nodes.get(entry.id)!, `${folder}/${entry.rest}`);
      }
      continue;
    }
    const child: DiagramCluster = {
      key: `${cluster.key}/${folder}`,
      label: `${folder}/`,
      colour: cluster.colour,
      depth: cluster.depth + 1,
      nodes: [],
      clusters: [],
    };
    place(child, inside, nodes, nest);
    cluster.clusters.push(child);
  }
}

function labelOf(node: DiagramNode, rest: string): string {
  return node.kind === "folder" ? `${rest === "" ? node.id : rest}\n${node.modules} module${node.modules === 1 ? "" : "s"}` : rest;
}

/** `a/b/` for `a/b/c.ts` and `a/b/d/e.ts`; "" when the ids share no folder. */
function commonFolder(ids: readonly string[]): string {
  if (ids.length === 0) return "";
  let prefix = ids[0]!.slice(0, ids[0]!.lastIndexOf("/") + 1);
  for (const id of ids) {
    while (prefix !== "" && !id.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf("/", prefix.length - 2) + 1);
  }
  // A single module keeps its folder in its label rather than in the cluster's.
  return ids.length === 1 ? "" : prefix;
}
