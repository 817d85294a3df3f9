/**
 * The extraction cache, keyed by file: a file's extraction is reused while its content is what
 * was stored — told by its stamp without reading it, else by the hash of its bytes — and so is
 * the seed's (another root's cache, read only) for a file with the same path and bytes. Valid
 * whatever else changes: an extraction depends on the file's content alone.
 */
import { join } from "node:path";
import type { ExtractionMemo, ExtractResult } from "../extract/extract-all.js";
import type { CachedFile } from "./map-cache.js";
import { hashOf, sameStamp, stampOf, type Stamp } from "./stamp.js";

export interface ExtractionCache extends ExtractionMemo {
  /** The content hash of what the file's extraction came from in this run. */
  contentHash(file: string): string | undefined;
  /** The entry the cache held for the file when the run began. */
  storedEntry(file: string): CachedFile | undefined;
  /** What to store: this run's entries, then those of files it did not map that still exist. */
  entries(mapped: readonly string[]): Record<string, CachedFile>;
  /**
   * Each file's stamp as taken before it was read (or found unchanged) in this run; undefined
   * unless every one of `files` has a trusted one.
   */
  stampsRead(files: readonly string[]): Record<string, Stamp> | undefined;
}

export interface ExtractionCacheOptions {
  /** Absolute root; files are relative to it. */
  root: string;
  /** A file above the size limit is never reused: it is `too-large` now. */
  maxFileSize: number;
  /** The root's own cache, when there is one: its files are stamped, to skip reading them next time. */
  stored: Record<string, CachedFile> | undefined;
  writes: boolean;
  seed: Record<string, CachedFile> | undefined;
}

export function extractionCache(options: ExtractionCacheOptions): ExtractionCache {
  const { root, stored, seed } = options;
  const next: Record<string, CachedFile> = {};
  const hashes = new Map<string, string>();
  // Each file's stamp before it was read; null: not trusted (the file was changing), or not taken (no cache of the root's own).
  const stampsBefore = new Map<string, Stamp | null>();
  const use = (file: string, entry: CachedFile): ExtractResult => {
    next[file] = entry;
    hashes.set(file, entry.hash);
    return { extraction: entry.extraction };
  };

  return {
    async extract(file, read, parse) {
      const before = stored?.[file];
      const stamp = options.writes ? stampOf(join(root, file)) : undefined;
      // A stamp taken while the file was changing is not trusted: next time, the hash decides.
      const trusted = stamp === undefined || stamp.racy ? null : strip(stamp);
      stampsBefore.set(file, trusted);
      if (before?.stamp != null && stamp !== undefined && stamp.size <= options.maxFileSize && sameStamp(before.stamp, stamp)) return use(file, before);
      const bytes = read();
      if (!Buffer.isBuffer(bytes)) return { problem: bytes };
      const hash = hashOf(bytes);
      if (before !== undefined && hash === before.hash) return use(file, { ...before, stamp: trusted });
      const seeded = seed?.[file];
      if (seeded !== undefined && hash === seeded.hash) return use(file, { stamp: trusted, hash, extraction: seeded.extraction });
      const result = await parse(bytes);
      if ("extraction" in result) use(file, { stamp: trusted, hash, extraction: result.extraction });
      return result;
    },
    contentHash: (file) => hashes.get(file),
    storedEntry: (file) => stored?.[file],
    stampsRead(files) {
      const stamps: Record<string, Stamp> = {};
      for (const file of files) {
        const stamp = stampsBefore.get(file);
        if (stamp == null) return undefined;
        stamps[file] = stamp;
      }
      return stamps;
    },
    entries(mapped) {
      // In the files' order, whatever order their parses finished in (the store is deterministic).
      const ordered: Record<string, CachedFile> = {};
      for (const file of mapped) if (file in next) ordered[file] = next[file]!;
      // Entries of files this run did not map (other options, say) stay while the file exists.
      const discovered = new Set(mapped);
      for (const [file, entry] of Object.entries(stored ?? {})) {
        if (!(file in next) && !discovered.has(file) && stampOf(join(root, file)) !== undefined) ordered[file] = entry;
      }
      return ordered;
    },
  };
}

function strip({ size, mtime, ctime }: Stamp): Stamp {
  return { size, mtime, ctime };
}
