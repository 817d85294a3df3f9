#!/usr/bin/env node
/**
 * `layermap map` through the public API, without the CLI around it: map, JSON report, write.
 * Used by scale.mjs (the CLI's `map` also computes rule violations for diagrams, which is not what
 * the scale figures are about).
 *
 *   node map-run.mjs <root> <out.json> [--no-cache | --cache <dir>]
 *
 * Prints { modules, imports, cache, stages } as JSON: stages are the API's stage timings (the
 * listener behind the CLI's --verbose), after "start-up", the time before map() was called
 * (Node.js and importing layermap).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { layermapCli } from "./layermap.mjs";

const [root, out, flag, dir] = process.argv.slice(2);
const dist = path.dirname(layermapCli);
const { map } = await import(pathToFileURL(path.join(dist, "api", "map.js")).href);
const { jsonReport } = await import(pathToFileURL(path.join(dist, "report", "json-report.js")).href);
const cache = flag === "--no-cache" ? false : flag === "--cache" ? dir : undefined;
const stages = [{ stage: "start-up", ms: Math.round(performance.now()) }];
const onStage = ({ stage, ms }) => stages.push({ stage, ms: Math.round(ms) });
const result = await map({ root, onStage, ...(cache === undefined ? {} : { cache }) });
const outputStarted = performance.now();
fs.writeFileSync(out, jsonReport(result.document));
stages.push({ stage: "output", ms: Math.round(performance.now() - outputStarted) });
process.stdout.write(JSON.stringify({ modules: result.document.summary.modules, imports: result.document.summary.imports, cache: result.cache ?? null, stages }) + "\n");
// The oxc children exit before this process does, so that /usr/bin/time (scale.mjs) counts their CPU.
const { finishProcessEnd } = await import(pathToFileURL(path.join(dist, "model", "process-end.js")).href);
await finishProcessEnd();
