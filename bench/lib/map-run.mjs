#!/usr/bin/env node
/**
 * `layermap map` through the public API, without the CLI around it: map, JSON report, write.
 * Used by scale.mjs (the CLI's `map` also computes rule violations for diagrams, which is not what
 * the scale figures are about).
 *
 *   node map-run.mjs <root> <out.json> [--no-cache | --cache <dir>]
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
const result = await map({ root, ...(cache === undefined ? {} : { cache }) });
fs.writeFileSync(out, jsonReport(result.document));
process.stdout.write(JSON.stringify({ modules: result.document.summary.modules, imports: result.document.summary.imports, cache: result.cache ?? null }) + "\n");
