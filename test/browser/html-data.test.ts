/**
 * The page's data from diagrams shaped as the fold by (layer, folder) will make them: boxes that
 * carry their layer, a folder split across layers drawn as one box per layer ("src/ · app"),
 * and the config's layer order on the diagram. No browser: what the toggles and the violation
 * groups are built from.
 */
import { describe, expect, it } from "vitest";
import type { Violation } from "../../src/model/violation.js";
import type { Diagram, DiagramNode } from "../../src/report/diagram/diagram.js";
import { pageData } from "../../src/report/html/html-data.js";

const box = (id: string, members: string[], layer: string): DiagramNode => ({
  id,
  label: id,
  tooltip: `${id}: ${members.length} modules`,
  kind: "folder",
  modules: members.length,
  members,
  layer,
});

function diagram(): Diagram {
  const nodes = [
    box("src/ · app", ["src/a.ts", "src/b.ts"], "app"),
    box("src/ · core", ["src/c.ts", "src/d.ts", "src/e.ts"], "core"),
    box("lib/", ["lib/x.ts"], "core"),
    { id: "util.ts", label: "util.ts", tooltip: "util.ts", kind: "local" as const, modules: 1 },
  ];
  return {
    collapse: { by: "folder", depth: 1 },
    rankdir: "TB",
    // Listed bottom layer first, so that only the diagram's `layers` can put app on top.
    clusters: [
      { key: "core", label: "core", colour: 0, layer: "core", depth: 0, nodes: ["src/ · core", "lib/"], clusters: [] },
      { key: "app", label: "app", colour: 1, layer: "app", depth: 0, nodes: ["src/ · app"], clusters: [] },
      { key: "(no layer)", label: "(no layer)", colour: -1, depth: 0, nodes: ["util.ts"], clusters: [] },
    ],
    looseNodes: [],
    nodes: new Map(nodes.map((node) => [node.id, node])),
    edges: [],
    notes: [],
    layers: ["app", "core"],
  };
}

const violation = (from: string, to: string, fromLayer: string | undefined, toLayer: string | undefined, ruleKind: Violation["ruleKind"] = "layers"): Violation => ({
  rule: ruleKind,
  ruleKind,
  severity: "error",
  from,
  to,
  toKind: "local",
  line: 1,
  specifier: to,
  ...(fromLayer === undefined ? {} : { fromLayer }),
  ...(toLayer === undefined ? {} : { toLayer }),
  message: `${from} imports ${to}`,
});

describe("the HTML page's data", () => {
  it("lists layers in the diagram's order, boxes by their own layer, counting modules", () => {
    const data = pageData({ views: [{ key: "", parent: undefined, diagram: diagram() }], closed: new Map() }, [], "t");
    expect(data.layers).toEqual(["app", "core", "(no layer)"]);
    expect(data.views[0]!.layers).toEqual([
      { name: "app", elements: ["cluster:app"], nodes: ["src/ · app"], modules: 2 },
      { name: "core", elements: ["cluster:core"], nodes: ["src/ · core", "lib/"], modules: 4 },
      { name: "(no layer)", elements: ["cluster:(no layer)"], nodes: ["util.ts"], modules: 1 },
    ]);
    // Box ids are never parsed: the split folder's boxes keep their ids, modules are found by members.
    expect(data.views[0]!.nodes.map((node) => node.element)).toEqual(["folder:src/ · app", "folder:src/ · core", "folder:lib/", "module:util.ts"]);
    expect(data.modules).toEqual(["lib/x.ts", "src/a.ts", "src/b.ts", "src/c.ts", "src/d.ts", "src/e.ts", "util.ts"]);
  });

  it("groups violations by layer pair in layer order, unlayered and external last, cycles apart", () => {
    const violations = [
      violation("src/c.ts", "src/a.ts", "core", "app"),
      violation("util.ts", "src/a.ts", undefined, "app"),
      violation("src/d.ts", "src/e.ts", "core", "core", "cycles"),
      violation("src/a.ts", "node:http", "app", undefined),
      violation("src/c.ts", "src/b.ts", "core", "app"),
    ];
    violations[3]!.toKind = "builtin";
    const data = pageData({ views: [{ key: "", parent: undefined, diagram: diagram() }], closed: new Map() }, violations, "t");
    expect(data.groups).toEqual([
      { label: "app → (external)", problems: [3] },
      { label: "core → app", problems: [0, 4] },
      { label: "(no layer) → app", problems: [1] },
      { label: "import cycles", problems: [2] },
    ]);
  });
});
