/**
 * Progress of a long run on stderr — files parsed out of the total, with a rate — only when
 * stderr is a terminal and the run is not quiet: a CI log or a pipe gets no carriage returns.
 * Redrawn at most every 100 ms, and erased when the run is done.
 */
import { grouped } from "../model/counted.js";

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

type ProgressCallback = (done: number, total: number) => void;

export interface Progress {
  onProgress: ProgressCallback | undefined;
  /** Erase the line (call before printing anything else). */
  finish: () => void;
}

const REDRAW_EVERY_MS = 100;

/** `now`: milliseconds from any fixed start (a test passes its own clock). */
export function terminalProgress(stream: ProgressStream, enabled: boolean, now: () => number = () => performance.now()): Progress {
  if (!enabled || stream.isTTY !== true) return { onProgress: undefined, finish: () => {} };
  const started = now();
  let drawnAt = 0;
  let drawn = false;
  return {
    onProgress(done, total) {
      const at = now();
      if (drawn && at - drawnAt < REDRAW_EVERY_MS && done < total) return;
      drawnAt = at;
      drawn = true;
      const rate = Math.round(done / Math.max((at - started) / 1000, 0.001));
      stream.write(`\r\u001b[2Klayermap: parsing ${grouped(done)}/${grouped(total)} files (${grouped(rate)} files/s)`);
    },
    finish() {
      if (drawn) stream.write("\r\u001b[2K");
    },
  };
}
