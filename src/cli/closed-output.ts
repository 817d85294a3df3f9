/**
 * `layermap map . | head -1`: the reader closes the pipe once it has what it wants, and the next
 * write fails with EPIPE. Unhandled, that error is thrown from the stream with a stack trace, in
 * the very pipelines the README shows. A closed output is the reader's choice, not a failure:
 * what is left to write is dropped, and the run ends with its own exit code, saying nothing (where
 * would it say it?). Any other write error is still thrown.
 */
import type { Writable } from "node:stream";

export function dropWritesOnceClosed(stream: Writable): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}
