/**
 * The CLI's process: signal handlers, then the CLI, and its exit code. `src/cli.ts` (the
 * executable) loads it once Node's compile cache is on; `npm run build` bundles it, with every
 * module it loads, into this one file of `dist/` (scripts/bundle.mjs).
 */
import { removeTemporaryFiles } from "./write-output.js";
import { dropWritesOnceClosed } from "./closed-output.js";
import { removeScratchFolders } from "../model/scratch-folders.js";
import { finishProcessEnd } from "../model/process-end.js";

// Ctrl-C (or a CI job cancelled with SIGTERM): remove any output being written, then exit as a
// shell reports a signal, 128 + its number. Once: a second Ctrl-C stops the process outright.
// Installed before the CLI's modules load (the dynamic import below; a static one would be
// evaluated first, which takes a second on a busy machine). The map yields to the event loop every
// 50 ms (see api/event-loop-breaks.ts), and the output stage before each layout and each write,
// so this runs promptly.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.once(signal, () => {
    removeTemporaryFiles();
    removeScratchFolders();
    process.stderr.write(`\nlayermap: interrupted (${signal})\n`);
    process.exit(code);
  });
}

// `layermap map . | head -1`: a reader that closes the pipe early ends the output, not in a stack trace.
dropWritesOnceClosed(process.stdout);
dropWritesOnceClosed(process.stderr);

// Loaded only now, so the handlers above are in place before the slow part of start-up.
const { runCli } = await import("./run-cli.js");
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
// What the run started — oxc-parser's child processes — ends before the CLI does, so that
// `time layermap …` counts their CPU too.
await finishProcessEnd();
