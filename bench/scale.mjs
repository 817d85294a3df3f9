#!/usr/bin/env node
/**
 * How layermap scales: generates synthetic projects (generate.mjs) of the given sizes under the
 * system temp folder and maps each cold (no cache) and warm (nothing changed), once each, through
 * the API (lib/scale-run.mjs), printing wall time, CPU and peak RSS, CPU per module, and the
 * scale goals of issue #16 (lib/goals.mjs). bench.mjs runs the same by default.
 *
 *   node scale.mjs [5000 20000 50000] [--node <path>]
 *
 *   --node <path>  run layermap under this Node.js (also LAYERMAP_NODE); default: this one
 */
import { parseArgs } from "node:util";
import { goalRows } from "./lib/goals.mjs";
import { DEFAULT_SIZES, runScale, scaleTable } from "./lib/scale-run.mjs";
import { markdownTable } from "./lib/table.mjs";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { node: { type: "string" } } });
const sizes = positionals.map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 2)) {
  console.error("usage: node scale.mjs [sizes…] [--node <path>]");
  process.exit(2);
}
const rows = runScale(sizes.length ? sizes : DEFAULT_SIZES, { node: values.node ?? process.env.LAYERMAP_NODE ?? process.execPath, log: (line) => console.error(line) });
console.log(markdownTable(scaleTable(rows)));
console.log("");
for (const goal of goalRows({ corpora: [], scale: rows })) console.log(`${goal.line}${goal.cause ? `\n  cause: ${goal.cause}` : ""}`);
