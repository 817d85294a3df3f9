/**
 * How a change moves the imports between layers: for each ordered pair of layers, how many
 * module-to-module imports cross from one into the other before and after. A pair that goes
 * from none to some is a new dependency between parts of the architecture — the thing a
 * reviewer most wants to see — whether or not a rule forbids it.
 */
import { compareCodeUnits } from "../../model/compare.js";
import type { MapDocument } from "../../model/document.js";

export interface LayerCrossingChange {
  fromLayer: string;
  toLayer: string;
  /** Imports from a module of `fromLayer` into one of `toLayer`, in the base and in the head. */
  before: number;
  after: number;
}

/** Every pair of different layers whose count changed, in the head's layer order. */
export function compareLayerCrossings(base: MapDocument, head: MapDocument): LayerCrossingChange[] {
  const before = crossings(base);
  const after = crossings(head);
  const order = [...(head.layers ?? []), ...(base.layers ?? [])];
  const rank = (layer: string): number => (order.includes(layer) ? order.indexOf(layer) : order.length);
  const changes: LayerCrossingChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const [fromLayer, toLayer] = key.split("\0") as [string, string];
    const counts = { before: before.get(key) ?? 0, after: after.get(key) ?? 0 };
    if (counts.before !== counts.after) changes.push({ fromLayer, toLayer, ...counts });
  }
  return changes.sort(
    (a, b) =>
      rank(a.fromLayer) - rank(b.fromLayer) ||
      compareCodeUnits(a.fromLayer, b.fromLayer) ||
      rank(a.toLayer) - rank(b.toLayer) ||
      compareCodeUnits(a.toLayer, b.toLayer),
  );
}

/** `fromLayer\0toLayer` → how many imports cross; modules in no layer cross nothing. */
function crossings(document: MapDocument): Map<string, number> {
  const layerOf = new Map(document.modules.flatMap((module) => (module.layer === undefined ? [] : [[module.id, module.layer] as const])));
  const counts = new Map<string, number>();
  for (const edge of document.imports) {
    const from = layerOf.get(edge.from);
    const to = layerOf.get(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}\0${to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
