import { relative, sep } from "node:path";

/**
 * A path as the user would write it: relative to the working folder `cwd` when inside it, POSIX.
 * The CLI passes its working folder in (`CliIo.cwd`); the process's is the default only for the
 * callers that do not pass one yet (map, config, resolve).
 */
export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const fromCwd = relative(cwd, absolute);
  if (fromCwd === "") return ".";
  return (fromCwd.startsWith("..") ? absolute : fromCwd).split(sep).join("/");
}
