/**
 * The clusters of a diagram: one per layer, top layer first; then one for modules in no layer;
 * then one for external packages. Inside a layer, folders that hold several modules become
 * nested clusters, and each module is labelled by its path inside its innermost cluster.
 */
import { compareCodeUnits } from "../../model/compare.js";
import { LAYER_SEPARATOR, opensBoxes } from "./collapse.js";
import { type Collapse, type DiagramCluster, type DiagramNode } from "./diagram.js";
import { EXTERNALS, NO_LAYER } from "../../model/group-names.js";

/**
 * Every node is placed in the cluster of its own layer (a folded box holds modules of one layer
 * only), top layer first; `colours` gives each layer its palette index.
 */
export function buildClusters(
  nodes: Map<string, DiagramNode>,
  collapse: Collapse,
  layerOrder: readonly string[],
  colours: ReadonlyMap<string, number>,
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
      const layer = node.layer ?? NO_LAYER;
      const ids = byLayer.get(layer);
      if (ids === undefined) byLayer.set(layer, [node.id]);
      else ids.push(node.id);
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
  for (const layer of [...layerOrder, NO_LAYER]) {
    const ids = byLayer.get(layer);
    if (ids === undefined) continue;
    const colour = layer === NO_LAYER ? -1 : (colours.get(layer) ?? -1);
    if (collapse.by !== "none" && ids.length === 1 && layer !== NO_LAYER) {
      // A layer drawn as one box (common in an overview) is that box in the layer's colour,
      // named for the layer: a cluster around it would only make every arrow go round it.
      const node = nodes.get(ids[0]!)!;
      node.colour = colour;
      node.label = loneLabel(node, layer);
      loose.push(node.id);
      continue;
    }
    const cluster = folderCluster(layer, layer, colour, ids, nodes, nest);
    if (layer !== NO_LAYER) cluster.layer = layer;
    clusters.push(cluster);
  }
  if (externals.length > 0) {
    for (const id of externals) nodes.get(id)!.label = id;
    clusters.push({ key: EXTERNALS, label: EXTERNALS, colour: -2, depth: 0, nodes: externals.sort(compareCodeUnits), clusters: [] });
  }
  return { clusters, looseNodes: loose.sort(compareCodeUnits) };
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
    // A folded box (its id ends with "/", or with " · layer" when its folder is split across
    // layers) is drawn as one node in its parent folder's cluster, never opened into one.
    const path = pathOf(nodes.get(entry.id)!, entry.rest);
    const slash = path.indexOf("/");
    if (!nest || slash === -1 || slash === path.length - 1) {
      cluster.nodes.push(entry.id);
      nodes.get(entry.id)!.label = labelOf(nodes.get(entry.id)!, entry.rest);
      continue;
    }
    const folder = entry.rest.slice(0, slash);
    const inside = folders.get(folder);
    const next = { id: entry.id, rest: entry.rest.slice(slash + 1) };
    if (inside === undefined) folders.set(folder, [next]);
    else inside.push(next);
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

/** `middleware` over `middleware/ · 35 modules`, or over the module's path. */
function loneLabel(node: DiagramNode, layer: string): string {
  if (node.kind !== "folder") return `${layer}\n${node.id}`;
  return `${layer}\n${pathOf(node, node.id)} · ${node.modules} module${node.modules === 1 ? "" : "s"}`;
}

/** The folder part of a folder box's id (without its layer), or the module's path. */
function pathOf(node: DiagramNode, rest: string): string {
  if (node.kind !== "folder" || node.id.endsWith("/")) return rest;
  const suffix = `${LAYER_SEPARATOR}${node.layer ?? NO_LAYER}`;
  return rest.endsWith(suffix) ? rest.slice(0, -suffix.length) : rest;
}

function labelOf(node: DiagramNode, rest: string): string {
  return node.kind === "folder" ? `${pathOf(node, rest) === "" ? node.id : rest}\n${node.modules} module${node.modules === 1 ? "" : "s"}` : rest;
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
