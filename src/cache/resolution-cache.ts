/**
 * The resolution cache, keyed by what resolution depends on: the options that choose the files
 * and the tsconfig, the list of files, and the file system as resolution saw it (inputs.ts). While
 * all of that holds, each site's target is reused — found by the importing file, the specifier
 * and its form, so an edit elsewhere in the file costs nothing — and only new sites are resolved.
 * When it does not hold, nothing is reused, and the inputs are recorded afresh before resolving.
 */
import { mkdirSync, realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Config } from "../config/config-schema.js";
import { DEFAULT_SKIPPED_FOLDERS } from "../discover/discover-files.js";
import type { ImportSite } from "../extract/types.js";
import type { Resolved, ResolutionMemo } from "../resolve/resolve-all.js";
import { isRelativeOrAbsolute } from "../resolve/specifier.js";
import { LAYERMAP_VERSION } from "../model/version.js";
import type { ExtractionCache } from "./extraction-cache.js";
import { addTargets, collectInputs, verifyInputs, type InputsRecord } from "./inputs.js";
import type { CachedResolution, CachedTarget, ResolutionSnapshot } from "./map-cache.js";
import { hashOf } from "./stamp.js";

/** What resolution depends on besides the file system. */
export interface ResolutionDependencies {
  include: readonly string[] | undefined;
  exclude: readonly string[];
  includeDeclarations: boolean;
  /** The tsconfig option (absolute, or relative to the root). */
  tsconfig: string | undefined;
  /** The config file read, and what it says. */
  configPath: string | undefined;
  config: Config;
  /** The discovered files, and the symbolic links discovery passed over. */
  files: readonly string[];
  links: readonly { path: string; message: string }[];
}

export interface ResolutionCache extends ResolutionMemo {
  /** What to store once `resolved` is done: the inputs completed with what it turned out to depend on. */
  snapshot(resolved: Resolved): ResolutionSnapshot;
}

export interface ResolutionCacheOptions {
  /** Absolute root. */
  root: string;
  cacheDir: string;
  /** What the cache held when the run began. */
  stored: ResolutionSnapshot | null | undefined;
  extractions: ExtractionCache;
  dependsOn: ResolutionDependencies;
}

/** Checks the stored snapshot against the file system now, or records the inputs anew: call just before resolving. */
export function resolutionCache(options: ResolutionCacheOptions): ResolutionCache {
  const { root, extractions, dependsOn } = options;
  const { key, fileList } = resolutionKeys(root, dependsOn);
  const held = options.stored == null ? undefined : verifyInputs(options.stored.inputs, key, fileList);
  const stored = held === undefined ? undefined : options.stored!;
  const inputs = held ?? recordInputs(root, options.cacheDir, key, fileList);

  return {
    holds: stored !== undefined,
    tsconfigDiagnostics: stored?.tsconfigDiagnostics ?? [],
    recall(file, extraction) {
      const entry = stored?.files[file];
      if (entry === undefined) return undefined;
      // The stored targets are one per site of the content they were resolved for: this one, or the last stored.
      const before = extractions.storedEntry(file);
      const sites = entry.hash === extractions.contentHash(file) ? extraction.sites : before?.hash === entry.hash ? before.extraction.sites : [];
      const reusable = new Map<string, CachedTarget>();
      sites.forEach((site, index) => {
        const target = entry.targets[index];
        if (target !== undefined && !isVolatile(site, target)) reusable.set(siteKey(site), target);
      });
      return { target: (site) => reusable.get(siteKey(site)), keepsTypeOnlyImports: entry.keepsTypeOnlyImports };
    },
    snapshot(resolved) {
      let complete = inputs;
      if (held === undefined || resolved.tsconfigFiles !== undefined) {
        // Sites resolved in this run may depend on places the record does not watch yet.
        if (held !== undefined) complete = { ...held, listings: { ...held.listings }, contents: { ...held.contents }, exists: { ...held.exists } };
        const realRoot = realpathSync(root);
        addTargets(complete, {
          root,
          skipFolders: DEFAULT_SKIPPED_FOLDERS,
          tsconfigFiles: resolved.tsconfigFiles ?? [],
          // An alias's target appearing or going changes what its sites mean, wherever it is.
          targets: [...targetPaths(realRoot, resolved), ...resolved.aliasTargets],
          sourceFiles: new Set(dependsOn.files.map((file) => join(realRoot, file))),
        });
      }
      const files: Record<string, CachedResolution> = {};
      for (const outcome of resolved.files) {
        if (!("extraction" in outcome)) continue;
        const { file, extraction, targets } = outcome;
        const hash = extractions.contentHash(file);
        if (hash === undefined) continue;
        const entry = stored?.files[file];
        const keepsTypeOnlyImports = extraction.sites.some((site) => site.elidable) ? outcome.keepsTypeOnlyImports : (entry?.keepsTypeOnlyImports ?? null);
        const same =
          entry !== undefined &&
          entry.hash === hash &&
          entry.keepsTypeOnlyImports === keepsTypeOnlyImports &&
          entry.targets.every((target, index) => target === targets[index]);
        files[file] = same ? entry : { hash, keepsTypeOnlyImports, targets };
      }
      return { inputs: complete, tsconfigDiagnostics: resolved.tsconfigDiagnostics, files };
    },
  };
}

/**
 * `key`: layermap's version and the options and config that choose the files and the tsconfig;
 * `fileList`: the files discovered, and the symbolic links passed over — with what they point at:
 * an import through a link resolves to its target, and pointing the link elsewhere changes neither
 * the file list nor a folder listing.
 */
export function resolutionKeys(root: string, dependsOn: ResolutionDependencies): { key: string; fileList: string } {
  const links = dependsOn.links.map(({ path, message }) => `${path}\0${message}`);
  return { key: keyOf(root, dependsOn), fileList: hashOf([...dependsOn.files, ...links].join("\n")) };
}

function keyOf(root: string, dependsOn: ResolutionDependencies): string {
  const { include, exclude, includeDeclarations, tsconfig, configPath, config } = dependsOn;
  return hashOf(
    JSON.stringify({
      version: LAYERMAP_VERSION,
      include,
      exclude,
      includeDeclarations,
      tsconfig: tsconfig === undefined ? null : resolve(root, tsconfig),
      config: configPath === undefined ? null : [configPath, hashOf(JSON.stringify(config))],
    }),
  );
}

/**
 * Record the file system as resolution is about to see it (the cache folder made first, so that
 * making it does not count as a change next time).
 */
function recordInputs(root: string, cacheDir: string, key: string, fileList: string): InputsRecord {
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch {
    // reported when the cache is written
  }
  return collectInputs({ root, key, fileList, skipFolders: DEFAULT_SKIPPED_FOLDERS, cacheDir });
}

/** A Python `from a import b` and `from a import c` differ only by name: the name is part of the key. */
function siteKey(site: ImportSite): string {
  return `${site.kind}\0${site.specifier}\0${site.names?.join(",") ?? ""}`;
}

/** Path-like targets: what the resolution inputs must watch. */
function isPathTarget(site: ImportSite, target: CachedTarget): boolean {
  return target.kind === "local" || (target.kind === "unresolved" && (site.kind === "triple-slash" || isRelativeOrAbsolute(site.specifier)));
}

/**
 * An unresolved bare specifier (a `paths` alias, a `#imports` entry) may start to resolve to a
 * file anywhere, outside what the inputs watch: it is resolved again on every run.
 */
function isVolatile(site: ImportSite, target: CachedTarget): boolean {
  return target.kind === "unresolved" && !isPathTarget(site, target);
}

/** Whether a site of `resolved` is resolved again on every run (see isVolatile). */
export function hasVolatileSite(resolved: Resolved): boolean {
  return resolved.files.some((outcome) => "extraction" in outcome && outcome.extraction.sites.some((site, index) => isVolatile(site, outcome.targets[index]!)));
}

function* targetPaths(realRoot: string, resolved: Resolved): Iterable<string> {
  for (const outcome of resolved.files) {
    if (!("extraction" in outcome)) continue;
    for (const [index, site] of outcome.extraction.sites.entries()) {
      const target = outcome.targets[index];
      if (target !== undefined && isPathTarget(site, target)) yield resolve(realRoot, target.id);
    }
  }
}
