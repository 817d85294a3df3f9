// Render time of diagrams for synthetic layered codebases of about 100, 1,000 and 5,000
// modules, drawn whole and folded (by folder, by layer). The automatic-collapse threshold in
// src/report/diagram/collapse.ts comes from these figures. Run after `npm run build`:
//   node bench/render-bench.mjs [sizes…]
// The HTML page of one folder holding n files (every opened view refused as too large; the
// drill-down must stay linear): node bench/render-bench.mjs --flat 100000
import { buildDiagram } from "../dist/report/diagram/build-diagram.js";
import { toDot } from "../dist/report/diagram/to-dot.js";
import { dotToSvg } from "../dist/report/diagram/to-svg.js";
import { htmlReport } from "../dist/report/html/html-report.js";

if (process.argv[2] === "--flat") {
  const count = Number(process.argv[3] ?? 100_000);
  const modules = Array.from({ length: count }, (_, index) => ({ id: `big/m${String(index).padStart(6, "0")}.ts`, kind: "local", lines: 1 }));
  const imports = modules.slice(1).map((module, index) => ({ from: modules[index].id, to: module.id, kinds: ["static"], typeOnly: false, sites: [{ line: 1, specifier: "./x.js", kind: "static" }] }));
  const document = { version: 1, root: ".", summary: {}, modules, imports, diagnostics: [] };
  const started = performance.now();
  const { text } = await htmlReport({ document, violations: [] }, {});
  console.log(`${count.toLocaleString("en-US")} files in one folder: HTML page in ${((performance.now() - started) / 1000).toFixed(1)} s, ${Math.round(text.length / 1024)} KB`);
  process.exit(0);
}

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const LAYERS = ["app", "middleware", "server", "core"];

/** A deterministic layered codebase: folders of 12 files, ~3 imports a module, all downward. */
function syntheticDocument(count) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const modules = [];
  for (let index = 0; index < count; index++) {
    const layer = LAYERS[Math.floor((index / count) * LAYERS.length)];
    const folder = `f${Math.floor(index / 12) % 40}`;
    modules.push({ id: `${layer}/${folder}/m${index}.ts`, kind: "local", layer, lines: 10 });
  }
  const imports = [];
  modules.forEach((module, index) => {
    // Like real code: most imports stay near (the same folder of 12), some reach further down.
    const targets = new Set();
    for (let k = 0; k < 3 && index + 1 < count; k++) {
      const reach = random() < 0.7 ? 12 : Math.min(count - index - 1, count / 4);
      targets.add(Math.min(count - 1, index + 1 + Math.floor(random() * reach)));
    }
    for (const target of [...targets].sort((a, b) => a - b)) {
      const to = modules[target].id;
      imports.push({ from: module.id, to, kinds: ["static"], typeOnly: false, sites: [{ line: 1, specifier: `./${to}`, kind: "static" }] });
    }
  });
  imports.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1));
  modules.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { version: 1, root: ".", layers: LAYERS, summary: {}, modules, imports, diagnostics: [] };
}

async function time(document, collapse) {
  const started = performance.now();
  const diagram = buildDiagram({ document, violations: [] }, collapse === undefined ? {} : { collapse, autoCollapseAbove: Infinity });
  const svg = await dotToSvg(toDot(diagram));
  return { seconds: (performance.now() - started) / 1000, boxes: diagram.nodes.size, kilobytes: Math.round(svg.length / 1024) };
}

await dotToSvg("digraph { a -> b }"); // load the WebAssembly once, as a CLI run does
console.log("modules   view            boxes   render (s)   SVG (KB)");
for (const count of sizes.length > 0 ? sizes : [100, 300, 1000, 5000]) {
  const document = syntheticDocument(count);
  const views = [
    ["every module", { by: "none" }],
    ["folder:2", { by: "folder", depth: 2 }],
    ["layer", { by: "layer" }],
    ["automatic", undefined],
  ];
  for (const [name, collapse] of views) {
    if (count > 1000 && collapse?.by === "none") {
      console.log(`${String(count).padStart(7)}   ${name.padEnd(14)}  skipped: past 1,000 modules Graphviz takes minutes (see STACK-NOTES)`);
      continue;
    }
    const { seconds, boxes, kilobytes } = await time(document, collapse);
    console.log(`${String(count).padStart(7)}   ${name.padEnd(14)} ${String(boxes).padStart(6)}   ${seconds.toFixed(2).padStart(10)}   ${String(kilobytes).padStart(8)}`);
  }
}
