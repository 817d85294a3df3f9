/**
 * The map cache of one run: which cache file (if any) and which seed are used, the last run's
 * document when nothing it was made from changed (document-cache.ts), a memo around extraction
 * (extraction-cache.ts) and one around resolution (resolution-cache.ts), and what is written
 * back. The compiler's code cache goes with it: used and saved when the map cache is.
 *
 * The cache is signed with the user's own key (see map-cache.ts): without one, there is none.
 */
import { resolve } from "node:path";
import type { Extracted, ExtractionMemo } from "../extract/extract-all.js";
import type { MapDocument } from "../model/document.js";
import type { Resolved, ResolutionMemo } from "../resolve/resolve-all.js";
import { counted } from "../model/counted.js";
import { displayPath } from "../model/display-path.js";
import { userSecret } from "../model/user-cache.js";
import { LAYERMAP_VERSION } from "../model/version.js";
import { saveCompileCache, useCompileCache } from "../typescript/load-typescript.js";
import { cacheFolderOf } from "./cache-folder.js";
import { documentKey, documentMemo, recallDocument, type RecalledDocument } from "./document-cache.js";
import { extractionCache } from "./extraction-cache.js";
import { loadCache, saveCache, type StoredProblem } from "./map-cache.js";
import { hasVolatileSite, resolutionCache, resolutionKeys, type ResolutionCache, type ResolutionDependencies } from "./resolution-cache.js";

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
  /** Whether this run re-emitted the last run's document: nothing it was made from had changed. */
  reusedDocument: boolean;
}

/** What a run that reuses the last document has. */
export interface ReusedDocument extends RecalledDocument {
  stats: CacheStats;
  detail: string;
}

/**
 * What the run's document depends on besides resolution: whether names were followed through
 * barrels. Not part of the resolution cache's key: no resolution depends on it, and a run that
 * toggles it reuses every stored one (each document is keyed on it: document-cache.ts).
 */
type DocumentInputs = ResolutionDependencies & { throughBarrels: boolean };

export interface MapCache {
  /**
   * The last run's document, when the files, their stamps, what resolution depended on and the
   * run's options are all as they were then (call once the files are discovered); else undefined.
   */
  reuseDocument(dependsOn: DocumentInputs): ReusedDocument | undefined;
  /** Around extraction; undefined with neither a cache nor a seed. */
  readonly extractions: ExtractionMemo | undefined;
  /** Around resolution, checked against the file system now (call just before resolving); undefined without a cache of the root's own. */
  resolutions(dependsOn: DocumentInputs): ResolutionMemo | undefined;
  /** Write back what the run found, and the document it made; undefined without a cache of the root's own. */
  save(extracted: Extracted, resolved: Resolved, document: MapDocument): { stats: CacheStats; detail: string } | undefined;
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
  let dependencies: DocumentInputs | undefined;
  const documentDependencies = (dependsOn: DocumentInputs): Parameters<typeof documentKey>[0] => {
    const { key, fileList } = resolutionKeys(root, dependsOn);
    return { resolutionKey: key, fileList, maxFileSize: options.maxFileSize, throughBarrels: dependsOn.throughBarrels };
  };

  return {
    reuseDocument(dependsOn) {
      if (own === undefined || previous === undefined) return undefined;
      const recalled = recallDocument(previous, root, dependsOn.files, documentDependencies(dependsOn));
      if (recalled === undefined) return undefined;
      const files = dependsOn.files.length;
      return {
        ...recalled,
        stats: { file: own.loaded.path, reusedFiles: files, parsedFiles: 0, resolvedSites: 0, resolutionsHeld: true, loadedTypeScript: false, reusedDocument: true },
        detail: `nothing changed: the last run's document, ${counted(files, "file")} unchanged`,
      };
    },
    extractions,
    resolutions(dependsOn) {
      if (own === undefined || extractions === undefined) return undefined;
      dependencies = dependsOn;
      resolutions = resolutionCache({ root, cacheDir: own.dir, stored: previous?.resolution, extractions, dependsOn });
      return resolutions;
    },
    save(extracted, resolved, document) {
      if (own === undefined || extractions === undefined || resolutions === undefined || dependencies === undefined) return undefined;
      const mapped = dependencies.files;
      const problems: Record<string, StoredProblem> = {};
      for (const outcome of extracted.files) if ("problem" in outcome) problems[outcome.file] = { code: outcome.problem.code, message: outcome.problem.message };
      const memo = documentMemo({
        key: documentKey(documentDependencies(dependencies)),
        stamps: extractions.stampsRead(mapped),
        problems,
        document,
        volatile: hasVolatileSite(resolved),
      });
      const payload = { root, files: extractions.entries(mapped), resolution: resolutions.snapshot(resolved), document: memo };
      // A document to store means the stored one did not hold (else this run would have reused it).
      const unchanged =
        memo === null &&
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
          reusedDocument: false,
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
