/**
 * Python's import system, read without running any of the code: which file a site's module is.
 *
 * - A dotted name `a.b.c` is looked for in each source root in turn (./source-roots.ts), as
 *   `sys.path` is: the package `a/b/c/__init__.py` before the module `a/b/c.py` (CPython's
 *   FileFinder order), a `.pyi` stub only where no `.py` is (a compiled module's stub is its only
 *   source). A folder without `__init__.py` is a namespace package: a step on the way, and a
 *   module only where nothing else is called so.
 * - `from a import b` is the submodule `a.b` when it is a file, else the module `a` (the name is
 *   then an attribute): the site's record names the module it landed on.
 * - Relative imports count up from the importing file's package; past the top package they are
 *   unresolved, as Python raises.
 * - A name no root holds is the standard library's (`builtin`, by its top-level name) or a
 *   package's (`external`, by its top-level name); a top-level package the roots do hold whose
 *   submodule is missing is `unresolved`.
 *
 * Targets are files under the mapped root, by their real path: a symbolic link is followed to the
 * file it names, and one leading out of the root leads out of the map (unresolved), as for scripts.
 */
import { realpathSync, statSync, type Stats } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import type { ImportSite } from "../../extract/types.js";
import type { ResolvedModule } from "../module-resolver.js";
import { isStandardLibrary } from "./standard-library.js";

export interface PythonResolver {
  /** `fromFile` is a POSIX path relative to the root. */
  resolve(fromFile: string, site: ImportSite): ResolvedModule;
}

/** The files Python files end with: sources, then stubs. */
const SOURCE = ".py";
const STUB = ".pyi";
const NAMESPACE_PACKAGE = "a namespace package (a folder without __init__.py): no file to map";

/** An identifier as Python reads one (PEP 3131, near enough): letters, digits not first, underscores. */
const IDENTIFIER = String.raw`[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*`;
/** Dots, then dotted identifiers (or nothing, after dots: `from . import x`). */
const MODULE_NAME = new RegExp(String.raw`^(?:\.+(?:${IDENTIFIER}(?:\.${IDENTIFIER})*)?|${IDENTIFIER}(?:\.${IDENTIFIER})*)$`, "u");

/**
 * `root` is absolute; `rootsOf` gives the source roots (absolute, in the order they are tried) of a
 * file relative to the root — the same array for every file of one project, which keys the caches.
 */
export function createPythonResolver(root: string, rootsOf: (file: string) => readonly string[]): PythonResolver {
  const realRoot = realpathSync(root);
  const kinds = new Map<string, "file" | "folder" | null>();
  const kindOf = (path: string): "file" | "folder" | null => {
    let kind = kinds.get(path);
    if (kind === undefined) {
      let stat: Stats | undefined;
      try {
        stat = statSync(path, { throwIfNoEntry: false });
      } catch {
        // ENOTDIR (a file where the name has a folder), EACCES, a loop: nothing to import there.
      }
      kind = stat === undefined ? null : stat.isFile() ? "file" : stat.isDirectory() ? "folder" : null;
      kinds.set(path, kind);
    }
    return kind;
  };

  /** The file of module `parts` under `base`: a package's `__init__`, a module, or a stub; undefined if none. */
  const moduleFile = (base: string, parts: readonly string[]): string | undefined => {
    const path = join(base, ...parts);
    if (kindOf(path) === "folder") {
      for (const ending of [SOURCE, STUB]) if (kindOf(join(path, `__init__${ending}`)) === "file") return join(path, `__init__${ending}`);
    }
    for (const ending of [SOURCE, STUB]) if (kindOf(path + ending) === "file") return path + ending;
    return undefined;
  };
  const isNamespacePackage = (base: string, parts: readonly string[]): boolean => kindOf(join(base, ...parts)) === "folder";

  const reals = new Map<string, string>();
  const realPathOf = (absolute: string): string => {
    let real = reals.get(absolute);
    if (real === undefined) {
      try {
        real = realpathSync(absolute);
      } catch {
        real = absolute;
      }
      reals.set(absolute, real);
    }
    return real;
  };

  const local = (absolute: string): ResolvedModule => {
    const real = realPathOf(absolute);
    const path = relative(realRoot, real).split(sep).join("/");
    if (path === "" || path === ".." || path.startsWith("../") || isAbsolute(path)) {
      return { id: path, kind: "unresolved", reason: "it is outside the root (map a folder that holds both to follow it)" };
    }
    return { id: path, kind: "local" };
  };

  /** The root a file is under (the deepest that holds it), and its module name's parts. */
  const modules = new Map<string, { base: string; parts: string[] } | undefined>();
  const moduleOf = (file: string): { base: string; parts: string[] } | undefined => {
    if (!modules.has(file)) modules.set(file, findModuleOf(file));
    return modules.get(file);
  };
  const findModuleOf = (file: string): { base: string; parts: string[] } | undefined => {
    const absolute = join(realRoot, file);
    let best: { base: string; parts: string[] } | undefined;
    for (const base of rootsOf(file)) {
      const path = relative(base, absolute);
      if (path.startsWith("..") || isAbsolute(path)) continue;
      const parts = path.split(sep);
      if (best === undefined || parts.length < best.parts.length) best = { base, parts };
    }
    if (best === undefined) return undefined;
    const last = best.parts.pop()!.replace(/\.pyi?$/, "");
    if (last !== "__init__") best.parts.push(last);
    return best;
  };
  const isPackage = (file: string): boolean => /(?:^|\/)__init__\.pyi?$/.test(file);

  /** An absolute dotted name, root by root: the same wherever one project writes it, so found once a project. */
  const absolutes = new WeakMap<readonly string[], Map<string, ResolvedModule>>();
  const absoluteModule = (name: string, roots: readonly string[]): ResolvedModule => {
    let known = absolutes.get(roots);
    if (known === undefined) absolutes.set(roots, (known = new Map<string, ResolvedModule>()));
    let found = known.get(name);
    if (found === undefined) {
      found = findAbsolute(name, roots);
      known.set(name, found);
    }
    return found;
  };
  const findAbsolute = (name: string, roots: readonly string[]): ResolvedModule => {
    const parts = name.split(".");
    for (const base of roots) {
      const found = moduleFile(base, parts);
      if (found !== undefined) return local(found);
    }
    const top = parts[0]!;
    const topIsLocal = roots.some((base) => moduleFile(base, [top]) !== undefined);
    if (!topIsLocal && isStandardLibrary(top)) return { id: top, kind: "builtin" };
    if (topIsLocal) return { id: name, kind: "unresolved", reason: `no module ${name}: no ${parts.join("/")}.py or ${parts.join("/")}/__init__.py in a source root` };
    // An installed package would win over a namespace package's folder, but not over nothing.
    if (roots.some((base) => isNamespacePackage(base, parts))) return { id: name, kind: "unresolved", reason: NAMESPACE_PACKAGE };
    return { id: top, kind: "external" };
  };

  /** The folder a relative import of `level` dots starts from, or why there is none. */
  const relativeBase = (fromFile: string, level: number): { folder: string; prefix: string[] } | { problem: string } => {
    const module = moduleOf(fromFile);
    if (module === undefined) return { problem: "the file is in no source root" };
    const packageParts = isPackage(fromFile) ? module.parts : module.parts.slice(0, -1);
    if (packageParts.length === 0) return { problem: "relative import in a module that is in no package" };
    if (level - 1 >= packageParts.length) return { problem: "relative import beyond the top-level package" };
    const prefix = packageParts.slice(0, packageParts.length - (level - 1));
    return { folder: join(module.base, ...prefix), prefix };
  };

  const relativeModule = (fromFile: string, specifier: string): ResolvedModule => {
    const level = /^\.+/.exec(specifier)![0].length;
    const rest = specifier.slice(level);
    const base = relativeBase(fromFile, level);
    if ("problem" in base) return { id: specifier, kind: "unresolved", reason: base.problem };
    const parts = rest === "" ? [] : rest.split(".");
    const found = moduleFile(base.folder, parts);
    if (found !== undefined) return local(found);
    const name = [...base.prefix, ...parts].join(".");
    if (parts.length > 0 && isNamespacePackage(base.folder, parts)) return { id: name, kind: "unresolved", reason: NAMESPACE_PACKAGE };
    return { id: name, kind: "unresolved", reason: `no module ${name}` };
  };

  const moduleNamed = (fromFile: string, specifier: string): ResolvedModule => {
    // A string given to import_module() can be anything; only a module name is looked for on disk.
    if (!MODULE_NAME.test(specifier)) return { id: specifier, kind: "unresolved", reason: "not a Python module name" };
    return specifier.startsWith(".") ? relativeModule(fromFile, specifier) : absoluteModule(specifier, rootsOf(fromFile));
  };

  return {
    resolve(fromFile, site) {
      const name = site.names?.length === 1 ? site.names[0]! : undefined;
      if (name !== undefined && name !== "*") {
        // `from a import b`: the submodule a.b when it is a file, else the attribute b of a.
        const submodule = site.specifier.endsWith(".") ? site.specifier + name : `${site.specifier}.${name}`;
        const found = moduleNamed(fromFile, submodule);
        if (found.kind === "local") return { ...found, specifier: submodule };
      }
      return moduleNamed(fromFile, site.specifier);
    },
  };
}
