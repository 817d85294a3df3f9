import { relative, sep } from "node:path";

/**
 * A path as the user would write it: relative to the working folder `cwd` when inside it, POSIX.
 * The CLI passes its working folder in (`CliIo.cwd`) through the API's `cwd` options; a library
 * caller that gives none gets absolute paths — library code never asks the process where it is.
 */
export function displayPath(absolute: string, cwd: string | undefined): string {
  if (cwd === undefined) return absolute.split(sep).join("/");
  const fromCwd = relative(cwd, absolute);
  if (fromCwd === "") return ".";
  return (fromCwd.startsWith("..") ? absolute : fromCwd).split(sep).join("/");
}
