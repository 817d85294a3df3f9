/**
 * The cProfile part of `layermap profile`: run a command with V8's CPU profiler on in every Node
 * process it starts (a preload named in NODE_OPTIONS, so child processes and `npm run` scripts are
 * profiled too; see profiler-preload.ts), stop it after a duration if asked, and collect one `.cpuprofile` per process — the Chrome
 * DevTools format that DevTools and speedscope open. Frame URLs are made relative
 * to the root, so a profile written on one machine names the same files on another.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { UserError } from "../model/errors.js";

export interface ProfileOptions {
  /** The command and its arguments, as after `--`. */
  command: readonly string[];
  /** Stop the command (SIGINT to its process group) after this many seconds. */
  durationSeconds?: number;
  /** V8's sampling interval in microseconds (its default is 1000). */
  intervalMicroseconds?: number;
  /** Frame URLs are written relative to this folder. */
  root: string;
  /** Told once the command is running (for a progress line, and for tests). */
  onStarted?: (pid: number) => void;
}

export interface ProfileRun {
  /** The command's exit code, or 128 + n when a signal ended it. */
  exitCode: number;
  /** Whether the run was stopped after `durationSeconds`. */
  stopped: boolean;
  /** One profile per Node process, in the order the processes started. */
  profiles: CpuProfile[];
}

/** The parts of V8's CPU profile this reads and rewrites (everything else is kept as it is). */
export interface CpuProfile {
  nodes: { callFrame: { url: string } }[];
  startTime: number;
  [key: string]: unknown;
}

const SIGNAL_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGKILL: 137, SIGHUP: 129 };

export async function runProfiled(options: ProfileOptions): Promise<ProfileRun> {
  const [program, ...args] = options.command;
  if (program === undefined) throw new UserError("profile: name the command to run after --, like: layermap profile -- node app.js");
  const folder = mkdtempSync(join(tmpdir(), "layermap-profile-"));
  try {
    const preload = pathToFileURL(fileURLToPath(new URL("./profiler-preload.js", import.meta.url))).href;
    const env = {
      ...process.env,
      NODE_OPTIONS: [process.env["NODE_OPTIONS"] ?? "", quoteOption(`--import=${preload}`)].join(" ").trim(),
      LAYERMAP_PROFILE_DIR: folder,
      ...(options.intervalMicroseconds === undefined ? {} : { LAYERMAP_PROFILE_INTERVAL: String(options.intervalMicroseconds) }),
    };
    const { exitCode, stopped } = await run(program, args, env, folder, options);
    return { exitCode, stopped, profiles: readProfiles(folder, options.root) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** NODE_OPTIONS is split on spaces: a path with one is quoted, as Node reads it. */
function quoteOption(option: string): string {
  return /[\s"\\]/.test(option) ? `"${option.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"` : option;
}

function run(program: string, args: readonly string[], env: NodeJS.ProcessEnv, folder: string, options: ProfileOptions): Promise<{ exitCode: number; stopped: boolean }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that stopping it reaches every process it started.
    const child = spawn(program, args, { env, stdio: "inherit", detached: true });
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    // Ctrl-C reaches only layermap (the command is in a group of its own): it stops the command
    // the same way, and layermap waits to collect the profiles instead of exiting at once.
    const previous = process.listeners("SIGINT");
    const forward = (): void => stopGroup(child.pid);
    process.removeAllListeners("SIGINT");
    process.on("SIGINT", forward);
    const finish = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      process.off("SIGINT", forward);
      for (const listener of previous) process.on("SIGINT", listener);
    };
    child.once("error", (error: NodeJS.ErrnoException) => {
      finish();
      reject(new UserError(error.code === "ENOENT" ? `profile: ${program}: command not found` : `profile: ${program}: ${error.message}`));
    });
    child.once("spawn", () => {
      options.onStarted?.(child.pid!);
      const duration = options.durationSeconds;
      if (duration === undefined) return;
      // The duration counts from when the first process's profiler runs (it leaves a `.started`
      // file), so a start-up slowed by a busy machine never eats the time asked for.
      const waiting = setInterval(() => {
        if (!readdirSync(folder).some((name) => name.endsWith(".started"))) return;
        clearInterval(waiting);
        timer = setTimeout(() => {
          stopped = true;
          stopGroup(child.pid);
        }, duration * 1000);
      }, 25);
      child.once("exit", () => clearInterval(waiting));
    });
    child.once("exit", (code, signal) => {
      finish();
      resolve({ exitCode: code ?? SIGNAL_CODES[signal ?? ""] ?? 1, stopped });
    });
  });
}

function stopGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGINT");
  } catch {
    // already gone
  }
}

/**
 * The profiles V8 wrote, oldest process first, with every file URL made a POSIX path relative to
 * the root (`../node_modules/tsx/…` for one outside it): no machine path stays in a profile, and
 * `layermap callgraph --root` reads it back on any machine.
 */
function readProfiles(folder: string, root: string): CpuProfile[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => JSON.parse(readFileSync(join(folder, name), "utf8")) as CpuProfile)
    .sort((a, b) => a.startTime - b.startTime)
    .map((profile) => {
      for (const node of profile.nodes) node.callFrame.url = relativeUrl(node.callFrame.url, root);
      return profile;
    });
}

function relativeUrl(url: string, root: string): string {
  if (!url.startsWith("file://")) return url;
  try {
    return relative(root, fileURLToPath(url)).split(sep).join("/");
  } catch {
    return url;
  }
}
