/**
 * How layermap scales, shared by scale.mjs and bench.mjs: generate synthetic projects
 * (generate.mjs) of the given sizes under the system temp folder (once: kept for later runs) and
 * map each cold (no cache) and warm (nothing changed), once each, through the API
 * (lib/map-run.mjs), under GNU time for CPU (user + sys) and peak RSS.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDir } from "../corpora.mjs";

export const DEFAULT_SIZES = [5000, 20000, 50000];
const work = path.join(os.tmpdir(), "layermap-scale");

/**
 * Measure each size. `node` runs layermap (map-run.mjs); `log` gets one line as each size is done.
 * @returns {{ modules: number, imports: number, wall: number, cpu: number, rss: number, stages: object[],
 *             warm: { wall: number, cpu: number, rss: number } }[]}  cold figures at the top level, rss in MB
 */
export function runScale(sizes, { node = process.execPath, log = () => {} } = {}) {
  fs.mkdirSync(work, { recursive: true });
  const rows = [];
  for (const size of sizes) {
    const root = path.join(work, `gen-${size}`);
    if (!fs.existsSync(path.join(root, "tsconfig.json"))) execFileSync(process.execPath, [path.join(benchDir, "generate.mjs"), String(size), root]);
    // Old files, as in a real checkout: a stamp younger than 3 s is not trusted by the cache.
    const past = Date.now() / 1000 - 600;
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) if (entry.isFile()) fs.utimesSync(path.join(entry.parentPath, entry.name), past, past);
    const cacheDir = path.join(work, `cache-${size}`);
    fs.rmSync(cacheDir, { recursive: true, force: true });
    const cold = measure(node, [root, path.join(work, "cold.json"), "--no-cache"]);
    measure(node, [root, path.join(work, "warm.json"), "--cache", cacheDir]); // prime
    const warm = measure(node, [root, path.join(work, "warm.json"), "--cache", cacheDir]);
    if (fs.readFileSync(path.join(work, "cold.json"), "utf8") !== fs.readFileSync(path.join(work, "warm.json"), "utf8")) throw new Error(`${size} modules: warm and cold documents differ`);
    const row = { modules: size, imports: cold.out.imports, wall: cold.wall, cpu: cold.cpu, rss: cold.rss, stages: cold.out.stages, warm: { wall: warm.wall, cpu: warm.cpu, rss: warm.rss } };
    rows.push(row);
    log(`${size} modules: cold ${row.cpu.toFixed(2)} s CPU, ${Math.round(row.rss)} MB; warm ${warm.cpu.toFixed(2)} s CPU`);
  }
  return rows;
}

function measure(node, args) {
  const timeFile = path.join(work, "time.txt");
  const started = process.hrtime.bigint();
  const run = spawnSync("/usr/bin/time", ["-f", "%U %S %M", "-o", timeFile, node, path.join(benchDir, "lib", "map-run.mjs"), ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`map-run.mjs ${args.join(" ")} exited with ${run.status ?? run.signal}\n${run.stderr}`);
  const [user, sys, kb] = fs.readFileSync(timeFile, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
  return { wall, cpu: user + sys, rss: kb / 1024, out: JSON.parse(run.stdout) };
}

/** The table scale.mjs and bench.mjs print: one row a size, cold and warm, and CPU per module. */
export function scaleTable(rows) {
  const s = (x) => `${x.toFixed(2)} s`;
  const mb = (x) => `${Math.round(x)} MB`;
  const header = ["modules", "imports", "cold wall", "cold CPU", "cold peak RSS", "CPU a module", "warm wall", "warm CPU", "warm peak RSS", "warm / cold"];
  return [
    header,
    ...rows.map((r) => [
      r.modules.toLocaleString("en-US"),
      r.imports.toLocaleString("en-US"),
      s(r.wall),
      s(r.cpu),
      mb(r.rss),
      `${((1000 * r.cpu) / r.modules).toFixed(2)} ms`,
      s(r.warm.wall),
      s(r.warm.cpu),
      mb(r.warm.rss),
      `${Math.round((100 * r.warm.wall) / r.wall)}%`,
    ]),
  ];
}
