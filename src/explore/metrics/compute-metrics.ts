/**
 * `layermap metrics`: coupling, depth and size per module, per folder and per layer, sorted by
 * one metric; per layer also how many imports cross into each other layer, the numbers behind a
 * layer diagram's arrows.
 */
import type { Plane } from "../../config/config-schema.js";
import type { ImportGraph } from "../../graph/import-graph.js";
import type { LayerAssignment } from "../../layers/assign-layers.js";
import { planeView } from "../../rules/plane.js";
import type { MetricKey } from "../choices.js";
import { localSubgraph } from "../local-subgraph.js";
import { coupling, type Coupling } from "./coupling.js";
import { byMetric, folderOf, groupBy } from "./grouping.js";
import { entryDepths } from "./entry-depths.js";


export interface ModuleMetrics extends Coupling {
  id: string;
  layer: string | null;
}

export interface GroupMetrics extends Coupling {
  name: string;
  modules: number;
}

interface LayerMetrics extends GroupMetrics {
  /** Other layer → how many imports go from this layer into it, in layer order. */
  crossings: Record<string, number>;
}

export interface MetricsResult {
  sort: MetricKey;
  /** How many entry points depths are measured from. */
  entries: number;
  modules: ModuleMetrics[];
  folders: GroupMetrics[];
  /** Top to bottom, whatever the sort: a handful, whose order means something. */
  layers: LayerMetrics[];
  /** Counts before `top` cut the lists. */
  totals: { modules: number; folders: number; layers: number };
}

export interface MetricsOptions {
  sort?: MetricKey;
  /** Keep only the first N modules and folders. */
  top?: number;
  /** Count every import (default) or only runtime ones. */
  plane?: Plane;
}

export function computeMetrics(graph: ImportGraph, assignment: LayerAssignment, options: MetricsOptions = {}): MetricsResult {
  const sort = options.sort ?? "fan-in";
  const local = localSubgraph(planeView(graph, options.plane ?? "all"));
  const { entries, depthOf } = entryDepths(local);
  const measure = (members: string[]): Coupling => coupling(local, new Set(members), depthOf);

  const modules = local.mapNodes((id): ModuleMetrics => ({ id, layer: assignment.layerOf.get(id) ?? null, ...measure([id]) }));
  const folders = [...groupBy(local.nodes(), folderOf)].map(([name, members]) => ({ name, modules: members.length, ...measure(members) }));
  const layerNames = [...assignment.rank.keys()];
  const layers = [...groupBy(local.nodes(), (id) => assignment.layerOf.get(id))]
    .sort(([a], [b]) => assignment.rank.get(a)! - assignment.rank.get(b)!)
    .map(([name, members]): LayerMetrics => {
      const counts: [string, number][] = [];
      for (const other of layerNames) {
        if (other === name) continue;
        const count = members.reduce((sum, id) => sum + local.outNeighbors(id).filter((to) => assignment.layerOf.get(to) === other).length, 0);
        if (count > 0) counts.push([other, count]);
      }
      // fromEntries defines each key, so a layer named `__proto__` is a key like any other.
      return { name, modules: members.length, ...measure(members), crossings: Object.fromEntries(counts) };
    });

  const cut = <T>(list: T[]): T[] => (options.top === undefined ? list : list.slice(0, options.top));
  return {
    sort,
    entries: entries.length,
    modules: cut(modules.sort(byMetric(sort, (entry) => entry.id))),
    folders: cut(folders.sort(byMetric(sort, (entry) => entry.name))),
    layers,
    totals: { modules: modules.length, folders: folders.length, layers: layers.length },
  };
}
