#!/usr/bin/env node
/**
 * Speed of the Python front end (#18): layermap cold and warm against importlab on Werkzeug,
 * Flask, Requests and Django (fetch them with fetch-python.mjs). bench.mjs runs the same section
 * when the corpora are there; this runs it alone.
 *
 *   node bench-python.mjs [corpus…] [--runs N] [--tools layermap-cold,layermap-warm,importlab,ast]
 *
 * See lib/python-bench.mjs for what each tool runs. Exit code 0; 2 when Python, a corpus or
 * importlab is missing, or a tool crashed (its row says so, the rest still run).
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { layermapCli } from "./lib/layermap.mjs";
import { TIME } from "./lib/measure.mjs";
import { PYTHON_TOOLS, benchPython, pythonBenchMissing } from "./lib/python-bench.mjs";
import { findPythonCorpus, pythonCorpora } from "./lib/python-corpora.mjs";

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: "string", default: "3" }, tools: { type: "string" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) usage("--runs takes a whole number ≥ 1");
  const tools = values.tools ? values.tools.split(",").map((t) => t.trim()).filter(Boolean) : PYTHON_TOOLS;
  for (const tool of tools) if (!PYTHON_TOOLS.includes(tool)) usage(`unknown tool "${tool}" (known: ${PYTHON_TOOLS.join(", ")})`);
  let corpora;
  try {
    corpora = positionals.length ? positionals.map(findPythonCorpus) : pythonCorpora;
  } catch (error) {
    usage(error.message);
  }
  const missing = pythonBenchMissing(corpora);
  if (missing) fail(missing);
  if (!fs.existsSync(layermapCli)) fail(`${layermapCli} is missing: run npm run build in the repository root`);
  const hasTime = fs.existsSync(TIME);
  if (!hasTime) console.warn(`${TIME} not found: CPU and peak RSS are not measured, wall time only`);
  const rows = benchPython({ corpora, runs, tools, hasTime });
  process.exitCode = rows.some((r) => r.crashed) ? 2 : 0;
}

function usage(message) {
  console.error(`bench-python: ${message}\nusage: node bench-python.mjs [werkzeug|flask|requests|django…] [--runs N] [--tools ${PYTHON_TOOLS.join(",")}]`);
  process.exit(2);
}

function fail(message) {
  console.error(`bench-python: ${message}`);
  process.exit(2);
}

main();
