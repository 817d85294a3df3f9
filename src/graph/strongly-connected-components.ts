/**
 * Strongly connected components, iteratively (Tarjan's algorithm with an explicit stack).
 * graphology-components' version recurses once per node along a path, and overflows Node's call
 * stack on the long import chains of large codebases (a 20,000-module project crashed `map`).
 * Same contract: every node in exactly one component, components as arrays of node keys.
 */

/** Any directed graphology graph (only its nodes and out-neighbours are read). */
export interface DirectedNeighbours {
  nodes(): string[];
  outNeighbors(node: string): string[];
}

export function stronglyConnectedComponents(graph: DirectedNeighbours): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of graph.nodes()) {
    if (index.has(root)) continue;
    // Each frame: a node and the successors still to visit.
    const frames: { node: string; successors: string[]; next: number }[] = [];
    const enter = (node: string): void => {
      index.set(node, counter);
      lowLink.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      frames.push({ node, successors: graph.outNeighbors(node), next: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.next < frame.successors.length) {
        const successor = frame.successors[frame.next++]!;
        if (!index.has(successor)) enter(successor);
        else if (onStack.has(successor)) lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(successor)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
