/**
 * The resolve stage: (importing file, specifier, form) → module id and kind, through
 * TypeScript's own module resolution and one shared cache per project.
 */
import { realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve as resolvePath, sep } from "node:path";
import type { ts as TS } from "ts-morph";
import { ts } from "../typescript/ts.js";
import type { ImportForm, ModuleKind } from "../model/document.js";
import { createCachedHost, type CachedHost } from "./cached-host.js";
import { toSourceFile } from "./declaration-to-source.js";
import type { TsProject } from "./load-tsconfig.js";
import { findWorkspacePackages, withWorkspaceLinks } from "./workspaces.js";
import { builtinId, isRelativeOrAbsolute, packageNameOf, packageNameOfPath } from "./specifier.js";

export interface ResolvedModule {
  id: string;
  kind: ModuleKind;
  /** Why a specifier did not resolve, for the diagnostic; set only for kind "unresolved". */
  reason?: string;
}

export interface ModuleResolver {
  /** `fromFile` is a POSIX path relative to the root. */
  resolve(fromFile: string, specifier: string, form: ImportForm): ResolvedModule;
  /** Does the file's project keep imports that are used only as types (`verbatimModuleSyntax`)? */
  keepsTypeOnlyImports(fromFile: string): boolean;
}

interface ProjectResolution {
  project: TsProject;
  cache: TS.ModuleResolutionCache;
  usesNodeFormats: boolean;
  pathPatterns: string[];
}

const COMMONJS_FORMS: ReadonlySet<ImportForm> = new Set(["require", "require-resolve", "import-equals"]);

export function createModuleResolver(root: string, projects: readonly TsProject[]): ModuleResolver {
  const realRoot = realpathSync(root);
  const host = createCachedHost();
  const resolutions: ProjectResolution[] = projects.map((project) => {
    const kind = project.options.moduleResolution;
    return {
      project,
      cache: ts.createModuleResolutionCache(realRoot, (name) => name, project.options),
      usesNodeFormats: kind === ts.ModuleResolutionKind.Node16 || kind === ts.ModuleResolutionKind.NodeNext,
      pathPatterns: Object.keys(project.options.paths ?? {}),
    };
  });
  const workspacePackages = findWorkspacePackages(realRoot);
  let workspaceHost: CachedHost | undefined;
  const projectOfFile = new Map<string, ProjectResolution>();
  const memo = new Map<string, ResolvedModule>();

  const idOfLocalFile = (absolute: string): string => relative(realRoot, absolute).split(sep).join("/");

  const projectFor = (absolute: string): ProjectResolution => {
    let chosen = projectOfFile.get(absolute);
    if (chosen !== undefined) return chosen;
    chosen = resolutions.find((candidate) => candidate.project.fileNames.has(absolute));
    // A file no project includes (a test excluded by `include`, say) takes the closest tsconfig.
    chosen ??= closestProject(resolutions, absolute);
    projectOfFile.set(absolute, chosen);
    return chosen;
  };

  const classifyFile = (resolved: string, specifier: string): ResolvedModule => {
    // TypeScript keeps the path of a relative import as written, even through a symbolic link;
    // discovery maps the file under its real path, so the edge must point there too.
    const absolute = host.realpath(resolved);
    // Only a node_modules *below* the root marks a package: the root itself may be inside one.
    const fromRoot = relative(realRoot, absolute);
    const inNodeModules = (isAbsolute(fromRoot) || fromRoot.startsWith("..") ? absolute : fromRoot)
      .split(sep)
      .includes("node_modules");
    if (inNodeModules) {
      const name = packageNameOf(specifier) ?? packageNameOfPath(absolute.split(sep).join("/")) ?? specifier;
      return { id: name, kind: "external" };
    }
    const source = toSourceFile(absolute, host);
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

  const resolveUncached = (
    fromAbsolute: string,
    specifier: string,
    form: ImportForm,
    resolution: ProjectResolution,
    mode: TS.ResolutionMode,
  ): ResolvedModule => {
    const builtin = builtinId(specifier);
    if (builtin !== undefined) return { id: builtin, kind: "builtin" };
    // `import x from "https://esm.sh/x"` (Deno, browsers): a package fetched by address.
    if (/^https?:\/\//.test(specifier)) return { id: specifier, kind: "external" };

    if (form === "triple-slash") {
      const target = resolvePath(dirname(fromAbsolute), specifier);
      return existsAsFile(target)
        ? classifyFile(realpathSync(target), specifier)
        : unresolvedPath(target, specifier, "no such file");
    }

    const { resolvedModule } = ts.resolveModuleName(
      specifier,
      fromAbsolute,
      resolution.project.options,
      host,
      resolution.cache,
      undefined,
      mode,
    );
    if (resolvedModule !== undefined) return classifyFile(resolvedModule.resolvedFileName, specifier);

    if (isRelativeOrAbsolute(specifier)) {
      // TypeScript resolves only code; a stylesheet, an image or `require('./data')` of JSON is
      // still a file the importer depends on.
      const target = resolvePath(dirname(fromAbsolute), specifier);
      for (const candidate of [target, `${target}.json`, join(target, "index.json")]) {
        if (existsAsFile(candidate)) return classifyFile(realpathSync(candidate), specifier);
      }
      return unresolvedPath(target, specifier, "no such file");
    }
    const packageName = packageNameOf(specifier);
    if (packageName !== undefined && workspacePackages.has(packageName)) {
      workspaceHost ??= withWorkspaceLinks(host, realRoot, workspacePackages);
      const linked = ts.resolveModuleName(specifier, fromAbsolute, resolution.project.options, workspaceHost, undefined, undefined, mode);
      if (linked.resolvedModule !== undefined) return classifyFile(linked.resolvedModule.resolvedFileName, specifier);
      // The package is right here, so its subpath is not some other installed package's: Node
      // could not load `@scope/pkg/missing` either. (The bare name falls through to external:
      // a package whose entry is not built yet is still that package.)
      if (specifier !== packageName) {
        return { id: specifier, kind: "unresolved", reason: `no such export or file in the workspace package ${packageName}` };
      }
    }
    if (packageName !== undefined && !matchesPathPattern(specifier, resolution.pathPatterns)) {
      // Not installed (a fresh clone, CI before `npm ci`) is still that package.
      return { id: packageName, kind: "external" };
    }
    return {
      id: specifier,
      kind: "unresolved",
      reason: specifier.startsWith("#") ? "no matching package.json imports entry" : "no matching tsconfig paths entry or package",
    };
  };

  const unresolvedPath = (absolute: string, specifier: string, reason: string): ResolvedModule => ({
    id: pathId(absolute, specifier),
    kind: "unresolved",
    reason,
  });

  return {
    keepsTypeOnlyImports(fromFile) {
      const options = projectFor(join(realRoot, fromFile)).project.options;
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- older tsconfigs still set it, and it keeps type-only imports as verbatimModuleSyntax does
      return options.verbatimModuleSyntax === true || options.preserveValueImports === true;
    },
    resolve(fromFile, specifier, form) {
      const fromAbsolute = join(realRoot, fromFile);
      const resolution = projectFor(fromAbsolute);
      const mode = form === "triple-slash" ? "path" : resolutionModeOf(form, fromAbsolute, resolution);
      const key = `${dirname(fromAbsolute)}\0${specifier}\0${mode ?? ""}\0${resolution.project.configPath ?? ""}`;
      let result = memo.get(key);
      if (result === undefined) {
        result = resolveUncached(fromAbsolute, specifier, form, resolution, mode === "path" ? undefined : mode);
        memo.set(key, result);
      }
      return result;
    },
  };
}

function resolutionModeOf(form: ImportForm, file: string, resolution: ProjectResolution): TS.ResolutionMode {
  if (COMMONJS_FORMS.has(form)) return ts.ModuleKind.CommonJS;
  if (form === "dynamic") return ts.ModuleKind.ESNext;
  // Node16/NodeNext: a static import resolves by the format of the file it is in.
  if (!resolution.usesNodeFormats) return ts.ModuleKind.ESNext;
  const format = ts.getImpliedNodeFormatForFile(
    file,
    resolution.cache.getPackageJsonInfoCache(),
    ts.sys,
    resolution.project.options,
  );
  return format ?? ts.ModuleKind.CommonJS;
}

function closestProject(resolutions: ProjectResolution[], file: string): ProjectResolution {
  let best = resolutions[0]!;
  let bestDepth = -1;
  for (const candidate of resolutions) {
    const configPath = candidate.project.configPath;
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

function matchesPathPattern(specifier: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const star = pattern.indexOf("*");
    if (star === -1) return pattern === specifier;
    return specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
  });
}

function existsAsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

