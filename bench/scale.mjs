#!/usr/bin/env node
/**
 * How layermap scales: generates synthetic projects (generate.mjs) of the given sizes under the
 * system temp folder and maps each cold (no cache) and warm (nothing changed), once each, through
 * the API (lib/map-run.mjs), printing wall time, CPU and peak RSS.
 *
 *   node scale.mjs [5000 20000 50000]
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDir } from "./corpora.mjs";

const sizes = process.argv.slice(2).map(Number);
const work = path.join(os.tmpdir(), "layermap-scale");
const rows = [["modules", "imports", "cold wall", "cold CPU", "cold peak RSS", "warm wall", "warm CPU", "warm peak RSS", "warm / cold"]];

function measure(args) {
  const timeFile = path.join(work, "time.txt");
  const started = process.hrtime.bigint();
  const run = spawnSync("/usr/bin/time", ["-f", "%U %S %M", "-o", timeFile, process.execPath, path.join(benchDir, "lib", "map-run.mjs"), ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(run.stderr);
  const [user, sys, kb] = fs.readFileSync(timeFile, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
  return { wall, cpu: user + sys, rss: kb / 1024, out: JSON.parse(run.stdout) };
}

fs.mkdirSync(work, { recursive: true });
for (const size of sizes.length ? sizes : [5000, 20000, 50000]) {
  const root = path.join(work, `gen-${size}`);
  if (!fs.existsSync(path.join(root, "tsconfig.json"))) execFileSync(process.execPath, [path.join(benchDir, "generate.mjs"), String(size), root]);
  // Old files, as in a real checkout: a stamp younger than 3 s is not trusted by the cache.
  const past = Date.now() / 1000 - 600;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) if (entry.isFile()) fs.utimesSync(path.join(entry.parentPath, entry.name), past, past);
  const cacheDir = path.join(work, `cache-${size}`);
  fs.rmSync(cacheDir, { recursive: true, force: true });
  const cold = measure([root, path.join(work, "cold.json"), "--no-cache"]);
  measure([root, path.join(work, "warm.json"), "--cache", cacheDir]); // prime
  const warm = measure([root, path.join(work, "warm.json"), "--cache", cacheDir]);
  if (fs.readFileSync(path.join(work, "cold.json"), "utf8") !== fs.readFileSync(path.join(work, "warm.json"), "utf8")) throw new Error("warm and cold differ");
  const s = (x) => `${x.toFixed(2)} s`;
  rows.push([size, cold.out.imports, s(cold.wall), s(cold.cpu), `${Math.round(cold.rss)} MB`, s(warm.wall), s(warm.cpu), `${Math.round(warm.rss)} MB`, `${Math.round((100 * warm.wall) / cold.wall)}%`].map(String));
  console.error(rows.at(-1).join(" | "));
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
console.log(rows.map((r, i) => `| ${r.map((cell, c) => String(cell).padStart(widths[c])).join(" | ")} |${i === 0 ? `\n|${widths.map((w) => "-".repeat(w + 1) + ":").join("|")}|` : ""}`).join("\n"));
