/**
 * Reads the project's tsconfig the way tsc does — comments, trailing commas, `extends` chains —
 * and follows project `references`, so each file is resolved with the options of the project
 * that owns it.
 */
import { dirname, resolve } from "node:path";
import type { ts as TS } from "ts-morph";
import { ts } from "../typescript/ts.js";
import { UserError } from "../model/errors.js";
import { PROTOTYPE_KEY, prototypeKeyPath, prototypeKeyPlace } from "../config/prototype-keys.js";
import { DEFAULT_SETTINGS, resolutionKindOf, typescriptOnlyReason, type ProjectSettings } from "./project-settings.js";
import { locateTsconfig } from "./read-tsconfig.js";

export interface TsProject {
  /** Absolute path of the tsconfig file; undefined for the defaults used without one. */
  configPath: string | undefined;
  options: TS.CompilerOptions;
  /** Absolute, realpath'd file names the project includes. */
  fileNames: ReadonlySet<string>;
}

interface TsconfigProblem {
  file: string;
  message: string;
}

export interface LoadedTsconfig {
  projects: TsProject[];
  problems: TsconfigProblem[];
  /** Absolute paths of every file read to load them (each tsconfig, its `extends` chain, references). */
  files: string[];
}

/**
 * `explicitPath` comes from `--tsconfig` or the config file and must exist; otherwise
 * `<root>/tsconfig.json` is used when present (see locateTsconfig). `cwd`: the working folder
 * errors name the file relative to (absolute without it).
 */
export function loadTsconfig(root: string, explicitPath: string | undefined, cwd?: string): LoadedTsconfig {
  const problems: TsconfigProblem[] = [];
  const configPath = locateTsconfig(root, explicitPath, cwd);
  if (configPath === undefined) {
    // No tsconfig: lenient resolution that finds what bundlers and Node find.
    return { projects: [{ configPath: undefined, options: withResolutionDefaults({}), fileNames: new Set() }], problems, files: [] };
  }

  const projects: TsProject[] = [];
  const files = new Set<string>();
  let prototypeError: UserError | undefined;
  const readFile = (path: string): string | undefined => {
    files.add(resolve(path));
    const text = ts.sys.readFile(path);
    // TypeScript would make the key's value the prototype of the object holding it (compilerOptions, say).
    const holder = text === undefined ? undefined : prototypeKeyPath(text);
    if (holder === undefined) return text;
    // Thrown after TypeScript returns: it catches what a readFile throws.
    prototypeError ??= new UserError(`${resolve(path)}: unknown key "${PROTOTYPE_KEY}" ${prototypeKeyPlace(holder)} (TypeScript would read its value as inherited options)`);
    return undefined;
  };
  // ts.sys, except that every file read (the `extends` chain) is recorded: a cache of the
  // results must know what they depend on.
  const parseHost: TS.ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    fileExists: (path) => ts.sys.fileExists(path),
    readFile,
  };
  // A function, not an inline check: readFile sets the error inside the TypeScript calls, where
  // narrowing does not look.
  const throwPrototypeError = (): void => {
    if (prototypeError !== undefined) throw prototypeError;
  };
  const visited = new Set<string>();
  const load = (path: string, isRoot: boolean): void => {
    const key = resolve(path);
    if (visited.has(key)) return;
    visited.add(key);
    const read = ts.readConfigFile(key, readFile);
    throwPrototypeError();
    if (read.error !== undefined) {
      const message = ts.flattenDiagnosticMessageText(read.error.messageText, " ");
      if (isRoot) throw new UserError(`${key}: not a valid tsconfig: ${message}`);
      problems.push({ file: key, message });
      return;
    }
    const parsed = ts.parseJsonConfigFileContent(read.config, parseHost, dirname(key), undefined, key);
    throwPrototypeError();
    for (const error of parsed.errors) {
      // "No inputs were found" only means the globs match nothing we need; resolution still works.
      if (error.code === 18003) continue;
      problems.push({ file: error.file?.fileName ?? key, message: ts.flattenDiagnosticMessageText(error.messageText, " ") });
    }
    projects.push({
      configPath: key,
      options: withResolutionDefaults(parsed.options),
      fileNames: new Set(parsed.fileNames.map((name) => ts.sys.realpath?.(name) ?? name)),
    });
    for (const reference of parsed.projectReferences ?? []) {
      load(ts.resolveProjectReferencePath(reference), false);
    }
  };
  load(configPath, true);
  return { projects, problems, files: [...files].sort() };
}

/**
 * Options every resolution needs whatever the tsconfig says: JavaScript and JSON files are
 * modules of the graph too, and Classic resolution (the pre-Node default) cannot see packages.
 */
function withResolutionDefaults(options: TS.CompilerOptions): TS.CompilerOptions {
  return {
    ...options,
    allowJs: true,
    resolveJsonModule: true,
    noEmit: true,
    moduleResolution: effectiveModuleResolution(options),
  };
}

/** What tsc would use, except that Classic (which cannot see packages) becomes Bundler. */
function effectiveModuleResolution(options: TS.CompilerOptions): TS.ModuleResolutionKind {
  const kind = ts.ModuleResolutionKind;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- a user's tsconfig may still say "classic": it is what this replaces
  if (options.moduleResolution !== undefined && options.moduleResolution !== kind.Classic) return options.moduleResolution;
  switch (options.module) {
    case ts.ModuleKind.CommonJS:
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- what tsc resolves `module: commonjs` with when the tsconfig names no moduleResolution
      return kind.Node10;
    case ts.ModuleKind.Node16:
    case ts.ModuleKind.Node18:
    case ts.ModuleKind.Node20:
      return kind.Node16;
    case ts.ModuleKind.NodeNext:
      return kind.NodeNext;
    default:
      return kind.Bundler;
  }
}

/** The project as resolution takes it, from TypeScript's reading (read-tsconfig.ts gives the same without TypeScript). */
export function settingsOf(project: TsProject): ProjectSettings {
  if (project.configPath === undefined) return DEFAULT_SETTINGS;
  const { options } = project;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- tsconfigs still set baseUrl, and TypeScript still resolves with it
  const { paths, pathsBasePath, baseUrl } = options;
  return {
    configPath: project.configPath,
    moduleResolution: resolutionKindOf(nameOf(ts.ModuleResolutionKind, options.moduleResolution), nameOf(ts.ModuleKind, options.module)),
    customConditions: options.customConditions ?? [],
    paths: paths === undefined ? undefined : { patterns: paths, base: baseUrl ?? (pathsBasePath as string | undefined) ?? dirname(project.configPath) },
    baseUrl,
    typeRoots: (options.typeRoots?.length ?? 0) > 0,
    emitsElsewhere: Boolean(options.outDir) || Boolean(options.declarationDir),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- older tsconfigs still set it, and it keeps type-only imports as verbatimModuleSyntax does
    keepsTypeOnlyImports: options.verbatimModuleSyntax === true || options.preserveValueImports === true,
    typescriptOnly: typescriptOnlyReason(options),
    fileNames: project.fileNames,
  };
}

/** The tsconfig's lower-case name of an enum value (`ModuleResolutionKind.Node10` → "node10"). */
function nameOf(values: Record<string, string | number>, value: number | undefined): string | undefined {
  const name = value === undefined ? undefined : values[value];
  return typeof name === "string" ? name.toLowerCase() : undefined;
}
