/**
 * From ordered folder groups to at most `maxLayers` layers, by merging neighbours. Merging two
 * adjacent layers never makes an import break (a layer may import itself), and it mends the
 * upward imports between them; what it costs is the order of the downward ones. So each step
 * merges the neighbours with the least to lose: fewest downward imports less upward ones between
 * them, then the fewest modules, so big layers stay apart.
 */
import type { ImportGraph } from "../../graph/import-graph.js";
import type { OrderedGroup } from "./order-groups.js";

export function mergeLayers(local: ImportGraph, ordered: readonly OrderedGroup[], maxLayers: number): OrderedGroup[][] {
  const layers = ordered.map((group) => [group]);
  const layerOf = new Map<string, number>();
  const reindex = (): void => layers.forEach((groups, index) => groups.forEach((group) => group.modules.forEach((id) => layerOf.set(id, index))));
  reindex();
  const importsFrom = (from: number, to: number): number =>
    layers[from]!.reduce((sum, group) => sum + group.modules.reduce((count, id) => count + local.outNeighbors(id).filter((other) => layerOf.get(other) === to).length, 0), 0);
  const size = (index: number): number => layers[index]!.reduce((sum, group) => sum + group.modules.length, 0);

  while (layers.length > maxLayers) {
    let best: { index: number; loss: number; size: number } | undefined;
    for (let index = 0; index + 1 < layers.length; index++) {
      const candidate = { index, loss: importsFrom(index, index + 1) - importsFrom(index + 1, index), size: size(index) + size(index + 1) };
      if (best === undefined || candidate.loss < best.loss || (candidate.loss === best.loss && candidate.size < best.size)) best = candidate;
    }
    layers.splice(best!.index, 2, [...layers[best!.index]!, ...layers[best!.index + 1]!]);
    reindex();
  }
  return layers;
}
