/**
 * A linear order of a graph's nodes with few edges pointing backwards, by the greedy heuristic of
 * Eades, Lin and Smyth (1993): sinks go to the end, sources to the front, and otherwise the node
 * whose outgoing weight most exceeds its incoming weight goes to the front. The edges pointing
 * backwards are a feedback arc set: removing them leaves every cycle broken, because what remains
 * follows a linear order. On a graph without cycles it is a topological order (nothing backwards).
 * graphology offers topological sorts only for acyclic graphs, hence this one.
 */
import type { DirectedGraph } from "graphology";
import { compareCodeUnits } from "../../model/compare.js";

export interface ArcOrderOptions {
  /** The weight of the edge from → to (default 1): the order keeps heavy edges pointing forwards. */
  weight?: (from: string, to: string) => number;
  /** Breaks ties: negative when `a` belongs nearer the front. Default: by id. */
  prefer?: (a: string, b: string) => number;
}

export function greedyArcOrder(graph: DirectedGraph, options: ArcOrderOptions = {}): string[] {
  const weight = options.weight ?? (() => 1);
  const prefer = options.prefer ?? compareCodeUnits;
  const remaining = new Set(graph.nodes());
  const sumOf = (neighbours: string[], toWeight: (other: string) => number): number =>
    neighbours.reduce((sum, other) => (remaining.has(other) ? sum + toWeight(other) : sum), 0);
  const outWeight = (node: string): number => sumOf(graph.outNeighbors(node).filter((n) => n !== node), (to) => weight(node, to));
  const inWeight = (node: string): number => sumOf(graph.inNeighbors(node).filter((n) => n !== node), (from) => weight(from, node));
  const isSink = (node: string): boolean => graph.outNeighbors(node).every((to) => to === node || !remaining.has(to));
  const isSource = (node: string): boolean => graph.inNeighbors(node).every((from) => from === node || !remaining.has(from));

  const front: string[] = [];
  const back: string[] = [];
  while (remaining.size > 0) {
    const nodes = [...remaining];
    const sinks = nodes.filter(isSink);
    if (sinks.length > 0) {
      // The sink that belongs lowest goes last.
      const sink = sinks.reduce((low, node) => (prefer(node, low) > 0 ? node : low));
      back.unshift(sink);
      remaining.delete(sink);
      continue;
    }
    const sources = nodes.filter(isSource);
    const next =
      sources.length > 0
        ? sources.reduce((high, node) => (prefer(node, high) < 0 ? node : high))
        : nodes
            .map((node) => ({ node, delta: outWeight(node) - inWeight(node) }))
            .reduce((best, entry) => (entry.delta > best.delta || (entry.delta === best.delta && prefer(entry.node, best.node) < 0) ? entry : best)).node;
    front.push(next);
    remaining.delete(next);
  }
  return [...front, ...back];
}
