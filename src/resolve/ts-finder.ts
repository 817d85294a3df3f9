/**
 * TypeScript's own module resolution (`ts.resolveModuleName`), for what oxc-finder.ts leaves to
 * it: loaded only then, with the file's project options (project references followed) and
 * resolution mode, one resolution cache per project and one package.json cache for them all, so
 * that no package.json is parsed twice. The workspace step before install has its own caches: the
 * host it resolves on links each workspace package into node_modules, and a cache kept for the real
 * host would remember those links as missing.
 */
import type { ts as TS } from "ts-morph";
import { ts } from "../typescript/ts.js";
import type { ImportForm } from "../model/document.js";
import { PROTOTYPE_KEY, withoutPrototypeKeys } from "../config/prototype-keys.js";
import type { FileSystem } from "./file-system.js";
import type { TsProject } from "./load-tsconfig.js";
import { isComponentFile } from "./specifier.js";
import { withWorkspaceLinks } from "./workspaces.js";

export interface TypeScriptFinder {
  /** The file TypeScript resolves the specifier to, or undefined. */
  find(fromFile: string, specifier: string, form: ImportForm, project: TsProject): string | undefined;
  /** The same with every workspace package linked into node_modules, as after install. */
  findInWorkspace(fromFile: string, specifier: string, form: ImportForm, project: TsProject): string | undefined;
}

interface ProjectCaches {
  cache: TS.ModuleResolutionCache;
  linked: TS.ModuleResolutionCache | undefined;
}

const COMMONJS_FORMS: ReadonlySet<ImportForm> = new Set(["require", "require-resolve", "import-equals"]);

export function createTypeScriptFinder(realRoot: string, fs: FileSystem, workspacePackages: ReadonlyMap<string, string>): TypeScriptFinder {
  const host = {
    fileExists: (path: string) => fs.fileExists(path),
    directoryExists: (path: string) => fs.directoryExists(path),
    realpath: (path: string) => fs.realpath(path),
    // TypeScript would make a package.json's "__proto__" the prototype of its fields (a `type`
    // or `exports` Node never sees): read it as Node does. manifestDiagnostics says so.
    readFile: (path: string): string | undefined => {
      const text = ts.sys.readFile(path);
      return text !== undefined && path.endsWith("package.json") && text.includes(PROTOTYPE_KEY) ? withoutPrototypeKeys(text) : text;
    },
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
    getDirectories: (path: string) => ts.sys.getDirectories(path),
  } satisfies TS.ModuleResolutionHost;
  const packageJsons = ts.createModuleResolutionCache(realRoot, (name) => name).getPackageJsonInfoCache();
  let linkedHost: typeof host | undefined;
  let linkedPackageJsons: TS.PackageJsonInfoCache | undefined;
  const caches = new Map<TsProject, ProjectCaches>();

  const cachesOf = (project: TsProject): ProjectCaches => {
    let found = caches.get(project);
    if (found === undefined) {
      found = { cache: ts.createModuleResolutionCache(realRoot, (name) => name, project.options, packageJsons), linked: undefined };
      caches.set(project, found);
    }
    return found;
  };

  const modeOf = (fromFile: string, form: ImportForm, project: TsProject, cache: TS.ModuleResolutionCache): TS.ResolutionMode => {
    if (COMMONJS_FORMS.has(form)) return ts.ModuleKind.CommonJS;
    if (form === "dynamic") return ts.ModuleKind.ESNext;
    const kind = project.options.moduleResolution;
    // Node16/NodeNext: a static import resolves by the format of the file it is in.
    if (kind !== ts.ModuleResolutionKind.Node16 && kind !== ts.ModuleResolutionKind.NodeNext) return ts.ModuleKind.ESNext;
    if (isComponentFile(fromFile)) return ts.ModuleKind.ESNext;
    return ts.getImpliedNodeFormatForFile(fromFile, cache.getPackageJsonInfoCache(), host, project.options) ?? ts.ModuleKind.CommonJS;
  };

  return {
    find(fromFile, specifier, form, project) {
      const { cache } = cachesOf(project);
      const mode = modeOf(fromFile, form, project, cache);
      return ts.resolveModuleName(specifier, fromFile, project.options, host, cache, undefined, mode).resolvedModule?.resolvedFileName;
    },
    findInWorkspace(fromFile, specifier, form, project) {
      const caches = cachesOf(project);
      linkedHost ??= withWorkspaceLinks(host, realRoot, workspacePackages);
      linkedPackageJsons ??= ts.createModuleResolutionCache(realRoot, (name) => name).getPackageJsonInfoCache();
      caches.linked ??= ts.createModuleResolutionCache(realRoot, (name) => name, project.options, linkedPackageJsons);
      const mode = modeOf(fromFile, form, project, caches.cache);
      return ts.resolveModuleName(specifier, fromFile, project.options, linkedHost, caches.linked, undefined, mode).resolvedModule?.resolvedFileName;
    },
  };
}
