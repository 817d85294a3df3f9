/**
 * The resolve stage over every extracted file: what each site names, and whether the file's
 * project keeps type-only imports — or what a memo (the map cache) still holds for them.
 * TypeScript is loaded up front unless the memo holds, and then only for a site it cannot answer.
 */
import { relative, sep } from "node:path";
import type { Diagnostic } from "../model/document.js";
import type { ExtractedFile } from "../extract/extract-all.js";
import type { Extraction, ImportSite } from "../extract/types.js";
import type { ModuleResolver, ResolvedModule } from "./module-resolver.js";

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
}

export interface Resolved {
  /** One per file, in the order given. */
  files: ResolvedFile[];
  /** Sites resolved in this run, and in all (the others were recalled). */
  resolvedSites: number;
  sites: number;
  /** The tsconfig's diagnostics: this run's, or the memo's when the resolver was not loaded. */
  tsconfigDiagnostics: readonly Diagnostic[];
  /** Set when this run loaded the resolver: the files read to load the tsconfig. */
  tsconfigFiles?: string[];
}

interface LoadedResolver {
  resolver: ModuleResolver;
  tsconfigFiles: string[];
  tsconfigDiagnostics: Diagnostic[];
}

/** `root` is absolute; the files are relative to it. */
export async function resolveAll(root: string, files: readonly ExtractedFile[], options: ResolveAllOptions = {}): Promise<Resolved> {
  let loaded: LoadedResolver | undefined;
  const load = async (): Promise<LoadedResolver> => (loaded ??= await loadResolver(root, options.tsconfig, options.cwd));
  if (options.memo?.holds !== true) await load();

  let resolvedSites = 0;
  let sites = 0;
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
      if (target === undefined) {
        const resolved = (await load()).resolver.resolve(file, site.specifier, site.kind);
        target = { id: resolved.id, kind: resolved.kind, ...(resolved.reason === undefined ? {} : { reason: resolved.reason }) };
        resolvedSites++;
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

  return {
    files: outcomes,
    resolvedSites,
    sites,
    tsconfigDiagnostics: loaded?.tsconfigDiagnostics ?? options.memo?.tsconfigDiagnostics ?? [],
    ...(loaded === undefined ? {} : { tsconfigFiles: loaded.tsconfigFiles }),
  };
}

/** The tsconfig and the resolver: TypeScript, loaded here and not before. */
async function loadResolver(root: string, tsconfig: string | undefined, cwd: string | undefined): Promise<LoadedResolver> {
  const [{ loadTsconfig }, { createModuleResolver }] = await Promise.all([import("./load-tsconfig.js"), import("./module-resolver.js")]);
  const loaded = loadTsconfig(root, tsconfig, cwd);
  return {
    resolver: createModuleResolver(root, loaded.projects),
    tsconfigFiles: loaded.files,
    tsconfigDiagnostics: loaded.problems.map((problem) => ({
      file: relative(root, problem.file).split(sep).join("/"),
      code: "tsconfig-error",
      // TypeScript's messages name files by absolute path: the document must not depend on where the root is.
      message: problem.message.replaceAll(`${root}${sep}`, "").replaceAll(`${root.split(sep).join("/")}/`, ""),
    })),
  };
}
