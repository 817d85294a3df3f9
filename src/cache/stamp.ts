/**
 * What the cache remembers of a file to tell, without reading it, that it has not changed:
 * size, modification time and status-change time, in nanoseconds. `ctime` cannot be set back by
 * tools that preserve `mtime` (`cp -p`, `rsync -t`, `touch -r`), so an edit that keeps size and
 * mtime still shows; a stamp that differs only means "read and compare the content hash".
 */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";

export interface Stamp {
  size: number;
  mtime: string;
  ctime: string;
}

/**
 * A file changed less than this long before it was stamped may change again within the same
 * timestamp tick (coarse clocks, 1–2 s on some file systems) without its stamp showing it: such
 * a stamp is not trusted, and the file is compared by content next time (git's "racily clean").
 */
const RACY_WINDOW_NS = 3_000_000_000n;

/** The file's stamp, or undefined when it is not a readable regular file. */
export function stampOf(path: string): (Stamp & { racy: boolean }) | undefined {
  let stats;
  try {
    stats = statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (stats === undefined || !stats.isFile()) return undefined;
  const now = BigInt(Date.now()) * 1_000_000n;
  const newest = stats.mtimeNs > stats.ctimeNs ? stats.mtimeNs : stats.ctimeNs;
  return {
    size: Number(stats.size),
    mtime: stats.mtimeNs.toString(),
    ctime: stats.ctimeNs.toString(),
    racy: newest + RACY_WINDOW_NS >= now,
  };
}

export function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtime === b.mtime && a.ctime === b.ctime;
}

/** A short content hash (SHA-1, base64url): collisions are not a concern for a cache of one's own files. */
export function hashOf(data: string | Uint8Array): string {
  return createHash("sha1").update(data).digest("base64url");
}
