/**
 * The discover stage: root + globs + .gitignore → the sorted list of source files to parse, and
 * what was seen but not taken, so that nothing is dropped silently:
 *
 * - symbolic links are never followed (a link inside the root names a file that is mapped under
 *   its own path anyway; one leading out of the root leads out of what was asked for) — each link
 *   that would have been mapped, and each link to a folder, is reported with what it points at;
 * - a folder that cannot be listed (permissions) is reported, and the walk goes on;
 * - the package.json files seen are listed, for the map to check (resolution reads them).
 *
 * The walk is a loop over a stack, not recursion: depth costs nothing.
 */
import { readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { globMatcher } from "../config/glob-matcher.js";
import { compareCodeUnits } from "../model/compare.js";
import { errorCode, UserError } from "../model/errors.js";
import { GitignoreRules } from "./gitignore-rules.js";
import { isSourceFile } from "./source-extensions.js";

/**
 * Folders that hold installed, generated or tool output rather than the code being mapped: npm's
 * and Python's installs (`site-packages`; virtual environments by name here, and any folder
 * holding `pyvenv.cfg`, below), build output, byte code. Dot-folders (`.venv`, `.tox`) are
 * skipped too.
 */
export const DEFAULT_SKIPPED_FOLDERS = ["node_modules", "dist", "build", "coverage", "__pycache__", "site-packages", "venv"] as const;

/** A virtual environment's marker file (PEP 405), whatever the folder is called. */
const VIRTUAL_ENVIRONMENT_MARKER = "pyvenv.cfg";

export interface DiscoverOptions {
  /** Absolute path of the folder to map. */
  root: string;
  /** Globs relative to the root; a file must match one of them when any are given. */
  include?: readonly string[];
  /** Globs relative to the root; a file matching any of them is left out. */
  exclude?: readonly string[];
  /** Parse `.d.ts` files too. */
  includeDeclarations?: boolean;
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
}

/** A path seen but not mapped, and why: a symbolic link, or a folder that could not be listed. */
interface SkippedPath {
  /** POSIX path relative to the root. */
  path: string;
  code: "symlink" | "read-error";
  message: string;
}

export interface Discovery {
  /** Source files: POSIX paths relative to the root, sorted by code unit so every machine agrees. */
  files: string[];
  skipped: SkippedPath[];
  /** Every package.json in the folders walked, relative to the root, sorted. */
  manifests: string[];
}

export function discoverSources(options: DiscoverOptions): Discovery {
  const { root } = options;
  const includeDeclarations = options.includeDeclarations ?? false;
  const included = options.include?.length ? globMatcher(options.include) : () => true;
  const excluded = options.exclude?.length ? globMatcher(options.exclude) : () => false;
  const gitignore = options.gitignore === false ? null : new GitignoreRules(root);
  const ignored = (path: string): boolean => gitignore !== null && gitignore.ignores(path);
  const wanted = (file: string): boolean => isSourceFile(file, includeDeclarations) && included(file) && !excluded(file) && !ignored(file);
  const skippedFolder = (name: string): boolean => name.startsWith(".") || (DEFAULT_SKIPPED_FOLDERS as readonly string[]).includes(name);

  const files: string[] = [];
  const skipped: SkippedPath[] = [];
  const manifests: string[] = [];
  const pending = [""];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    const entries = listFolder(root, folder, skipped);
    if (folder !== "" && entries.some((entry) => entry.name === VIRTUAL_ENVIRONMENT_MARKER && entry.isFile())) continue;
    for (const entry of entries) {
      const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!skippedFolder(entry.name) && !ignored(`${path}/`)) pending.push(path);
      } else if (entry.isFile()) {
        if (entry.name === "package.json" && !ignored(path)) manifests.push(path);
        if (wanted(path)) files.push(path);
      } else if (entry.isSymbolicLink() && !skippedFolder(entry.name)) {
        const link = describeLink(root, path);
        const reported = link.isFolder ? !ignored(`${path}/`) && included(path) && !excluded(path) : wanted(path);
        if (reported) skipped.push({ path, code: "symlink", message: link.message });
      }
      // Sockets, pipes and devices are not source files, whatever their names.
    }
  }
  files.sort(compareCodeUnits);
  dropStubsBesideModules(files);
  skipped.sort((a, b) => compareCodeUnits(a.path, b.path));
  manifests.sort(compareCodeUnits);
  return { files, skipped, manifests };
}

/**
 * A `.pyi` stub types the `.py` module beside it: that module is what imports load, so the stub is
 * not a module of its own. (A stub with no module beside it — a compiled extension's — is mapped.)
 */
function dropStubsBesideModules(files: string[]): void {
  const present = new Set(files);
  let kept = 0;
  for (const file of files) if (!(file.endsWith(".pyi") && present.has(file.slice(0, -1)))) files[kept++] = file;
  files.length = kept;
}

/** The folder's entries; a folder that cannot be listed is reported (the root: a user error). */
function listFolder(root: string, folder: string, skipped: SkippedPath[]): Dirent[] {
  try {
    return readdirSync(join(root, folder), { withFileTypes: true });
  } catch (error) {
    const code = errorCode(error) ?? "unknown error";
    if (folder === "") throw new UserError(`${root}: cannot list the folder (${code})`);
    // Removed (or replaced by a file) while the walk went on: nothing there to map any more.
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : "cannot list the folder";
    skipped.push({ path: folder, code: "read-error", message: `${reason} (${code}): the folder is not mapped` });
    return [];
  }
}

/** What a symbolic link points at, in words, and whether it is a folder. */
function describeLink(root: string, path: string): { message: string; isFolder: boolean } {
  const absolute = join(root, path);
  let target: string;
  try {
    target = readlinkSync(absolute);
  } catch {
    target = "?";
  }
  let isFolder: boolean;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch (error) {
    const code = errorCode(error) ?? "unknown error";
    if (code === "ELOOP") return { message: `symbolic link loop (to ${target}): not followed`, isFolder: false };
    if (code === "ENOENT" || code === "ENOTDIR") return { message: `broken symbolic link (to ${target}, which does not exist): not mapped`, isFolder: false };
    return { message: `symbolic link to ${target} that cannot be followed (${code}): not mapped`, isFolder: false };
  }
  const inside = insideRoot(root, absolute);
  if (inside === undefined) return { message: `symbolic link to ${isFolder ? "a folder" : "a file"} outside the root (${target}): not followed`, isFolder };
  const consequence = isFolder ? "its files are mapped under their own paths" : "the file itself is mapped under its own path";
  return { message: `symbolic link to ${isFolder ? "the folder " : ""}${inside}: not followed (${consequence})`, isFolder };
}

/** The link's real target relative to the root's real path, or undefined when it lies outside. */
function insideRoot(root: string, absolute: string): string | undefined {
  try {
    const path = relative(realpathSync(root), realpathSync(absolute));
    if (path === ".." || path.startsWith(`..${sep}`) || isAbsolute(path)) return undefined;
    return path === "" ? "." : path.split(sep).join("/");
  } catch {
    return undefined;
  }
}
