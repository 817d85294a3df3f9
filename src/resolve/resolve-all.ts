/**
 * The resolve stage over every extracted file: what each site names, and whether the file's
 * project keeps type-only imports — or what a memo (the map cache) still holds for them.
 * The resolver (oxc-resolver, and the tsconfig read without TypeScript) is made up front unless
 * the memo holds, and then only for a site it cannot answer; TypeScript is loaded only for a
 * tsconfig or a site only it can read as tsc does (module-resolver.ts, oxc-finder.ts).
 */
import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Alias } from "../config/aliases.js";
import type { Diagnostic } from "../model/document.js";
import type { ExtractedFile } from "../extract/extract-all.js";
import type { Extraction, ImportSite } from "../extract/types.js";
import { isTypeScriptLoaded } from "../typescript/load-typescript.js";
import { aliasHint } from "./aliases.js";
import type { LoadedTsconfig } from "./load-tsconfig.js";
import type { ModuleResolver, ResolvedModule, TypeScriptSide } from "./module-resolver.js";
import { DEFAULT_SETTINGS, type ProjectSettings } from "./project-settings.js";
import { isFolder } from "../model/file-kind.js";
import { isPythonFile } from "../discover/source-extensions.js";
import { createPythonResolver, type PythonResolver } from "./python/python-resolver.js";
import { sourceRootsByProject } from "./python/source-roots.js";

/** A file with its extraction gets one target per site, in order; a file not read passes through. */
export type ResolvedFile =
  | { file: string; extraction: Extraction; targets: ResolvedModule[]; keepsTypeOnlyImports: boolean }
  | Exclude<ExtractedFile, { extraction: Extraction }>;

/** Remembers resolutions between runs, for as long as nothing they depend on changed. */
export interface ResolutionMemo {
  /** Whether what it holds still holds; if not, it recalls nothing and the resolver is loaded up front. */
  readonly holds: boolean;
  /** The tsconfig's diagnostics when it was last loaded. */
  readonly tsconfigDiagnostics: readonly Diagnostic[];
  /** What it holds for one file's sites. */
  recall(file: string, extraction: Extraction): RecalledResolutions | undefined;
}

interface RecalledResolutions {
  /** What the site resolved to, while that holds. */
  target(site: ImportSite): ResolvedModule | undefined;
  /** Whether the file's project keeps type-only imports; null when it was never asked. */
  keepsTypeOnlyImports: boolean | null;
}

export interface ResolveAllOptions {
  /** The tsconfig (absolute, or relative to the root); default `<root>/tsconfig.json` when present. */
  tsconfig?: string | undefined;
  memo?: ResolutionMemo | undefined;
  /** Called before each file; a promise it returns is awaited (it lets the event loop run). */
  pause?: (() => Promise<void> | undefined) | undefined;
  /** The working folder errors name files relative to (absolute without it). */
  cwd?: string | undefined;
  /** The config's aliases, and the config file (absolute) that a diagnostic about one names. */
  aliases?: { list: readonly Alias[]; configFile: string } | undefined;
  /** The config's Python source roots (relative to the root), and the config file that names them (absolute). */
  python?: { roots: readonly string[]; configFile: string } | undefined;
  /** @internal every site by TypeScript's resolver, as before oxc-resolver: the parity tests' reference. */
  typescriptOnly?: boolean | undefined;
}

export interface Resolved {
  /** One per file, in the order given. */
  files: ResolvedFile[];
  /** Sites resolved in this run, and in all (the others were recalled). */
  resolvedSites: number;
  sites: number;
  /** The tsconfig's diagnostics: this run's, or the memo's when the resolver was not loaded. */
  tsconfigDiagnostics: readonly Diagnostic[];
  /** One per alias of the config whose target does not exist (its sites are unresolved, each with its own). */
  aliasDiagnostics: Diagnostic[];
  /** Absolute paths of the aliases' targets: whether each exists is an input of resolution. */
  aliasTargets: string[];
  /** Python source-root settings that could not be read or name no folder (pyproject.toml, setup.cfg, the config). */
  pythonDiagnostics: Diagnostic[];
  /** A line proposing `aliases` for unresolved specifiers that look like aliases (`@/x`), if any do. */
  aliasHint?: string;
  /** Set when this run loaded the resolver: the files read to load the tsconfig. */
  tsconfigFiles?: string[];
  /** Set when this run used TypeScript (to read the tsconfig, or to resolve sites). */
  typescript?: {
    /** Why it was first needed, as a noun phrase ("the tsconfig's project references"). */
    reason: string;
    /** Sites its resolver answered. */
    sites: number;
    /** What loading the compiler cost, when this stage loaded it (the parse stage may have). */
    loadMs?: number;
  };
}

interface LoadedResolver {
  resolver: ModuleResolver;
  tsconfigFiles: string[];
  /** TypeScript's reading of the tsconfig, once it has read it; what it reports is the map's. */
  typescriptTsconfig(): LoadedTsconfig | undefined;
  /** Why TypeScript read the tsconfig, when it had to, and what loading it cost this stage. */
  tsconfigReason: string | undefined;
  loadMs(): number | undefined;
}

/** `root` is absolute; the files are relative to it. */
export async function resolveAll(root: string, files: readonly ExtractedFile[], options: ResolveAllOptions = {}): Promise<Resolved> {
  let loaded: LoadedResolver | undefined;
  const aliases = options.aliases?.list ?? [];
  const load = async (): Promise<LoadedResolver> => (loaded ??= await loadResolver(root, options.tsconfig, options.cwd, options.typescriptOnly === true, aliases));
  // Python files have a resolver of their own. Its source roots are read whenever there are Python
  // files (a few stat calls), memo or not: what their settings get wrong is in every run's document.
  const python = files.some((outcome) => isPythonFile(outcome.file)) ? loadPythonResolver(root, files, options.python) : undefined;
  const pythonResolver = (): PythonResolver => python!.resolver;
  const hasScripts = files.some((outcome) => "extraction" in outcome && !isPythonFile(outcome.file));
  if (options.memo?.holds !== true && hasScripts) await load();

  let resolvedSites = 0;
  let sites = 0;
  const aliasLike = new Map<string, number>();
  const outcomes: ResolvedFile[] = [];
  for (const outcome of files) {
    if (!("extraction" in outcome)) {
      outcomes.push(outcome);
      continue;
    }
    const { file, extraction } = outcome;
    const recalled = options.memo?.recall(file, extraction);
    await options.pause?.();
    const targets: ResolvedModule[] = [];
    for (const site of extraction.sites) {
      let target = recalled?.target(site);
      if (target === undefined && isPythonFile(file)) {
        const resolved = pythonResolver().resolve(file, site);
        target = { id: resolved.id, kind: resolved.kind, ...(resolved.reason === undefined ? {} : { reason: resolved.reason }), ...(resolved.specifier === undefined ? {} : { specifier: resolved.specifier }) };
        resolvedSites++;
      }
      if (target === undefined) {
        const { resolver } = await load();
        let resolved = resolver.resolve(file, site.specifier, site.kind);
        if (resolved === undefined) {
          await resolver.useTypeScript();
          resolved = resolver.resolve(file, site.specifier, site.kind)!;
        }
        target = { id: resolved.id, kind: resolved.kind, ...(resolved.reason === undefined ? {} : { reason: resolved.reason }) };
        resolvedSites++;
        // Never recalled from the memo (an unresolved bare specifier is resolved on every run), so every one is counted.
        if (resolved.aliasLike !== undefined) aliasLike.set(resolved.aliasLike, (aliasLike.get(resolved.aliasLike) ?? 0) + 1);
      }
      targets.push(target);
    }
    sites += targets.length;
    let keepsTypeOnlyImports = false;
    if (extraction.sites.some((site) => site.elidable)) {
      keepsTypeOnlyImports = recalled?.keepsTypeOnlyImports ?? (await load()).resolver.keepsTypeOnlyImports(file);
    }
    outcomes.push({ file, extraction, targets, keepsTypeOnlyImports });
  }

  const hint = aliasHint(aliasLike, isFolder(join(root, "src")) ? "src" : ".");
  return {
    files: outcomes,
    resolvedSites,
    sites,
    tsconfigDiagnostics: loaded === undefined ? (options.memo?.tsconfigDiagnostics ?? []) : tsconfigDiagnostics(root, loaded.typescriptTsconfig()),
    aliasDiagnostics: options.aliases === undefined ? [] : aliasDiagnostics(root, options.aliases.list, options.aliases.configFile),
    pythonDiagnostics: python?.diagnostics ?? [],
    aliasTargets: aliases.flatMap((alias) => (alias.target === false ? [] : [join(root, ...alias.target.split("/"))])),
    ...(hint === undefined ? {} : { aliasHint: hint }),
    ...(loaded === undefined ? {} : { tsconfigFiles: loaded.tsconfigFiles }),
    ...(loaded === undefined ? {} : typescriptUse(loaded)),
  };
}

/** The Python resolver, with the roots' settings that could not be used as diagnostics. */
function loadPythonResolver(root: string, files: readonly ExtractedFile[], configured: ResolveAllOptions["python"]): { resolver: PythonResolver; diagnostics: Diagnostic[] } {
  const configFile = configured === undefined ? undefined : relative(root, configured.configFile).split(sep).join("/");
  const pythonFiles = files.filter((outcome) => isPythonFile(outcome.file)).map((outcome) => outcome.file);
  const projects = sourceRootsByProject(root, pythonFiles, configured?.roots ?? [], configFile);
  return {
    resolver: createPythonResolver(root, projects.rootsOf),
    diagnostics: projects.problems.map(({ file, message }) => ({ file, code: "config-error", message })),
  };
}

/** What TypeScript did in this stage, if anything. */
function typescriptUse(loaded: LoadedResolver): Pick<Resolved, "typescript"> {
  const reason = loaded.tsconfigReason ?? loaded.resolver.typescriptReason;
  if (reason === undefined) return {};
  const sites = [...loaded.resolver.byTypeScript.values()].reduce((sum, count) => sum + count, 0);
  const loadMs = loaded.loadMs();
  return { typescript: { reason, sites, ...(loadMs === undefined ? {} : { loadMs }) } };
}

/**
 * The tsconfig and the resolver. The tsconfig is read without TypeScript when TypeScript would
 * read it without a word (read-tsconfig.ts); otherwise TypeScript reads it, here, and reports
 * what it finds. TypeScript's resolver is loaded later, for the first site only it can answer.
 */
async function loadResolver(root: string, tsconfig: string | undefined, cwd: string | undefined, typescriptOnly: boolean, aliases: readonly Alias[]): Promise<LoadedResolver> {
  // Imported here, not before: a run whose sites the cache holds loads neither oxc-resolver's addon nor this.
  const [{ createModuleResolver }, { locateTsconfig, readTsconfig }] = await Promise.all([import("./module-resolver.js"), import("./read-tsconfig.js")]);
  const configPath = locateTsconfig(root, tsconfig, cwd);
  const reading = configPath === undefined ? { settings: DEFAULT_SETTINGS, files: [] } : readTsconfig(configPath);
  let typescriptTsconfig: LoadedTsconfig | undefined;
  let loadMs: number | undefined;
  /** Imports a TypeScript module, timing the compiler's load when this is what loads it. */
  const importTypeScript = async <T>(load: () => Promise<T>): Promise<T> => {
    const wasLoaded = isTypeScriptLoaded();
    const started = performance.now();
    const module = await load();
    if (!wasLoaded) loadMs = (loadMs ?? 0) + performance.now() - started;
    return module;
  };
  const readWithTypeScript = async (): Promise<LoadedTsconfig> => {
    const { loadTsconfig } = await importTypeScript(() => import("./load-tsconfig.js"));
    return (typescriptTsconfig ??= loadTsconfig(root, tsconfig, cwd));
  };

  let projects: ProjectSettings[];
  let files: string[];
  if ("typescript" in reading) {
    const read = await readWithTypeScript();
    const { settingsOf } = await import("./load-tsconfig.js");
    projects = read.projects.map(settingsOf);
    files = read.files;
  } else {
    projects = [reading.settings];
    files = reading.files;
  }
  if (typescriptOnly) projects = projects.map((project) => ({ ...project, typescriptOnly: "asked for" }));
  const resolver = createModuleResolver(root, projects, async (fs, realRoot, workspacePackages): Promise<TypeScriptSide> => {
    const { createTypeScriptFinder } = await importTypeScript(() => import("./ts-finder.js"));
    const read = await readWithTypeScript();
    const byConfig = new Map(read.projects.map((project) => [project.configPath, project]));
    return {
      finder: createTypeScriptFinder(realRoot, fs, workspacePackages),
      projectOf: (settings) => byConfig.get(settings.configPath) ?? read.projects[0]!,
    };
  }, aliases);
  return {
    resolver,
    tsconfigFiles: files,
    typescriptTsconfig: () => typescriptTsconfig,
    tsconfigReason: "typescript" in reading ? reading.typescript : undefined,
    loadMs: () => loadMs,
  };
}

/** TypeScript's diagnostics of the tsconfig, when it read it (read without it, a tsconfig has none). */
function tsconfigDiagnostics(root: string, loaded: LoadedTsconfig | undefined): Diagnostic[] {
  return (loaded?.problems ?? []).map((problem) => ({
    file: relative(root, problem.file).split(sep).join("/"),
    code: "tsconfig-error",
    // TypeScript's messages name files by absolute path: the document must not depend on where the root is.
    message: problem.message.replaceAll(`${root}${sep}`, "").replaceAll(`${root.split(sep).join("/")}/`, ""),
  }));
}

/**
 * An alias whose target is not there: one diagnostic for the alias, naming the config file —
 * however many sites go through it (each of those is unresolved, with its own diagnostic).
 */
function aliasDiagnostics(root: string, aliases: readonly Alias[], configFile: string): Diagnostic[] {
  const file = relative(root, configFile).split(sep).join("/");
  return aliases
    .filter((alias) => alias.target !== false && !existsSync(join(root, ...alias.target.split("/"))))
    .map((alias) => ({
      file,
      code: "config-error",
      message: `the alias ${JSON.stringify(alias.key)} leads to ${JSON.stringify(alias.target === "" ? "." : alias.target)}, which does not exist: imports through it are unresolved`,
    }));
}

