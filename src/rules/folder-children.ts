/**
 * The children of a folder by name, the way Python and TypeScript both name a module: a folder
 * (`high/`), or a file without its extension (`high.py`, `high.ts`, `high.d.ts` are `high`).
 * The folders of containers and of acyclic siblings; `.` is the mapped root.
 */
import type { IdMatcher } from "../config/glob-matcher.js";

/** A file's name without its extension: `high.py` → `high`, `types.d.ts` → `types`. */
export function stem(fileName: string): string {
  const cut = /(\.d)?\.[^.]*$/.exec(fileName);
  return cut === null || cut.index === 0 ? fileName : fileName.slice(0, cut.index);
}

export interface FolderChild {
  /** The folder, `.` for the root. */
  folder: string;
  /** The child's name, and whether it is a folder (else a file). */
  name: string;
  isFolder: boolean;
}

/** For each folder above `id` that `accepts` (the root as `.`), the child `id` lies in, outermost first. */
export function childrenOn(id: string, accepts: IdMatcher): FolderChild[] {
  const children: FolderChild[] = [];
  const add = (folder: string, from: number): void => {
    if (!accepts(folder)) return;
    const end = id.indexOf("/", from);
    children.push(end === -1 ? { folder, name: stem(id.slice(from)), isFolder: false } : { folder, name: id.slice(from, end), isFolder: true });
  };
  add(".", 0);
  for (let slash = id.indexOf("/"); slash !== -1; slash = id.indexOf("/", slash + 1)) add(id.slice(0, slash), slash + 1);
  return children;
}
