/**
 * A module-resolution host over the real file system that remembers every answer for the run:
 * resolving thousands of specifiers asks about the same folders and package.json files again
 * and again.
 */
import type { ts as TS } from "ts-morph";
import { ts } from "../typescript/ts.js";
import { PROTOTYPE_KEY, withoutPrototypeKeys } from "../config/prototype-keys.js";

export interface CachedHost extends TS.ModuleResolutionHost {
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  realpath(path: string): string;
}

export function createCachedHost(): CachedHost {
  const files = new Map<string, boolean>();
  const folders = new Map<string, boolean>();
  const realpaths = new Map<string, string>();
  const remember = <T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
  return {
    fileExists: (path) => remember(files, path, (key) => ts.sys.fileExists(key)),
    directoryExists: (path) => remember(folders, path, (key) => ts.sys.directoryExists(key)),
    realpath: (path) => remember(realpaths, path, (key) => ts.sys.realpath?.(key) ?? key),
    // TypeScript would make a package.json's "__proto__" the prototype of its fields (a `type`
    // or `exports` Node never sees): read it as Node does. manifestDiagnostics says so.
    readFile: (path) => {
      const text = ts.sys.readFile(path);
      return text !== undefined && path.endsWith("package.json") && text.includes(PROTOTYPE_KEY) ? withoutPrototypeKeys(text) : text;
    },
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
    getDirectories: (path) => ts.sys.getDirectories(path),
  };
}
