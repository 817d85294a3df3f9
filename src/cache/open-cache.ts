/**
 * The map cache of one run: which cache file (if any) and which seed are used, a memo around
 * extraction (extraction-cache.ts) and one around resolution (resolution-cache.ts), and what is
 * written back. The compiler's code cache goes with it: used and saved when the map cache is.
 *
 * The cache is signed with the user's own key (see map-cache.ts): without one, there is none.
 */
import { resolve } from "node:path";
import type { Extracted, ExtractionMemo } from "../extract/extract-all.js";
import type { Resolved, ResolutionMemo } from "../resolve/resolve-all.js";
import { displayPath } from "../model/display-path.js";
import { userSecret } from "../model/user-cache.js";
import { LAYERMAP_VERSION } from "../model/version.js";
import { saveCompileCache, useCompileCache } from "../typescript/load-typescript.js";
import { cacheFolderOf } from "./cache-folder.js";
import { extractionCache } from "./extraction-cache.js";
import { loadCache, saveCache } from "./map-cache.js";
import { resolutionCache, type ResolutionCache, type ResolutionDependencies } from "./resolution-cache.js";

export interface OpenCacheOptions {
  /** Absolute root. */
  root: string;
  /** The cache folder; undefined: the default (cache-folder.ts); false: no cache, neither read nor written. */
  folder: string | false | undefined;
  /** Another root's cache, read only: its extractions of files with the same path and bytes are reused. */
  seed: { dir: string; root: string } | undefined;
  maxFileSize: number;
  warn: (message: string) => void;
  /** The working folder paths in messages are relative to (absolute without it). */
  cwd?: string | undefined;
}

export interface CacheStats {
  /** The cache file. */
  file: string;
  /** Files whose extraction was reused / that were parsed. */
  reusedFiles: number;
  parsedFiles: number;
  /** Sites resolved in this run (the others reused). */
  resolvedSites: number;
  /** Whether the stored resolutions held (nothing they depend on changed). */
  resolutionsHeld: boolean;
  /** Whether this run loaded TypeScript (to parse or to resolve). */
  loadedTypeScript: boolean;
}

export interface MapCache {
  /** Around extraction; undefined with neither a cache nor a seed. */
  readonly extractions: ExtractionMemo | undefined;
  /** Around resolution, checked against the file system now (call just before resolving); undefined without a cache of the root's own. */
  resolutions(dependsOn: ResolutionDependencies): ResolutionMemo | undefined;
  /** Write back what the run found; undefined without a cache of the root's own. */
  save(extracted: Extracted, resolved: Resolved): { stats: CacheStats; detail: string } | undefined;
}

export function openMapCache(options: OpenCacheOptions): MapCache {
  const { root, warn } = options;
  const secret = options.folder === false && options.seed === undefined ? undefined : userSecret();
  if (options.folder !== false && secret === undefined) {
    warn(`no private cache folder for this user ($XDG_CACHE_HOME/layermap or ~/.cache/layermap, owned by the user and writable by nobody else) to keep the cache's signing key: mapping without the cache`);
  }
  const cacheDir = secret === undefined || options.folder === false ? undefined : cacheFolderOf(root, options.folder, warn, options.cwd);
  // The root's own cache: read now, written back by save().
  const own = cacheDir === undefined || secret === undefined ? undefined : { dir: cacheDir, secret, loaded: loadCache(cacheDir, root, LAYERMAP_VERSION, secret, warn) };
  const previous = own?.loaded.payload;
  // A seed that cannot be read is only a missed shortcut: nothing to warn about.
  const seed =
    options.seed === undefined || secret === undefined
      ? undefined
      : loadCache(resolve(options.seed.dir), resolve(options.seed.root), LAYERMAP_VERSION, secret, () => {}).payload;
  useCompileCache(own !== undefined);

  const extractions =
    own === undefined && seed === undefined
      ? undefined
      : extractionCache({ root, maxFileSize: options.maxFileSize, stored: previous?.files, writes: own !== undefined, seed: seed?.files });
  let resolutions: ResolutionCache | undefined;
  let mapped: readonly string[] = [];

  return {
    extractions,
    resolutions(dependsOn) {
      if (own === undefined || extractions === undefined) return undefined;
      mapped = dependsOn.files;
      resolutions = resolutionCache({ root, cacheDir: own.dir, stored: previous?.resolution, extractions, dependsOn });
      return resolutions;
    },
    save(extracted, resolved) {
      if (own === undefined || extractions === undefined || resolutions === undefined) return undefined;
      const payload = { root, files: extractions.entries(mapped), resolution: resolutions.snapshot(resolved) };
      const unchanged =
        previous?.resolution != null &&
        payload.resolution.inputs === previous.resolution.inputs &&
        resolved.tsconfigFiles === undefined &&
        sameEntries(previous.files, payload.files) &&
        sameEntries(previous.resolution.files, payload.resolution.files);
      const problem = (unchanged ? undefined : saveCache(own.loaded, payload, LAYERMAP_VERSION, own.secret)) ?? saveCompileCache();
      if (problem !== undefined) warn(problem);
      return {
        stats: {
          file: own.loaded.path,
          reusedFiles: extracted.reused,
          parsedFiles: extracted.parsed,
          resolvedSites: resolved.resolvedSites,
          resolutionsHeld: resolutions.holds,
          loadedTypeScript: extracted.typescriptLoadMs !== undefined || resolved.typescript !== undefined,
        },
        detail: unchanged ? "unchanged, not written" : problem === undefined ? `written to ${displayPath(own.loaded.path, options.cwd)}` : "not written",
      };
    },
  };
}

/** The same keys holding the very same objects: nothing to write. */
function sameEntries<T>(before: Record<string, T>, after: Record<string, T>): boolean {
  const keys = Object.keys(after);
  return keys.length === Object.keys(before).length && keys.every((key) => before[key] === after[key]);
}
