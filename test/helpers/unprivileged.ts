/**
 * Permissions do not bind root, and CI containers often run tests as root. A test about an
 * unreadable file or an unwritable folder therefore runs the built CLI as `nobody` when the tests
 * run as root, and as the current user otherwise; it is skipped only where neither can work
 * (Windows, which has no chmod 000 to speak of).
 */
import { spawnSync } from "node:child_process";
import { chmodSync } from "node:fs";
import { CLI, type CliRun } from "./run-built-cli.js";

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** Why a permissions test cannot run here, or undefined when it can. */
export const permissionsUntestable: string | undefined = process.platform === "win32" ? "Windows has no POSIX permissions to take away" : undefined;

/** Runs the built CLI as a user whom permissions bind. */
export function runCliUnprivileged(args: readonly string[], cwd?: string): CliRun {
  const user = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, ...user });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary tree is private to its maker (mkdtemp: 0700): let `nobody` walk into it. */
export function openToOthers(root: string): void {
  chmodSync(root, 0o755);
}
