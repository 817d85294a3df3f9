#!/usr/bin/env node
/**
 * The `layermap` executable. It turns Node's compile cache on (cli/compile-cache.ts), then loads
 * the CLI (cli/main.ts, which `npm run build` bundles into one file with everything it loads), so
 * that the CLI's code is compiled from the cache rather than afresh on every run. This file
 * imports as little as it can: what it loads comes before the cache is on.
 */
import { enableCompileCache } from "./cli/compile-cache.js";

const argv = process.argv.slice(2);
enableCompileCache(argv);
// `--debug` prints stack traces: through the bundle's source map, they name lines of src/. Only
// then, and before the bundle loads: Node reads a module's source map as it loads it.
if (argv.includes("--debug")) process.setSourceMapsEnabled(true);
await import("./cli/main.js");
