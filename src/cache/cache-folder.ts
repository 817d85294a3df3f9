/**
 * Where the map cache of a root lives: `--cache <dir>` as given, else `node_modules/.cache/layermap`
 * of the project that holds the root — unless a symbolic link on the way leads out of it.
 */
import { existsSync, realpathSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { displayPath } from "../model/display-path.js";

/** `node_modules/.cache/layermap` of the nearest folder at or above the root with a package.json. */
export function defaultCacheDir(root: string): string {
  for (let folder = root; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "package.json"))) return join(folder, "node_modules", ".cache", "layermap");
    if (dirname(folder) === folder) return join(root, "node_modules", ".cache", "layermap");
  }
}

/** The folder given (`--cache <dir>`, the user's own choice, used as given), else the trusted default, if any. */
export function cacheFolderOf(root: string, given: string | undefined, warn: (message: string) => void, cwd?: string): string | undefined {
  return given !== undefined ? resolve(given) : trustedDefaultCacheDir(root, warn, cwd);
}

/**
 * The default cache folder, unless a symbolic link on the way there (a `node_modules` committed
 * as a link, say) leads out of the project that holds it: the cache is then neither read nor
 * written, rather than written wherever the analysed repository points.
 */
function trustedDefaultCacheDir(root: string, warn: (message: string) => void, cwd: string | undefined): string | undefined {
  const dir = defaultCacheDir(root);
  const project = dirname(dirname(dirname(dir)));
  let realProject: string;
  try {
    realProject = realpathSync(project);
  } catch {
    return dir;
  }
  for (let folder = dir; folder !== project && folder.startsWith(project + sep); folder = dirname(folder)) {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      continue; // not made yet: made below a folder that is checked here too
    }
    if (real !== realProject && !real.startsWith(realProject + sep)) {
      warn(`not using the cache folder ${displayPath(dir, cwd)}: a symbolic link on the way leads out of ${displayPath(project, cwd)} (to ${displayPath(real, cwd)}); mapping without the cache (--cache <dir> names one)`);
      return undefined;
    }
  }
  return dir;
}
