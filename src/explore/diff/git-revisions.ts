/**
 * The files of a git revision, without touching the work tree, the index or the branch: the
 * revision's tree is read into a throwaway index (`GIT_INDEX_FILE`) and written out under a
 * temporary folder with `git checkout-index --prefix`. Unlike `git archive`, this honours no
 * `export-ignore` attribute (a revision is mapped with every file it holds), and unlike
 * `git worktree add` it leaves nothing in `.git` to clean up if the run is interrupted.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, realpathSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { UserError } from "../../model/errors.js";

export interface Repository {
  /** The top of the work tree. */
  top: string;
  /** The mapped root inside it, POSIX, "" at the top. */
  prefix: string;
}

/** The repository the root is in; a UserError when it is in none. */
export function openRepository(rootPath: string, shownRoot: string): Repository {
  if (!existsSync(rootPath)) throw new UserError(`${shownRoot}: no such folder`);
  let top: string;
  try {
    top = git(rootPath, ["rev-parse", "--show-toplevel"]).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && !(error as { status?: number }).status) {
      throw new UserError(`${shownRoot}: cannot run git (layermap diff needs git on the PATH)`);
    }
    throw new UserError(`${shownRoot}: not a git checkout (layermap diff compares git revisions)`);
  }
  const prefix = relative(realpathSync(top), realpathSync(rootPath)).split(sep).join("/");
  return { top, prefix };
}

/** The commit a revision names (a branch, a tag, HEAD~2, a hash); a UserError when none. */
export function resolveRevision(repository: Repository, ref: string, shownRoot: string): string {
  // A ref that starts with "-" would be read as an option of git's.
  if (ref.startsWith("-")) throw new UserError(`${ref}: not a git revision`);
  try {
    return git(repository.top, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim();
  } catch {
    throw new UserError(`${ref}: no such git revision in ${shownRoot}`);
  }
}

/**
 * Writes every file of `commit` under `folder` (which must not exist yet) and returns the
 * mapped root inside it — made empty when the revision has no such folder, so a root that a
 * change creates or deletes is mapped as empty on the side where it is missing.
 */
export function checkoutRevision(repository: Repository, commit: string, folder: string): string {
  const env = { ...process.env, GIT_INDEX_FILE: `${folder}.index` };
  try {
    git(repository.top, ["read-tree", commit], env);
    git(repository.top, ["checkout-index", "--all", "--force", `--prefix=${folder}/`], env);
  } catch (error) {
    // A filter git cannot run (git-lfs not installed, say), a full disk: git's own first line.
    const said = String((error as { stderr?: unknown }).stderr ?? "").trim().split("\n")[0] || (error as Error).message;
    throw new UserError(`cannot write the files of ${commit.slice(0, 12)} to a temporary folder: ${said}`);
  }
  const root = join(folder, repository.prefix);
  mkdirSync(root, { recursive: true });
  return root;
}

function git(cwd: string, args: readonly string[], env?: NodeJS.ProcessEnv): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
    ...(env === undefined ? {} : { env }),
  });
}
