import fc from "fast-check";
import { stronglyConnectedComponents as reference } from "graphology-components";
import { describe, expect, it } from "vitest";
import { stronglyConnectedComponents } from "../../src/graph/strongly-connected-components.js";
import { createImportGraph } from "../../src/graph/import-graph.js";

const canonical = (components: string[][]): string[] => components.map((members) => [...members].sort().join(" ")).sort();

describe("stronglyConnectedComponents", () => {
  it("agrees with graphology-components on random graphs", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 })), { maxLength: 40 }), (edges) => {
        const graph = createImportGraph();
        for (let node = 0; node < 16; node++) graph.addNode(`m${node}`, { kind: "local" });
        for (const [from, to] of edges) graph.mergeEdge(`m${from}`, `m${to}`, { sites: [] });
        expect(canonical(stronglyConnectedComponents(graph))).toEqual(canonical(reference(graph)));
      }),
      { numRuns: 300 },
    );
  });

  it("does not overflow the call stack on a chain of 100,000 imports closed into one cycle", () => {
    const graph = createImportGraph();
    const count = 100_000;
    for (let node = 0; node < count; node++) graph.addNode(`m${node}`, { kind: "local" });
    for (let node = 0; node < count; node++) graph.addDirectedEdge(`m${node}`, `m${(node + 1) % count}`, { sites: [] });
    expect(() => reference(graph)).toThrow(RangeError);
    const components = stronglyConnectedComponents(graph);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(count);
  });
});
