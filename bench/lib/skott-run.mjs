#!/usr/bin/env node
/**
 * Runs skott's JavaScript API on the current folder (skott's CLI prints no machine-readable
 * graph) and prints { modules, localEdges, edges: [[from, to], …] } as JSON. Used by bench.mjs,
 * which times this whole process: the wrapper adds only an import of skott, which its CLI pays too.
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
// The edges themselves, paths relative to the folder as skott gives them, so bench.mjs can compare
// them with layermap's (serialising them costs a few ms, against seconds of skott).
const edges = [];
for (const [from, node] of Object.entries(graph)) for (const to of node.adjacentTo) edges.push([from, to]);
process.stdout.write(JSON.stringify({ modules: Object.keys(graph).length, localEdges: edges.length, edges }) + "\n");
