/**
 * `--verbose`: one line on stderr as each stage of the run ends, then the total — so a slow run
 * says where its time went. stdout is untouched, so the output is the same bytes with or without it.
 */
import type { StageListener, StageTiming } from "../api/stopwatch.js";
import type { ProgressStream } from "./progress.js";
import { grouped } from "../model/counted.js";

/** The lines, or undefined when not verbose. `beforeLine` runs first (to erase a progress line). */
export function stageLines(stream: ProgressStream, verbose: boolean | undefined, beforeLine?: () => void): StageListener | undefined {
  if (!verbose) return undefined;
  return (timing) => {
    beforeLine?.();
    stream.write(`${stageLine(timing)}\n`);
  };
}

/** @internal Exported for its unit tests (knip --production ignores the tag). */
export function stageLine({ stage, ms, detail }: Omit<StageTiming, "stage"> & { stage: StageTiming["stage"] | "total" }): string {
  const time = `${grouped(Math.round(ms))} ms`;
  return `layermap: ${stage.padEnd(9)} ${time.padStart(9)}${detail === undefined ? "" : `  ${detail}`}`;
}

/**
 * The closing line: the whole run since the process started, and how much of it came before the
 * command began (Node.js, and loading the CLI).
 */
export function totalLine(startedAt: number): string {
  return stageLine({ stage: "total", ms: performance.now(), detail: `of which ${grouped(Math.round(startedAt))} ms start-up` });
}
