/**
 * Writes an output file so that it is either the old file or the whole new one, never half:
 * the text goes to a temporary file beside it, created exclusively under a random name (see
 * model/replace-file.ts), which is then renamed into place. A temporary file left by a run that
 * was killed outright (SIGKILL, a power cut) is removed by the next write of the same output;
 * Ctrl-C removes the ones in progress (see removeTemporaryFiles).
 *
 * A target that is not a regular file is never replaced by one:
 * - a character device, FIFO or socket (`/dev/null`, `/dev/stdout` onto a pipe, a named pipe) is
 *   written straight through, as a shell's `>` would;
 * - a symbolic link is refused with one line, unless it lives under /dev or /proc (`/dev/stdout`
 *   onto a file is written through). Renaming over the link would silently replace it, and writing
 *   through it would let whoever made the link choose where the map goes: outputs are often
 *   written inside the analysed repository, whose committed links are not the user's to trust.
 */
import { closeSync, lstatSync, openSync, readdirSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { errorCode, UserError } from "../model/errors.js";
import { replaceFile, writerOfTemporary } from "../model/replace-file.js";
import { isProcessRunning } from "../model/process-running.js";

const TEMPORARY_MARK = ".layermap-tmp-";

/** Temporary files being written now. */
const inProgress = new Set<string>();

export function writeOutputAtomically(path: string, text: string): void {
  const folder = dirname(path);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new UserError(`${path}: cannot write: the folder ${folder} does not exist`);
  const target = targetOf(path);
  if (target === "through") {
    writeThrough(path, text);
    return;
  }
  removeLeftovers(folder, basename(path));
  let ours: string | undefined;
  try {
    replaceFile(path, text, TEMPORARY_MARK, (temporary) => {
      if (temporary !== undefined) inProgress.add((ours = temporary));
      else inProgress.delete(ours!);
    });
  } catch (error) {
    throw writeError(path, error);
  }
}

/**
 * Lets the event loop run, so that a signal (Ctrl-C) that arrived during synchronous work is
 * handled — and the process exits — before the next file is replaced.
 */
export function signalsHeard(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * For a signal handler, before the process exits: removes the temporary files of writes in
 * progress. Writes are synchronous today, so a handler never runs in the middle of one; this
 * keeps the guarantee if one ever is not.
 */
export function removeTemporaryFiles(): void {
  for (const temporary of inProgress) rmSync(temporary, { force: true });
  inProgress.clear();
}

/** "replace": a regular file or nothing yet (or a folder: the rename says so); "through": not a file. */
function targetOf(path: string): "replace" | "through" {
  let entry: Stats;
  try {
    entry = lstatSync(path);
  } catch {
    return "replace";
  }
  if (entry.isFile() || entry.isDirectory()) return "replace";
  if (entry.isSymbolicLink()) {
    let followed: Stats | undefined;
    try {
      followed = statSync(path);
    } catch {
      // a dangling link: refused below
    }
    const system = [`${sep}dev${sep}`, `${sep}proc${sep}`].some((top) => resolve(path).startsWith(top));
    if (followed !== undefined && (isStream(followed) || (system && followed.isFile()))) return "through";
    throw new UserError(`${path}: not written: it is a symbolic link; give the path of the file it points to, or remove the link`);
  }
  if (isStream(entry)) return "through";
  throw new UserError(`${path}: not written: it is a block device`);
}

function isStream(entry: Stats): boolean {
  return entry.isCharacterDevice() || entry.isFIFO() || entry.isSocket();
}

/**
 * A device or pipe: opened and written as it is, never replaced. `/dev/stdout` and its kin name a
 * descriptor this process already holds, written directly: reopening one fails when it is a
 * socket (as a parent process's pipe often is).
 */
function writeThrough(path: string, text: string): void {
  const inherited = inheritedDescriptor(path);
  let fd: number | undefined;
  try {
    fd = inherited ?? openSync(path, "w");
    const bytes = Buffer.from(text);
    for (let written = 0; written < bytes.length; ) {
      try {
        written += writeSync(fd, bytes, written, bytes.length - written);
      } catch (error) {
        // A descriptor left non-blocking by whoever shares it: wait for room.
        if (errorCode(error) !== "EAGAIN") throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      }
    }
  } catch (error) {
    throw writeError(path, error);
  } finally {
    if (fd !== undefined && inherited === undefined) closeSync(fd);
  }
}

/** The descriptor `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` names. */
function inheritedDescriptor(path: string): number | undefined {
  const named = /^\/(?:dev\/(?:(stdout)|(stderr)|fd\/(\d+))|proc\/self\/fd\/(\d+))$/.exec(path);
  if (named === null) return undefined;
  return named[1] !== undefined ? 1 : named[2] !== undefined ? 2 : Number(named[3] ?? named[4]);
}

function writeError(path: string, error: unknown): UserError {
  const code = errorCode(error) ?? (error as Error).message;
  return new UserError(`${path}: cannot write: ${WRITE_ERRORS[code] ?? "failed"} (${code})`);
}

const WRITE_ERRORS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system",
  ENOTDIR: "a part of the path is not a folder",
};

/** Temporary files of this output whose writer is no longer running: a run killed before it could clean up. */
function removeLeftovers(folder: string, name: string): void {
  const prefix = `.${name}${TEMPORARY_MARK}`;
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return; // the write itself will say what is wrong
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = writerOfTemporary(entry, prefix);
    if (Number.isInteger(pid) && pid > 0 && isProcessRunning(pid)) continue; // another run is writing it right now
    rmSync(join(folder, entry), { force: true });
  }
}
