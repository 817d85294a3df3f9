/**
 * .gitignore rules of a tree, as git applies them: each folder's .gitignore speaks for the paths
 * below it. Files are read lazily, once per folder, the first time a path below it is asked about.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";

export class GitignoreRules {
  private readonly byFolder = new Map<string, Ignore | null>();

  constructor(private readonly root: string) {}

  /** `relativePath` is POSIX and relative to the root; folders end with "/". */
  ignores(relativePath: string): boolean {
    let slash = -1;
    do {
      const folder = slash === -1 ? "" : relativePath.slice(0, slash);
      const rules = this.rulesOf(folder);
      if (rules !== null && rules.ignores(relativePath.slice(slash + 1))) return true;
      slash = relativePath.indexOf("/", slash + 1);
    } while (slash !== -1 && slash < relativePath.length - 1);
    return false;
  }

  private rulesOf(folder: string): Ignore | null {
    let rules = this.byFolder.get(folder);
    if (rules === undefined) {
      rules = readRules(join(this.root, folder, ".gitignore"));
      this.byFolder.set(folder, rules);
    }
    return rules;
  }
}

function readRules(path: string): Ignore | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return null; // no .gitignore here, which is the common case
  }
  return ignore().add(text);
}
