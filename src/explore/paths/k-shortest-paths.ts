/**
 * Up to `k` shortest simple paths from `source` to `target`, shortest first, by Yen's algorithm
 * (1971) over a bidirectional breadth-first search: each next path leaves an earlier
 * one at some node (the spur) and takes the shortest way on from there that no earlier path with
 * the same beginning took. graphology-simple-path lists every simple path up to a depth instead,
 * which is exponential on real import graphs; this costs k × (path length) searches.
 */
import { bidirectionalPath } from "../../graph/shortest-path.js";
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";

export function kShortestPaths(graph: ImportGraph, source: string, target: string, k: number): string[][] {
  const first = bidirectionalPath(graph, source, target);
  if (first === null || k < 1) return [];
  const found: string[][] = [first];
  const candidates = new Map<string, string[]>();
  while (found.length < k) {
    const previous = found[found.length - 1]!;
    for (let index = 0; index < previous.length - 1; index++) {
      const root = previous.slice(0, index + 1);
      const pruned = graph.copy();
      for (const path of found) {
        if (startsWith(path, root) && pruned.hasDirectedEdge(path[index]!, path[index + 1]!)) pruned.dropEdge(path[index]!, path[index + 1]!);
      }
      for (const node of root.slice(0, -1)) pruned.dropNode(node);
      const spur = bidirectionalPath(pruned, previous[index]!, target);
      if (spur !== null) {
        const path = [...root.slice(0, -1), ...spur];
        candidates.set(path.join("\0"), path);
      }
    }
    for (const path of found) candidates.delete(path.join("\0"));
    const next = [...candidates.values()].sort((a, b) => a.length - b.length || compareCodeUnits(a.join("\0"), b.join("\0")))[0];
    if (next === undefined) break;
    candidates.delete(next.join("\0"));
    found.push(next);
  }
  return found;
}

function startsWith(path: readonly string[], root: readonly string[]): boolean {
  return root.length < path.length && root.every((node, index) => path[index] === node);
}
