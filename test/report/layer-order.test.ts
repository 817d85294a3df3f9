/**
 * Pictures people can trust: in every picture the config's layers are stacked in its order (top
 * layer on top) even when rule-breaking arrows point up through every layer; a folded box holds
 * modules of one layer, so each layer's module count adds up to the map's; an arrow is red only
 * when an import it stands for breaks a rule, and each violation lights its arrow; a layer keeps
 * its colour in every picture and format. Checked on the laid-out SVG, not only on the DOT.
 */
import { describe, expect, it } from "vitest";
import { loadDiagramInput } from "../../src/api/render.js";
import { buildDiagram, type DiagramInput, type DiagramOptions } from "../../src/report/diagram/build-diagram.js";
import { layerNodes, type Diagram } from "../../src/report/diagram/diagram.js";
import { toDot } from "../../src/report/diagram/to-dot.js";
import { toMermaid } from "../../src/report/diagram/to-mermaid.js";
import { dotToSvg } from "../../src/report/diagram/to-svg.js";
import { tempTree } from "../helpers/temp-tree.js";
import { shapesOf } from "./svg-geometry.js";

const config = (layers: Record<string, string[]>): string =>
  JSON.stringify({
    // A layer with no module is left out of every picture; it never reorders the others.
    layers: Object.entries(layers).map(([name, paths]) => ({ name, paths, ...(paths.length === 0 ? { paths: ["nothing/**"], optional: true } : {}) })),
    rules: { layers: "relaxed", cycles: "off" },
  });

/**
 * Four layers, two modules each, importing downwards; and from every layer an import up into
 * every layer above it: each breaks the relaxed layer rule and pulls against the order.
 */
function upwardEverywhere(): string {
  const layers = ["top", "mid", "low", "base"];
  const declared = Object.fromEntries(layers.flatMap((layer) => [[layer, [`${layer}/**`]], ...(layer === "mid" ? [["empty", []]] : [])]));
  const files: Record<string, string> = { "layermap.config.json": config(declared) };
  layers.forEach((layer, index) => {
    for (const n of [1, 2]) {
      const imports: string[] = [];
      if (index + 1 < layers.length) imports.push(`import "../${layers[index + 1]!}/m${n}.js";`);
      for (const above of layers.slice(0, index)) imports.push(`import "../${above}/m${n}.js";`);
      files[`${layer}/m${n}.ts`] = `${imports.join("\n")}\nexport const x = 1;\n`;
    }
  });
  return tempTree(files);
}

/** One folder, src/, holding modules of three layers; core imports app once (a violation). */
function mixedFolder(): string {
  return tempTree({
    "layermap.config.json": config({ app: ["src/app-*.ts", "src/pages/**"], middleware: ["src/mw-*.ts"], core: ["src/core-*.ts", "src/lib/**"] }),
    "src/app-main.ts": 'import "./mw-auth.js";\nimport "./pages/home.js";\nexport {};\n',
    "src/app-admin.ts": 'import "./mw-log.js";\nexport {};\n',
    "src/pages/home.ts": 'import "../core-db.js";\nexport {};\n',
    "src/pages/about.ts": 'import "../core-db.js";\nexport {};\n',
    "src/mw-auth.ts": 'import "./core-db.js";\nimport "./lib/hash.js";\nexport {};\n',
    "src/mw-log.ts": 'import "./core-db.js";\nexport {};\n',
    "src/core-db.ts": 'import "./lib/hash.js";\nexport {};\n',
    "src/core-cache.ts": 'import "./app-admin.js";\nimport "./lib/hash.js";\nexport {};\n',
    "src/lib/hash.ts": "export const hash = 1;\n",
    "src/lib/encode.ts": 'import "./hash.js";\nexport {};\n',
  });
}

const membersOf = (diagram: Diagram, id: string): string[] => diagram.nodes.get(id)?.members ?? [id];

/** The vertical extent of each layer as drawn: its cluster, or its folded box. */
function layerExtents(diagram: Diagram, svg: string): { layer: string; top: number; bottom: number }[] {
  const shapes = shapesOf(svg);
  return diagram.layers.map((layer) => {
    const drawn = [shapes.get(`cluster:${layer}`), ...layerNodes(diagram, layer).map((id) => shapes.get(elementOf(diagram, id)))];
    const found = drawn.filter((shape) => shape !== undefined);
    if (found.length === 0) throw new Error(`layer ${layer} is not drawn`);
    return { layer, top: Math.min(...found.map((shape) => shape.top)), bottom: Math.max(...found.map((shape) => shape.bottom)) };
  });
}

function elementOf(diagram: Diagram, id: string): string {
  const kind = diagram.nodes.get(id)!.kind;
  return `${kind === "layer" || kind === "folder" ? kind : "module"}:${id}`;
}

async function draw(input: DiagramInput, options: DiagramOptions): Promise<{ diagram: Diagram; svg: string }> {
  const diagram = buildDiagram(input, options);
  return { diagram, svg: await dotToSvg(toDot(diagram)) };
}

const cases: [string, () => string][] = [
  ["the samples", () => "samples"],
  ["violations pointing up through every layer", upwardEverywhere],
  ["a folder holding modules of three layers", mixedFolder],
];

const views: [string, DiagramOptions][] = [
  ["every module", { collapse: { by: "none" } }],
  ["folded by layer", { collapse: { by: "layer" } }],
  ["folded by folder", { collapse: { by: "folder", depth: 1 } }],
  ["the automatic overview", { autoCollapseAbove: 5 }],
];

describe.each(cases)("%s", (_name, root) => {
  let loaded: DiagramInput | undefined;
  const load = async (): Promise<DiagramInput> => (loaded ??= await loadDiagramInput({ source: root(), cache: false }));

  it.each(views)("stacks the layers in the config's order: %s", async (_view, options) => {
    const input = await load();
    const { diagram, svg } = await draw(input, options);
    expect(diagram.layers).toEqual((input.document.layers ?? []).filter((layer) => input.document.modules.some((module) => module.layer === layer)));
    const extents = layerExtents(diagram, svg);
    for (let index = 1; index < extents.length; index++) {
      // Each layer starts below where the one above it ends.
      expect(extents[index]!.top, `${extents[index]!.layer} below ${extents[index - 1]!.layer}`).toBeGreaterThan(extents[index - 1]!.bottom);
    }
  });

  it.each(views)("writes every Mermaid link downwards through the layers, after the links that stack them: %s", async (_view, options) => {
    const diagram = buildDiagram(await load(), options);
    const mermaid = toMermaid(diagram);
    const idOf = new Map([...diagram.nodes.keys()].map((id, index) => [`n${index}`, id]));
    const rankOf = new Map(diagram.layers.map((layer, index) => [layer, index]));
    const rank = (node: string): number | undefined => {
      const drawn = diagram.nodes.get(idOf.get(node)!)!;
      return rankOf.get(drawn.kind === "layer" ? drawn.id : (drawn.layer ?? ""));
    };
    const links = [...mermaid.matchAll(/^ {2}(n\d+) ([^\s|]+(?:\|[^|\n]*\|)?) (n\d+)$/gm)].filter(([, , link]) => link !== "~~~");
    expect(links.length).toBe(diagram.edges.length);
    for (const [line, from, , to] of links) {
      const [above, below] = [rank(from!), rank(to!)];
      if (above !== undefined && below !== undefined) expect(above, line).toBeLessThanOrEqual(below);
    }
    // An import that points up is written from the upper box down, headless and marked ▲.
    const upward = diagram.edges.filter((edge) => (rank(`n${[...diagram.nodes.keys()].indexOf(edge.from)}`) ?? -1) > (rank(`n${[...diagram.nodes.keys()].indexOf(edge.to)}`) ?? Infinity));
    expect(links.filter(([, , link]) => link!.includes("▲"))).toHaveLength(upward.length);
    // The invisible stacking links come before every arrow, so the layout meets them first.
    const lines = mermaid.split("\n");
    const lastStack = lines.findLastIndex((line) => line.includes("~~~"));
    const firstArrow = lines.findIndex((line) => /^ {2}n\d+ (?!~~~)[^\s|]+(?:\|[^|\n]*\|)? n\d+$/.test(line));
    if (lastStack !== -1 && firstArrow !== -1) expect(lastStack).toBeLessThan(firstArrow);
  });

  it.each(views)("counts each layer's modules as the map does: %s", async (_view, options) => {
    const input = await load();
    const { diagram } = await draw(input, options);
    for (const layer of diagram.layers) {
      const expected = input.document.modules.filter((module) => module.kind === "local" && module.layer === layer).length;
      const drawn = layerNodes(diagram, layer);
      // Every box in a layer's cluster holds modules of that layer only.
      for (const id of drawn) for (const member of membersOf(diagram, id)) expect(input.document.modules.find((module) => module.id === member)?.layer).toBe(layer);
      expect(drawn.reduce((sum, id) => sum + diagram.nodes.get(id)!.modules, 0), layer).toBe(expected);
    }
  });

  it.each(views)("paints an arrow red only for a violating import, and lights each violation's arrow: %s", async (_view, options) => {
    const input = await load();
    const { diagram, svg } = await draw(input, options);
    const shapes = shapesOf(svg);
    const steps = input.violations.filter((violation) => violation.ruleKind !== "cycles").flatMap((violation) => violation.via ?? [violation]);
    for (const edge of diagram.edges) {
      const breaks = steps.some((step) => membersOf(diagram, edge.from).includes(step.from) && membersOf(diagram, edge.to).includes(step.to));
      const red = shapes.get(`import:${edge.from}->${edge.to}`)!.stroke === "#dc2626";
      expect(red, `${edge.from} -> ${edge.to}`).toBe(breaks);
    }
    for (const step of steps) {
      const holding = diagram.edges.filter((edge) => membersOf(diagram, edge.from).includes(step.from) && membersOf(diagram, edge.to).includes(step.to));
      const sameBox = [...diagram.nodes.keys()].some((id) => membersOf(diagram, id).includes(step.from) && membersOf(diagram, id).includes(step.to));
      expect(holding.length, `${step.from} -> ${step.to}`).toBe(sameBox ? 0 : 1);
    }
    if (_name !== "the samples") expect(steps.length).toBeGreaterThan(0);
  });
});

describe("a folder split across layers", () => {
  it("is one box per layer, each named for its folder and layer", async () => {
    const input = await loadDiagramInput({ source: mixedFolder(), cache: false });
    const diagram = buildDiagram(input, { collapse: { by: "folder", depth: 1 } });
    expect([...diagram.nodes.keys()]).toEqual(["src/ · app", "src/ · core", "src/ · middleware"]);
    expect(diagram.nodes.get("src/ · app")).toMatchObject({ layer: "app", modules: 4 });
    // Each layer is one box here, drawn in the layer's colour and named for it.
    expect(diagram.nodes.get("src/ · app")!.label).toBe("app\nsrc/ · 4 modules");
    // The core → app violation is the only red arrow, and it runs from core's box to app's.
    expect(diagram.edges.filter((edge) => edge.violation).map((edge) => `${edge.from} -> ${edge.to}`)).toEqual(["src/ · core -> src/ · app"]);
  });
});

describe("colours", () => {
  it("gives a layer the same fill in the full, layer, focused and Mermaid pictures", async () => {
    const input = await loadDiagramInput({ source: "samples", cache: false });
    const fills = new Map<string, Set<string>>();
    const note = (layer: string, fill: string | undefined): void => {
      expect(fill, layer).toMatch(/^#[0-9a-f]{6}$/i);
      fills.set(layer, (fills.get(layer) ?? new Set()).add(fill!.toLowerCase()));
    };
    const pictures: DiagramOptions[] = [
      { collapse: { by: "none" } },
      { collapse: { by: "layer" } },
      // Without the app layer (the first in the config): the others must not move up a colour.
      { includeOnly: ["interface/**"] },
      { focus: ["interface/server/**"], depth: 1 },
    ];
    for (const options of pictures) {
      const { diagram, svg } = await draw(input, options);
      const shapes = shapesOf(svg);
      for (const layer of diagram.layers) note(layer, (shapes.get(`cluster:${layer}`) ?? shapes.get(`layer:${layer}`))?.fill);
      const mermaid = toMermaid(diagram);
      for (const layer of diagram.layers) {
        const id = new RegExp(`subgraph (c\\d+)\\["${layer}[<"]`).exec(mermaid)?.[1] ?? [...diagram.nodes.keys()].indexOf(layer);
        const style = new RegExp(`style ${typeof id === "number" ? `n${id}` : id} fill:(#[0-9A-Fa-f]{6})`).exec(mermaid);
        note(layer, style?.[1]);
      }
    }
    expect([...fills.keys()].sort()).toEqual(["app", "core", "middleware", "server"]);
    for (const [layer, seen] of fills) expect([...seen], layer).toHaveLength(1);
    expect(new Set([...fills.values()].map((seen) => [...seen][0])).size).toBe(4);
  });
});
