import { relative, sep } from "node:path";

/** A path as the user would write it: relative to the working folder when inside it, POSIX. */
export function displayPath(absolute: string): string {
  const fromCwd = relative(process.cwd(), absolute);
  if (fromCwd === "") return ".";
  return (fromCwd.startsWith("..") ? absolute : fromCwd).split(sep).join("/");
}
