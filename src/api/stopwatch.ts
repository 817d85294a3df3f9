/**
 * Per-stage timings for `--verbose`: each lap is the time since the previous one, so the stages
 * of a run add up to its whole. Timings never enter a document (it must not depend on the
 * machine): they go to a listener, which the CLI prints on stderr.
 */
/** Every stage a run reports, in the order they can come; scripts read `--verbose` by these names. */
export type Stage = "load" | "config" | "discover" | "parse" | "resolve" | "barrels" | "graph" | "layers" | "document" | "cache" | "rules" | "baseline" | "check" | "input" | "profile" | "report" | "output";

export interface StageTiming {
  stage: Stage;
  /** Wall time, in milliseconds. */
  ms: number;
  /** What the stage did (files parsed, sites resolved, …), for people. */
  detail?: string;
}

export type StageListener = (timing: StageTiming) => void;

export interface Stopwatch {
  /** Ends the current stage: reports the time since the previous lap (or the start). */
  lap(stage: Stage, detail?: string): void;
}

/** `startedAt`: when the first stage began (`performance.now()`), if not now. */
export function stopwatch(listener: StageListener | undefined, startedAt = performance.now()): Stopwatch {
  let last = startedAt;
  return {
    lap(stage, detail) {
      const now = performance.now();
      listener?.({ stage, ms: now - last, ...(detail === undefined || detail === "" ? {} : { detail }) });
      last = now;
    },
  };
}
