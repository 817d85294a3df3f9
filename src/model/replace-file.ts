/**
 * The one way layermap replaces a file whole (an output, the map cache, the compiler's code
 * cache): the bytes go to a temporary file beside the target, which is then renamed over it.
 *
 * The temporary file is created exclusively (`wx`: O_CREAT | O_EXCL) under a name with a random
 * part, so a file or symbolic link planted under a predictable name can neither receive the bytes
 * nor redirect them elsewhere: `wx` fails on any existing entry, a dangling link included, rather
 * than following it. The name starts with `.<target name><mark><pid>-`, so a later writer can
 * tell whether the process that left one behind is still running.
 */
import { randomBytes } from "node:crypto";
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** `.graph.json<mark><pid>-<random>`, in the target's folder. */
export function temporaryNameFor(target: string, mark: string): string {
  return join(dirname(target), `.${basename(target)}${mark}${process.pid}-${randomBytes(8).toString("hex")}`);
}

/** The pid in a temporary file name made by temporaryNameFor (NaN when it holds none). */
export function writerOfTemporary(entry: string, prefix: string): number {
  const rest = entry.slice(prefix.length);
  const dash = rest.indexOf("-");
  return Number(dash === -1 ? rest : rest.slice(0, dash));
}

/** Write `data` to a new file that must not exist yet (never through a link). */
export function writeNewFile(path: string, data: string | Uint8Array, mode = 0o666, onCreated?: () => void): void {
  const fd = openSync(path, "wx", mode);
  onCreated?.();
  try {
    const bytes = typeof data === "string" ? Buffer.from(data) : data;
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replace `target` whole with `data`. `onTemporary` learns the temporary path before anything is
 * written (a signal handler removes it) and again with undefined once it is gone. Throws the file
 * system's error; the temporary file is removed whatever happens.
 */
export function replaceFile(target: string, data: string | Uint8Array, mark: string, onTemporary?: (temporary: string | undefined) => void): void {
  const temporary = temporaryNameFor(target, mark);
  onTemporary?.(temporary);
  // Set by writeNewFile's callback, an assignment TypeScript's narrowing does not see.
  let created = false as boolean;
  try {
    writeNewFile(temporary, data, undefined, () => (created = true));
    renameSync(temporary, target);
  } catch (error) {
    // Only a file this call made: an entry already there under the name is someone else's.
    if (created) rmSync(temporary, { force: true });
    throw error;
  } finally {
    onTemporary?.(undefined);
  }
}
