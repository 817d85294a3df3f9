import { readFileSync } from "node:fs";
import { errorCode, UserError } from "./errors.js";
import { printable } from "./printable.js";

/** A file's text as UTF-8, or one line naming it and why not: `<path>: cannot read (ENOENT)`. */
export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(`${printable(path)}: cannot read (${errorCode(error) ?? (error as Error).message})`);
  }
}
