/**
 * Whether a directed graph has a cycle: a depth-first search that colours nodes grey while on the
 * stack. graphology-dag's `hasCycle` does the same with a plain object keyed by node, where a
 * module named `constructor` starts out coloured; this keeps the colours in a Map.
 */
import type { DirectedGraph } from "graphology";

const ON_STACK = 1;
const DONE = 2;

export function hasCycle(graph: DirectedGraph): boolean {
  if (graph.selfLoopCount !== 0) return true;
  const state = new Map<string, number>();
  const stack: string[] = [];
  return graph.someNode((start) => {
    if (state.has(start)) return false;
    stack.push(start);
    while (stack.length > 0) {
      const current = stack[stack.length - 1]!;
      if (state.get(current) !== ON_STACK) {
        state.set(current, ON_STACK);
        const closes = graph.someOutboundNeighbor(current, (neighbor) => {
          const seen = state.get(neighbor);
          if (seen === undefined) stack.push(neighbor);
          return seen === ON_STACK;
        });
        if (closes) return true;
      } else {
        stack.pop();
        state.set(current, DONE);
      }
    }
    return false;
  });
}
