/**
 * `layermap deps` and `layermap dependents`: the modules a module imports, or that import it,
 * directly or up to a depth, each with the import that reached it (from the nearest module one
 * step closer), so a transitive answer can be followed back by hand.
 */
import type { Plane } from "../../config/config-schema.js";
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import type { ModuleKind } from "../../model/document.js";
import { planeView } from "../../rules/plane.js";
import { chainStep, type ChainStep } from "../chain-step.js";
import { reach } from "./reach.js";

export type Direction = "deps" | "dependents";

export interface Neighbour {
  id: string;
  kind: ModuleKind;
  /** 1 for a direct import. */
  depth: number;
  /** The import that reaches it: `via.to` is the module for deps, `via.from` for dependents. */
  via: ChainStep;
}

export interface NeighboursOptions {
  direction: Direction;
  /** Default 1 (direct only); Infinity for everything transitively. */
  maxDepth?: number;
  /** Follow every import (default) or only runtime ones. */
  plane?: Plane;
}

export function findNeighbours(whole: ImportGraph, starts: readonly string[], options: NeighboursOptions): Neighbour[] {
  const graph = planeView(whole, options.plane ?? "all");
  const forwards = options.direction === "deps";
  const depths = reach(graph, starts, { mode: forwards ? "out" : "in", maxDepth: options.maxDepth ?? 1 });
  const neighbours: Neighbour[] = [];
  for (const [id, depth] of depths) {
    if (depth === 0) continue;
    const nearer = (forwards ? graph.inNeighbors(id) : graph.outNeighbors(id)).filter((other) => depths.get(other) === depth - 1).sort(compareCodeUnits)[0]!;
    const via = forwards ? chainStep(graph, nearer, id) : chainStep(graph, id, nearer);
    neighbours.push({ id, kind: graph.getNodeAttribute(id, "kind"), depth, via });
  }
  return neighbours.sort((a, b) => a.depth - b.depth || compareCodeUnits(a.id, b.id));
}
