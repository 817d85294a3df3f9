/**
 * What module resolution depends on besides the importing file and the specifier, recorded so a
 * later run can tell — with stat calls and folder listings, without loading TypeScript — whether
 * stored resolutions still hold:
 *
 * - `key`: layermap's version and the options that choose files and the tsconfig (config content
 *   included);
 * - `fileList`: the discovered source files (adding `x.ts` beside `x.js` changes what `./x` means);
 * - `listings`: the entry names of every folder under the root (except node_modules, dot-folders
 *   and the build-output folders discovery skips), and of the folders of targets outside them: a
 *   file added, removed or renamed anywhere there — a `.json`, a `.d.ts`, a stylesheet — shows;
 * - `contents`: every package.json / tsconfig / jsconfig under the root, every file read to load
 *   the tsconfig (its `extends` chain, even outside the root), the package.json of each folder
 *   above the root, and the package managers' install markers in each node_modules;
 * - `exists`: every resolved target that is not a discovered source file (still there?).
 *
 * Dot-files are left out of the listings, so an editor's swap file does not invalidate anything.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, parse, resolve, sep } from "node:path";
import { hashOf, sameStamp, stampOf, type Stamp } from "./stamp.js";
import { isFile, isFolder } from "../model/file-kind.js";

/** A file whose content matters: absent, or its stamp (null when not trusted) and hash. */
type ContentProbe = { absent: true } | { stamp: Stamp | null; hash: string };

export interface InputsRecord {
  key: string;
  fileList: string;
  /** Absolute folder → hash of its entry names; null when it is not a folder. */
  listings: Record<string, string | null>;
  /** Absolute file → what it held. */
  contents: Record<string, ContentProbe>;
  /** Absolute path → whether a file is there. */
  exists: Record<string, boolean>;
}

/** Files whose content resolution reads: npm's and TypeScript's, and Python's package-dir settings. */
const MANIFEST = /^(?:package\.json|[tj]sconfig(?:\..*)?\.json|pyproject\.toml|setup\.cfg)$/;
/** Written by npm (v7+), pnpm, yarn berry and yarn classic on every install. */
const INSTALL_MARKERS = [".package-lock.json", ".modules.yaml", ".yarn-state.yml", ".yarn-integrity"];

export interface CollectOptions {
  /** Absolute mapped root. */
  root: string;
  key: string;
  fileList: string;
  /** Folder names not descended into (besides node_modules and dot-folders). */
  skipFolders: readonly string[];
  /** Never listed: the cache's own folder. */
  cacheDir: string;
}

/**
 * Record the folders and manifests as resolution is about to see them; `addTargets` completes the
 * record once resolution is done. (Recorded before, a change made during the run is seen next time.)
 */
export function collectInputs(options: CollectOptions): InputsRecord {
  const record: InputsRecord = { key: options.key, fileList: options.fileList, listings: {}, contents: {}, exists: {} };
  const skipped = new Set(["node_modules", ...options.skipFolders]);
  const cacheDir = resolve(options.cacheDir);

  const crawl = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      record.listings[folder] = null;
      return;
    }
    record.listings[folder] = listingHash(entries);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith(".") || skipped.has(entry.name) || path === cacheDir) continue;
        crawl(path);
      } else if (MANIFEST.test(entry.name)) {
        record.contents[path] = contentProbe(path);
      }
    }
  };
  crawl(options.root);

  // Above the root: package.json files (module format, `imports`, workspaces) and installs.
  for (let folder = options.root; ; folder = dirname(folder)) {
    if (folder !== options.root) record.contents[join(folder, "package.json")] = contentProbe(join(folder, "package.json"));
    const nodeModules = join(folder, "node_modules");
    record.listings[nodeModules] = listingOf(nodeModules);
    if (record.listings[nodeModules] !== null) {
      for (const marker of INSTALL_MARKERS) record.contents[join(nodeModules, marker)] = contentProbe(join(nodeModules, marker));
    }
    if (folder === parse(folder).root) break;
  }

  return record;
}

export interface TargetOptions {
  root: string;
  skipFolders: readonly string[];
  /** Absolute paths of the files read to load the tsconfig. */
  tsconfigFiles: readonly string[];
  /** Absolute paths of resolved and unresolved targets (local files, or paths that were tried). */
  targets: Iterable<string>;
  /** Absolute paths of the discovered source files. */
  sourceFiles: ReadonlySet<string>;
}

/** Add what resolution turned out to depend on: the tsconfig's files, and the targets. */
export function addTargets(record: InputsRecord, options: TargetOptions): InputsRecord {
  const skipped = new Set(["node_modules", ...options.skipFolders]);
  for (const file of options.tsconfigFiles) record.contents[file] ??= contentProbe(file);
  for (const target of options.targets) {
    if (!options.sourceFiles.has(target)) record.exists[target] ??= isFile(target);
    // A target outside the crawled folders: what else is (or appears) beside it.
    for (const folder of [dirname(target), target]) {
      if (!(folder in record.listings) && !isInside(folder, options.root, skipped)) record.listings[folder] = listingOf(folder);
    }
  }
  return record;
}

/**
 * Check a record against the file system. Returns the record — the same object, or a copy with
 * its untrusted stamps refreshed — when nothing changed, or undefined when something did.
 */
export function verifyInputs(record: InputsRecord, key: string, fileList: string): InputsRecord | undefined {
  if (record.key !== key || record.fileList !== fileList) return undefined;
  for (const [folder, hash] of Object.entries(record.listings)) {
    if (listingOf(folder) !== hash) return undefined;
  }
  for (const [path, exists] of Object.entries(record.exists)) {
    if (isFile(path) !== exists) return undefined;
  }
  const contents: Record<string, ContentProbe> = {};
  let refreshed = false;
  for (const [path, probe] of Object.entries(record.contents)) {
    const now = checkProbe(path, probe);
    if (now === undefined) return undefined;
    contents[path] = now;
    refreshed ||= now !== probe;
  }
  return refreshed ? { ...record, contents } : record;
}

/** The probe as it stands now if the content is unchanged, else undefined. */
function checkProbe(path: string, probe: ContentProbe): ContentProbe | undefined {
  const stamp = stampOf(path);
  if ("absent" in probe) return stamp === undefined && !isFolder(path) ? probe : undefined;
  if (stamp === undefined) return undefined;
  if (probe.stamp !== null && sameStamp(probe.stamp, stamp) && !stamp.racy) return probe;
  const hash = hashFile(path);
  if (hash !== probe.hash) return undefined;
  return { stamp: stamp.racy ? null : strip(stamp), hash };
}

function contentProbe(path: string): ContentProbe {
  const stamp = stampOf(path);
  if (stamp === undefined) return { absent: true };
  const hash = hashFile(path);
  if (hash === undefined) return { absent: true };
  return { stamp: stamp.racy ? null : strip(stamp), hash };
}

function strip({ size, mtime, ctime }: Stamp): Stamp {
  return { size, mtime, ctime };
}

function hashFile(path: string): string | undefined {
  try {
    return hashOf(readFileSync(path));
  } catch {
    return undefined;
  }
}

function listingOf(folder: string): string | null {
  try {
    return listingHash(readdirSync(folder, { withFileTypes: true }));
  } catch {
    return null;
  }
}

function listingHash(entries: readonly { name: string; isDirectory(): boolean; isSymbolicLink(): boolean }[]): string {
  const names = entries
    .filter((entry) => !entry.name.startsWith("."))
    .map((entry) => `${entry.name}${entry.isDirectory() ? "/" : entry.isSymbolicLink() ? "@" : ""}`)
    .sort();
  return hashOf(names.join("\0"));
}

/** Is the folder one the crawl under the root lists? */
function isInside(folder: string, root: string, skipped: ReadonlySet<string>): boolean {
  if (folder !== root && !folder.startsWith(root + sep)) return false;
  const parts = folder.slice(root.length).split(sep).filter(Boolean);
  return parts.every((part) => !part.startsWith(".") && !skipped.has(part));
}
