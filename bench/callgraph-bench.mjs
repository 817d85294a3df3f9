#!/usr/bin/env node
/**
 * The time and memory to build a call graph from a ~50 MB CPU profile (`layermap callgraph`).
 *
 *   node callgraph-bench.mjs [--runs N] [--size MB] [--by function,module,folder,layer]
 *                            [--interval µs] [--force] [--no-stages] [--no-cli]
 *
 *   --runs N      measured runs of each row (default 5): median, min–max
 *   --size MB     how large the profile must be at least (default 50)
 *   --by …        the folds measured (default: function,module,folder,layer)
 *   --interval µs V8's sampling interval when recording (default 50)
 *   --force       record the profile again (it is kept in .cache/callgraph/ otherwise)
 *
 * The profile is real: layermap itself mapping the corpora of corpora.mjs (fetched here when
 * missing), recorded with `layermap profile`. The profiled layermap is a copy built with source
 * maps into .cache/callgraph/layermap/, so its frames go through the source maps to src/*.ts as a
 * TypeScript user's would, and `--by layer` has the repository's own layermap.config.json.
 * One process records ~30 MB, so recordings are made one process each (the whole corpora
 * folder, then each corpus, largest first) until their sizes add up to --size, and merged into one valid profile
 * (node ids renumbered, one (root) over all of them, samples and timeDeltas concatenated so that
 * every sample keeps its duration): big.cpuprofile and big.json (what it is made of).
 *
 * Rows, each run in a fresh process (lib/callgraph-run.mjs) so its peak RSS is its own, runs
 * alternating across rows:
 *   JSON.parse    readFileSync + JSON.parse of the profile: the floor of any reader
 *   by <key>      callGraph() of dist/api/callgraph.js: read, parse, check, place, fold, prune
 *   CLI           node dist/cli.js callgraph big.cpuprofile --by function --format json (GNU time)
 * then, once per fold, the same work stage by stage.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchDir, corporaDir, findCorpus, mappedRoot, tsconfigPath } from "./corpora.mjs";
import { layermapCli } from "./lib/layermap.mjs";

const BYS = ["function", "module", "folder", "layer"];
const TIME = "/usr/bin/time";
const repo = path.join(benchDir, "..");
const cacheDir = path.join(benchDir, ".cache", "callgraph");
const profiledBuild = path.join(cacheDir, "layermap");
const bigProfile = path.join(cacheDir, "big.cpuprofile");
const bigMeta = path.join(cacheDir, "big.json");
const runner = path.join(benchDir, "lib", "callgraph-run.mjs");

function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "5" },
      size: { type: "string", default: "50" },
      by: { type: "string", default: BYS.join(",") },
      interval: { type: "string", default: "50" },
      force: { type: "boolean", default: false },
      "no-stages": { type: "boolean", default: false },
      "no-cli": { type: "boolean", default: false },
    },
  });
  const runs = Number(values.runs);
  const sizeMB = Number(values.size);
  const interval = Number(values.interval);
  if (!Number.isInteger(runs) || runs < 1) usage("--runs takes a whole number ≥ 1");
  if (!(sizeMB > 0)) usage("--size takes a number of MB > 0");
  if (!Number.isInteger(interval) || interval < 1) usage("--interval takes a whole number of µs ≥ 1");
  const bys = values.by.split(",").map((by) => by.trim()).filter(Boolean);
  for (const by of bys) if (!BYS.includes(by)) usage(`unknown --by "${by}" (known: ${BYS.join(", ")})`);
  if (!fs.existsSync(layermapCli)) fail(`${layermapCli} is missing: run npm run build in the repository root`);

  const meta = ensureProfile({ sizeMB, interval, force: values.force });
  const size = fs.statSync(bigProfile).size;
  console.log(`# callgraph: ${path.relative(benchDir, bigProfile)}, ${(size / 1e6).toFixed(1)} MB`);
  console.log(
    `${meta.nodes.toLocaleString("en-US")} profile nodes, ${meta.samples.toLocaleString("en-US")} samples, ${(meta.totalMs / 1000).toFixed(1)} s of run, ` +
      `${meta.parts.length} recording${meta.parts.length === 1 ? "" : "s"} at --interval ${meta.interval} merged`,
  );
  for (const part of meta.parts) console.log(`  ${(part.bytes / 1e6).toFixed(1)} MB  ${part.nodes.toLocaleString("en-US")} nodes  ${part.what}`);
  console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}; median of ${runs} runs, each a fresh process, alternating\n`);

  const cli = !values["no-cli"] && hasCallgraphCommand();
  const rows = [
    { name: "JSON.parse", args: ["parse", bigProfile] },
    ...bys.map((by) => ({ name: `by ${by}`, args: ["callgraph", bigProfile, repo, by] })),
    ...(cli ? [{ name: "CLI --by function", cli: true }] : []),
  ];
  const results = new Map(rows.map((row) => [row.name, []]));
  const errors = new Map();
  for (let run = 0; run < runs; run++) {
    const order = rows.map((_, index) => rows[(index + run) % rows.length]);
    for (const row of order) {
      if (errors.has(row.name)) continue;
      const measured = row.cli ? runCli() : runChild(row.args);
      if (measured.error) errors.set(row.name, measured.error);
      else results.get(row.name).push(measured);
    }
  }

  const floor = median(results.get("JSON.parse").map((r) => r.ms));
  const table = [["row", "wall (median)", "min–max", "CPU (median)", "× JSON.parse", "peak RSS (median)", "min–max", "graph nodes / edges (pruned)"]];
  for (const row of rows) {
    if (errors.has(row.name)) {
      table.push([row.name, "failed", "", "", "", "", "", ""]);
      continue;
    }
    const measured = results.get(row.name);
    const ms = measured.map((r) => r.ms);
    const rss = measured.map((r) => r.rssMB);
    const first = measured[0];
    table.push([
      row.name,
      seconds(median(ms)),
      `${seconds(Math.min(...ms))}–${seconds(Math.max(...ms))}`,
      measured[0].cpuMs === undefined ? "–" : seconds(median(measured.map((r) => r.cpuMs))),
      `${(median(ms) / floor).toFixed(1)}×`,
      `${Math.round(median(rss))} MB`,
      `${Math.min(...rss)}–${Math.max(...rss)}`,
      first.edges === undefined ? "–" : `${first.nodes.toLocaleString("en-US")} / ${first.edges.toLocaleString("en-US")}`,
    ]);
  }
  console.log(formatTable(table));
  console.log(
    `\nwall: the call alone, modules imported first (CLI: the whole process, measured here); CPU: user + system of the call, GC threads included; peak RSS: maxRSS of the process, ` +
      `Node's own ~${Math.round(median(results.get("JSON.parse").map((r) => r.baseMB)))} MB at start included${cli ? "" : "\nCLI row skipped: this build has no callgraph command"}`,
  );
  for (const [name, error] of errors) console.log(`\n${name} failed: ${error.split("\n").slice(0, 8).join("\n  ")}`);

  if (!values["no-stages"]) {
    console.log("\n## Stages (one run per fold, ms)\n");
    const stageTable = [["fold", "read", "parse + check", "place", "fold", "prune", "tree nodes", "frames", "graph nodes / edges (full)"]];
    for (const by of bys) {
      const measured = runChild(["stages", bigProfile, repo, by]);
      if (measured.error) {
        stageTable.push([by, "failed", "", "", "", "", "", "", ""]);
        continue;
      }
      const s = measured.stages;
      stageTable.push([
        by,
        ...["read", "parse + check", "place", "fold", "prune"].map((stage) => Math.round(s[stage]).toLocaleString("en-US")),
        measured.treeNodes.toLocaleString("en-US"),
        measured.frames.toLocaleString("en-US"),
        `${measured.fullNodes.toLocaleString("en-US")} / ${measured.fullEdges.toLocaleString("en-US")}`,
      ]);
    }
    console.log(formatTable(stageTable));
  }
  process.exitCode = errors.size > 0 ? 2 : 0;
}

/** big.cpuprofile, recorded and merged unless it is already there. */
function ensureProfile({ sizeMB, interval, force }) {
  if (!force && fs.existsSync(bigProfile) && fs.existsSync(bigMeta)) {
    const meta = JSON.parse(fs.readFileSync(bigMeta, "utf8"));
    if (meta.sizeMB === sizeMB && meta.interval === interval) return meta;
  }
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  buildProfiledCopy();
  ensureCorpora();

  const cli = path.join(profiledBuild, "dist", "cli.js");
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "layermap-callgraph-bench-"));
  const recordings = [
    { what: "map of every corpus at once (.cache/corpora/)", args: [corporaDir] },
    // Then each corpus, largest first, as often as it takes.
    ...[0, 1, 2].flatMap(() =>
      ["effect", "three", "date-fns", "rxjs", "express"].map(findCorpus).map((corpus) => ({
        what: `map of ${corpus.name}`,
        args: [mappedRoot(corpus), ...(tsconfigPath(corpus) ? ["--tsconfig", tsconfigPath(corpus)] : [])],
      })),
    ),
  ];
  const parts = [];
  let bytes = 0;
  try {
    for (const [index, recording] of recordings.entries()) {
      if (bytes >= sizeMB * 1e6) break;
      const out = path.join(cacheDir, `part-${index + 1}.cpuprofile`);
      const command = [layermapCli, "profile", "--interval", String(interval), "--root", repo, "--out", out, "--", process.execPath, cli, "map", ...recording.args, "--out", path.join(scratch, "map.json"), "--no-cache", "--quiet"];
      console.error(`recording ${path.basename(out)}: ${recording.what}`);
      const run = spawnSync(process.execPath, command, { cwd: repo, encoding: "utf8", maxBuffer: 64 << 20 });
      if (run.status !== 0 || !fs.existsSync(out)) fail(`recording failed (exit ${run.status ?? run.signal}): ${command.join(" ")}\n${run.stderr}`);
      const size = fs.statSync(out).size;
      bytes += size;
      parts.push({ what: recording.what, file: out, bytes: size, command: `node ${command.map((arg) => path.relative(repo, arg) || ".").join(" ")}` });
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (bytes < sizeMB * 1e6) fail(`all recordings add up to ${(bytes / 1e6).toFixed(1)} MB, under --size ${sizeMB}: lower --interval`);

  const profiles = parts.map((part) => JSON.parse(fs.readFileSync(part.file, "utf8")));
  const merged = profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
  fs.writeFileSync(bigProfile, JSON.stringify(merged));
  profiles.forEach((profile, index) => {
    parts[index].nodes = profile.nodes.length;
    parts[index].samples = profile.samples.length;
    fs.rmSync(parts[index].file);
    delete parts[index].file;
  });
  const meta = {
    sizeMB,
    interval,
    bytes: fs.statSync(bigProfile).size,
    nodes: merged.nodes.length,
    samples: merged.samples.length,
    totalMs: (merged.endTime - merged.startTime) / 1000,
    parts,
  };
  fs.writeFileSync(bigMeta, JSON.stringify(meta, null, 2) + "\n");
  return meta;
}

/**
 * Several profiles as one: the nodes of each renumbered past the previous ones', one (root) whose
 * children are the children of every profile's root, samples and timeDeltas concatenated. Each
 * profile's first delta becomes the time its predecessor's last sample ran (up to that profile's
 * endTime), so every sample keeps the duration it had and the total is the sum of the parts.
 */
function mergeProfiles(profiles) {
  const root = { id: 1, callFrame: { functionName: "(root)", scriptId: "0", url: "", lineNumber: -1, columnNumber: -1 }, hitCount: 0, children: [] };
  const nodes = [root];
  const samples = [];
  const timeDeltas = [];
  let nextId = 2;
  let time = profiles[0].startTime;
  let previousTail = 0;
  for (const [index, profile] of profiles.entries()) {
    const childIds = new Set(profile.nodes.flatMap((node) => node.children ?? []));
    const roots = profile.nodes.filter((node) => !childIds.has(node.id));
    if (roots.length !== 1 || roots[0].callFrame.functionName !== "(root)") fail(`profile ${index + 1}: expected one (root) node`);
    const renumber = new Map();
    for (const node of profile.nodes) renumber.set(node.id, node === roots[0] ? root.id : nextId++);
    for (const node of profile.nodes) {
      const children = (node.children ?? []).map((child) => renumber.get(child));
      if (node === roots[0]) {
        root.children.push(...children);
        root.hitCount += node.hitCount ?? 0;
      } else nodes.push({ ...node, id: renumber.get(node.id), children });
    }
    let stamp = profile.startTime;
    profile.samples.forEach((id, sample) => {
      const delta = Math.max(profile.timeDeltas[sample], 0);
      stamp += delta;
      samples.push(renumber.get(id));
      const merged = sample === 0 ? (index === 0 ? delta : previousTail) : delta;
      timeDeltas.push(merged);
      time += merged;
    });
    previousTail = Math.max(profile.endTime - stamp, 0);
  }
  return { nodes, startTime: profiles[0].startTime, endTime: time + previousTail, samples, timeDeltas };
}

/** layermap built from the repository's src/ with source maps, runnable where it lies. */
function buildProfiledCopy() {
  fs.mkdirSync(profiledBuild, { recursive: true });
  const tsc = path.join(repo, "node_modules", "typescript", "bin", "tsc");
  console.error(`building ${path.relative(benchDir, profiledBuild)}/dist with source maps`);
  const run = spawnSync(
    process.execPath,
    [tsc, "-p", path.join(repo, "tsconfig.build.json"), "--outDir", path.join(profiledBuild, "dist"), "--sourceMap", "--declaration", "false"],
    { cwd: repo, encoding: "utf8" },
  );
  if (run.status !== 0) fail(`tsc failed:\n${run.stdout}${run.stderr}`);
  // dist/model/version.js reads ../../package.json; the packages resolve from the repository's node_modules.
  fs.copyFileSync(path.join(repo, "package.json"), path.join(profiledBuild, "package.json"));
  fs.symlinkSync(path.join(repo, "node_modules"), path.join(profiledBuild, "node_modules"), "dir");
}

function ensureCorpora() {
  const run = spawnSync(process.execPath, [path.join(benchDir, "fetch-corpora.mjs")], { cwd: benchDir, stdio: ["ignore", "ignore", "inherit"] });
  if (run.status !== 0) fail("fetch-corpora.mjs failed");
}

function hasCallgraphCommand() {
  const run = spawnSync(process.execPath, [layermapCli, "callgraph", "--help"], { encoding: "utf8" });
  return run.status === 0 && /callgraph/.test(run.stdout);
}

function runChild(args) {
  const run = spawnSync(process.execPath, [runner, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) return { error: `exit ${run.status ?? run.signal}\n${run.stderr}` };
  return JSON.parse(run.stdout.trim().split("\n").at(-1));
}

/** The CLI end to end; wall time here, peak RSS from GNU time when it is there. */
function runCli() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "layermap-callgraph-cli-"));
  try {
    const out = path.join(dir, "graph.json");
    const resources = path.join(dir, "time.txt");
    const args = [layermapCli, "callgraph", bigProfile, "--root", repo, "--by", "function", "--format", "json"];
    const hasTime = fs.existsSync(TIME);
    const [command, commandArgs] = hasTime ? [TIME, ["-f", "%M", "-o", resources, process.execPath, ...args]] : [process.execPath, args];
    const fd = fs.openSync(out, "w");
    const started = process.hrtime.bigint();
    const run = spawnSync(command, commandArgs, { cwd: repo, stdio: ["ignore", fd, "pipe"], encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    fs.closeSync(fd);
    if (run.status !== 0) return { error: `exit ${run.status ?? run.signal}\n${run.stderr}` };
    const rssMB = hasTime ? Math.round(Number(fs.readFileSync(resources, "utf8").trim().split("\n").at(-1)) / 1024) : NaN;
    let graph = {};
    try {
      graph = JSON.parse(fs.readFileSync(out, "utf8"));
    } catch {
      // Not JSON: counts stay blank.
    }
    const counts = Array.isArray(graph.nodes) && Array.isArray(graph.edges) ? { nodes: graph.nodes.length, edges: graph.edges.length } : {};
    return { ms, rssMB, ...counts };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

function formatTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const line = (row) => `| ${row.map((cell, column) => String(cell).padEnd(widths[column])).join(" | ")} |`;
  return [line(rows[0]), `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`, ...rows.slice(1).map(line)].join("\n");
}

function usage(message) {
  console.error(`callgraph-bench.mjs: ${message}`);
  process.exit(2);
}

function fail(message) {
  console.error(`callgraph-bench.mjs: ${message}`);
  process.exit(2);
}

main();
