/**
 * Writes an output file so that it is either the old file or the whole new one, never half:
 * the text goes to a temporary file beside it, which is then renamed into place.
 */
import { renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UserError } from "../model/errors.js";

export function writeOutputAtomically(path: string, text: string): void {
  const folder = dirname(path);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new UserError(`${path}: cannot write: the folder ${folder} does not exist`);
  const temporary = join(folder, `.${basename(path)}.layermap-tmp-${process.pid}`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError(`${path}: cannot write (${code})`);
  }
}
