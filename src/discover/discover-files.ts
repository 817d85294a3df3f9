/**
 * The discover stage: root + globs + .gitignore → the sorted list of source files to parse.
 */
import { fdir } from "fdir";
import picomatch from "picomatch";
import { compareCodeUnits } from "../model/compare.js";
import { GitignoreRules } from "./gitignore-rules.js";
import { isSourceFile } from "./source-extensions.js";

/** Folders that hold installed, generated or tool output rather than the code being mapped. */
export const DEFAULT_SKIPPED_FOLDERS = ["node_modules", "dist", "build", "coverage"] as const;

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

/** Returns POSIX paths relative to the root, sorted by code unit so every machine agrees. */
export function discoverFiles(options: DiscoverOptions): string[] {
  const includeDeclarations = options.includeDeclarations ?? false;
  const included = options.include?.length ? picomatch([...options.include], { dot: true }) : () => true;
  const excluded = options.exclude?.length ? picomatch([...options.exclude], { dot: true }) : () => false;
  const gitignore = options.gitignore === false ? null : new GitignoreRules(options.root);
  const rootPrefixLength = withTrailingSlash(toPosix(options.root)).length;
  const relative = (absolute: string): string => toPosix(absolute).slice(rootPrefixLength);

  const files = new fdir()
    .withFullPaths()
    .exclude((name, path) => {
      if (name.startsWith(".") || (DEFAULT_SKIPPED_FOLDERS as readonly string[]).includes(name)) return true;
      const folder = withTrailingSlash(relative(path));
      return gitignore !== null && gitignore.ignores(folder);
    })
    .filter((path, isDirectory) => {
      if (isDirectory || !isSourceFile(path, includeDeclarations)) return false;
      const file = relative(path);
      if (!included(file) || excluded(file)) return false;
      return gitignore === null || !gitignore.ignores(file);
    })
    .crawl(options.root)
    .sync();

  return files.map(relative).sort(compareCodeUnits);
}

function toPosix(path: string): string {
  return path.replaceAll("\\", "/");
}

function withTrailingSlash(path: string): string {
  return path.endsWith("/") ? path : `${path}/`;
}
