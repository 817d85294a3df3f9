/**
 * Temporary folders a run makes for itself (`diff`'s checkouts), named `<prefix><pid>-<random>`
 * in the system's temporary folder: removed by a signal handler before the process exits
 * (removeScratchFolders), and — when a run was killed outright — by the next run that makes one.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isProcessRunning } from "./process-running.js";

const live = new Set<string>();

/** A new folder, after removing the ones of this prefix whose process is gone. */
export function makeScratchFolder(prefix: string): string {
  removeStale(prefix);
  const folder = mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`));
  live.add(folder);
  return folder;
}

export function removeScratchFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  live.delete(folder);
}

/** For a signal handler: remove every folder still in use. */
export function removeScratchFolders(): void {
  for (const folder of live) rmSync(folder, { recursive: true, force: true });
  live.clear();
}

function removeStale(prefix: string): void {
  let entries: string[];
  try {
    entries = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length).split("-")[0]);
    if (!Number.isInteger(pid) || pid <= 0 || isProcessRunning(pid)) continue;
    rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
}
