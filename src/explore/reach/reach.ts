/**
 * How far each module is from the nearest of several starts, following imports forwards (`out`:
 * what they depend on) or backwards (`in`: what depends on them), by graphology's breadth-first
 * traversal from each start. A module already reached as near by an earlier start is not walked
 * again, so many starts cost about one traversal.
 */
import { bfsFromNode } from "graphology-traversal";
import type { ImportGraph } from "../../graph/import-graph.js";

export interface ReachOptions {
  mode: "out" | "in";
  /** Stop this many imports away (default: no limit). */
  maxDepth?: number;
}

/** Module id → distance from the nearest start (the starts themselves at 0). */
export function reach(graph: ImportGraph, starts: readonly string[], options: ReachOptions): Map<string, number> {
  const maxDepth = options.maxDepth ?? Infinity;
  const depths = new Map<string, number>();
  for (const start of starts) {
    bfsFromNode(
      graph,
      start,
      (node, _attributes, depth) => {
        const known = depths.get(node);
        if (known !== undefined && known <= depth) return true;
        depths.set(node, depth);
        return depth >= maxDepth;
      },
      { mode: options.mode },
    );
  }
  return depths;
}
