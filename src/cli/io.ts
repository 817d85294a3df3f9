/** Where the CLI prints: the real streams in the executable, buffers in tests. */
export interface CliStreams {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * The process as the commands see it: its streams, and its working folder — paths on the
 * command line are read from it and paths printed are shown relative to it. The library never
 * asks the process: the commands pass `cwd` on.
 */
export interface CliIo extends CliStreams {
  cwd: string;
}

/** Exit codes, as the design fixes them. */
export const EXIT_OK = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_USAGE = 2;
