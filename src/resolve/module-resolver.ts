/**
 * The resolve stage: (importing file, specifier, form) → module id and kind. Where a specifier
 * leads is found by oxc-resolver (oxc-finder.ts) the way TypeScript's resolution finds it, and by
 * TypeScript's own `resolveModuleName` (ts-finder.ts) for the few cases oxc-finder leaves to it;
 * around that, layermap's own steps: the config's aliases first (a bundler rewrites the specifier
 * before anything resolves it), builtins, then the file found, mapped from a `.d.ts` back to its
 * source and classified (local, external, outside the root), or, when nothing was found, a file of
 * another kind (a component, a stylesheet) beside a relative specifier or where `paths` lead,
 * SvelteKit's `$lib` and virtual modules, a workspace package before install, an external package
 * that is not installed, or unresolved with a reason.
 */
import { realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve as resolvePath, sep } from "node:path";
import type { Alias } from "../config/aliases.js";
import type { ImportForm, ModuleKind } from "../model/document.js";
import { aliasLikePrefix, canBePackageName, dependsOnSvelteKit, externalId, matchAlias, SVELTEKIT_ALIASES, type AliasMatch } from "./aliases.js";
import { toSourceFile } from "./declaration-to-source.js";
import { cachedFileSystem, type FileSystem } from "./file-system.js";
import { createOxcFinder, isPackagePath, pathsCandidates, type Mode } from "./oxc-finder.js";
import { packageJsons } from "./package-json.js";
import type { ProjectSettings } from "./project-settings.js";
import type { TsProject } from "./load-tsconfig.js";
import type { TypeScriptFinder } from "./ts-finder.js";
import { findWorkspacePackages } from "./workspaces.js";
import { builtinId, isComponentFile, isRelativeOrAbsolute, packageNameOf, packageNameOfPath } from "./specifier.js";
import { isFile } from "../model/file-kind.js";

export interface ResolvedModule {
  id: string;
  kind: ModuleKind;
  /** Why a specifier did not resolve, for the diagnostic; set only for kind "unresolved". */
  reason?: string;
  /**
   * An unresolved bare specifier that no alias or `paths` entry matched and that looks like an
   * alias (`@/x`, `~/x`, `$lib/x`): the prefix a hint names (`@/`).
   */
  aliasLike?: string;
  /**
   * The specifier the document records for the site when it is not the one written: a Python
   * `from a import b` that found the submodule `a.b`.
   */
  specifier?: string;
}

/** TypeScript's side, once loaded: its resolver, and its reading of each project. */
export interface TypeScriptSide {
  finder: TypeScriptFinder;
  projectOf(settings: ProjectSettings): TsProject;
}

export interface ModuleResolver {
  /**
   * `fromFile` is a POSIX path relative to the root. Undefined when only TypeScript's resolver
   * can answer and it is not loaded yet: `await useTypeScript()`, then ask again.
   */
  resolve(fromFile: string, specifier: string, form: ImportForm): ResolvedModule | undefined;
  /** Loads TypeScript's side (once); `resolve` then answers every site. */
  useTypeScript(): Promise<void>;
  /** Does the file's project keep imports that are used only as types (`verbatimModuleSyntax`)? */
  keepsTypeOnlyImports(fromFile: string): boolean;
  /** Sites TypeScript's resolver answered, by the reason oxc-finder gave, and why TypeScript was loaded. */
  readonly byTypeScript: ReadonlyMap<string, number>;
  readonly typescriptReason: string | undefined;
}

const COMMONJS_FORMS: ReadonlySet<ImportForm> = new Set(["require", "require-resolve", "import-equals"]);

/**
 * `loadTypeScript` gives TypeScript's side (it loads the compiler and, unless it already has,
 * reads the tsconfig with it); it is called once, for the first site that needs it. `aliases`
 * are the config's (config/aliases.ts), their targets relative to the root.
 */
export function createModuleResolver(
  root: string,
  projects: readonly ProjectSettings[],
  loadTypeScript: (fs: FileSystem, realRoot: string, workspacePackages: ReadonlyMap<string, string>) => Promise<TypeScriptSide>,
  aliases: readonly Alias[] = [],
): ModuleResolver {
  const realRoot = realpathSync(root);
  const fs = cachedFileSystem();
  const manifests = packageJsons(fs);
  const oxc = createOxcFinder(realRoot, fs, manifests);
  const workspacePackages = findWorkspacePackages(realRoot);
  const projectOfFile = new Map<string, ProjectSettings>();
  const memo = new Map<string, ResolvedModule>();
  const byTypeScript = new Map<string, number>();
  let typescript: TypeScriptSide | undefined;
  let typescriptReason: string | undefined;

  const idOfLocalFile = (absolute: string): string => relative(realRoot, absolute).split(sep).join("/");

  const projectFor = (absolute: string): ProjectSettings => {
    let chosen = projectOfFile.get(absolute);
    if (chosen !== undefined) return chosen;
    chosen = projects.find((candidate) => candidate.fileNames?.has(absolute) === true);
    // A file no project includes (a test excluded by `include`, say) takes the closest tsconfig.
    chosen ??= closestProject(projects, absolute);
    projectOfFile.set(absolute, chosen);
    return chosen;
  };

  /** The resolution mode of a site, TypeScript's way; undefined when only TypeScript can tell. */
  const modeOf = (file: string, form: ImportForm, project: ProjectSettings): Mode | undefined => {
    if (COMMONJS_FORMS.has(form)) return "require";
    if (form === "dynamic") return "import";
    if (project.moduleResolution !== "node16" && project.moduleResolution !== "nodenext") return "import";
    if (isComponentFile(file)) return "import";
    // Node16/NodeNext: a static import resolves by the format of the file it is in.
    if (/\.(?:d\.mts|mts|mjs)$/.test(file)) return "import";
    if (/\.(?:d\.cts|cts|cjs)$/.test(file)) return "require";
    if (!/\.(?:ts|tsx|js|jsx)$/.test(file)) return "require";
    const scope = manifests.scopeOf(dirname(file));
    if (scope === "broken") return undefined;
    return scope?.manifest["type"] === "module" ? "import" : "require";
  };

  /** TypeScript's answer, counted under the reason it was asked; undefined while it is not loaded. */
  const viaTypeScript = (reason: string, ask: (side: TypeScriptSide) => string | undefined): string | null | undefined => {
    if (typescript === undefined) {
      typescriptReason ??= reason;
      return undefined;
    }
    byTypeScript.set(reason, (byTypeScript.get(reason) ?? 0) + 1);
    return ask(typescript) ?? null;
  };

  /** The file a specifier leads to: a path, null for none, undefined while TypeScript must answer and is not loaded. */
  const locate = (fromAbsolute: string, specifier: string, form: ImportForm, project: ProjectSettings, mode: Mode | undefined): string | null | undefined => {
    let reason = project.typescriptOnly ?? (mode === undefined ? "a package.json that is not valid JSON" : undefined);
    if (reason === undefined) {
      const found = oxc.find(fromAbsolute, specifier, project, mode!);
      if (!("typescript" in found)) return found.path ?? null;
      reason = found.typescript;
    }
    return viaTypeScript(reason, (side) => side.finder.find(fromAbsolute, specifier, form, side.projectOf(project)));
  };

  /** The same for a workspace package, as if linked into node_modules (before install). */
  const locateInWorkspace = (fromAbsolute: string, specifier: string, folder: string, form: ImportForm, project: ProjectSettings, mode: Mode | undefined): string | null | undefined => {
    let reason = project.typescriptOnly ?? (mode === undefined ? "a package.json that is not valid JSON" : undefined);
    if (reason === undefined) {
      const found = oxc.findInWorkspace(fromAbsolute, specifier, folder, project, mode!);
      if (!("typescript" in found)) return found.path ?? null;
      reason = found.typescript;
    }
    return viaTypeScript(reason, (side) => side.finder.findInWorkspace(fromAbsolute, specifier, form, side.projectOf(project)));
  };

  const classifyFile = (resolved: string, specifier: string): ResolvedModule => {
    // A relative import keeps its path as written, even through a symbolic link; discovery maps
    // the file under its real path, so the edge must point there too.
    const absolute = fs.realpath(resolved);
    if (isPackagePath(realRoot, absolute)) {
      const name = packageNameOf(specifier) ?? packageNameOfPath(absolute.split(sep).join("/")) ?? specifier;
      return { id: name, kind: "external" };
    }
    const source = toSourceFile(absolute, fs, specifier);
    // A local module is a file under the root. One outside it (`import "/etc/hostname"`,
    // `../sibling/x.js` from a package mapped alone) is not in the map: unresolved, with a
    // diagnostic saying where it leads, rather than a "local" id starting with `..`.
    if (isOutside(relative(realRoot, source))) {
      return { id: pathId(source, specifier), kind: "unresolved", reason: `it is ${displayOutside(source)}, outside the root (map a folder that holds both to follow it)` };
    }
    return { id: idOfLocalFile(source), kind: "local" };
  };

  /**
   * The id of a path that is not a local module: the specifier when it is absolute (so the id
   * does not depend on where the root is), else the path relative to the root. Either resolves
   * against the root back to the path, which is what the cache watches.
   */
  const pathId = (absolute: string, specifier: string): string =>
    isAbsolute(specifier) || /^[A-Za-z]:[\\/]/.test(specifier) ? specifier : idOfLocalFile(absolute);

  const displayOutside = (absolute: string): string => {
    const fromRoot = relative(realRoot, absolute);
    return isAbsolute(fromRoot) ? absolute.split(sep).join("/") : fromRoot.split(sep).join("/");
  };

  /**
   * Where an alias leads: its target under `base` (the root, or a SvelteKit project's folder), then
   * the rest of the specifier, resolved as the relative specifier it stands for — TypeScript's
   * rules, then a file of another kind. The id of a site that finds nothing is its specifier, as
   * for a `paths` alias.
   */
  const throughAlias = (fromAbsolute: string, specifier: string, { alias, rest }: AliasMatch, base: string, form: ImportForm, project: ProjectSettings, mode: Mode | undefined): ResolvedModule | undefined => {
    if (alias.target === false) return { id: externalId({ alias, rest }, specifier), kind: "external" };
    const folder = join(base, ...alias.target.split("/"));
    if (!fs.fileExists(folder) && !fs.directoryExists(folder)) {
      return { id: specifier, kind: "unresolved", reason: `the alias "${alias.key}" leads to ${displayOutside(folder)}, which does not exist` };
    }
    const target = rest === "" ? folder : join(folder, ...rest.split("/"));
    const located = locate(fromAbsolute, relativeSpecifier(dirname(fromAbsolute), target), form, project, mode);
    if (located === undefined) return undefined;
    if (located !== null) return classifyFile(located, specifier);
    const file = fileOfAnyKind(target);
    if (file !== undefined) return classifyFile(file, specifier);
    return { id: specifier, kind: "unresolved", reason: `no such file: the alias "${alias.key}" leads to ${displayOutside(target)}` };
  };

  /** SvelteKit's `$lib`, `$app`… in a file whose nearest package.json depends on `@sveltejs/kit`. */
  const svelteKitAlias = (fromAbsolute: string, specifier: string): { match: AliasMatch; base: string } | undefined => {
    if (!specifier.startsWith("$")) return undefined;
    const match = matchAlias(SVELTEKIT_ALIASES, specifier);
    if (match === undefined) return undefined;
    const scope = manifests.scopeOf(dirname(fromAbsolute));
    return scope === undefined || scope === "broken" || !dependsOnSvelteKit(scope.manifest) ? undefined : { match, base: scope.folder };
  };

  const resolveUncached = (fromAbsolute: string, specifier: string, form: ImportForm, project: ProjectSettings, mode: Mode | undefined): ResolvedModule | undefined => {
    // The config's aliases come first: a bundler rewrites the specifier before anything looks at it.
    const aliased = form === "triple-slash" || aliases.length === 0 ? undefined : matchAlias(aliases, specifier);
    if (aliased !== undefined) return throughAlias(fromAbsolute, specifier, aliased, realRoot, form, project, mode);
    const builtin = builtinId(specifier);
    if (builtin !== undefined) return { id: builtin, kind: "builtin" };
    // `import x from "https://esm.sh/x"` (Deno, browsers): a package fetched by address.
    if (/^https?:\/\//.test(specifier)) return { id: specifier, kind: "external" };

    if (form === "triple-slash") {
      const target = resolvePath(dirname(fromAbsolute), specifier);
      return isFile(target)
        ? classifyFile(realpathSync(target), specifier)
        : unresolvedPath(target, specifier, "no such file");
    }

    const located = locate(fromAbsolute, specifier, form, project, mode);
    if (located === undefined) return undefined;
    if (located !== null) return classifyFile(located, specifier);

    if (isRelativeOrAbsolute(specifier)) {
      // A component, a stylesheet, JSON: see fileOfAnyKind.
      const target = resolvePath(dirname(fromAbsolute), specifier);
      const file = fileOfAnyKind(target);
      return file === undefined ? unresolvedPath(target, specifier, "no such file") : classifyFile(file, specifier);
    }
    // Where `paths` (or `baseUrl`) lead, too: `@/components/Nav.vue`, `@/assets/logo.svg`.
    for (const candidate of pathsCandidates(project, specifier)) {
      const file = fileOfAnyKind(candidate);
      if (file !== undefined) return classifyFile(file, specifier);
    }
    // SvelteKit's `$lib` is what its generated tsconfig's `paths` say, when there is one (it
    // follows `kit.files.lib`); before it is generated, src/lib.
    const pathsMatch = matchesPathPattern(specifier, Object.keys(project.paths?.patterns ?? {}));
    const svelteKit = pathsMatch ? undefined : svelteKitAlias(fromAbsolute, specifier);
    if (svelteKit !== undefined) return throughAlias(fromAbsolute, specifier, svelteKit.match, svelteKit.base, form, project, mode);
    const packageName = packageNameOf(specifier);
    const workspaceFolder = packageName === undefined ? undefined : workspacePackages.get(packageName);
    if (packageName !== undefined && workspaceFolder !== undefined) {
      const linked = locateInWorkspace(fromAbsolute, specifier, workspaceFolder, form, project, mode);
      if (linked === undefined) return undefined;
      if (linked !== null) return classifyFile(linked, specifier);
      // The package is right here, so its subpath is not some other installed package's: Node
      // could not load `@scope/pkg/missing` either. (The bare name falls through to external:
      // a package whose entry is not built yet is still that package.)
      if (specifier !== packageName) {
        return { id: specifier, kind: "unresolved", reason: `no such export or file in the workspace package ${packageName}` };
      }
    }
    if (packageName !== undefined && !pathsMatch) {
      // Not installed (a fresh clone, CI before `npm ci`) is still that package — when it can be
      // one. (A webpack loader request, `raw-loader!./x.txt`, is left as it always was.)
      if (canBePackageName(packageName) || specifier.includes("!")) return { id: packageName, kind: "external" };
      return withHint(specifier, `"${packageName}" cannot be a package name, and no alias or tsconfig paths entry matches it`);
    }
    const reason = specifier.startsWith("#") ? "no matching package.json imports entry" : "no matching tsconfig paths entry or package";
    return pathsMatch ? { id: specifier, kind: "unresolved", reason } : withHint(specifier, reason);
  };

  /** An unresolved bare specifier nothing matched, with the prefix a hint names when it looks like an alias. */
  const withHint = (specifier: string, reason: string): ResolvedModule => {
    const aliasLike = aliasLikePrefix(specifier);
    return { id: specifier, kind: "unresolved", reason, ...(aliasLike === undefined ? {} : { aliasLike }) };
  };

  const unresolvedPath = (absolute: string, specifier: string, reason: string): ResolvedModule => ({
    id: pathId(absolute, specifier),
    kind: "unresolved",
    reason,
  });

  return {
    get byTypeScript() {
      return byTypeScript;
    },
    get typescriptReason() {
      return typescriptReason;
    },
    keepsTypeOnlyImports(fromFile) {
      return projectFor(join(realRoot, fromFile)).keepsTypeOnlyImports;
    },
    async useTypeScript() {
      typescript ??= await loadTypeScript(fs, realRoot, workspacePackages);
    },
    resolve(fromFile, specifier, form) {
      const fromAbsolute = join(realRoot, fromFile);
      const project = projectFor(fromAbsolute);
      const mode = form === "triple-slash" ? undefined : modeOf(fromAbsolute, form, project);
      const key = `${dirname(fromAbsolute)}\0${specifier}\0${mode ?? form}\0${project.configPath ?? ""}`;
      let result = memo.get(key);
      if (result === undefined) {
        result = resolveUncached(fromAbsolute, specifier, form, project, mode);
        if (result !== undefined) memo.set(key, result);
      }
      return result;
    },
  };
}

function closestProject(projects: readonly ProjectSettings[], file: string): ProjectSettings {
  let best = projects[0]!;
  let bestDepth = -1;
  for (const candidate of projects) {
    const configPath = candidate.configPath;
    if (configPath === undefined) continue;
    const folder = dirname(configPath);
    if ((file.startsWith(folder + sep) || file === folder) && folder.length > bestDepth) {
      best = candidate;
      bestDepth = folder.length;
    }
  }
  return best;
}

/** A path relative to the root that leads out of it (or onto another drive). */
function isOutside(fromRoot: string): boolean {
  return isAbsolute(fromRoot) || fromRoot === ".." || fromRoot.startsWith(`..${sep}`);
}

/** The relative specifier from a folder to a path: `./x`, `../x`, `.`. */
function relativeSpecifier(fromFolder: string, target: string): string {
  const path = relative(fromFolder, target).split(sep).join("/");
  if (path === "") return ".";
  return path === ".." || path.startsWith("../") || isAbsolute(path) ? path : `./${path}`;
}

function matchesPathPattern(specifier: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const star = pattern.indexOf("*");
    if (star === -1) return pattern === specifier;
    return specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
  });
}

/**
 * The file a path names when resolution found no code there: resolution finds only code, but a
 * component, a stylesheet, an image or `require('./data')` of JSON is still a file the importer
 * depends on. `./Nav` and `@/layout` are also `Nav.vue` and `layout/index.vue`, in the order
 * webpack tries them in a Vue CLI project (its `resolve.extensions` holds `.vue` before `.json`):
 * such projects write component imports without the ending. Its real path, or undefined.
 */
function fileOfAnyKind(target: string): string | undefined {
  const found = [target, `${target}.vue`, `${target}.json`, join(target, "index.vue"), join(target, "index.json")].find(isFile);
  return found === undefined ? undefined : realpathSync(found);
}

