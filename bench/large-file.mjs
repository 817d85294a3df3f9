#!/usr/bin/env node
/**
 * How long one huge minified file takes, through the CLI: generates N MB of minified JavaScript
 * (one line of dense statements, a `require` every 500) beside a small importer, then maps it
 * with the default size limit (skipped: too-large) and with the limit raised above it (parsed),
 * printing wall time and peak RSS of each.
 *
 *   node large-file.mjs [10]
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { layermapCli } from "./lib/layermap.mjs";

const megabytes = Number(process.argv[2] ?? 10);
const root = fs.mkdtempSync(path.join(os.tmpdir(), "layermap-large-file-"));
const parts = [];
let size = 0;
for (let i = 0; size < megabytes * 1024 * 1024; i++) {
  const chunk = `var a${i}=function(e,t){for(var r=0;r<e.length;r++)t+=e[r]|0;return{v:t,k:"k${i}"}},b${i}=${i % 500 === 0 ? 'require("./main.js")' : `a${i}([1,2],3)`};`;
  parts.push(chunk);
  size += chunk.length;
}
fs.writeFileSync(path.join(root, "bundle.js"), parts.join(""));
fs.writeFileSync(path.join(root, "main.ts"), 'import "./bundle.js";\n');

function measure(label, extra) {
  const timeFile = path.join(root, "time.txt");
  const started = process.hrtime.bigint();
  const run = spawnSync("/usr/bin/time", ["-f", "%M", "-o", timeFile, process.execPath, layermapCli, "map", root, "--no-cache", "--quiet", "--out", path.join(root, "out.json"), ...extra], { encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(run.stderr);
  const rss = Number(fs.readFileSync(timeFile, "utf8").trim().split("\n").at(-1)) / 1024;
  const document = JSON.parse(fs.readFileSync(path.join(root, "out.json"), "utf8"));
  const codes = document.diagnostics.map((d) => d.code).join(", ") || "none";
  console.log(`${label}: ${wall.toFixed(2)} s, peak RSS ${Math.round(rss)} MB, ${document.summary.imports} imports, diagnostics: ${codes}`);
}

console.log(`${(size / 1024 / 1024).toFixed(1)} MB of minified JavaScript in ${root}`);
measure("default limit (4 MB)", []);
measure(`limit raised to ${megabytes * 2} MB`, ["--max-file-size", `${megabytes * 2}mb`]);
fs.rmSync(root, { recursive: true, force: true });
