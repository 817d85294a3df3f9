/**
 * What resolution needs of a tsconfig project, as plain data: read from the tsconfig by
 * read-tsconfig.ts without TypeScript, or taken from TypeScript's own reading (load-tsconfig.ts)
 * when only TypeScript can read it. Both give the same settings for the same tsconfig.
 */

/** TypeScript's module resolution kinds that layermap resolves with (Classic becomes Bundler). */
export type ResolutionKind = "node10" | "node16" | "nodenext" | "bundler";

export interface ProjectSettings {
  /** Absolute path of the tsconfig file; undefined for the defaults used without one. */
  configPath: string | undefined;
  moduleResolution: ResolutionKind;
  customConditions: readonly string[];
  /** `paths`, with the folder their substitutions are relative to (`baseUrl`, else the tsconfig's that sets them). */
  paths: { patterns: Readonly<Record<string, readonly string[]>>; base: string } | undefined;
  /** Absolute `baseUrl`: bare specifiers are looked for under it. */
  baseUrl: string | undefined;
  /** `typeRoots` is set: a bare specifier may resolve to a declaration in one of them. */
  typeRoots: boolean;
  /** `outDir` or `declarationDir` is set: tsc maps a package's own output paths back to its sources. */
  emitsElsewhere: boolean;
  /** `verbatimModuleSyntax` (or the older `preserveValueImports`): imports used only as types are kept. */
  keepsTypeOnlyImports: boolean;
  /** Set when an option only TypeScript's resolver follows is used (`rootDirs`, say): why. */
  typescriptOnly: string | undefined;
  /** Absolute, realpath'd files the project includes; only known when TypeScript read the tsconfig. */
  fileNames: ReadonlySet<string> | undefined;
}

/** Settings without a tsconfig: lenient resolution that finds what bundlers and Node find. */
export const DEFAULT_SETTINGS: ProjectSettings = {
  configPath: undefined,
  moduleResolution: "bundler",
  customConditions: [],
  paths: undefined,
  baseUrl: undefined,
  typeRoots: false,
  emitsElsewhere: false,
  keepsTypeOnlyImports: false,
  typescriptOnly: undefined,
  fileNames: undefined,
};

/**
 * What tsc would use, except that Classic (which cannot see packages) becomes Bundler: the names
 * are the tsconfig's, lower-cased (`moduleResolution`, `module`).
 */
export function resolutionKindOf(moduleResolution: string | undefined, module: string | undefined): ResolutionKind {
  switch (moduleResolution) {
    case "node":
    case "node10":
      return "node10";
    case "node16":
      return "node16";
    case "nodenext":
      return "nodenext";
    case "bundler":
      return "bundler";
  }
  switch (module) {
    case "commonjs":
      // What tsc resolves `module: commonjs` with when the tsconfig names no moduleResolution.
      return "node10";
    case "node16":
    case "node18":
    case "node20":
      return "node16";
    case "nodenext":
      return "nodenext";
    default:
      return "bundler";
  }
}

/**
 * Options only TypeScript's resolver follows, by the tsconfig's own names and values: the
 * projects that set one are resolved by TypeScript (rare options; see module-resolver.ts).
 */
export function typescriptOnlyReason(options: {
  rootDirs?: unknown;
  moduleSuffixes?: unknown;
  preserveSymlinks?: unknown;
  resolvePackageJsonExports?: unknown;
  resolvePackageJsonImports?: unknown;
}): string | undefined {
  if (Array.isArray(options.rootDirs) && options.rootDirs.length > 0) return "the tsconfig's rootDirs";
  if (Array.isArray(options.moduleSuffixes) && options.moduleSuffixes.length > 0) return "the tsconfig's moduleSuffixes";
  if (options.preserveSymlinks === true) return "the tsconfig's preserveSymlinks";
  if (options.resolvePackageJsonExports === false) return "resolvePackageJsonExports turned off";
  if (options.resolvePackageJsonImports === false) return "resolvePackageJsonImports turned off";
  return undefined;
}
