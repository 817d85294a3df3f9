import { describe, expect, it } from "vitest";
import * as layermap from "../../src/index.js";

describe("the public API", () => {
  it("maps, checks and renders from code, as the README shows", async () => {
    const { document, graph } = await layermap.map({ root: "samples" });
    expect(document.summary.local).toBe(33);
    expect(graph.order).toBe(document.modules.length);
    const result = await layermap.check({ root: "test/fixtures/check/broken" });
    expect(result.violations.map((violation) => violation.rule)).toContain("apps-stay-apart");
    const svg = await layermap.render(await layermap.loadDiagramInput({ source: "samples" }), "svg", { collapse: { by: "layer" } });
    expect(svg).toContain('id="layer:core"');
  });
});
