/**
 * The files of a git revision, without touching the work tree, the index or the branch: the
 * revision's tree is read into a throwaway index (`GIT_INDEX_FILE`) and written out under a
 * temporary folder with `git checkout-index --prefix`. Unlike `git archive`, this honours no
 * `export-ignore` attribute (a revision is mapped with every file it holds), and unlike
 * `git worktree add` it leaves nothing in `.git` to clean up if the run is interrupted.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, realpathSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { errorCode, UserError } from "../../model/errors.js";

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
    if (errorCode(error) === "ENOENT" && !(error as { status?: number }).status) {
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

/** What resolution reads outside the mapped root: package manifests and tsconfigs, anywhere in the tree. */
const RESOLUTION_FILE = /(?:^|\/)(?:package\.json|[tj]sconfig(?:\..*)?\.json)$/;

/**
 * Writes the files of `commit` that mapping its root can read under `folder` (which must not
 * exist yet) and returns the mapped root inside it — made empty when the revision has no such
 * folder, so a root that a change creates or deletes is mapped as empty on the side where it is
 * missing. Written: every file under the root, and the package manifests and tsconfigs of the
 * whole tree (workspaces, `extends`, module format), and the files named in `alsoOutside` (what
 * the other revision's imports reached outside the root) — not the rest of the repository. A file
 * outside the root that git cannot write (a blob a partial clone never fetched) is left out.
 * A submodule under the root is written from its own repository, at the commit the revision
 * records, when it is checked out in the work tree (else it stays empty, as in a fresh clone).
 */
export function checkoutRevision(repository: Repository, commit: string, folder: string, alsoOutside: readonly string[] = []): string {
  writeTree(repository.top, commit, repository.prefix, folder, new Set(alsoOutside));
  const root = join(folder, repository.prefix);
  mkdirSync(root, { recursive: true });
  return root;
}

function writeTree(top: string, commit: string, prefix: string, folder: string, alsoOutside: ReadonlySet<string> = new Set()): void {
  const env = { ...process.env, GIT_INDEX_FILE: `${folder}.index` };
  const under = (path: string): boolean => prefix === "" || path === prefix || path.startsWith(`${prefix}/`);
  const inside: string[] = [];
  const outside: string[] = [];
  const submodules: { path: string; commit: string }[] = [];
  try {
    for (const entry of git(top, ["ls-tree", "-r", "-z", "--full-tree", commit]).split("\0")) {
      const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
      if (match === null) continue;
      const [, , type, object, path] = match as unknown as [string, string, string, string, string];
      if (type === "commit") {
        if (under(path) || (prefix !== "" && prefix.startsWith(`${path}/`))) submodules.push({ path, commit: object });
      } else if (type === "blob") {
        if (under(path)) inside.push(path);
        else if (RESOLUTION_FILE.test(path) || alsoOutside.has(path)) outside.push(path);
      }
    }
    git(top, ["read-tree", commit], env);
    checkoutPaths(top, inside, folder, env);
    try {
      checkoutPaths(top, outside, folder, env);
    } catch {
      // Only what resolution might read beyond the root: git writes what it can.
    }
  } catch (error) {
    // A filter git cannot run (git-lfs not installed, say), a full disk: git's own first line.
    const { stderr } = error as { stderr?: unknown };
    const said = (typeof stderr === "string" || Buffer.isBuffer(stderr) ? stderr.toString() : "").trim().split("\n")[0] || (error as Error).message;
    throw new UserError(`cannot write the files of ${commit.slice(0, 12)} to a temporary folder: ${said}`);
  } finally {
    rmSync(`${folder}.index`, { force: true });
  }
  for (const submodule of submodules) {
    const checkedOut = join(top, submodule.path);
    if (!existsSync(join(checkedOut, ".git"))) continue;
    const inner = submodule.path === prefix || prefix.startsWith(`${submodule.path}/`) ? prefix.slice(submodule.path.length + 1) : "";
    try {
      git(checkedOut, ["cat-file", "-e", `${submodule.commit}^{commit}`]);
    } catch {
      continue; // that commit was never fetched: empty, as git itself would leave it
    }
    writeTree(checkedOut, submodule.commit, inner, join(folder, submodule.path));
  }
}

/** `git checkout-index` of these paths from the index in `env`, under `folder`. */
function checkoutPaths(top: string, paths: readonly string[], folder: string, env: NodeJS.ProcessEnv): void {
  if (paths.length === 0) return;
  execFileSync("git", ["checkout-index", "--force", "-z", "--stdin", `--prefix=${folder}/`], {
    cwd: top,
    input: paths.join("\0"),
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
    env,
  });
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
