/**
 * Reads a tsconfig without TypeScript: comments, trailing commas, the `extends` chain (relative
 * or absolute paths, one or a list), and the compiler options resolution depends on. A tsconfig
 * is read here only when TypeScript would read it without a diagnostic, and then it gives the same
 * settings TypeScript's reading would (test/resolve/read-tsconfig.test.ts holds the two equal).
 *
 * Anything else is left to TypeScript (load-tsconfig.ts), which reports what it finds: a syntax
 * error, an option TypeScript does not know or a value of the wrong type, an `extends` that names
 * a package or a missing file, or one that leads back to itself, `${configDir}` templates, a
 * `"__proto__"` key, and project `references` (which file belongs to which project is decided by
 * the `include` globs as TypeScript expands them).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { parse, type ParseError } from "jsonc-parser";
import { prototypeKeyPath } from "../config/prototype-keys.js";
import { displayPath } from "../model/display-path.js";
import { UserError } from "../model/errors.js";
import { isPlainOption } from "./compiler-options.js";
import { resolutionKindOf, typescriptOnlyReason, type ProjectSettings } from "./project-settings.js";

export type TsconfigReading =
  /** Read: the project, and the absolute paths of every file read (the tsconfig and its `extends` chain). */
  | { settings: ProjectSettings; files: string[] }
  /** Only TypeScript can read it as tsc would: why, as a noun phrase ("the tsconfig's project references"). */
  | { typescript: string };

/**
 * The tsconfig to read: `explicitPath` (from `--tsconfig` or the config file, relative to the
 * root; a folder means its tsconfig.json), which must exist, else `<root>/tsconfig.json` when
 * present. `cwd`: the working folder the error names the file relative to.
 */
export function locateTsconfig(root: string, explicitPath: string | undefined, cwd?: string): string | undefined {
  if (explicitPath !== undefined) {
    let configPath = resolve(root, explicitPath);
    if (existsSync(configPath) && statSync(configPath).isDirectory()) configPath = join(configPath, "tsconfig.json");
    if (!existsSync(configPath)) throw new UserError(`${displayPath(configPath, cwd)}: tsconfig not found`);
    return configPath;
  }
  return existsSync(join(root, "tsconfig.json")) ? join(root, "tsconfig.json") : undefined;
}

/** One option as a tsconfig of the chain sets it, with that tsconfig's folder. */
interface SetOption {
  value: unknown;
  folder: string;
}

/** Read `configPath` (absolute) and its `extends` chain, or say why TypeScript must. */
export function readTsconfig(configPath: string): TsconfigReading {
  const files = new Set<string>();
  const chain: string[] = [];

  /** The options the file sets, its bases' first, or why TypeScript must read it. */
  const optionsOf = (path: string, isRoot: boolean): Map<string, SetOption> | string => {
    if (chain.includes(path)) return "a tsconfig that extends itself";
    chain.push(path);
    files.add(path);
    const config = configObject(path);
    if (typeof config === "string") return config;
    const problem = topLevelProblem(config, isRoot);
    if (problem !== undefined) return problem;

    const merged = new Map<string, SetOption>();
    const bases = config["extends"] === undefined ? [] : ([] as unknown[]).concat(config["extends"]);
    for (const base of bases) {
      const basePath = extendedPath(base, dirname(path));
      if (basePath === undefined) return "an extends that names a package or a missing file";
      const inherited = optionsOf(basePath, false);
      if (typeof inherited === "string") return inherited;
      for (const [name, option] of inherited) merged.set(name, option);
    }
    const own = config["compilerOptions"];
    if (own !== undefined) {
      for (const [name, value] of Object.entries(own as Record<string, unknown>)) {
        if (!isPlainOption(name, value)) return `the compiler option ${JSON.stringify(name)} as the tsconfig sets it`;
        merged.set(name, { value, folder: dirname(path) });
      }
    }
    chain.pop();
    return merged;
  };

  const options = optionsOf(configPath, true);
  if (typeof options === "string") return { typescript: options };
  return { settings: settingsOf(configPath, options), files: [...files].sort() };
}

/** The tsconfig's JSON object, or why TypeScript must read it. */
function configObject(path: string): Record<string, unknown> | string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return "a tsconfig that cannot be read";
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // TypeScript would make the key's value the prototype of the object holding it; loadTsconfig
  // refuses the file, with its own message.
  if (prototypeKeyPath(text) !== undefined) return 'a "__proto__" key in the tsconfig';
  if (text.includes("${configDir}")) return "${configDir} in the tsconfig";
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length > 0) return "a tsconfig that is not valid JSON";
  if (value === undefined) return {};
  return isRecord(value) ? value : "a tsconfig that is not a JSON object";
}

/** What TypeScript would complain about in the tsconfig's own keys, besides compilerOptions' entries. */
function topLevelProblem(config: Record<string, unknown>, isRoot: boolean): string | undefined {
  const { compilerOptions, extends: bases, files, include, exclude, references, compileOnSave } = config;
  if (isRoot && references !== undefined && !(Array.isArray(references) && references.length === 0)) return "the tsconfig's project references";
  if (compilerOptions !== undefined && !isRecord(compilerOptions)) return "a tsconfig whose compilerOptions is not an object";
  if (bases !== undefined && !(typeof bases === "string" || (Array.isArray(bases) && bases.every((base) => typeof base === "string")))) {
    return "a tsconfig whose extends is not a path or a list of paths";
  }
  if (files !== undefined && !(isStrings(files) && files.length > 0)) return "a tsconfig whose files is not a list of files";
  if (include !== undefined && !(isStrings(include) && include.every((spec) => !TRAILING_RECURSION.test(spec) && !dotDotAfterRecursion(spec)))) {
    return "a tsconfig whose include is not a list of globs TypeScript takes";
  }
  if (exclude !== undefined && !(isStrings(exclude) && exclude.every((spec) => !dotDotAfterRecursion(spec)))) return "a tsconfig whose exclude is not a list of globs TypeScript takes";
  if (compileOnSave !== undefined && typeof compileOnSave !== "boolean") return "a tsconfig whose compileOnSave is not a boolean";
  for (const key of ["typeAcquisition", "watchOptions", "buildOptions"]) {
    if (key in config) return `the tsconfig's ${key}`;
  }
  return undefined;
}

/** TypeScript's rule for `include`: a glob may not end in `**`. */
const TRAILING_RECURSION = /(?:^|\/)\*\*\/?$/;

/** TypeScript's rule for globs: no `..` after a `**`. */
function dotDotAfterRecursion(spec: string): boolean {
  const wildcard = spec.startsWith("**/") ? 0 : spec.indexOf("/**/");
  if (wildcard === -1) return false;
  const lastDotDot = spec.endsWith("/..") ? spec.length : spec.lastIndexOf("/../");
  return lastDotDot > wildcard;
}

/** A relative or absolute `extends`, as TypeScript finds it (`.json` added when needed); undefined for a package or a missing file. */
function extendedPath(base: unknown, folder: string): string | undefined {
  if (typeof base !== "string") return undefined;
  const normalized = base.replaceAll("\\", "/");
  if (!(isAbsolute(base) || normalized.startsWith("./") || normalized.startsWith("../"))) return undefined;
  const path = resolve(folder, base);
  if (isFile(path)) return path;
  return !path.endsWith(".json") && isFile(`${path}.json`) ? `${path}.json` : undefined;
}

function settingsOf(configPath: string, options: ReadonlyMap<string, SetOption>): ProjectSettings {
  const value = (name: string): unknown => options.get(name)?.value;
  const lowerCase = (name: string): string | undefined => {
    const text = value(name);
    return typeof text === "string" ? text.toLowerCase() : undefined;
  };
  const baseUrl = options.get("baseUrl");
  const absoluteBaseUrl = baseUrl === undefined ? undefined : resolve(baseUrl.folder, baseUrl.value as string);
  const paths = options.get("paths");
  const typeRoots = value("typeRoots");
  return {
    configPath,
    moduleResolution: resolutionKindOf(lowerCase("moduleResolution"), lowerCase("module")),
    // TypeScript drops empty strings from a list that is not of paths.
    customConditions: ((value("customConditions") as string[] | undefined) ?? []).filter((condition) => condition !== ""),
    paths: paths === undefined ? undefined : { patterns: paths.value as Record<string, string[]>, base: absoluteBaseUrl ?? paths.folder },
    baseUrl: absoluteBaseUrl,
    typeRoots: Array.isArray(typeRoots) && typeRoots.length > 0,
    // Any string: TypeScript reads `""` as the tsconfig's own folder.
    emitsElsewhere: typeof value("outDir") === "string" || typeof value("declarationDir") === "string",
    keepsTypeOnlyImports: value("verbatimModuleSyntax") === true || value("preserveValueImports") === true,
    typescriptOnly: typescriptOnlyReason({
      rootDirs: value("rootDirs"),
      moduleSuffixes: value("moduleSuffixes"),
      preserveSymlinks: value("preserveSymlinks"),
      resolvePackageJsonExports: value("resolvePackageJsonExports"),
      resolvePackageJsonImports: value("resolvePackageJsonImports"),
    }),
    fileNames: undefined,
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
