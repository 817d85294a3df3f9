/**
 * The layer order of merged documents: each input lists its config's layers top to bottom, and
 * the merged list keeps every input's order (a topological merge; where the inputs leave two
 * layers unordered, the one met first — in input order — comes first). Packages that share
 * layer names thus share layers. Two inputs that order the same layers both ways cannot be
 * merged without a config that decides.
 */
import { UserError } from "../model/errors.js";
import type { MapDocument } from "../model/document.js";

interface LayeredInput {
  name: string;
  document: Pick<MapDocument, "layers">;
}

export function mergedLayerOrder(inputs: readonly LayeredInput[]): string[] {
  const firstSeen = new Map<string, number>();
  const below = new Map<string, Set<string>>();
  const above = new Map<string, number>();
  for (const { document } of inputs) {
    const layers = document.layers ?? [];
    for (const name of layers) {
      if (!firstSeen.has(name)) {
        firstSeen.set(name, firstSeen.size);
        below.set(name, new Set());
        above.set(name, 0);
      }
    }
    for (let index = 1; index < layers.length; index++) {
      const upper = layers[index - 1]!;
      const lower = layers[index]!;
      if (upper === lower || below.get(upper)!.has(lower)) continue;
      below.get(upper)!.add(lower);
      above.set(lower, above.get(lower)! + 1);
    }
  }
  const order: string[] = [];
  const waiting = [...firstSeen.keys()];
  while (waiting.length > 0) {
    const next = waiting.findIndex((name) => above.get(name) === 0);
    if (next === -1) throw new UserError(contradiction(inputs, waiting));
    const [name] = waiting.splice(next, 1) as [string];
    order.push(name);
    for (const lower of below.get(name)!) above.set(lower, above.get(lower)! - 1);
  }
  return order;
}

/** One line naming two inputs that order two layers both ways, or the layers caught in a longer disagreement. */
function contradiction(inputs: readonly LayeredInput[], tangled: readonly string[]): string {
  const hint = "give --config to assign one set of layers to the merged map";
  for (const first of inputs) {
    const order = first.document.layers ?? [];
    for (const second of inputs) {
      const other = second.document.layers ?? [];
      for (let upper = 0; upper < order.length; upper++) {
        for (let lower = upper + 1; lower < order.length; lower++) {
          const [a, b] = [order[upper]!, order[lower]!];
          const [ia, ib] = [other.indexOf(a), other.indexOf(b)];
          if (ia !== -1 && ib !== -1 && ib < ia) {
            return `${first.name} puts layer ${JSON.stringify(a)} above ${JSON.stringify(b)}, ${second.name} below it: ${hint}`;
          }
        }
      }
    }
  }
  return `the inputs order the layers ${tangled.map((name) => JSON.stringify(name)).join(", ")} in a circle: ${hint}`;
}
