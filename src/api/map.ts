/**
 * `map`: the one orchestrator that knows the order of the stages —
 * config → discover → extract → resolve → graph → layers → document.
 *
 * With the cache (the default), each file's extraction is reused while its content is the same,
 * and each site's resolution while nothing resolution depends on changed: src/cache/ holds that
 * policy, as a memo the extract and resolve stages consult. Those stages load TypeScript only when
 * a file must be parsed or a site resolved. When nothing the last run's document was made from has
 * changed, the cache gives that document back once the files are discovered, and no later stage
 * runs or is even loaded (the graph is built from the cache only if the caller asks for it). A
 * cached run builds the same document, byte for byte, as a run without the cache.
 */
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { openMapCache, type CacheStats, type ReusedDocument } from "../cache/open-cache.js";
import { globProblem } from "../config/glob-problem.js";
import { loadConfig } from "../config/load-config.js";
import type { Config } from "../config/config-schema.js";
import { discoverSources, type Discovery } from "../discover/discover-files.js";
import { isPythonFile } from "../discover/source-extensions.js";
import { DEFAULT_MAX_FILE_SIZE } from "../extract/read-source.js";
import type { Extracted } from "../extract/extract-all.js";
import type { ImportSite } from "../extract/types.js";
import { buildGraph, type ParsedFile, type ResolvedSite } from "../graph/build-graph.js";
import type { ImportGraph } from "../graph/import-graph.js";
import type { Followed } from "../barrels/follow-names.js";
import { toDocument } from "../graph/to-document.js";
import { assignLayers, type LayerAssignment } from "../layers/assign-layers.js";
import { counted } from "../model/counted.js";
import type { Diagnostic, ImportSiteRecord, MapDocument, ThroughRecord } from "../model/document.js";
import { displayPath } from "../model/display-path.js";
import { UserError } from "../model/errors.js";
import type { Resolved, ResolvedFile } from "../resolve/resolve-all.js";
import { eventLoopBreaks } from "./event-loop-breaks.js";
import { manifestDiagnostics } from "./manifest-diagnostics.js";
import { stopwatch, type StageListener } from "./stopwatch.js";

export { defaultCacheDir } from "../cache/cache-folder.js";
export type { CacheStats } from "../cache/open-cache.js";

export interface MapOptions {
  /** The folder to map; module ids are relative to it. */
  root: string;
  /**
   * The working folder: a relative root, and the paths in messages, are relative to it. The CLI
   * passes its own; without it paths in messages are absolute (library code never asks the
   * process where it is).
   */
  cwd?: string;
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
   * Follow each imported name through re-exports (index.ts barrels) to the module that declares
   * it: sites gain `through`, the document `barrels: "transparent"`. Default: the config's
   * `barrels` is "transparent".
   */
  throughBarrels?: boolean;
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
  /**
   * A line for people when unresolved specifiers look like bundler aliases (`@/x`, `~/x`): which
   * `aliases` entry would resolve them. Not part of the document.
   */
  aliasHint?: string;
}

export async function map(options: MapOptions): Promise<MapResult> {
  const clock = stopwatch(options.onStage);
  const root = checkedRoot(options.root, options.cwd);
  const { config, path: configPath } = loadConfig(root, options.config, options.cwd);
  clock.lap("config", configPath === undefined ? "no config file" : displayPath(configPath, options.cwd));
  const settings = settle(options, config, configPath);
  const discovery = discover(root, settings, options.root);
  const { files, skipped } = discovery;
  clock.lap("discover", counted(files.length, "source file") + (skipped.length > 0 ? `, ${counted(skipped.length, "link")} skipped` : ""));

  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    options.onWarning?.(message);
  };
  const cache = openMapCache({ root, folder: options.cache, seed: options.seedCache, maxFileSize: settings.maxFileSize, warn, cwd: options.cwd });
  const dependsOn = { ...settings, configPath, config, files, links: skipped };
  const reused = cache.reuseDocument(dependsOn);
  if (reused !== undefined) {
    clock.lap("cache", reused.detail);
    return reusedResult(reused, config, configPath, warnings, settings.throughBarrels);
  }
  // Loaded only now: a run that reuses the document never loads the parsers or the resolver.
  const [{ extractAll }, { resolveAll }] = await Promise.all([import("../extract/extract-all.js"), import("../resolve/resolve-all.js")]);
  const pause = eventLoopBreaks();
  const extracted = await extractAll(root, files, { maxFileSize: settings.maxFileSize, memo: cache.extractions, pause, onProgress: options.onProgress });
  clock.lap("parse", parseDetail(extracted, cache.extractions !== undefined));
  const memo = cache.resolutions(dependsOn);
  const aliases = config.aliases === undefined || configPath === undefined ? undefined : { list: config.aliases, configFile: configPath };
  const python = config.python === undefined || configPath === undefined ? undefined : { roots: config.python.roots, configFile: configPath };
  const resolved = await resolveAll(root, extracted.files, { tsconfig: settings.tsconfig, memo, pause, cwd: options.cwd, aliases, python });
  clock.lap("resolve", resolveDetail(resolved, memo !== undefined));

  const followed = settings.throughBarrels ? await followNames(root, resolved.files, settings.maxFileSize) : undefined;
  if (followed !== undefined) clock.lap("barrels", followed.detail);
  const { modules, sites, diagnostics } = graphInput(resolved.files, followed?.through);
  const graph = buildGraph(modules, sites);
  clock.lap("graph", `${counted(graph.order, "module")}, ${counted(graph.size, "import")}`);
  const layers = assignLayers.assign(graph, config.layers);
  clock.lap("layers", config.layers.length === 0 ? "no layers configured" : `${counted(layers.layerOf.size, "module")} in ${counted(config.layers.length, "layer")}`);
  const runDiagnostics = [
    ...resolved.tsconfigDiagnostics,
    ...resolved.aliasDiagnostics,
    ...resolved.pythonDiagnostics,
    ...skipped.map(({ path, code, message }) => ({ file: path, code, message })),
    ...manifestDiagnostics(root, discovery.manifests, files),
  ];
  const document = toDocument(
    graph,
    [...runDiagnostics, ...diagnostics, ...(followed?.diagnostics ?? [])],
    files.length,
    config.layers.map((layer) => layer.name),
    settings.throughBarrels ? "transparent" : undefined,
  );
  clock.lap("document", counted(document.diagnostics.length, "diagnostic"));
  const saved = cache.save(extracted, resolved, document);
  if (saved !== undefined) clock.lap("cache", saved.detail);
  return {
    document,
    graph,
    config,
    layers,
    configPath,
    warnings,
    ...(saved === undefined ? {} : { cache: saved.stats }),
    ...(resolved.aliasHint === undefined ? {} : { aliasHint: resolved.aliasHint }),
  };
}

/**
 * The result of a run that re-emits the last document. Its graph and layers are built — from the
 * extractions and resolutions the cache holds, as the run that made the document built them —
 * only when asked for: writing the document needs neither.
 */
function reusedResult(reused: ReusedDocument, config: Config, configPath: string | undefined, warnings: string[], throughBarrels: boolean): MapResult {
  let built: { graph: ImportGraph; layers: LayerAssignment } | undefined;
  const build = (): { graph: ImportGraph; layers: LayerAssignment } => {
    if (built !== undefined) return built;
    const { modules, sites } = graphInput(reused.outcomes, throughBarrels ? throughOfDocument(reused.document) : undefined);
    const graph = buildGraph(modules, sites);
    built = { graph, layers: assignLayers.assign(graph, config.layers) };
    return built;
  };
  return {
    document: reused.document,
    config,
    configPath,
    warnings,
    cache: reused.stats,
    get graph() {
      return build().graph;
    },
    get layers() {
      return build().layers;
    },
  };
}

/** The options merged into the config's, each default filled in. */
interface Settings {
  include: readonly string[] | undefined;
  exclude: readonly string[];
  includeDeclarations: boolean;
  tsconfig: string | undefined;
  maxFileSize: number;
  throughBarrels: boolean;
}

function settle(options: MapOptions, config: Config, configPath: string | undefined): Settings {
  checkGlobs("include", options.include);
  checkGlobs("exclude", options.exclude);
  return {
    include: options.include?.length ? options.include : config.include,
    exclude: [...(config.exclude ?? []), ...(options.exclude ?? [])],
    includeDeclarations: options.includeDeclarations ?? config.includeDeclarations ?? false,
    // A path in the config file is relative to the file, as in tsconfig.json's own `extends`.
    tsconfig:
      options.tsconfig ??
      (config.tsconfig === undefined || configPath === undefined ? undefined : resolve(options.configFolder ?? dirname(configPath), config.tsconfig)),
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    throughBarrels: options.throughBarrels ?? config.barrels === "transparent",
  };
}

/** The discover stage; include globs that match nothing are a user error. */
function discover(root: string, { include, exclude, includeDeclarations }: Settings, given: string): Discovery {
  const discovery = discoverSources({ root, include, exclude, includeDeclarations });
  if (include?.length && discovery.files.length === 0 && discovery.skipped.length === 0) {
    throw new UserError(`${given}: no source file matches the include globs (${include.join(", ")}), once the exclude globs and .gitignore have had their say`);
  }
  return discovery;
}

/** Files parsed (by oxc, and by TypeScript's parser where oxc rejected one: loading it is part of the stage's time). */
function parseDetail({ parsed, reused, failed, parsedByTypeScript, typescriptLoadMs }: Extracted, cached: boolean): string {
  return [
    `${counted(parsed, "file")} parsed`,
    ...(parsedByTypeScript > 0 ? [`${String(parsedByTypeScript)} by TypeScript's parser`] : []),
    ...(cached ? [`${counted(reused, "file")} from the cache`] : []),
    ...(failed > 0 ? [`${counted(failed, "file")} not read`] : []),
    ...(typescriptLoadMs === undefined ? [] : [`TypeScript loaded in ${Math.round(typescriptLoadMs)} ms`]),
  ].join(", ");
}

/** Sites resolved (and, where it was needed, what TypeScript did and why). */
function resolveDetail({ resolvedSites, sites, typescript }: Resolved, cached: boolean): string {
  const parts = [`${counted(resolvedSites, "import site")} resolved`];
  if (typescript !== undefined) {
    const used = [
      ...(typescript.sites > 0 ? [`${counted(typescript.sites, "site")} by TypeScript's resolver`] : []),
      ...(typescript.loadMs === undefined ? [] : [`TypeScript loaded in ${Math.round(typescript.loadMs)} ms`]),
    ];
    if (used.length === 0) used.push("the tsconfig read by TypeScript");
    parts.push(`${used.join(", ")} (for ${typescript.reason})`);
  }
  if (cached) parts.push(`${counted(sites - resolvedSites, "site")} from the cache`);
  return parts.join(", ");
}

/**
 * The `through` of each site of a reused document, by file and site index as the stored
 * extractions list them: the document already says where each name leads.
 */
function throughOfDocument(document: MapDocument): (file: string, site: ImportSite, target: string) => ThroughRecord[] | undefined {
  const bySite = new Map<string, ThroughRecord[]>();
  for (const edge of document.imports) {
    for (const site of edge.sites) if (site.through !== undefined) bySite.set(siteKey(edge.from, edge.to, site), site.through);
  }
  return (file, site, target) => bySite.get(siteKey(file, target, site));
}

function siteKey(from: string, to: string, site: Pick<ImportSite, "line" | "specifier" | "kind">): string {
  return `${from}\0${to}\0${String(site.line)}\0${site.kind}\0${site.specifier}`;
}

/** A file as the resolve stage gives it, or as the cache stored what it gave. */
type GraphInputFile = ResolvedFile | ReusedDocument["outcomes"][number];

/**
 * The barrels stage over the files read: where each site's names are declared, and the names no
 * module exports. A namespace import of a barrel has its file read again for the members used
 * (TypeScript loaded then, for those files only).
 */
async function followNames(root: string, files: readonly ResolvedFile[], maxFileSize: number): Promise<Followed & { detail: string }> {
  const { followBarrels } = await import("../barrels/follow-names.js");
  const { readNamespaceMembers } = await import("../extract/namespace-members.js");
  let read = 0;
  const followed = await followBarrels(
    files.filter((file) => "extraction" in file),
    {
      namespaceMembers: (file, locals) => {
        read++;
        return readNamespaceMembers(root, file, locals, maxFileSize);
      },
    },
  );
  let sites = 0;
  for (const perSite of followed.through.values()) for (const through of perSite) if (through !== undefined) sites++;
  const detail = [
    `${counted(sites, "import site")} through a barrel`,
    `${counted(followed.diagnostics.length, "name")} no module exports`,
    ...(read > 0 ? [`${counted(read, "file")} read again for namespace members`] : []),
  ];
  return { ...followed, detail: detail.join(", ") };
}

/**
 * Each file's outcome as the graph stage takes it — a module, and an import per site — and its
 * diagnostics (problems, unresolved sites), in file order.
 */
function graphInput(
  files: readonly GraphInputFile[],
  through?: Followed["through"] | ((file: string, site: ImportSite, target: string) => ThroughRecord[] | undefined),
): { modules: ParsedFile[]; sites: ResolvedSite[]; diagnostics: Diagnostic[] } {
  const modules: ParsedFile[] = [];
  const sites: ResolvedSite[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const outcome of files) {
    const { file } = outcome;
    if (!("extraction" in outcome)) {
      diagnostics.push({ file, code: outcome.problem.code, message: outcome.problem.message });
      modules.push({ id: file });
      continue;
    }
    const { extraction, targets, keepsTypeOnlyImports } = outcome;
    modules.push({ id: file, lines: extraction.lines });
    for (const problem of extraction.problems) diagnostics.push({ file, ...problem });
    const throughOf = typeof through === "function" ? undefined : through?.get(file);
    // `from a import b, c` is a site a name (either may be a submodule); where both are names of `a`, it is one import of `a`.
    const seen = new Set<string>();
    extraction.sites.forEach((site, index) => {
      const target = targets[index]!; // one per site, in order
      const record = siteRecord(site, keepsTypeOnlyImports);
      if (target.specifier !== undefined) record.specifier = target.specifier;
      if (site.names !== undefined && isPythonFile(file)) {
        const key = `${target.id}\0${JSON.stringify(record)}`;
        if (seen.has(key)) return;
        seen.add(key);
      }
      if (target.kind === "unresolved") {
        diagnostics.push({ file, line: site.line, code: "unresolved", message: `cannot resolve "${record.specifier}": ${target.reason ?? "not found"}` });
      }
      const followed = typeof through === "function" ? through(file, site, target.id) : throughOf?.[index];
      if (followed !== undefined) record.through = followed;
      sites.push({ from: file, to: target.id, toKind: target.kind, site: record });
    });
  }
  return { modules, sites, diagnostics };
}

/** An elidable import is type-only unless the project keeps such imports verbatim. */
function siteRecord(site: ImportSite, keepsTypeOnlyImports: boolean): ImportSiteRecord {
  const record: ImportSiteRecord = { line: site.line, specifier: site.specifier, kind: site.kind };
  if (site.typeOnly) record.typeOnly = true;
  else if (site.elidable && !keepsTypeOnlyImports) {
    record.typeOnly = true;
    record.elided = true;
  }
  if (site.optional) record.optional = true;
  return record;
}

/** Globs given as options (`--include`, `--exclude`) are held to the same standard as the config's. */
function checkGlobs(option: string, globs: readonly string[] | undefined): void {
  for (const glob of globs ?? []) {
    const problem = globProblem(glob);
    if (problem !== undefined) throw new UserError(`${option} glob "${glob}": invalid: ${problem}`);
  }
}

/** The root, absolute (a relative one is relative to `cwd`), checked to be a folder; errors name it as given. */
function checkedRoot(root: string, cwd: string | undefined): string {
  const absolute = cwd === undefined ? resolve(root) : resolve(cwd, root);
  let isFolder: boolean;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch {
    throw new UserError(`${root}: no such folder`);
  }
  if (!isFolder) throw new UserError(`${root}: not a folder (give the folder to map)`);
  return absolute;
}
