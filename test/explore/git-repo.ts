/** A throwaway git repository for the `affected` tests, committed as a user nobody configured. */
import { execFileSync } from "node:child_process";

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** `git init` and one commit of everything in the folder, tagged `base`. */
export function commitAll(cwd: string, message: string, tag?: string): void {
  if (tag === "base") git(cwd, "init", "--quiet");
  git(cwd, "add", "--all");
  git(cwd, "commit", "--quiet", "-m", message);
  if (tag !== undefined) git(cwd, "tag", tag);
}
