/**
 * Where Python's absolute imports start: the folders that would be on `sys.path` when the mapped
 * code runs. In the order they are tried:
 *
 * 1. the config's `"python": { "roots": [...] }`, as written (relative to the mapped root);
 * 2. the package-dir settings of `pyproject.toml` (setuptools' `package-dir` and `packages.find.where`,
 *    Poetry's `packages[].from`, Hatch's wheel `packages`) and `setup.cfg` (`[options] package_dir`);
 * 3. `src/` when it holds a package (the "src layout") and nothing above named it;
 * 4. the mapped root itself — or, when the root is itself a package (it holds `__init__.py`:
 *    `layermap map src/werkzeug`), the folder above it, so that `werkzeug.serving` is found.
 *
 * A folder below the root that holds its own `pyproject.toml`, `setup.cfg` or `setup.py` is a
 * project of its own (an example app, one package of a monorepo): its files start in its own
 * folders first, then in the root's (`sourceRootsByProject`).
 *
 * Paths are absolute. A setting that names no folder is left out (a broken setting never stops a
 * map); what it said is kept in `problems` for a diagnostic on the file that said it.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join, normalize, posix, resolve } from "node:path";
import { parse as parseToml } from "smol-toml";
import { errorCode } from "../../model/errors.js";
import { isFile, isFolder } from "../../model/file-kind.js";

interface SourceRoots {
  /** Absolute folders, most specific setting first, each once. */
  roots: string[];
  /** Settings that could not be read or name no folder: file relative to the root, and why. */
  problems: { file: string; message: string }[];
}

/** `configFile`: the config file that set `configured`, relative to the root, for its diagnostics. */
function findSourceRoots(root: string, configured: readonly string[] = [], configFile = "layermap.config.json"): SourceRoots {
  const found: string[] = [];
  const problems: SourceRoots["problems"] = [];
  const add = (folder: string): void => {
    const absolute = normalize(folder);
    if (!found.includes(absolute)) found.push(absolute);
  };
  for (const folder of configured) add(resolve(root, folder));

  const pyproject = join(root, "pyproject.toml");
  const pyprojectText = isFile(pyproject) ? readSetting(pyproject, "utf8", problems) : undefined;
  if (pyprojectText !== undefined) {
    try {
      for (const folder of pyprojectFolders(parseToml(pyprojectText))) add(resolve(root, folder));
    } catch (error) {
      problems.push({ file: "pyproject.toml", message: `cannot read the package folders: ${firstLine(error)}` });
    }
  }
  const setupCfg = join(root, "setup.cfg");
  const setupCfgText = isFile(setupCfg) ? readSetting(setupCfg, "latin1", problems) : undefined;
  if (setupCfgText !== undefined) for (const folder of setupCfgFolders(setupCfgText)) add(resolve(root, folder));
  if (found.length === configured.length && isFolder(join(root, "src"))) add(join(root, "src"));
  add(isFile(join(root, "__init__.py")) ? dirname(root) : root);

  const roots = found.filter((folder) => isFolder(folder));
  for (const folder of configured) {
    if (!isFolder(resolve(root, folder))) problems.push({ file: configFile, message: `python.roots: ${JSON.stringify(folder)} is not a folder` });
  }
  return { roots, problems };
}

/** The files that make a folder a Python project of its own. */
const PROJECT_FILES = ["pyproject.toml", "setup.cfg", "setup.py"];

export interface ProjectSourceRoots {
  /** The source roots of a file (relative to the root): one array a project. */
  rootsOf: (file: string) => readonly string[];
  problems: SourceRoots["problems"];
}

/**
 * The source roots of every project `files` (relative to the root) are in: the root's, and those of
 * each folder below it holding a project file, found once here (so that what their settings get
 * wrong is reported on every run, whatever the cache recalls).
 */
export function sourceRootsByProject(root: string, files: readonly string[], configured: readonly string[] = [], configFile?: string): ProjectSourceRoots {
  const top = findSourceRoots(root, configured, configFile);
  const problems = [...top.problems];
  const byFolder = new Map<string, readonly string[]>([[".", top.roots]]);
  const rootsOfFolder = (folder: string): readonly string[] => {
    let roots = byFolder.get(folder);
    if (roots !== undefined) return roots;
    const absolute = join(root, folder);
    if (PROJECT_FILES.some((name) => isFile(join(absolute, name)))) {
      const own = findSourceRoots(absolute);
      problems.push(...own.problems.map((problem) => ({ ...problem, file: `${folder}/${problem.file}` })));
      roots = [...own.roots, ...top.roots.filter((folder) => !own.roots.includes(folder))];
    } else roots = rootsOfFolder(posix.dirname(folder));
    byFolder.set(folder, roots);
    return roots;
  };
  for (const file of files) rootsOfFolder(posix.dirname(file));
  return { rootsOf: (file) => rootsOfFolder(posix.dirname(file)), problems };
}

type Table = Record<string, unknown>;
const isTable = (value: unknown): value is Table => typeof value === "object" && value !== null && !Array.isArray(value);
const tableAt = (value: unknown, ...keys: string[]): Table | undefined => {
  let current = value;
  for (const key of keys) current = isTable(current) ? current[key] : undefined;
  return isTable(current) ? current : undefined;
};
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : typeof value === "string" ? [value] : []);

/** The source folders a pyproject.toml names, relative to its folder. */
function pyprojectFolders(document: unknown): string[] {
  const folders: string[] = [];
  const setuptools = tableAt(document, "tool", "setuptools");
  // package-dir = { "" = "src" }: the root package folder. Other keys map one package each; their parent is not a root.
  const packageDir = tableAt(setuptools, "package-dir");
  if (typeof packageDir?.[""] === "string") folders.push(packageDir[""]);
  folders.push(...strings(tableAt(setuptools, "packages", "find")?.["where"]));
  const poetryPackages = tableAt(document, "tool", "poetry")?.["packages"];
  if (Array.isArray(poetryPackages)) for (const entry of poetryPackages) if (isTable(entry) && typeof entry["from"] === "string") folders.push(entry["from"]);
  // Hatch names package folders ("src/foo"): the folder above each is where imports start.
  for (const path of strings(tableAt(document, "tool", "hatch", "build", "targets", "wheel")?.["packages"])) folders.push(dirname(path));
  return folders;
}

/** `[options] package_dir = =src` (or `"" = src` spread over continuation lines), as configparser reads it. */
function setupCfgFolders(text: string): string[] {
  let section = "";
  let inPackageDir = false;
  const folders: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+[#;].*$/, "");
    if (/^\s*[#;]/.test(line) || line.trim() === "") continue;
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header !== null) {
      section = header[1]!.trim();
      inPackageDir = false;
      continue;
    }
    const continuation = /^\s/.test(line);
    if (!continuation) {
      const entry = /^([^=:]+)[=:](.*)$/.exec(line);
      inPackageDir = section === "options" && entry?.[1]!.trim() === "package_dir";
      if (!inPackageDir) continue;
      const value = entry![2]!;
      // `package_dir = =src` on one line: the value is `=src`.
      const inline = /^\s*=\s*(\S+)\s*$/.exec(value);
      if (inline !== null) folders.push(inline[1]!);
      continue;
    }
    if (!inPackageDir) continue;
    const mapping = /^\s*(\S*)\s*=\s*(\S+)\s*$/.exec(line);
    if (mapping !== null && mapping[1] === "") folders.push(mapping[2]!);
  }
  return folders;
}

/** A settings file's text; one that cannot be read is a problem named by its error code (no path of this machine). */
function readSetting(path: string, encoding: BufferEncoding, problems: SourceRoots["problems"]): string | undefined {
  try {
    return readFileSync(path, encoding);
  } catch (error) {
    problems.push({ file: basename(path), message: `cannot be read (${errorCode(error) ?? "unknown error"}): its package folders are not used` });
    return undefined;
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}
