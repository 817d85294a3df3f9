/**
 * Writes an output file so that it is either the old file or the whole new one, never half:
 * the text goes to a temporary file beside it, which is then renamed into place. A temporary file
 * left by a run that was killed outright (SIGKILL, a power cut) is removed by the next write of
 * the same output; Ctrl-C removes the ones in progress (see removeTemporaryFiles).
 */
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UserError } from "../model/errors.js";

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
  removeLeftovers(folder, basename(path));
  const temporary = join(folder, `.${basename(path)}${TEMPORARY_MARK}${process.pid}`);
  inProgress.add(temporary);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError(`${path}: cannot write: ${WRITE_ERRORS[code] ?? "failed"} (${code})`);
  } finally {
    inProgress.delete(temporary);
  }
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
    const pid = Number(entry.slice(prefix.length));
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) continue; // another run is writing it right now
    rmSync(join(folder, entry), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
