/**
 * The runtime overlay: a hand-made run drawn over a hand-made map. Boxes are filled by their
 * time; imports that carried calls are bold and labelled, the others faint; a callback no import
 * stands for is an arrow of its own that never moves the layers out of order; folded by layer,
 * the times add up; hostile module names stay text; and without a run nothing changes.
 */
import { readFileSync } from "node:fs";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDiagramInput } from "../../src/api/render.js";
import { buildDiagram, type DiagramInput, type DiagramOptions } from "../../src/report/diagram/build-diagram.js";
import { layerNodes, type Diagram } from "../../src/report/diagram/diagram.js";
import { CALL_COLOUR, COLD_BORDER, FAINT_COLOUR } from "../../src/report/diagram/palette.js";
import { toDot } from "../../src/report/diagram/to-dot.js";
import { toMermaid } from "../../src/report/diagram/to-mermaid.js";
import { dotToSvg } from "../../src/report/diagram/to-svg.js";
import { heatColour, HEAT_TEXT } from "../../src/report/heat.js";
import { reporters } from "../../src/report/reporters.js";
import { HOSTILE, overlayProgram, overlayRun } from "./overlay-fixture.js";
import { shapesOf } from "./svg-geometry.js";

let plain: DiagramInput;
let heated: DiagramInput;
beforeAll(async () => {
  plain = await loadDiagramInput({ source: overlayProgram(), cache: false });
  heated = { ...plain, runtime: { tree: overlayRun() } };
});

const EVERY_MODULE: DiagramOptions = { collapse: { by: "none" } };
const BY_LAYER: DiagramOptions = { collapse: { by: "layer" } };

/** The `[…]` attributes of the DOT line that draws `from -> to` (or a node, with `to` undefined). */
function dotLine(dot: string, from: string, to?: string): string | undefined {
  const quoted = (id: string): string => `"${id.replaceAll('"', '\\"')}"`;
  const head = to === undefined ? `${quoted(from)} [` : `${quoted(from)} -> ${quoted(to)} [`;
  return dot.split("\n").find((line) => line.trimStart().startsWith(head));
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (text: string): string =>
  text.replace(/&(#\d+|\w+);/g, (entity, code: string) => (code.startsWith("#") ? String.fromCodePoint(Number(code.slice(1))) : (ENTITIES[code] ?? entity)));

/** The `<g>` element of an id in a Graphviz SVG (which writes `-` as `&#45;`), as text, up to the next element's comment. */
function group(svg: string, id: string): string {
  for (const match of svg.matchAll(/<g id="([^"]*)"/g)) {
    if (decode(match[1]!) === id) return svg.slice(match.index, svg.indexOf("<!--", match.index));
  }
  throw new Error(`no ${id} in the SVG`);
}

describe("the run folded onto the boxes", () => {
  it("gives each module its total and self time, native code in its caller, and the calls between boxes", () => {
    const { runtime } = buildDiagram(heated, EVERY_MODULE);
    expect(runtime).toBeDefined();
    expect(Object.fromEntries(runtime!.nodes)).toEqual({
      "top/app.ts": { selfMs: 10, totalMs: 67 },
      "mid/service.ts": { selfMs: 20, totalMs: 55 },
      "base/db.ts": { selfMs: 35, totalMs: 35 },
      "base/events.ts": { selfMs: 5, totalMs: 20 },
      "top/handler.ts": { selfMs: 15, totalMs: 15 },
      [HOSTILE]: { selfMs: 2, totalMs: 2 },
    });
    expect(Object.fromEntries(runtime!.imports)).toEqual({ "top/app.ts\0mid/service.ts": 55, "mid/service.ts\0base/db.ts": 35, [`top/app.ts\0${HOSTILE}`]: 2 });
    expect(runtime!.calls).toEqual([{ from: "base/events.ts", to: "top/handler.ts", ms: 15 }]);
    expect(runtime!.totalMs).toBe(100);
  });

  it("folded by layer, self times add up to the modules' and a layer's total counts its time once", () => {
    const modules = buildDiagram(heated, EVERY_MODULE).runtime!;
    const layers = buildDiagram(heated, BY_LAYER).runtime!;
    const selfOf = (prefix: string): number => [...modules.nodes].filter(([id]) => id.startsWith(prefix)).reduce((sum, [, heat]) => sum + heat.selfMs, 0);
    for (const layer of ["top", "mid", "base"]) expect(layers.nodes.get(layer)!.selfMs, layer).toBe(selfOf(`${layer}/`));
    // top is on the stack through app (67 ms) and the handler (15 ms); the hostile module inside app's time is not counted twice.
    expect(Object.fromEntries([...layers.nodes].map(([id, heat]) => [id, heat.totalMs]))).toEqual({ top: 82, mid: 55, base: 55 });
    expect(Object.fromEntries(layers.imports)).toEqual({ "top\0mid": 55, "mid\0base": 35 });
    expect(layers.calls).toEqual([{ from: "base", to: "top", ms: 15 }]);
  });
});

describe("the overlay in DOT and SVG, every module", () => {
  let diagram: Diagram;
  let dot: string;
  let svg: string;
  beforeAll(async () => {
    diagram = buildDiagram(heated, EVERY_MODULE);
    dot = toDot(diagram);
    svg = await dotToSvg(dot);
  });

  it("fills boxes by their total time, the hottest red; a box that never ran is white with a lighter border", () => {
    const shapes = shapesOf(svg);
    expect(shapes.get("module:top/app.ts")!.fill).toBe(heatColour(1));
    expect(shapes.get("module:mid/service.ts")!.fill).toBe(heatColour(55 / 67));
    expect(shapes.get("module:base/db.ts")!.fill).toBe(heatColour(35 / 67));
    expect(shapes.get("module:mid/unused.ts")).toMatchObject({ fill: "#ffffff", stroke: COLD_BORDER });
    expect(dotLine(dot, "mid/service.ts")).toContain('tooltip="mid/service.ts\\ntotal 55.0% (55 ms), self 20.0%"');
    expect(dotLine(dot, "mid/unused.ts")).toContain("never ran");
  });

  it("writes white on the dark fills", () => {
    // The coldest box that ran (the hostile module, 2 of 67 ms) is dark blue.
    expect(group(svg, `module:${HOSTILE}`)).toContain(`fill="${HEAT_TEXT}"`);
  });

  it("--heat self fills by self time", () => {
    const dotSelf = toDot(buildDiagram({ ...plain, runtime: { tree: overlayRun(), heat: "self" } }, EVERY_MODULE));
    expect(dotLine(dotSelf, "base/db.ts")).toContain(`fillcolor="${heatColour(1)}"`);
    expect(dotLine(dotSelf, "top/app.ts")).toContain(`fillcolor="${heatColour(10 / 35)}"`);
  });

  it("draws an import that carried calls bold, labelled with its share of the run", () => {
    const line = dotLine(dot, "top/app.ts", "mid/service.ts")!;
    expect(line).toContain('label="55%"');
    expect(Number(/penwidth=([\d.]+)/.exec(line)![1])).toBeGreaterThanOrEqual(1.5);
    const edge = group(svg, "import:top/app.ts->mid/service.ts");
    expect(edge).toContain(">55%</text>");
    expect(Number(/stroke-width="([\d.]+)"/.exec(edge)![1])).toBeGreaterThan(2);
  });

  it("draws an import never exercised faint", () => {
    expect(dotLine(dot, "top/app.ts", "mid/unused.ts")).toContain(`color="${FAINT_COLOUR}", penwidth=0.5`);
    expect(shapesOf(svg).get("import:top/app.ts->mid/unused.ts")!.stroke).toBe(FAINT_COLOUR);
    // The handler's import of events carried no call (events called the handler instead).
    expect(dotLine(dot, "top/handler.ts", "base/events.ts")).toContain(`color="${FAINT_COLOUR}"`);
  });

  it("draws the callback as a runtime-only arrow that does not constrain the layout, and none beside an import", () => {
    const line = dotLine(dot, "base/events.ts", "top/handler.ts")!;
    expect(line).toContain('id="call:base/events.ts->top/handler.ts"');
    expect(line).toContain(`color="${CALL_COLOUR}"`);
    expect(line).toContain("arrowhead=vee");
    expect(line).toContain("constraint=false");
    expect(line).toContain('label="calls 15%"');
    expect(line).toContain("top/handler.ts imports base/events.ts: a callback");
    expect(group(svg, "call:base/events.ts->top/handler.ts")).toContain(`stroke="${CALL_COLOUR}"`);
    expect(dot).not.toContain("call:top/app.ts->mid/service.ts");
    expect(dot).not.toContain("call:mid/service.ts->base/db.ts");
  });

  it("keeps the layers stacked in the config's order, the callback pointing up", () => {
    const shapes = shapesOf(svg);
    const extents = diagram.layers.map((layer) => {
      const found = [shapes.get(`cluster:${layer}`), ...layerNodes(diagram, layer).map((id) => shapes.get(`module:${id}`))].filter((shape) => shape !== undefined);
      return { top: Math.min(...found.map((shape) => shape.top)), bottom: Math.max(...found.map((shape) => shape.bottom)) };
    });
    expect(diagram.layers).toEqual(["top", "mid", "base"]);
    for (let index = 1; index < extents.length; index++) expect(extents[index]!.top).toBeGreaterThan(extents[index - 1]!.bottom);
    expect(shapes.get("module:top/handler.ts")!.bottom).toBeLessThan(shapes.get("module:base/events.ts")!.top);
  });

  it("adds a legend for the heat, the bold and faint imports and the runtime-only calls", () => {
    const legend = dotLine(dot, "legend-heat")!;
    for (const row of ["share of the run", "never ran", "import that carried calls", "import never exercised", "call with no import"]) expect(legend).toContain(row);
    expect(legend).toContain("total time in a run of 100 ms (100 samples)");
  });
});

describe("the overlay folded by layer", () => {
  it("fills each layer by the time that went through it, the callback an upward runtime-only arrow, the layers in order", async () => {
    const diagram = buildDiagram(heated, BY_LAYER);
    const dot = toDot(diagram);
    expect(dotLine(dot, "top")).toContain(`fillcolor="${heatColour(1)}"`);
    expect(dotLine(dot, "mid")).toContain(`fillcolor="${heatColour(55 / 82)}"`);
    expect(dotLine(dot, "top", "mid")).toContain('label="55%"');
    expect(dotLine(dot, "top", "base")).toContain(`color="${FAINT_COLOUR}"`);
    expect(dotLine(dot, "base", "top")).toContain('label="calls 15%"');
    expect(dotLine(dot, "base", "top")).toContain("constraint=false");
    const shapes = shapesOf(await dotToSvg(dot));
    expect(shapes.get("layer:top")!.bottom).toBeLessThan(shapes.get("layer:mid")!.top);
    expect(shapes.get("layer:mid")!.bottom).toBeLessThan(shapes.get("layer:base")!.top);
  });
});

describe("the overlay in Mermaid", () => {
  it("fills the boxes, weighs the arrows, and writes the upward callback downwards, headless, marked ▲", () => {
    const diagram = buildDiagram(heated, EVERY_MODULE);
    const mermaid = toMermaid(diagram);
    const ids = new Map([...diagram.nodes.keys()].map((id, index) => [id, `n${index}`]));
    const n = (id: string): string => ids.get(id)!;
    expect(mermaid).toContain(`style ${n("top/app.ts")} fill:${heatColour(1)},color:`);
    expect(mermaid).toContain(`style ${n("mid/unused.ts")} fill:#ffffff,stroke:${COLD_BORDER}`);
    expect(mermaid).toContain(`${n("top/app.ts")} -->|55%| ${n("mid/service.ts")}`);
    // Written from the upper box (handler, in top) down to events (base): never pulling base above top.
    expect(mermaid).toContain(`${n("top/handler.ts")} ===|▲ calls 15%| ${n("base/events.ts")}`);
    const links = [...mermaid.matchAll(/^ {2}n\d+ (?!~~~)\S+ n\d+$/gm)].length + [...mermaid.matchAll(/^ {2}n\d+ \S+\|[^|]*\| n\d+$/gm)].length;
    const linkStyles = [...mermaid.matchAll(/^ {2}linkStyle (\d+) (.*)$/gm)];
    const call = linkStyles.find(([, , style]) => style!.includes(CALL_COLOUR));
    expect(call).toBeDefined();
    expect(links).toBeGreaterThan(0);
    expect(mermaid).toContain(`stroke:${FAINT_COLOUR}`);
  });
});

describe("the overlay in the HTML page", () => {
  it("has a Heat checkbox, the toggle's script and each view's plain look", async () => {
    const { text } = await reporters.html(heated, BY_LAYER);
    expect(text).toMatch(/<input id="heat" type="checkbox" checked> Heat<\/label>/);
    expect(text).toContain('new MutationObserver(apply)');
    const data = JSON.parse(/<script type="application\/json" id="layermap-data">(.*?)<\/script>/s.exec(text)![1]!);
    expect(data.heat.summary).toBe("total time in a run of 100 ms (100 samples)");
    expect(data.views[0].heat.only).toEqual(["call:base->top", "legend-heat"]);
    expect(data.views[0].heat.nodes).toContainEqual(["layer:top", "#77AADD", "#3f6f9f", "#000000"]);
    // Every opened view carries its plain look too.
    expect(data.views.length).toBeGreaterThan(1);
    for (const view of data.views) expect(view.heat.nodes.length).toBe(view.nodes.length);
  });

  it("an opened box's view draws a call along an import it leaves out as nothing, not as a runtime-only arrow", () => {
    const opened = buildDiagram(heated, { collapse: { by: "layer", open: ["top"] }, context: "top" });
    // mid → base is an import (not drawn in top's view): no runtime-only arrow for it.
    expect(opened.runtime!.calls.map((call) => `${call.from}->${call.to}`)).toEqual(["base->top/handler.ts"]);
  });

  it("without a run, has no Heat toggle", async () => {
    const { text } = await reporters.html(plain, BY_LAYER);
    expect(text).not.toContain('id="heat"');
    expect(text).not.toContain("MutationObserver");
  });
});

describe("hostile module names with a run drawn", () => {
  it("stay text in DOT, SVG, Mermaid and HTML", async () => {
    const diagram = buildDiagram(heated, EVERY_MODULE);
    const svg = await dotToSvg(toDot(diagram));
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- still in fast-xml-parser 5; its successor (fast-xml-validator) is another dependency with another API
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("a&lt;b&gt;&amp;&quot;c.ts");
    expect(toMermaid(diagram)).toContain("a#lt;b#gt;#amp;#quot;c.ts");
    const { text } = await reporters.html(heated, EVERY_MODULE);
    expect(text).not.toContain("<b>");
  });
});

describe("without a run", () => {
  it("the diagram has no runtime, and the samples draw as the stored outputs", async () => {
    expect(buildDiagram(plain, EVERY_MODULE).runtime).toBeUndefined();
    const samples = await loadDiagramInput({ source: "samples", cache: false });
    expect((await reporters.dot(samples, {})).text).toBe(readFileSync("output/samples.dot", "utf8"));
    expect((await reporters.mermaid(samples, {})).text).toBe(readFileSync("output/samples.mmd", "utf8"));
    expect((await reporters.svg(samples, {})).text).toBe(readFileSync("output/samples.svg", "utf8"));
  });

  it("json and edges say they leave a profile out", async () => {
    expect((await reporters.json(heated)).notes).toEqual(["the json output leaves the profile out: it is drawn in dot, svg, mermaid and html"]);
    expect((await reporters.json(heated)).text).toBe((await reporters.json(plain)).text);
    expect((await reporters.edges(heated)).notes).toHaveLength(1);
  });
});
