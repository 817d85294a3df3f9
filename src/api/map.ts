/**
 * `map`: the one orchestrator that knows the order of the stages —
 * config → discover → (read, extract, resolve) per file → graph → document.
 *
 * With the cache (the default), each file's extraction is reused while its content is the same,
 * and each site's resolution while nothing resolution depends on changed (see src/cache/). The
 * extract and resolve stages — TypeScript — are loaded only when a file must be parsed or a site
 * resolved, so a run where nothing changed never loads the compiler. A cached run builds the same
 * document, byte for byte, as a run without the cache.
 */
import { mkdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { addTargets, collectInputs, verifyInputs, type InputsRecord } from "../cache/inputs.js";
import { loadCache, saveCache, type CachedFile, type CachedResolution, type CachedTarget, type CachePayload } from "../cache/map-cache.js";
import { hashOf, sameStamp, stampOf } from "../cache/stamp.js";
import { cacheFolderOf } from "../cache/cache-folder.js";
import { saveCompileCache, useCompileCache } from "../typescript/load-typescript.js";
import { userSecret } from "../model/user-cache.js";
import { globProblem } from "../config/glob-problem.js";
import { loadConfig } from "../config/load-config.js";
import type { Config } from "../config/config-schema.js";
import { DEFAULT_SKIPPED_FOLDERS, discoverSources } from "../discover/discover-files.js";
import type { Extraction, ImportSite } from "../extract/types.js";
import { buildGraph, type ParsedFile, type ResolvedSite } from "../graph/build-graph.js";
import type { ImportGraph } from "../graph/import-graph.js";
import { toDocument } from "../graph/to-document.js";
import type { Diagnostic, ImportSiteRecord, MapDocument } from "../model/document.js";
import { displayPath } from "../model/display-path.js";
import { UserError } from "../model/errors.js";
import { LAYERMAP_VERSION } from "../model/version.js";
import { assignLayers, type LayerAssignment } from "../layers/assign-layers.js";
import type { ModuleResolver } from "../resolve/module-resolver.js";
import { isRelativeOrAbsolute } from "../resolve/specifier.js";
import { eventLoopBreaks } from "./event-loop-breaks.js";
import { manifestDiagnostics } from "./manifest-diagnostics.js";
import { stopwatch, type StageListener } from "./stopwatch.js";
import { counted } from "../model/counted.js";
export { defaultCacheDir } from "../cache/cache-folder.js";
import { DEFAULT_MAX_FILE_SIZE, decodeSource, readSourceBytes, type SourceProblem } from "../extract/read-source.js";

export interface MapOptions {
  /** The folder to map; module ids are relative to it. */
  root: string;
  /** A config file; default `<root>/layermap.config.json` when present; false: none (the defaults). */
  config?: string | false;
  /** Override the config's include globs. */
  include?: readonly string[];
  /** Added to the config's exclude globs. */
  exclude?: readonly string[];
  /** Override the config's tsconfig (relative to the root, or absolute; the CLI passes it absolute). */
  tsconfig?: string;
  /**
   * The folder the config file's own paths (its `tsconfig`) are relative to; default the config
   * file's folder. `diff` judges an old revision with the head's config, its paths read in the
   * revision's checkout.
   */
  configFolder?: string;
  /** Parse `.d.ts` files too. */
  includeDeclarations?: boolean;
  /** Files larger than this many bytes are not parsed (a `too-large` diagnostic); default 4 MB. */
  maxFileSize?: number;
  /**
   * The cache folder; by default `node_modules/.cache/layermap/` in the nearest folder at or above
   * the root that holds a package.json (else in the root). `false`: no cache, neither read nor written.
   */
  cache?: string | false;
  /**
   * Another root's cache, read only: a file whose content is byte for byte one that root's cache
   * holds (same path under the root, same hash) is not parsed again. `diff` maps a revision's
   * checkout, which lives for one run, with the working tree's cache as its seed.
   */
  seedCache?: { dir: string; root: string };
  /** Called with each warning as it happens (a corrupt cache file, say); they are returned too. */
  onWarning?: (message: string) => void;
  /** Called as files are read and parsed: how many are done, out of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Called as each stage ends (config, discover, parse, resolve, cache, graph, layers): `--verbose`. */
  onStage?: StageListener;
}

export interface MapResult {
  document: MapDocument;
  graph: ImportGraph;
  /** The config, every default filled in. */
  config: Config;
  /** Absolute path of the config file read, if there was one. */
  configPath: string | undefined;
  layers: LayerAssignment;
  /** Problems of the run itself, not of the code mapped (a corrupt cache file, say): one line each. */
  warnings: string[];
  /** What the cache did; absent with `cache: false`. */
  cache?: CacheStats;
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

interface FileOutcome {
  file: string;
  problem?: SourceProblem;
  extraction?: Extraction;
  hash?: string;
}

export async function map(options: MapOptions): Promise<MapResult> {
  const clock = stopwatch(options.onStage);
  const root = checkedRoot(options.root);
  const { config, path: configPath } = loadConfig(root, options.config);
  clock.lap("config", configPath === undefined ? "no config file" : displayPath(configPath));
  checkGlobs("include", options.include);
  checkGlobs("exclude", options.exclude);
  const include = options.include?.length ? options.include : config.include;
  const exclude = [...(config.exclude ?? []), ...(options.exclude ?? [])];
  const includeDeclarations = options.includeDeclarations ?? config.includeDeclarations ?? false;
  const discovery = discoverSources({ root, include, exclude, includeDeclarations });
  const { files } = discovery;
  if (include?.length && files.length === 0 && discovery.skipped.length === 0) {
    throw new UserError(`${options.root}: no source file matches the include globs (${include.join(", ")}), once the exclude globs and .gitignore have had their say`);
  }
  clock.lap("discover", counted(files.length, "source file") + (discovery.skipped.length > 0 ? `, ${counted(discovery.skipped.length, "link")} skipped` : ""));
  // A path in the config file is relative to the file, as in tsconfig.json's own `extends`.
  const tsconfigOption =
    options.tsconfig ??
    (config.tsconfig === undefined || configPath === undefined ? undefined : resolve(options.configFolder ?? dirname(configPath), config.tsconfig));
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const breather = eventLoopBreaks();

  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    options.onWarning?.(message);
  };
  // The map cache is signed with the user's own key (see cache/map-cache.ts): without one, none.
  const secret = options.cache === false && options.seedCache === undefined ? undefined : userSecret();
  if (options.cache !== false && secret === undefined) {
    warn(`no private cache folder for this user ($XDG_CACHE_HOME/layermap or ~/.cache/layermap, owned by the user and writable by nobody else) to keep the cache's signing key: mapping without the cache`);
  }
  const cacheDir =
    secret === undefined || options.cache === false ? undefined : cacheFolderOf(root, options.cache, warn);
  const loaded = cacheDir === undefined ? undefined : loadCache(cacheDir, root, LAYERMAP_VERSION, secret!, warn);
  const previous = loaded?.payload;
  // A seed that cannot be read is only a missed shortcut: nothing to warn about.
  const seed =
    options.seedCache === undefined || secret === undefined
      ? undefined
      : loadCache(resolve(options.seedCache.dir), resolve(options.seedCache.root), LAYERMAP_VERSION, secret, () => {}).payload;
  useCompileCache(cacheDir !== undefined);

  // The stages that need TypeScript, loaded on first use.
  let extractImports: ((path: string, text: string) => Extraction) | undefined;
  let typescriptLoadMs = 0;
  let loadedResolver: { resolver: ModuleResolver; tsconfigFiles: string[]; tsconfigDiagnostics: Diagnostic[] } | undefined;
  const extract = async (file: string, text: string): Promise<Extraction> => {
    if (extractImports === undefined) {
      const started = performance.now();
      extractImports = (await import("../extract/extract-imports.js")).extractImports;
      typescriptLoadMs = performance.now() - started;
    }
    return extractImports(file, text);
  };
  const getResolver = async (): Promise<NonNullable<typeof loadedResolver>> => {
    if (loadedResolver === undefined) {
      const [{ loadTsconfig }, { createModuleResolver }] = await Promise.all([
        import("../resolve/load-tsconfig.js"),
        import("../resolve/module-resolver.js"),
      ]);
      const tsconfig = loadTsconfig(root, tsconfigOption);
      loadedResolver = {
        resolver: createModuleResolver(root, tsconfig.projects),
        tsconfigFiles: tsconfig.files,
        tsconfigDiagnostics: tsconfig.problems.map((problem) => ({
          file: displayRelative(root, problem.file),
          code: "tsconfig-error",
          // TypeScript's messages name files by absolute path: the document must not depend on where the root is.
          message: problem.message.replaceAll(`${root}${sep}`, "").replaceAll(`${root.split(sep).join("/")}/`, ""),
        })),
      };
    }
    return loadedResolver;
  };

  // Read and extract each file, or reuse its extraction when its content is what was stored.
  let reusedFiles = 0;
  const discovered = new Set(files);
  const outcomes: FileOutcome[] = [];
  const nextFiles: Record<string, CachedFile> = {};
  for (const file of files) {
    options.onProgress?.(outcomes.length, files.length);
    await breather();
    const absolute = join(root, file);
    const stored = previous?.files[file];
    const stamp = cacheDir === undefined ? undefined : stampOf(absolute);
    const withinLimit = stamp !== undefined && stamp.size <= maxFileSize;
    if (stored !== undefined && stored.stamp !== null && withinLimit && sameStamp(stored.stamp, stamp)) {
      outcomes.push({ file, extraction: stored.extraction, hash: stored.hash });
      nextFiles[file] = stored;
      reusedFiles++;
      continue;
    }
    const bytes = readSourceBytes(absolute, maxFileSize);
    if (!Buffer.isBuffer(bytes)) {
      outcomes.push({ file, problem: bytes });
      continue;
    }
    const hash = cacheDir === undefined && seed === undefined ? undefined : hashOf(bytes);
    const trusted = stamp === undefined || stamp.racy ? null : { size: stamp.size, mtime: stamp.mtime, ctime: stamp.ctime };
    if (stored !== undefined && hash === stored.hash) {
      outcomes.push({ file, extraction: stored.extraction, hash });
      nextFiles[file] = { ...stored, stamp: trusted };
      reusedFiles++;
      continue;
    }
    const seeded = seed?.files[file];
    if (seeded !== undefined && hash === seeded.hash) {
      outcomes.push({ file, extraction: seeded.extraction, hash });
      if (cacheDir !== undefined) nextFiles[file] = { stamp: trusted, hash, extraction: seeded.extraction };
      reusedFiles++;
      continue;
    }
    const source = decodeSource(bytes);
    if (!source.ok) {
      outcomes.push({ file, problem: source });
      continue;
    }
    const extraction = await extract(file, source.text);
    outcomes.push({ file, extraction, ...(hash === undefined ? {} : { hash }) });
    if (hash !== undefined) nextFiles[file] = { stamp: trusted, hash, extraction };
  }

  options.onProgress?.(files.length, files.length);
  const failedFiles = outcomes.filter((outcome) => outcome.problem !== undefined).length;
  const parsedFiles = outcomes.length - reusedFiles - failedFiles;
  clock.lap(
    "parse",
    [
      `${counted(parsedFiles, "file")} parsed`,
      ...(cacheDir === undefined && seed === undefined ? [] : [`${counted(reusedFiles, "file")} from the cache`]),
      ...(failedFiles > 0 ? [`${counted(failedFiles, "file")} not read`] : []),
      ...(extractImports === undefined ? [] : [`TypeScript loaded in ${Math.round(typescriptLoadMs)} ms`]),
    ].join(", "),
  );

  // Entries of files this run did not map (other options, say) stay while the file exists.
  for (const [file, entry] of Object.entries(previous?.files ?? {})) {
    if (!(file in nextFiles) && !discovered.has(file) && stampOf(join(root, file)) !== undefined) nextFiles[file] = entry;
  }

  // Resolve each site, or reuse what it resolved to while nothing resolution depends on changed.
  const key = hashOf(
    JSON.stringify({
      version: LAYERMAP_VERSION,
      include,
      exclude,
      includeDeclarations,
      tsconfig: tsconfigOption === undefined ? null : resolve(root, tsconfigOption),
      config: configPath === undefined ? null : [configPath, hashOf(JSON.stringify(config))],
    }),
  );
  // The symbolic links too, with what they point at: an import through a link resolves to its
  // target, and pointing the link elsewhere changes neither the file list nor a folder listing.
  const links = discovery.skipped.map(({ path, message }) => `${path}\0${message}`);
  const fileList = hashOf([...files, ...links].join("\n"));
  const held = previous?.resolution == null ? undefined : verifyInputs(previous.resolution.inputs, key, fileList);
  const snapshot = held === undefined ? undefined : previous!.resolution!;
  let inputs: InputsRecord | undefined = held;
  if (cacheDir !== undefined && held === undefined) {
    // Record the file system as resolution is about to see it (the cache folder made first, so
    // that making it does not count as a change next time).
    try {
      mkdirSync(cacheDir, { recursive: true });
    } catch {
      // reported when the cache is written
    }
    inputs = collectInputs({ root, key, fileList, skipFolders: DEFAULT_SKIPPED_FOLDERS, cacheDir });
  }
  if (snapshot === undefined) await getResolver();

  let resolvedSites = 0;
  const nextResolutions: Record<string, CachedResolution> = {};
  const targetsOf = new Map<string, CachedTarget[]>();
  const keepsOf = new Map<string, boolean>();
  for (const { file, extraction, hash } of outcomes) {
    if (extraction === undefined) continue;
    const stored = snapshot?.files[file];
    const reusable = new Map<string, CachedTarget>();
    if (stored !== undefined) {
      const sites = stored.hash === hash ? extraction.sites : previous?.files[file]?.hash === stored.hash ? previous.files[file]!.extraction.sites : [];
      sites.forEach((site, index) => {
        const target = stored.targets[index];
        if (target !== undefined && !isVolatile(site, target)) reusable.set(siteKey(site), target);
      });
    }
    const targets: CachedTarget[] = [];
    await breather();
    for (const site of extraction.sites) {
      let target = reusable.get(siteKey(site));
      if (target === undefined) {
        const resolved = (await getResolver()).resolver.resolve(file, site.specifier, site.kind);
        target = { id: resolved.id, kind: resolved.kind, ...(resolved.reason === undefined ? {} : { reason: resolved.reason }) };
        resolvedSites++;
      }
      targets.push(target);
    }
    let keeps = false;
    if (extraction.sites.some((site) => site.elidable)) {
      keeps = stored?.keepsTypeOnlyImports ?? (await getResolver()).resolver.keepsTypeOnlyImports(file);
    }
    targetsOf.set(file, targets);
    keepsOf.set(file, keeps);
    if (hash !== undefined) {
      const keepsTypeOnlyImports = extraction.sites.some((site) => site.elidable) ? keeps : (stored?.keepsTypeOnlyImports ?? null);
      const same =
        stored !== undefined &&
        stored.hash === hash &&
        stored.keepsTypeOnlyImports === keepsTypeOnlyImports &&
        stored.targets.every((target, index) => target === targets[index]);
      nextResolutions[file] = same ? stored : { hash, keepsTypeOnlyImports, targets };
    }
  }

  // The document: exactly the order and content a run without the cache gives.
  const tsconfigDiagnostics = loadedResolver?.tsconfigDiagnostics ?? snapshot?.tsconfigDiagnostics ?? [];
  const diagnostics: Diagnostic[] = [
    ...tsconfigDiagnostics,
    ...discovery.skipped.map(({ path, code, message }) => ({ file: path, code, message })),
    ...manifestDiagnostics(root, discovery.manifests, files),
  ];
  const parsed: ParsedFile[] = [];
  const resolved: ResolvedSite[] = [];
  for (const { file, problem, extraction } of outcomes) {
    if (extraction === undefined) {
      diagnostics.push({ file, code: problem!.code, message: problem!.message });
      parsed.push({ id: file });
      continue;
    }
    parsed.push({ id: file, lines: extraction.lines });
    for (const extractProblem of extraction.problems) diagnostics.push({ file, ...extractProblem });
    const targets = targetsOf.get(file)!;
    const keeps = keepsOf.get(file)!;
    extraction.sites.forEach((site, index) => {
      const target = targets[index]!;
      if (target.kind === "unresolved") {
        diagnostics.push({
          file,
          line: site.line,
          code: "unresolved",
          message: `cannot resolve "${site.specifier}": ${target.reason ?? "not found"}`,
        });
      }
      resolved.push({ from: file, to: target.id, toKind: target.kind, site: siteRecord(site, keeps) });
    });
  }

  const siteCount = outcomes.reduce((sum, { extraction }) => sum + (extraction?.sites.length ?? 0), 0);
  clock.lap(
    "resolve",
    `${counted(resolvedSites, "import site")} resolved` + (cacheDir === undefined ? "" : `, ${counted(siteCount - resolvedSites, "site")} from the cache`),
  );

  let cacheStats: CacheStats | undefined;
  if (cacheDir !== undefined && loaded !== undefined && inputs !== undefined) {
    if (held === undefined || loadedResolver !== undefined) {
      // Sites resolved in this run may depend on places the record does not watch yet.
      if (held !== undefined) inputs = { ...held, listings: { ...held.listings }, contents: { ...held.contents }, exists: { ...held.exists } };
      const realRoot = realpathSync(root);
      addTargets(inputs, {
        root,
        skipFolders: DEFAULT_SKIPPED_FOLDERS,
        tsconfigFiles: loadedResolver?.tsconfigFiles ?? [],
        targets: targetPaths(realRoot, outcomes, targetsOf),
        sourceFiles: new Set(files.map((file) => join(realRoot, file))),
      });
    }
    const payload: CachePayload = {
      root,
      files: nextFiles,
      resolution: { inputs, tsconfigDiagnostics, files: nextResolutions },
    };
    const unchanged =
      previous?.resolution != null &&
      inputs === previous.resolution.inputs &&
      loadedResolver === undefined &&
      sameEntries(previous.files, nextFiles) &&
      sameEntries(previous.resolution.files, nextResolutions);
    const problem = (unchanged ? undefined : saveCache(loaded, payload, LAYERMAP_VERSION, secret!)) ?? saveCompileCache();
    if (problem !== undefined) warn(problem);
    clock.lap("cache", unchanged ? "unchanged, not written" : problem === undefined ? `written to ${displayPath(loaded.path)}` : "not written");
    cacheStats = {
      file: loaded.path,
      reusedFiles,
      parsedFiles,
      resolvedSites,
      resolutionsHeld: held !== undefined,
      loadedTypeScript: extractImports !== undefined || loadedResolver !== undefined,
    };
  }

  const graph = buildGraph(parsed, resolved);
  clock.lap("graph", `${counted(graph.order, "module")}, ${counted(graph.size, "import")}`);
  const layers = assignLayers.assign(graph, config.layers);
  clock.lap("layers", config.layers.length === 0 ? "no layers configured" : `${counted(layers.layerOf.size, "module")} in ${counted(config.layers.length, "layer")}`);
  const document = toDocument(graph, diagnostics, files.length, config.layers.map((layer) => layer.name));
  clock.lap("document", counted(document.diagnostics.length, "diagnostic"));
  return { document, graph, config, layers, configPath, warnings, ...(cacheStats === undefined ? {} : { cache: cacheStats }) };
}

/** The same keys holding the very same objects: nothing to write. */
function sameEntries<T>(before: Record<string, T>, after: Record<string, T>): boolean {
  const keys = Object.keys(after);
  return keys.length === Object.keys(before).length && keys.every((key) => before[key] === after[key]);
}

function siteKey(site: ImportSite): string {
  return `${site.kind}\0${site.specifier}`;
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

function* targetPaths(realRoot: string, outcomes: readonly FileOutcome[], targetsOf: ReadonlyMap<string, CachedTarget[]>): Iterable<string> {
  for (const { file, extraction } of outcomes) {
    if (extraction === undefined) continue;
    const targets = targetsOf.get(file)!;
    for (const [index, site] of extraction.sites.entries()) {
      const target = targets[index]!;
      if (isPathTarget(site, target)) yield resolve(realRoot, target.id);
    }
  }
}

/** An elidable import is type-only unless the project keeps such imports verbatim. */
function siteRecord(site: ImportSite, keepsTypeOnlyImports: boolean): ImportSiteRecord {
  const record: ImportSiteRecord = { line: site.line, specifier: site.specifier, kind: site.kind };
  if (site.typeOnly) record.typeOnly = true;
  else if (site.elidable && !keepsTypeOnlyImports) {
    record.typeOnly = true;
    record.elided = true;
  }
  return record;
}

/** Globs given as options (`--include`, `--exclude`) are held to the same standard as the config's. */
function checkGlobs(option: string, globs: readonly string[] | undefined): void {
  for (const glob of globs ?? []) {
    const problem = globProblem(glob);
    if (problem !== undefined) throw new UserError(`${option} glob "${glob}": invalid: ${problem}`);
  }
}

function checkedRoot(root: string): string {
  const absolute = resolve(root);
  let isFolder: boolean;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch {
    throw new UserError(`${root}: no such folder`);
  }
  if (!isFolder) throw new UserError(`${root}: not a folder (give the folder to map)`);
  return absolute;
}

function displayRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}
