/**
 * The file system as resolution asks about it, every answer remembered for the run: resolving
 * thousands of specifiers asks about the same folders and files again and again. The answers are
 * TypeScript's (`ts.sys`: a stat that follows links, `realpathSync.native`, the path itself when
 * it cannot be resolved), so layermap's own steps and TypeScript's resolver, when it runs, see
 * one file system; none of this loads TypeScript.
 */
import { realpathSync, statSync } from "node:fs";

export interface FileSystem {
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  realpath(path: string): string;
  /** A path known to be real (oxc-resolver follows links and answers with real paths): `realpath` is then free. */
  knownReal(path: string): void;
}

export function cachedFileSystem(): FileSystem {
  const kinds = new Map<string, "file" | "folder" | "none">();
  const realpaths = new Map<string, string>();
  const kindOf = (path: string): "file" | "folder" | "none" => {
    let kind = kinds.get(path);
    if (kind === undefined) {
      kind = statKind(path);
      kinds.set(path, kind);
    }
    return kind;
  };
  return {
    fileExists: (path) => kindOf(path) === "file",
    directoryExists: (path) => kindOf(path) === "folder",
    realpath(path) {
      let real = realpaths.get(path);
      if (real === undefined) {
        real = realpathOf(path);
        realpaths.set(path, real);
      }
      return real;
    },
    knownReal(path) {
      realpaths.set(path, path);
    },
  };
}

function statKind(path: string): "file" | "folder" | "none" {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats === undefined ? "none" : stats.isFile() ? "file" : stats.isDirectory() ? "folder" : "none";
  } catch {
    return "none";
  }
}

function realpathOf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
