import { describe, expect, it } from "vitest";
import { diagramInputFromText, loadDiagramInput } from "../../src/api/render.js";
import type { ModuleRecord } from "../../src/model/document.js";
import { buildDiagram, type DiagramInput } from "../../src/report/diagram/build-diagram.js";
import { groupOf } from "../../src/report/diagram/collapse.js";
import { toDot } from "../../src/report/diagram/to-dot.js";
import { drillDown } from "../../src/report/html/drill-down.js";
import { htmlReport } from "../../src/report/html/html-report.js";

const local = (id: string, layer?: string): ModuleRecord => ({ id, kind: "local", ...(layer === undefined ? {} : { layer }) });

/**
 * A made-up codebase as an edges list: app/ (3 modules) uses lib/ (a folder of `wide` modules
 * and a sub-folder lib/deep/ of 2) which uses util/ (2 modules); index.ts uses app/.
 */
function codebase(wide = 6): DiagramInput {
  const lines = ["index.ts\tapp/a0.ts", "app/a0.ts\tapp/a1.ts", "app/a1.ts\tapp/a2.ts", "util/u0.ts\tutil/u1.ts", "lib/deep/d0.ts\tlib/deep/d1.ts", "lib/deep/d1.ts\tutil/u1.ts"];
  for (let index = 0; index < wide; index++) {
    lines.push(`app/a${index % 3}.ts\tlib/l${index}.ts`, `lib/l${index}.ts\tutil/u0.ts`);
    if (index % 2 === 0) lines.push(`lib/l${index}.ts\tlib/deep/d0.ts`);
  }
  return diagramInputFromText(`${lines.join("\n")}\n`, { name: "codebase" });
}

describe("opening a folded box", () => {
  it("draws an open folder one level deeper, and its own files as modules", () => {
    const folder = (open: string[], depth = 1) => ({ by: "folder" as const, depth, open });
    expect(groupOf(local("a/b/c/x.ts"), folder([]))).toBe("a/");
    expect(groupOf(local("a/b/c/x.ts"), folder(["a/"]))).toBe("a/b/");
    expect(groupOf(local("a/b/c/x.ts"), folder(["a/", "a/b/"]))).toBe("a/b/c/");
    expect(groupOf(local("a/b/c/x.ts"), folder(["a/", "a/b/", "a/b/c/"]))).toBe("a/b/c/x.ts");
    // A module shallower than the depth is its own folder's box, until that folder opens.
    expect(groupOf(local("a/y.ts"), folder([], 3))).toBe("a/");
    expect(groupOf(local("a/y.ts"), folder(["a/"], 3))).toBe("a/y.ts");
    // Files at the root fold into the root's box, ./, until it opens.
    expect(groupOf(local("top.ts"), folder(["a/"]))).toBe("./");
    expect(groupOf(local("top.ts"), folder(["./"]))).toBe("top.ts");
    expect(groupOf(local("m.ts", "core"), { by: "layer", open: ["core"] })).toBe("m.ts");
    expect(groupOf(local("m.ts", "app"), { by: "layer", open: ["core"] })).toBe("app");
    expect(groupOf(local("m.ts"), { by: "layer", open: ["core"] })).toBe("(no layer)");
  });

  it("gives each box a view of its content among the boxes it touches, with the whole counts", () => {
    const input = codebase();
    const first = buildDiagram(input, { collapse: { by: "folder", depth: 1 } });
    expect([...first.nodes.keys()]).toEqual(["app/", "index.ts", "lib/", "util/"]);
    const { views, closed } = drillDown(input, {}, first);
    expect(closed.size).toBe(0);
    expect(views.map((view) => [view.key, view.parent])).toEqual([
      ["", undefined],
      ["app/", ""],
      ["lib/", ""],
      ["util/", ""],
      ["lib/deep/", "lib/"],
    ]);
    const lib = views.find((view) => view.key === "lib/")!.diagram;
    expect([...lib.nodes.keys()]).toEqual(["app/", "lib/deep/", "lib/l0.ts", "lib/l1.ts", "lib/l2.ts", "lib/l3.ts", "lib/l4.ts", "lib/l5.ts", "util/"]);
    for (const edge of lib.edges) expect(`${edge.from} ${edge.to}`).toMatch(/(^| )lib\//);
    // The neighbours keep the number of modules they hold in the whole codebase.
    expect(lib.nodes.get("app/")!.modules).toBe(3);
    expect(lib.nodes.get("util/")!.members).toEqual(["util/u0.ts", "util/u1.ts"]);
    // index.ts imports only app/: it is not drawn in lib/'s view.
    expect(lib.nodes.has("index.ts")).toBe(false);
  });

  it("leaves closed, and says why, a box that would not make a readable view or does not fit the page", () => {
    const input = codebase(40);
    const first = buildDiagram(input, { collapse: { by: "folder", depth: 1 } });
    const tight = drillDown(input, { autoCollapseAbove: 20 }, first);
    expect(tight.closed.get("lib/")).toMatch(/^opened, it would be 4[0-9] boxes and \d+ arrows, more than one readable diagram holds$/);
    expect(tight.views.map((view) => view.key)).toEqual(["", "app/", "util/"]);

    const few = drillDown(input, {}, first, { views: 1, shapes: 10_000 });
    expect(few.views.map((view) => view.key)).toEqual(["", "app/"]);
    expect(few.closed.get("util/")).toBe("this page holds 1 opened boxes at most");
    const small = drillDown(input, {}, first, { views: 100, shapes: 12 });
    expect(small.closed.get("lib/")).toBe("this page holds 12 boxes and arrows in its opened views at most");
  });

  it("spreads a wide opened folder over several rows", () => {
    const input = codebase(40);
    const first = buildDiagram(input, { collapse: { by: "folder", depth: 1 } });
    const lib = drillDown(input, {}, first).views.find((view) => view.key === "lib/")!.diagram;
    expect(lib.stagger?.ranks).toBe(2);
    const dot = toDot(lib);
    expect(dot).toContain("minlen=2");
    expect(toDot(first)).not.toContain("minlen");
  });

  it("a page that is not folded has one view; a folded one the same bytes every time", async () => {
    const samples = await loadDiagramInput({ source: "samples", cache: false });
    const whole = await htmlReport(samples, {});
    expect(whole.text).not.toContain("<template");
    expect(whole.notes).toEqual([]);
    const folded = await htmlReport(samples, { collapse: { by: "layer" } });
    expect(folded.text.match(/<template id="layermap-view-\d+">/g)).toHaveLength(4);
    expect((await htmlReport(samples, { collapse: { by: "layer" } })).text).toBe(folded.text);
  });
});
