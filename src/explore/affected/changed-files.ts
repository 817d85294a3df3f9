/**
 * The files changed since a git revision, as paths relative to the mapped root: committed since
 * the revision, staged, unstaged and new untracked files (what a developer means by "my change").
 * Git prints paths relative to the top of the repository; the root may be a folder inside it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { errorCode, UserError } from "../../model/errors.js";

export interface ChangedFiles {
  /** Paths relative to the root, sorted; files outside the root are left out. */
  files: string[];
}

export function changedFiles(rootPath: string, shownRoot: string, ref: string): ChangedFiles {
  if (!existsSync(rootPath)) throw new UserError(`${shownRoot}: no such folder`);
  const top = gitTop(rootPath, shownRoot);
  if (ref.startsWith("-")) throw new UserError(`${ref}: not a git revision`);
  try {
    git(top, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new UserError(`${ref}: no such git revision in ${shownRoot}`);
  }
  const listed = [
    ["diff", "--name-only", "--no-renames", "-z", ref, "--"],
    ["diff", "--name-only", "--no-renames", "-z", "--cached", "--"],
    ["diff", "--name-only", "--no-renames", "-z", "--"],
    ["ls-files", "--others", "--exclude-standard", "-z"],
  ].flatMap((args) => git(top, args).split("\0").filter((path) => path !== ""));
  const root = realpathSync(rootPath);
  const files = new Set<string>();
  for (const path of listed) {
    const fromRoot = relative(root, join(top, path));
    if (fromRoot === "" || fromRoot.startsWith("..") || isAbsolute(fromRoot)) continue;
    files.add(fromRoot.split(sep).join("/"));
  }
  return { files: [...files].sort() };
}

function gitTop(rootPath: string, shownRoot: string): string {
  try {
    return git(rootPath, ["rev-parse", "--show-toplevel"]).trim();
  } catch (error) {
    if (errorCode(error) === "ENOENT" && !(error as { status?: number }).status) {
      throw new UserError(`${shownRoot}: cannot run git (layermap affected needs git on the PATH)`);
    }
    throw new UserError(`${shownRoot}: not a git checkout (layermap affected needs git history)`);
  }
}

/** Runs git quietly; lists are asked for NUL-separated (`-z`), so no file name comes quoted. */
function git(cwd: string, args: readonly string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
}
