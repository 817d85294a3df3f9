/**
 * One measured run of a tool and the numbers around it, shared by bench.mjs and
 * bench-python.mjs: wall time measured here, CPU and peak RSS from GNU time.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** GNU time: its -f "%U %S %M" gives the children's CPU and peak RSS. */
export const TIME = "/usr/bin/time";

/**
 * Run one tool once (spec: { command, args, cwd, env? }); wall time here, CPU (user + sys) and
 * peak RSS from GNU time, its stdout through a file in outDir.
 * @returns {{ wall, cpu, rss, stdout, stderr } | { error: string }}
 */
export function execute(spec, outDir, hasTime) {
  const resources = path.join(outDir, "time.txt");
  const [command, args] = hasTime
    ? [TIME, ["-f", "%U %S %M", "-o", resources, spec.command, ...spec.args]]
    : [spec.command, spec.args];
  // stdout goes to a file, not a pipe: madge calls process.exit() after printing its JSON, which
  // cuts what is still queued for a pipe (at 200 KB on the monorepo); writes to a file are
  // synchronous in Node.js, so they are whole.
  const stdoutFile = path.join(outDir, "stdout.txt");
  const fd = fs.openSync(stdoutFile, "w");
  const started = process.hrtime.bigint();
  let run;
  try {
    run = spawnSync(command, args, { cwd: spec.cwd, encoding: "utf8", stdio: ["ignore", fd, "pipe"], maxBuffer: 256 << 20, env: { ...process.env, NO_COLOR: "1", ...spec.env } });
  } finally {
    fs.closeSync(fd);
  }
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.error) return { error: run.error.message };
  run.stdout = fs.readFileSync(stdoutFile, "utf8");
  // madge exits 1 on circular dependencies only with --circular; depcruise and layermap 0; a
  // crash is a non-zero exit with nothing useful written.
  if (run.status !== 0) return { error: `exit ${run.status ?? run.signal}\n${run.stderr}${run.stdout.slice(0, 2000)}` };
  let cpu = null;
  let rss = null;
  if (hasTime) {
    const line = fs.readFileSync(resources, "utf8").trim().split("\n").at(-1);
    const [user, sys, maxKb] = line.split(" ").map(Number);
    cpu = user + sys;
    rss = maxKb;
  }
  return { wall, cpu, rss, stdout: run.stdout, stderr: run.stderr };
}

export function median(values) {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return null;
  const sorted = [...present].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const percent = (share) => `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`;
export const seconds = (s) => (s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`);
export const ratio = (r) => (r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(r < 1 ? 2 : 1)}×`);

