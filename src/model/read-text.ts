import { readFileSync } from "node:fs";
import { errorCode, UserError } from "./errors.js";
import { printable } from "./printable.js";

/** A file's text as UTF-8, or one line naming it (as `name`, default its path) and why not: `<path>: cannot read (ENOENT)`. */
export function readText(path: string, name = path): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(`${printable(name)}: cannot read (${errorCode(error) ?? (error as Error).message})`);
  }
}
