/**
 * Where a specifier leads, found with oxc-resolver (native, no TypeScript) the way
 * `ts.resolveModuleName` finds it for layermap: the same order of steps (`paths`, `baseUrl`,
 * package `imports`, a package's own name, `node_modules`), the same file names tried in the same
 * order (`./x.js` is `x.ts`, `x.tsx`, `x.d.ts`, then `x.js`, `x.jsx`; `./x` adds those endings,
 * then tries `x/index.*`), the same `exports`/`imports` conditions (`import` or `require`,
 * `types`, `node` outside Bundler, the tsconfig's `customConditions`), Node16/NodeNext's ESM rules
 * (no endings added, no folder index), and Node10's two passes (types first, then JavaScript).
 * `paths` and `baseUrl` are applied here, by TypeScript's rules, and each candidate path loaded
 * by oxc-resolver, which is given no tsconfig: read-tsconfig.ts has read it already.
 *
 * Where TypeScript's rules and Node's (which oxc-resolver follows) part, the finder applies
 * TypeScript's by hand when that takes a few stat calls: a folder's package.json (TypeScript takes
 * the first of `typings`, `types`, `main` that is set, even when its file is missing; Node the first
 * whose file exists), the files TypeScript tries that oxc-resolver does not (`x.js.ts` for `./x.js`),
 * and a package of the repository without `exports` (those fields, then `index`). Otherwise it does
 * not guess: it answers `{ typescript: why }` and module-resolver.ts asks TypeScript. Those cases,
 * each checked without loading anything:
 * - a package of the repository itself (reached through a workspace link in `node_modules`, its
 *   own name, or `#imports`; not an installed one, whose id is its name whatever file it leads to)
 *   with a versioned `types@…` condition or a `"./folder/"` key, a JavaScript result (TypeScript
 *   looks for declarations under every condition first), a failure other than "not exported"
 *   (TypeScript tries the next condition when a target file is missing, Node stops), more than one
 *   copy on the way up, an ESM import of one without `exports`, or, for its own name and
 *   `#imports`, a tsconfig with `outDir`/`declarationDir` (tsc maps output paths back to sources);
 * - `typesVersions` in a package.json that decides the answer;
 * - a bare specifier that matches a `paths` pattern none of whose substitutions exists, which
 *   oxc-resolver cannot resolve though a folder for its package is installed (TypeScript may still
 *   find it, or its `@types`), or that nothing resolves in a project that sets `typeRoots`;
 * - a package.json that is not valid JSON on the way (TypeScript reads what it can of it).
 */
import { basename, dirname, isAbsolute, join, resolve, sep } from "node:path";
import { ResolverFactory, type EnforceExtension, type NapiResolveOptions } from "oxc-resolver";
import type { FileSystem } from "./file-system.js";
import type { Manifest, PackageJsons } from "./package-json.js";
import type { ProjectSettings } from "./project-settings.js";
import { packageNameOf } from "./specifier.js";

/** The resolution mode of an import: ESM (`import`, `import()`) or CommonJS (`require`). */
export type Mode = "import" | "require";

/** A file (absolute), nothing, or a question only TypeScript answers as tsc does. */
type Found = { path: string } | { path: undefined } | { typescript: string };

export interface OxcFinder {
  find(fromFile: string, specifier: string, project: ProjectSettings, mode: Mode): Found;
  /** A bare specifier of a workspace package, as if it were linked into node_modules (before install). */
  findInWorkspace(fromFile: string, specifier: string, folder: string, project: ProjectSettings, mode: Mode): Found;
}

/** Node10 resolves in two passes, TypeScript and declarations first; the other kinds in one. */
type Pass = "all" | "types" | "js";

const PASS_ENDINGS: Record<Pass, readonly string[]> = {
  all: [".ts", ".tsx", ".d.ts", ".js", ".jsx"],
  types: [".ts", ".tsx", ".d.ts"],
  js: [".js", ".jsx"],
};

/** The endings TypeScript tries in place of a specifier's own, in its order (`tryAddingExtensions`). */
const REPLACEMENTS: Record<string, Record<Pass, readonly string[]>> = {
  ".js": { all: [".ts", ".tsx", ".d.ts", ".js", ".jsx"], types: [".ts", ".tsx", ".d.ts"], js: [".js", ".jsx"] },
  ".jsx": { all: [".tsx", ".ts", ".d.ts", ".jsx", ".js"], types: [".tsx", ".ts", ".d.ts"], js: [".jsx", ".js"] },
  ".mjs": { all: [".mts", ".d.mts", ".mjs"], types: [".mts", ".d.mts"], js: [".mjs"] },
  ".cjs": { all: [".cts", ".d.cts", ".cjs"], types: [".cts", ".d.cts"], js: [".cjs"] },
  ".json": { all: [".d.json.ts", ".json"], types: [".d.json.ts"], js: [".json"] },
};
/** A specifier's ending, as TypeScript strips it (`removeFileExtension`), and the one it is tried as. */
const STRIPPED: readonly (readonly [string, string])[] = [
  [".d.ts", ".js"],
  [".d.mts", ".mjs"],
  [".d.cts", ".cjs"],
  [".mjs", ".mjs"],
  [".mts", ".mjs"],
  [".cjs", ".cjs"],
  [".cts", ".cjs"],
  [".ts", ".js"],
  [".js", ".js"],
  [".tsx", ".jsx"],
  [".jsx", ".jsx"],
  [".json", ".json"],
];
/**
 * oxc-resolver's `EnforceExtension.Enabled`: its declarations make the enum an ambient const enum,
 * which verbatimModuleSyntax forbids reading, so the value is written here.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum's own value (index.d.ts: Enabled = 1)
const ENFORCE_EXTENSION = 1 as EnforceExtension.Enabled;
const TYPESCRIPT_RESULT = /\.(?:d\.[mc]?ts|[mc]?ts|tsx)$/;
const KEY_MISMATCH = /" is not exported under |" is not defined in package /;

export function createOxcFinder(realRoot: string, fs: FileSystem, manifests: PackageJsons): OxcFinder {
  const inNodeModules = (path: string): boolean => isPackagePath(realRoot, path);
  const base = new ResolverFactory(optionsFor("all", [], false));
  const resolvers = new Map<string, ResolverFactory>();
  const byProject = new WeakMap<ProjectSettings, Map<string, ResolverFactory>>();
  const installed = new Map<string, string | undefined>();

  /** One resolver per pass, conditions and ESM strictness, all sharing base's file-system cache. */
  const resolverFor = (pass: Pass, project: ProjectSettings, mode: Mode): ResolverFactory => {
    let ofProject = byProject.get(project);
    if (ofProject === undefined) {
      ofProject = new Map();
      byProject.set(project, ofProject);
    }
    let resolver = ofProject.get(`${pass} ${mode}`);
    if (resolver === undefined) {
      const conditions = [mode, "types", ...(project.moduleResolution === "bundler" ? [] : ["node"]), ...project.customConditions];
      const strict = isStrict(project, mode);
      const key = `${pass}\0${String(strict)}\0${conditions.join("\0")}`;
      resolver = resolvers.get(key) ?? base.cloneWithOptions(optionsFor(pass, conditions, strict));
      resolvers.set(key, resolver);
      ofProject.set(`${pass} ${mode}`, resolver);
    }
    return resolver;
  };

  /** oxc-resolver's answer: a real path (it follows links), so classifying it costs no realpath call. */
  const real = (path: string): Found => {
    fs.knownReal(path);
    return { path };
  };

  /** The first `node_modules/<name>` folder at or above `folder`, as TypeScript's lookup finds it. */
  const installedFolder = (folder: string, name: string): string | undefined => {
    const key = `${folder}\0${name}`;
    if (installed.has(key)) return installed.get(key);
    const parent = dirname(folder);
    const candidate = join(folder, "node_modules", name);
    const found = basename(folder) !== "node_modules" && fs.directoryExists(candidate) ? candidate : parent === folder ? undefined : installedFolder(parent, name);
    installed.set(key, found);
    return found;
  };

  /**
   * TypeScript's `nodeLoadModuleByRelativeName` on an absolute candidate: the file, or the folder.
   * oxc-resolver answers when it finds one of the files TypeScript tries; otherwise (nothing found,
   * or a folder: its package.json read Node's way) TypeScript's rule is applied here, by hand — a
   * few stat calls on files oxc-resolver has just looked at.
   */
  const loadPath = (candidate: string, pass: Pass, project: ProjectSettings, mode: Mode): Found => {
    const strict = isStrict(project, mode);
    const folderOnly = candidate.endsWith(sep);
    const path = folderOnly ? candidate.slice(0, -1) : candidate;
    const name = basename(path);
    const stripped = folderOnly ? undefined : STRIPPED.find(([ending]) => name.length > ending.length && name.endsWith(ending));
    // An unknown ending (`./styles.css`): TypeScript looks for its declaration `styles.d.css.ts` first.
    if (!folderOnly && stripped === undefined && name.includes(".") && pass !== "js") {
      const ending = name.slice(name.lastIndexOf("."));
      const declaration = `${path.slice(0, -ending.length)}.d${ending}.ts`;
      if (fs.fileExists(declaration)) return { path: declaration };
      if (strict) return { path: undefined };
    }
    const files = folderOnly ? [] : fileCandidates(path, stripped, pass, strict);
    // oxc-resolver reads `x.d.ts` as `x.d` + `.ts`; TypeScript as `x` + `.d.ts`, tried as `x.js` is.
    const request = stripped === undefined ? candidate : path.slice(0, -stripped[0].length) + stripped[1];
    const result = resolverFor(pass, project, mode).sync(dirname(path), request);
    if (result.error === undefined && files.includes(result.path!)) return real(result.path!);
    const file = files.find((each) => fs.fileExists(each));
    if (file !== undefined) return { path: file };
    // TypeScript's ESM rules load no folder.
    return strict || !fs.directoryExists(path) ? { path: undefined } : loadFolder(path, pass);
  };

  /** TypeScript's `loadNodeModuleFromDirectory`: the entry its package.json names, else `index`. */
  const loadFolder = (folder: string, pass: Pass): Found => {
    const scope = manifests.at(folder);
    if (scope === "broken") return { typescript: "a folder's package.json that is not valid JSON" };
    const manifest = scope?.manifest;
    if (manifest !== undefined && typeof manifest["typesVersions"] === "object" && manifest["typesVersions"] !== null) return { typescript: "a folder's package.json with typesVersions" };
    const field = (key: string): string | undefined => {
      const value = manifest?.[key];
      return typeof value === "string" && value !== "" ? joinKeepingSlash(folder, value) : undefined;
    };
    const entry = (pass === "js" ? undefined : (field("typings") ?? field("types"))) ?? field("main");
    const found = entry === undefined ? undefined : loadEntry(entry, pass);
    return { path: found ?? indexOf(folder, pass) };
  };

  /** The file a package.json field names, TypeScript's way (`loadFileNameFromPackageJsonField`, then the path as a module). */
  const loadEntry = (entry: string, pass: Pass): string | undefined => {
    const typed = (pass !== "js" && /\.(?:[mc]?ts|tsx)$/.test(entry)) || (pass !== "js" && /\.d\.[mc]?ts$/.test(entry));
    if (typed && fs.fileExists(entry)) return entry;
    if (entry.endsWith(sep)) return indexOf(entry.slice(0, -1), pass);
    const name = basename(entry);
    const stripped = STRIPPED.find(([ending]) => name.length > ending.length && name.endsWith(ending));
    if (!typed && name.includes(".")) {
      const replaced = stripped === undefined ? (pass === "js" ? [] : [`${entry.slice(0, entry.lastIndexOf("."))}.d${name.slice(name.lastIndexOf("."))}.ts`]) : fileCandidates(entry, stripped, pass, true);
      const file = replaced.find((each) => fs.fileExists(each));
      if (file !== undefined) return file;
    }
    return fileCandidates(entry, stripped, pass, false).find((each) => fs.fileExists(each)) ?? indexOf(entry, pass);
  };

  const indexOf = (folder: string, pass: Pass): string | undefined =>
    PASS_ENDINGS[pass].map((ending) => join(folder, `index${ending}`)).find((each) => fs.fileExists(each));

  /** An import of a bare name: `#imports`, the package's own name, then `node_modules`. */
  const loadBare = (fromFolder: string, specifier: string, pass: Pass, project: ProjectSettings, mode: Mode, pathsMatched: boolean): Found => {
    const packageName = packageNameOf(specifier);
    const scope = manifests.scopeOf(fromFolder);
    if (scope === "broken") return { typescript: "a package.json that is not valid JSON" };
    const route = specifier.startsWith("#") ? "imports" : scope !== undefined && isOwnName(scope.manifest, specifier) ? "self" : "node_modules";
    // TypeScript looks no further for a name with a colon (`cloudflare:workers`).
    if (route === "node_modules" && specifier.includes(":")) return { path: undefined };
    const linked = packageName === undefined ? undefined : installedFolder(fromFolder, packageName);
    if (route === "node_modules" && linked !== undefined && !inNodeModules(fs.realpath(linked))) {
      return repositoryPackage(linked, specifier, packageName!, pass, project, mode, fromFolder, true);
    }
    const result = resolverFor(pass, project, mode).sync(fromFolder, specifier);

    if (result.error === undefined) {
      const path = result.path!;
      if (inNodeModules(path)) return real(path);
      if ((route === "imports" || route === "self") && scope !== undefined) {
        if (!path.startsWith(fs.realpath(scope.folder) + sep)) return { typescript: "an #imports entry that leads to another package" };
        if (hasOddKeys(scope.manifest[route === "imports" ? "imports" : "exports"])) return { typescript: "package.json conditions only TypeScript reads" };
        if (project.emitsElsewhere) return { typescript: "a package's own output, which tsc maps back to its sources" };
        if (route === "self" && inNodeModules(fromFolder)) return { typescript: "a package's own name inside node_modules" };
        return real(path);
      }
      return { typescript: "a package of the repository found an unexpected way" };
    }

    const error = result.error;
    const broken = failure(error);
    if (broken !== undefined) return broken;
    const mismatch = KEY_MISMATCH.test(error);
    if (route === "imports") {
      const imports = scope === undefined ? undefined : scope.manifest["imports"];
      return imports === undefined || imports === null || mismatch ? { path: undefined } : { typescript: "an #imports entry whose target is missing" };
    }
    if (route === "self") return mismatch && linked === undefined ? { path: undefined } : { typescript: "a package's own name it does not export" };
    if (pathsMatched && (linked !== undefined || (packageName !== undefined && typesFolder(fromFolder, packageName)))) {
      return { typescript: "a paths pattern and an installed package" };
    }
    if (project.typeRoots) return { typescript: "the tsconfig's typeRoots" };
    return { path: undefined };
  };

  /**
   * A package of the repository, reached through its link in node_modules — or, before install,
   * as if linked (not `linked`: its name is then resolved from inside it, where it refers to
   * itself through the same `exports`).
   */
  const repositoryPackage = (folder: string, specifier: string, packageName: string, pass: Pass, project: ProjectSettings, mode: Mode, fromFolder: string, linked: boolean): Found => {
    const scope = manifests.at(folder);
    if (scope === "broken") return { typescript: "a package.json that is not valid JSON" };
    const exports = scope?.manifest["exports"];
    if (exports === undefined || exports === null) return withoutExports(folder, specifier.slice(packageName.length + 1), packageName, pass, project, mode, fromFolder, linked);
    // An `exports` TypeScript reads as none (`""`, `false`), or conditions Node does not read.
    if (exports === "" || exports === false || exports === 0 || hasOddKeys(exports)) return { typescript: "package.json exports only TypeScript reads so" };
    const result = resolverFor(pass, project, mode).sync(linked ? fromFolder : folder, specifier);
    if (result.error === undefined) {
      const path = result.path!;
      if (!path.startsWith(fs.realpath(folder) + sep)) return { typescript: "a package of the repository found an unexpected way" };
      // TypeScript looks for declarations under every condition before JavaScript under any.
      return TYPESCRIPT_RESULT.test(path) ? real(path) : { typescript: "a package of the repository whose export is JavaScript" };
    }
    const broken = failure(result.error);
    if (broken !== undefined) return broken;
    if (!KEY_MISMATCH.test(result.error)) return { typescript: "a package of the repository whose target is missing" };
    // Not exported: TypeScript's lookup goes on to copies further up, Node's stops here.
    return otherCopies(folder, packageName, fromFolder, linked) ? { typescript: "more than one copy of a package" } : { path: undefined };
  };

  /**
   * TypeScript's loading of a package without `exports` (`loadModuleFromSpecificNodeModulesDirectory`):
   * its name is its `typings`, `types` or `main` (loadFolder), a subpath the file or folder under
   * it. Declarations are looked for first, in this copy and in any further up (`@types` too),
   * then JavaScript.
   */
  const withoutExports = (folder: string, rest: string, packageName: string, pass: Pass, project: ProjectSettings, mode: Mode, fromFolder: string, linked: boolean): Found => {
    if (isStrict(project, mode)) return { typescript: "an ESM import of a package of the repository without exports" };
    const scope = manifests.at(folder);
    if (rest !== "" && scope !== undefined && scope !== "broken" && typeof scope.manifest["typesVersions"] === "object") {
      return { typescript: "a package.json with typesVersions" };
    }
    for (const each of pass === "all" ? (["types", "js"] as const) : [pass]) {
      const found = withoutExportsIn(folder, rest, each, linked);
      if (isAnswer(found)) return found;
      if (each === "types" && otherCopies(folder, packageName, fromFolder, linked)) return { typescript: "more than one copy of a package" };
    }
    return { path: undefined };
  };

  const withoutExportsIn = (folder: string, rest: string, pass: Pass, linked: boolean): Found => {
    const candidate = rest === "" ? folder : joinKeepingSlash(folder, rest);
    const path = candidate.endsWith(sep) ? candidate.slice(0, -1) : candidate;
    const name = basename(path);
    const stripped = candidate.endsWith(sep) ? undefined : STRIPPED.find(([ending]) => name.length > ending.length && name.endsWith(ending));
    // The files beside the link (`node_modules/pkg.ts`): there is no link before install.
    if (!candidate.endsWith(sep) && (rest !== "" || linked)) {
      const file = fileCandidates(path, stripped, pass, false).find((each) => fs.fileExists(each));
      if (file !== undefined) return { path: file };
    }
    if (rest === "") return loadFolder(folder, pass);
    const own = manifests.at(path);
    if (own === "broken") return { typescript: "a folder's package.json that is not valid JSON" };
    return own === undefined ? { path: indexOf(path, pass) } : loadFolder(path, pass);
  };

  /** Is there another copy TypeScript's lookup would see before settling for JavaScript: further up, or in `@types`? */
  const otherCopies = (folder: string, packageName: string, fromFolder: string, linked: boolean): boolean => {
    if (typesFolder(fromFolder, packageName)) return true;
    if (!linked) return false;
    const holder = folder.slice(0, folder.length - `${sep}node_modules${sep}${packageName}`.length);
    return holder !== dirname(holder) && installedFolder(dirname(holder), packageName) !== undefined;
  };

  const typesFolder = (folder: string, name: string): boolean => {
    const mangled = name.startsWith("@") ? name.slice(1).replace("/", "__") : name;
    return installedFolder(folder, join("@types", mangled)) !== undefined;
  };

  const findInPass = (fromFolder: string, specifier: string, pass: Pass, project: ProjectSettings, mode: Mode): Found => {
    const relative = /^\.\.?(?:$|[\\/])/.test(specifier);
    let pathsMatched = false;
    if (!relative && project.paths !== undefined) {
      const match = matchPaths(project.paths.patterns, specifier);
      if (match !== undefined) {
        pathsMatched = true;
        for (const substitution of match.substitutions) {
          const candidate = joinKeepingSlash(project.paths.base, match.star === undefined ? substitution : substitution.replace("*", match.star));
          // A substitution with an ending names its file exactly, before anything is tried.
          if (STRIPPED.some(([ending]) => substitution.endsWith(ending)) && fs.fileExists(candidate)) return { path: fs.realpath(candidate) };
          const found = loadPath(candidate, pass, project, mode);
          if (isAnswer(found)) return found;
        }
      }
    }
    if (relative || isAbsolute(specifier)) {
      const candidate = joinKeepingSlash(fromFolder, /(?:^|[\\/])\.\.?$/.test(specifier) ? `${specifier}/` : specifier);
      return loadPath(candidate, pass, project, mode);
    }
    if (project.baseUrl !== undefined) {
      const found = loadPath(joinKeepingSlash(project.baseUrl, specifier), pass, project, mode);
      if (isAnswer(found)) return found;
    }
    return loadBare(fromFolder, specifier, pass, project, mode, pathsMatched);
  };

  const passesOf = (project: ProjectSettings): readonly Pass[] => (project.moduleResolution === "node10" ? ["types", "js"] : ["all"]);

  return {
    find(fromFile, specifier, project, mode) {
      for (const pass of passesOf(project)) {
        const found = findInPass(dirname(fromFile), specifier, pass, project, mode);
        if (isAnswer(found)) return found;
      }
      return { path: undefined };
    },
    findInWorkspace(fromFile, specifier, folder, project, mode) {
      const packageName = packageNameOf(specifier)!;
      for (const pass of passesOf(project)) {
        const found = repositoryPackage(folder, specifier, packageName, pass, project, mode, dirname(fromFile), false);
        if (isAnswer(found)) return found;
      }
      return { path: undefined };
    },
  };
}

function optionsFor(pass: Pass, conditions: readonly string[], strict: boolean): NapiResolveOptions {
  return {
    extensions: [...PASS_ENDINGS[pass]],
    extensionAlias: {
      ".js": [...REPLACEMENTS[".js"]![pass]],
      ".ts": [...REPLACEMENTS[".js"]![pass]],
      ".jsx": [...REPLACEMENTS[".jsx"]![pass]],
      ".tsx": [...REPLACEMENTS[".jsx"]![pass]],
      ".mjs": [...REPLACEMENTS[".mjs"]![pass]],
      ".mts": [...REPLACEMENTS[".mjs"]![pass]],
      ".cjs": [...REPLACEMENTS[".cjs"]![pass]],
      ".cts": [...REPLACEMENTS[".cjs"]![pass]],
      ".json": [...REPLACEMENTS[".json"]![pass]],
    },
    conditionNames: [...conditions],
    // TypeScript reads `typings`, then `types` (declarations wanted), then `main`.
    mainFields: pass === "js" ? ["main"] : ["typings", "types", "main"],
    mainFiles: ["index"],
    // No file is taken as written (`./x` is never the file `x`): layermap's own step finds that
    // one once resolution fails, as it did after TypeScript's.
    enforceExtension: ENFORCE_EXTENSION,
    fullySpecified: strict,
    symlinks: true,
    nodePath: false,
    builtinModules: false,
  };
}

/**
 * The files TypeScript tries for a path (`tryAddingExtensions`), in its order: its own ending
 * replaced (`x.js` → `x.ts`, `x.tsx`, `x.d.ts`, `x.js`, `x.jsx`), then, outside ESM's rules,
 * endings added (`x.js.ts`…).
 */
function fileCandidates(path: string, stripped: readonly [string, string] | undefined, pass: Pass, strict: boolean): string[] {
  const stem = stripped === undefined ? path : path.slice(0, -stripped[0].length);
  return [
    ...(stripped === undefined ? [] : REPLACEMENTS[stripped[1]]![pass].map((ending) => stem + ending)),
    ...(strict ? [] : PASS_ENDINGS[pass].map((ending) => path + ending)),
  ];
}

/** A file, or a question for TypeScript: either ends the search. */
function isAnswer(found: Found): boolean {
  return "typescript" in found || found.path !== undefined;
}

/** Node16/NodeNext resolve an ESM import without adding endings or reading folders. */
function isStrict(project: ProjectSettings, mode: Mode): boolean {
  return mode === "import" && (project.moduleResolution === "node16" || project.moduleResolution === "nodenext");
}

/** An error that is not "no such module": a package.json oxc-resolver cannot read, say. */
function failure(error: string): Found | undefined {
  return /^JSONError\b/.test(error) ? { typescript: "a package.json that is not valid JSON" } : undefined;
}

/**
 * Is the file in an installed package? Only a node_modules *below* the root marks one: the root
 * itself may be inside one. (Asked of every file found: string tests, not `path.relative`.)
 */
export function isPackagePath(realRoot: string, absolute: string): boolean {
  const below = absolute.startsWith(realRoot + sep) ? absolute.slice(realRoot.length) : absolute === realRoot ? "" : absolute;
  return `${below}${sep}`.includes(`${sep}node_modules${sep}`);
}

/** Does the specifier name the package itself (TypeScript's self-name rule: it has `exports`)? */
function isOwnName(manifest: Manifest, specifier: string): boolean {
  const name = manifest["name"];
  const exports = manifest["exports"];
  if (typeof name !== "string" || exports === undefined || exports === null || exports === false) return false;
  return specifier === name || specifier.startsWith(`${name}/`);
}

const oddKeys = new WeakMap<object, boolean>();

/**
 * `types@>=5` conditions, or `"./folder/"` keys: TypeScript reads them, Node (and oxc-resolver)
 * do not. Remembered per object: a package's `exports` can have hundreds of entries, asked about
 * at every import of it.
 */
function hasOddKeys(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  let odd = oddKeys.get(value);
  if (odd === undefined) {
    odd = Array.isArray(value)
      ? value.some(hasOddKeys)
      : Object.entries(value).some(([key, inner]) => key.startsWith("types@") || (key.startsWith("./") && key.endsWith("/")) || hasOddKeys(inner));
    oddKeys.set(value, odd);
  }
  return odd;
}

/**
 * The paths a bare specifier names through the project's `paths` (each substitution, in order) and
 * its `baseUrl`, in TypeScript's order: where layermap looks for a file of another kind (`@/components/Nav.vue`,
 * `@/assets/logo.svg`) once resolution found no code there, as it does beside a relative specifier.
 */
export function pathsCandidates(project: ProjectSettings, specifier: string): string[] {
  const { paths, baseUrl } = project;
  const match = paths === undefined ? undefined : matchPaths(paths.patterns, specifier);
  return [
    // `paths` TypeScript read from a hostile tsconfig may hold anything: strings only.
    ...(match === undefined || !Array.isArray(match.substitutions)
      ? []
      : match.substitutions.filter((each) => typeof each === "string").map((each) => resolve(paths!.base, match.star === undefined ? each : each.replace("*", match.star)))),
    ...(baseUrl === undefined ? [] : [resolve(baseUrl, specifier)]),
  ];
}

/** TypeScript's `paths` match: the exact pattern, else the matching pattern with the longest prefix. */
function matchPaths(patterns: Readonly<Record<string, readonly string[]>>, specifier: string): { substitutions: readonly string[]; star: string | undefined } | undefined {
  if (Object.hasOwn(patterns, specifier) && !specifier.includes("*")) return { substitutions: patterns[specifier]!, star: undefined };
  let best: { substitutions: readonly string[]; star: string } | undefined;
  let longest = -1;
  for (const [pattern, substitutions] of Object.entries(patterns)) {
    const star = pattern.indexOf("*");
    if (star === -1 || pattern.indexOf("*", star + 1) !== -1) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (prefix.length > longest && specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)) {
      longest = prefix.length;
      best = { substitutions, star: specifier.slice(prefix.length, specifier.length - suffix.length) };
    }
  }
  return best;
}

/** `resolve`, keeping a trailing separator: TypeScript reads `dir/` as the folder only. */
function joinKeepingSlash(folder: string, path: string): string {
  const joined = resolve(folder, path);
  return /[\\/]$/.test(path) && !joined.endsWith(sep) ? joined + sep : joined;
}
