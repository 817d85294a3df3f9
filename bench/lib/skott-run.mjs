#!/usr/bin/env node
/**
 * Runs skott's JavaScript API on the current folder (skott's CLI prints no machine-readable
 * graph) and prints { modules, localEdges } as JSON. Used by bench.mjs, which times this whole
 * process: the wrapper adds only an import of skott, which its CLI pays too.
 *
 *   node skott-run.mjs [--tsconfig <path>]
 */
import skott from "skott";

const argv = process.argv.slice(2);
const at = argv.indexOf("--tsconfig");
const tsConfigPath = at === -1 ? "tsconfig.json" : argv[at + 1];

const { getStructure } = await skott({
  cwd: process.cwd(),
  incremental: false,
  tsConfigPath,
  dependencyTracking: { thirdParty: false, builtin: false, typeOnly: true },
  verbose: false,
});
const { graph } = getStructure();
let localEdges = 0;
for (const node of Object.values(graph)) localEdges += node.adjacentTo.length;
process.stdout.write(JSON.stringify({ modules: Object.keys(graph).length, localEdges }) + "\n");
