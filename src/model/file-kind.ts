/** What a path names on disk, following symbolic links; false when it names nothing or cannot be read. */
import { statSync } from "node:fs";

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
