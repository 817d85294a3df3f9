/**
 * The Python speed section (#18): `layermap map` cold and warm against importlab on the Python
 * corpora, shared by bench-python.mjs (alone) and bench.mjs (a section of `npm run bench` when the
 * corpora are fetched and python3 runs).
 *
 * The tools, each a whole process run the way a user runs it, on the corpus root
 * (.cache/python/<name>, which holds the package folder):
 *   layermap-cold  node dist/cli.js map <root> --out <file> --quiet --no-config --no-cache
 *                  --include '**\/*.py' --include '**\/*.pyi' (the files importlab reads)
 *   layermap-warm  the same with --cache <dir>, after one unmeasured priming run: nothing changed
 *   importlab      python3 -S tools/bin/importlab --tree --trim -P <root> <root> (PYTHONPATH=tools):
 *                  importlab's own command line, its whole graph printed as a tree; after one
 *                  unmeasured run, so that its and networkx's bytecode is compiled. importlab has
 *                  no cache: every run is cold, and it is the only mode it has
 *   ast            python3 -S python/ast-edges.py <root>: CPython's own parser and PathFinder over
 *                  the same files (#18's sites), for scale: what a pass in Python itself costs
 *
 * Runs alternate (run 1 of every tool, then run 2, …, the order rotating) and the table shows
 * medians, as bench.mjs does; CPU (user + sys) and peak RSS come from GNU time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDir } from "../corpora.mjs";
import { layermapCli, readLayermapDocument } from "./layermap.mjs";
import { execute, median, ratio, seconds } from "./measure.mjs";
import { pythonCommand, pythonCorpora, pythonRoot, pythonToolsDir } from "./python-corpora.mjs";
import { layermapPythonView, pythonVersion } from "./python-edges.mjs";
import { markdownTable } from "./table.mjs";

export const PYTHON_TOOLS = ["layermap-cold", "layermap-warm", "importlab", "ast"];
const workDir = path.join(os.tmpdir(), "layermap-bench-python");

/**
 * Why the Python section cannot run here (a sentence), or null when it can: python3 runs, and
 * the corpora and importlab are fetched.
 */
export function pythonBenchMissing(corpora = pythonCorpora) {
  if (pythonVersion() === null) return `${pythonCommand} does not run`;
  const missing = corpora.filter((c) => !fs.existsSync(path.join(pythonRoot(c), c.pkg)));
  if (missing.length) return `${missing.map((c) => c.name).join(", ")} not fetched (node fetch-python.mjs)`;
  if (!fs.existsSync(path.join(pythonToolsDir, "bin", "importlab"))) return "importlab not fetched (node fetch-python.mjs)";
  return null;
}

/**
 * Measure every corpus, printing a table each and a summary; returns the summary's rows.
 * @param {{ corpora?: object[], runs: number, tools?: string[], hasTime: boolean, node?: string }} options
 */
export function benchPython({ corpora = pythonCorpora, runs, tools = PYTHON_TOOLS, hasTime, node = process.execPath }) {
  console.log(`Python ${pythonVersion()} (-S), importlab 0.7; median of ${runs} run${runs > 1 ? "s" : ""} per tool, alternating\n`);
  const summary = [];
  for (const corpus of corpora) summary.push(benchCorpus(corpus, { runs, tools, hasTime, node }));
  const pick = (row, tool, field) => (row.tools[tool]?.[field] == null ? "–" : seconds(row.tools[tool][field]));
  console.log(
    markdownTable([
      ["corpus", "files", "layermap cold", "CPU", "layermap warm", "CPU", "importlab", "CPU", "importlab / layermap cold"],
      ...summary.map((row) => [
        row.name,
        row.files,
        pick(row, "layermap-cold", "wall"),
        pick(row, "layermap-cold", "cpu"),
        pick(row, "layermap-warm", "wall"),
        pick(row, "layermap-warm", "cpu"),
        pick(row, "importlab", "wall"),
        pick(row, "importlab", "cpu"),
        row.tools.importlab?.wall && row.tools["layermap-cold"]?.wall ? ratio(row.tools.importlab.wall / row.tools["layermap-cold"].wall) : "–",
      ]),
    ]),
  );
  console.log("");
  return summary;
}

function benchCorpus(corpus, { runs, tools, hasTime, node }) {
  const root = pythonRoot(corpus);
  const out = path.join(workDir, corpus.name);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const specs = Object.fromEntries(tools.map((tool) => [tool, toolSpec(tool, root, out, node)]));
  const samples = Object.fromEntries(tools.map((tool) => [tool, []]));
  const errors = {};
  // Unmeasured: layermap's cache primed, Python's bytecode of importlab, networkx and the script.
  for (const tool of tools.filter((t) => t !== "layermap-cold")) {
    const primed = execute(specs[tool], out, false);
    if (primed.error) errors[tool] = primed.error;
  }
  for (let run = 0; run < runs; run++) {
    for (const tool of tools.map((_, index) => tools[(index + run) % tools.length])) {
      if (errors[tool]) continue;
      const measured = execute(specs[tool], out, hasTime);
      if (measured.error) errors[tool] = measured.error;
      else samples[tool].push(measured);
    }
  }
  const files = fs.readdirSync(root, { recursive: true }).filter((f) => /\.pyi?$/.test(String(f))).length;
  let modules = "–";
  try {
    if (tools.includes("layermap-cold") && !errors["layermap-cold"]) {
      const view = layermapPythonView(readLayermapDocument(path.join(out, "layermap-cold.json")));
      modules = `${view.files.size} modules, ${view.edges.size} edges`;
    }
  } catch (error) {
    modules = `unreadable document: ${error.message}`;
  }
  console.log(`## ${corpus.name} (${corpus.deb.package} ${corpus.deb.version}; ${files} .py/.pyi files; layermap: ${modules})\n`);
  const measured = {};
  const rows = [["tool", "wall", "CPU", "peak RSS", "× layermap cold"]];
  const baseline = median(samples["layermap-cold"]?.map((s) => s.wall) ?? []);
  for (const tool of tools) {
    if (errors[tool]) {
      rows.push([tool, "failed", "", "", ""]);
      continue;
    }
    const [wall, cpu, rss] = ["wall", "cpu", "rss"].map((field) => median(samples[tool].map((s) => s[field])));
    measured[tool] = { wall, cpu, rss };
    rows.push([tool, seconds(wall), cpu === null ? "–" : seconds(cpu), rss === null ? "–" : `${Math.round(rss / 1024)} MB`, baseline ? ratio(wall / baseline) : "–"]);
  }
  console.log(markdownTable(rows));
  for (const [tool, error] of Object.entries(errors)) console.log(`\n${tool} failed: ${error.split("\n").slice(0, 6).join("\n  ")}`);
  console.log("");
  return { name: corpus.name, files, tools: measured, crashed: Object.keys(errors).length > 0 };
}

function toolSpec(tool, root, out, node) {
  switch (tool) {
    case "layermap-cold":
    case "layermap-warm":
      return {
        command: node,
        args: [
          layermapCli, "map", root, "--out", path.join(out, `${tool}.json`), "--quiet", "--no-config",
          // The files importlab reads, no more: Django ships 86 JavaScript files (its admin's), which
          // layermap would map too.
          "--include", "**/*.py", "--include", "**/*.pyi",
          ...(tool === "layermap-cold" ? ["--no-cache"] : ["--cache", path.join(out, "cache")]),
        ],
        cwd: root,
      };
    case "importlab":
      return {
        command: pythonCommand,
        args: ["-S", path.join(pythonToolsDir, "bin", "importlab"), "--tree", "--trim", "-P", root, root],
        cwd: root,
        env: { PYTHONPATH: pythonToolsDir },
      };
    case "ast":
      return { command: pythonCommand, args: ["-S", path.join(benchDir, "python", "ast-edges.py"), root, "--out", path.join(out, "ast.json")], cwd: root };
    default:
      throw new Error(`no spec for ${tool}`);
  }
}
