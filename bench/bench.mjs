#!/usr/bin/env node
/**
 * Speed benchmark: layermap against its peers on the corpora of corpora.mjs (fetch them first
 * with fetch-corpora.mjs; `npm run bench` in the repository root does both).
 *
 *   node bench.mjs [corpus…] [--runs N] [--tools a,b,…] [--node <path>] [--scale sizes|none]
 *
 *   corpus…      names from corpora.mjs; all of them when none is given
 *   --runs N     measured runs of each tool per corpus (default 3); the table shows medians
 *   --tools …    a subset of: layermap-cold, layermap-warm, layermap-edit, depcruise, madge,
 *                skott, rev-dep (default: all)
 *   --node path  run layermap under this Node.js (also LAYERMAP_NODE); the peers always run
 *                under the Node.js running bench.mjs
 *   --scale …    generated project sizes for the scale goals (lib/scale-run.mjs), comma-separated,
 *                or "none"; default 5000,20000,50000 when no corpus is named, none otherwise
 *
 * When no corpus is named, the Python corpora of #18 follow, layermap against importlab
 * (lib/python-bench.mjs; skipped with one line when fetch-python.mjs has not fetched them or
 * python3 does not run).
 *
 * After the speed tables it prints the scale table and the goals of issue #16 (lib/goals.mjs):
 * each ratio, its goal, met or not, and for a goal not met where the layermap run spent its time
 * (the measured runs pass --verbose, whose stage lines go to stderr).
 *
 * The tools, each a whole process run the way a user runs it:
 *   layermap-cold  node <repo>/dist/cli.js map <root> --out <file> --no-cache [--tsconfig]
 *   layermap-warm  the same with --cache <dir> after one unmeasured priming run: nothing changed
 *   layermap-edit  the same on a copy of its own with a cache of its own, primed likewise, after
 *                  one file's text changed (a comment, same size, new mtime) — the "one file
 *                  changed" case
 *   depcruise      dependency-cruiser --no-config --ts-pre-compilation-deps --output-type json
 *                  (its fastest complete mode), as compare-edges.mjs runs it
 *   madge          madge --json --extensions ts,tsx,mts,cts,js,jsx,mjs,cjs [--ts-config]
 *   skott          skott's JavaScript API through lib/skott-run.mjs (its CLI prints no graph)
 *   rev-dep        rev-dep debug get-tree-for-cwd (its whole resolved graph as JSON): the Go
 *                  binary itself, not the npm package's Node.js wrapper, whose execSync cuts the
 *                  output at 1 MB (the monorepo's graph is 13 MB)
 *
 * Every tool maps the same copy of the corpus (the edit runs, a copy of their own), made under the
 * system temp folder: rev-dep honours the .gitignore of an enclosing git repository, and
 * bench/.cache is git-ignored here.
 * Runs alternate (run 1 of every tool, then run 2 of every tool, …, the order rotating), so a
 * slow phase of the machine hits every tool alike. Wall time is measured here; CPU (user + sys)
 * and peak RSS come from GNU time (`/usr/bin/time -f`), which reports the children's rusage:
 * CPU summed over the whole process tree, peak RSS of its largest process.
 *
 * Exit code 0; 2 when a corpus is missing or a tool crashed (its row says so, the rest still run).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchDir, corpora, depcruiseConfigPath, findCorpus, packageDir } from "./corpora.mjs";
import { depcruiseArgs, depcruiseVersion, depcruiseView } from "./lib/depcruise.mjs";
import { goalRows, parseStages } from "./lib/goals.mjs";
import { layermapCli, layermapView, readLayermapDocument } from "./lib/layermap.mjs";
import { DEFAULT_SIZES, runScale, scaleTable } from "./lib/scale-run.mjs";
import { TIME, execute, median, percent, ratio, seconds } from "./lib/measure.mjs";
import { benchPython, pythonBenchMissing } from "./lib/python-bench.mjs";
import { markdownTable as table } from "./lib/table.mjs";

const TOOLS = ["layermap-cold", "layermap-warm", "layermap-edit", "depcruise", "madge", "skott", "rev-dep"];
const bin = (name) => path.join(benchDir, "node_modules", ".bin", name);
const workDir = path.join(os.tmpdir(), "layermap-bench");
const EXTENSIONS = ["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"];
/** The Go binary of bench's rev-dep, for this platform (an optional dependency of rev-dep). */
const revDepBinary = path.join(benchDir, "node_modules", "@rev-dep", `${process.platform}-${process.arch}`, "bin", process.platform === "win32" ? "rev-dep.exe" : "rev-dep");
/** The Node.js that runs layermap (--node, LAYERMAP_NODE); set in main. */
let layermapNode = process.execPath;

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: "string", default: "3" },
      tools: { type: "string" },
      node: { type: "string" },
      scale: { type: "string" },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) usage("--runs takes a whole number ≥ 1");
  layermapNode = values.node ?? process.env.LAYERMAP_NODE ?? process.execPath;
  const nodeVersion = spawnSync(layermapNode, ["--version"], { encoding: "utf8" });
  if (nodeVersion.status !== 0) usage(`--node ${layermapNode}: not a Node.js that runs (${nodeVersion.error?.message ?? nodeVersion.stderr.trim()})`);
  const scaleArg = values.scale ?? (positionals.length ? "none" : DEFAULT_SIZES.join(","));
  const sizes = scaleArg === "none" ? [] : scaleArg.split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 2)) usage(`--scale takes sizes like ${DEFAULT_SIZES.join(",")}, or none`);
  const tools = values.tools ? values.tools.split(",").map((t) => t.trim()).filter(Boolean) : TOOLS;
  for (const tool of tools) if (!TOOLS.includes(tool)) usage(`unknown tool "${tool}" (known: ${TOOLS.join(", ")})`);
  let selected;
  try {
    selected = positionals.length ? positionals.map(findCorpus) : corpora;
  } catch (error) {
    usage(error.message);
  }
  const hasTime = fs.existsSync(TIME);
  if (!hasTime) console.warn(`${TIME} not found: CPU and peak RSS are not measured, wall time only`);
  if (!fs.existsSync(layermapCli)) fail(`${layermapCli} is missing: run npm run build in the repository root`);
  const noCache = layermapHasCache();
  const effectiveTools = tools.filter((tool) => {
    if (tool.startsWith("layermap-") && tool !== "layermap-cold" && !noCache) {
      console.warn(`${tool}: this layermap build has no cache (--no-cache / --cache): skipped`);
      return false;
    }
    return true;
  });

  const started = Date.now();
  console.log(header(runs, nodeVersion.stdout.trim()));
  let crashed = false;
  const measured = [];
  for (const corpus of selected) {
    const source = packageDir(corpus);
    if (!fs.existsSync(source)) {
      console.error(`${corpus.name}: not fetched (run node fetch-corpora.mjs ${corpus.name})`);
      crashed = true;
      continue;
    }
    const result = benchCorpus(corpus, effectiveTools, runs, { hasTime, noCache });
    crashed ||= result.crashed;
    measured.push({ name: corpus.name, tools: result.tools });
  }
  let scale = [];
  if (sizes.length && hasTime) {
    console.log(`## Generated projects (${sizes.map((n) => n.toLocaleString("en-US")).join(" / ")} modules; map through the API, one run each)\n`);
    const scaleStarted = Date.now();
    scale = runScale(sizes, { node: layermapNode, log: (line) => console.error(`scale: ${line}`) });
    console.log(`${table(scaleTable(scale))}\n\n(generated projects: ${Math.round((Date.now() - scaleStarted) / 1000)} s)\n`);
  } else if (sizes.length) {
    console.warn(`scale: needs ${TIME} for CPU and peak RSS: skipped`);
  }
  if (positionals.length === 0) {
    // #18's Python corpora, when fetched (fetch-python.mjs needs apt) and python3 runs.
    const missing = pythonBenchMissing();
    if (missing) console.log(`## Python (#18): skipped, ${missing}\n`);
    else {
      console.log("## Python (#18): layermap against importlab\n");
      const pythonStarted = Date.now();
      crashed = benchPython({ runs, hasTime, node: layermapNode }).some((r) => r.crashed) || crashed;
      console.log(`(Python corpora: ${Math.round((Date.now() - pythonStarted) / 1000)} s)\n`);
    }
  }
  printGoals(goalRows({ corpora: measured, scale }));
  console.log(`\nbench.mjs took ${Math.round((Date.now() - started) / 1000)} s.`);
  process.exitCode = crashed ? 2 : 0;
}

/** The goals table: every goal of lib/goals.mjs against this run's medians; then each miss's cause. */
function printGoals(rows) {
  if (rows.length === 0) return;
  console.log("## Goals (issue #16)\n");
  const result = (met) => (met === null ? "not measured" : met ? "met" : "**not met**");
  console.log(table([["corpus", "goal", "measured", "goal", "result"], ...rows.map((r) => [r.scope, r.goal, r.measured, r.target, result(r.met)])], { left: [0, 1, 4] }));
  const missed = rows.filter((r) => r.met === false);
  if (missed.length) {
    console.log("\nWhere the time went in each goal not met (the layermap run's --verbose stages, of its median run):\n");
    for (const r of missed) console.log(`- ${r.scope}: ${r.line}\n  ${r.cause}`);
  }
}

function header(runs, layermapNodeVersion) {
  const versions = [
    `layermap ${readJson(path.join(benchDir, "..", "package.json")).version}`,
    `dependency-cruiser ${depcruiseVersion()}`,
    ...["madge", "skott", "rev-dep"].map((name) => `${name} ${packageVersion(name)}`),
  ];
  return (
    `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() ?? "?"}) · ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GB · node ${process.version} · ${os.platform()} ${os.release()}\n` +
    (layermapNode === process.execPath ? "" : `layermap runs under node ${layermapNodeVersion} (${layermapNode}); the peers under ${process.version}\n`) +
    `${versions.join(" · ")}\nmedian of ${runs} run${runs > 1 ? "s" : ""} per tool, alternating\n`
  );
}

/**
 * Copy the corpus's package folder out of the git checkout (once), and return the paths. The
 * edit runs change a file: they get a copy and a cache of their own (`edit`), so that the warm
 * runs, which alternate with them, map a tree where nothing changed since their cache was made.
 */
function prepareCopy(corpus) {
  const copyOf = (name) => {
    const copy = path.join(workDir, name);
    const marker = path.join(copy, ".layermap-bench.json");
    const sourceMarker = path.join(packageDir(corpus), ".layermap-bench.json");
    if (!fs.existsSync(marker) || fs.readFileSync(marker, "utf8") !== fs.readFileSync(sourceMarker, "utf8")) {
      fs.rmSync(copy, { recursive: true, force: true });
      fs.mkdirSync(workDir, { recursive: true });
      // verbatimSymlinks: a workspace's node_modules links stay relative, inside the copy.
      fs.cpSync(packageDir(corpus), copy, { recursive: true, verbatimSymlinks: true });
    }
    return { copy, root: path.resolve(copy, corpus.sub), tsconfig: corpus.tsconfig ? path.join(copy, corpus.tsconfig) : null };
  };
  const out = path.join(workDir, "out", corpus.name);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const edit = { ...copyOf(`${corpus.name}-edit`), out, cacheDir: path.join(out, "layermap-cache-edit") };
  return { ...copyOf(corpus.name), out, cacheDir: path.join(out, "layermap-cache"), edit };
}

function benchCorpus(corpus, tools, runs, { hasTime }) {
  const started = Date.now();
  const paths = { ...prepareCopy(corpus), corpus };
  const specs = Object.fromEntries(tools.map((tool) => [tool, toolSpec(tool, paths)]));
  const samples = Object.fromEntries(tools.map((tool) => [tool, []]));
  const counts = {};
  const errors = {};

  // Unmeasured: prime layermap's cache, and find the file the "edit" runs change.
  let edit = null;
  if (tools.some((tool) => tool === "layermap-warm" || tool === "layermap-edit")) {
    const primed = execute(specs["layermap-warm"] ?? toolSpec("layermap-warm", paths), paths.out, false);
    const primedEdit = primed.error || !tools.includes("layermap-edit") ? primed : execute(specs["layermap-edit"], paths.out, false);
    if (primed.error || primedEdit.error) errors["layermap-warm"] = errors["layermap-edit"] = primed.error ?? primedEdit.error;
    else if (tools.includes("layermap-edit")) edit = editTarget(paths);
  }

  for (let run = 0; run < runs; run++) {
    const order = tools.map((_, index) => tools[(index + run) % tools.length]);
    for (const tool of order) {
      if (errors[tool]) continue;
      if (run > 0 && corpus.oneRun?.includes(tool)) continue;
      if (tool === "layermap-edit") edit.apply(run);
      const measured = execute(specs[tool], paths.out, hasTime);
      if (measured.error) {
        errors[tool] = measured.error;
        continue;
      }
      if (tool.startsWith("layermap-")) measured.stages = parseStages(measured.stderr);
      samples[tool].push(measured);
      if (counts[tool] === undefined) {
        try {
          counts[tool] = specs[tool].count(measured.stdout);
        } catch (error) {
          counts[tool] = { error: error.message };
        }
      }
    }
  }
  edit?.restore();

  const files = countSourceFiles(paths.root);
  console.log(`## ${corpus.name} ${corpus.version} — ${path.relative(paths.copy, paths.root) || "."}/ (${files} source files)\n`);
  const baseline = median(samples["layermap-cold"]?.map((s) => s.wall) ?? []);
  const reference = counts["layermap-cold"]?.keys;
  const rows = [["tool", "wall", "CPU", "peak RSS", "modules", "local edges", "edges vs layermap", "× layermap cold"]];
  const measured = {};
  const edgeNotes = [];
  for (const tool of tools) {
    if (errors[tool]) {
      rows.push([tool, "failed", "", "", "", "", "", ""]);
      continue;
    }
    const wall = median(samples[tool].map((s) => s.wall));
    const cpu = median(samples[tool].map((s) => s.cpu));
    const rss = median(samples[tool].map((s) => s.rss));
    const count = counts[tool] ?? {};
    const versus = compareEdges(reference, count.keys);
    if (versus && (versus.missing || versus.extra) && tool !== "layermap-cold") {
      edgeNotes.push(`${tool} finds ${count.edges.toLocaleString("en-US")} local edges: ${versus.missing.toLocaleString("en-US")} of layermap's ${reference.size.toLocaleString("en-US")} missing (${percent(versus.missing / reference.size)}), ${versus.extra.toLocaleString("en-US")} others.`);
    }
    measured[tool] = { wall, cpu, rss, modules: count.modules ?? null, edges: count.edges ?? null, stages: medianRun(samples[tool])?.stages };
    rows.push([
      tool,
      seconds(wall),
      cpu === null ? "–" : seconds(cpu),
      rss === null ? "–" : `${Math.round(rss / 1024)} MB`,
      count.modules?.toLocaleString("en-US") ?? "–",
      count.edges?.toLocaleString("en-US") ?? (count.error ? "?" : "–"),
      versus === null ? "–" : versus.missing || versus.extra ? `−${versus.missing.toLocaleString("en-US")} +${versus.extra.toLocaleString("en-US")}` : "same",
      baseline === null || wall === null ? "–" : ratio(wall / baseline),
    ]);
  }
  console.log(table(rows));
  console.log("\nedges vs layermap: −missing +others, against layermap-cold's set of local file→file edges.");
  for (const note of edgeNotes) console.log(note);
  if (edit) console.log(`layermap-edit changes a comment in ${edit.file} before each run.`);
  const once = tools.filter((tool) => runs > 1 && corpus.oneRun?.includes(tool));
  if (once.length) console.log(`${once.join(" and ")}: one run only on this corpus (minutes each; no goal depends on ${once.length > 1 ? "them" : "it"}).`);
  for (const [tool, error] of Object.entries(errors)) console.log(`\n${tool} failed: ${error.split("\n").slice(0, 6).join("\n  ")}`);
  for (const [tool, count] of Object.entries(counts)) if (count.error) console.log(`\n${tool}: could not count edges: ${count.error}`);
  console.log(`(${corpus.name}: ${Math.round((Date.now() - started) / 1000)} s)\n`);
  return { crashed: Object.keys(errors).length > 0, tools: measured };
}

/** How a tool's edge set differs from layermap's: { missing, extra }, or null without both sets. */
function compareEdges(reference, keys) {
  if (!reference || !keys) return null;
  let missing = 0;
  for (const key of reference) if (!keys.has(key)) missing++;
  let extra = 0;
  for (const key of keys) if (!reference.has(key)) extra++;
  return { missing, extra };
}

/** The sample whose wall time is the median (the lower middle of an even count): its stages explain the median. */
function medianRun(list) {
  if (!list?.length) return null;
  const sorted = [...list].sort((a, b) => a.wall - b.wall);
  return sorted[(sorted.length - 1) >> 1];
}

/** How to run a tool, and how to count modules and local edges from what it wrote. */
function toolSpec(tool, paths) {
  const { root, tsconfig, out, cacheDir } = tool === "layermap-edit" ? paths.edit : paths;
  const { corpus } = paths;
  const node = process.execPath;
  const layermap = (cacheArgs) => {
    const outFile = path.join(out, `${tool}.json`);
    return {
      // --verbose: the stage lines on stderr say where a run's time went (lib/goals.mjs).
      command: layermapNode,
      args: [layermapCli, "map", root, "--out", outFile, "--quiet", "--verbose", ...cacheArgs, ...(tsconfig ? ["--tsconfig", tsconfig] : [])],
      cwd: root,
      count: () => {
        const view = layermapView(readLayermapDocument(outFile), root);
        return { modules: view.files.size, edges: view.edges.size, keys: new Set(view.edges.keys()) };
      },
    };
  };
  switch (tool) {
    case "layermap-cold":
      return layermap(layermapHasCache() ? ["--no-cache"] : []);
    case "layermap-warm":
    case "layermap-edit":
      return layermap(["--cache", cacheDir]);
    case "depcruise": {
      const outFile = path.join(out, "depcruise.json");
      return {
        command: node,
        args: depcruiseArgs({ tsconfig, outFile, config: depcruiseConfigPath(corpus) }),
        cwd: root,
        count: () => {
          const view = depcruiseView(readJson(outFile), root);
          return { modules: view.files.size, edges: view.edges.size, keys: new Set(view.edges.keys()) };
        },
      };
    }
    case "madge":
      return {
        command: node,
        args: [bin("madge"), "--json", "--no-spinner", "--extensions", EXTENSIONS.join(","), ...(tsconfig ? ["--ts-config", tsconfig] : []), "."],
        cwd: root,
        count: (stdout) => {
          const graph = JSON.parse(stdout);
          const modules = Object.keys(graph);
          const local = new Set(modules);
          const edges = new Set();
          for (const [from, tos] of Object.entries(graph)) for (const to of tos) if (local.has(to)) edges.add(`${from}\0${to}`);
          return { modules: modules.length, edges: edges.size, keys: edges };
        },
      };
    case "skott":
      return {
        command: node,
        args: [path.join(benchDir, "lib", "skott-run.mjs"), ...(tsconfig ? ["--tsconfig", tsconfig] : [])],
        cwd: root,
        count: (stdout) => {
          const { modules, localEdges, edges } = JSON.parse(stdout.trim().split("\n").at(-1));
          return { modules, edges: localEdges, keys: new Set(edges.map(([from, to]) => `${from}\0${to}`)) };
        },
      };
    case "rev-dep":
      return {
        command: revDepBinary,
        args: ["debug", "get-tree-for-cwd", ...(tsconfig ? ["--tsconfig-json", tsconfig] : []), ...(corpus.revDepArgs ?? [])],
        cwd: root,
        count: (stdout) => {
          const tree = JSON.parse(stdout);
          const relative = (file) => path.relative(root, file).split(path.sep).join("/");
          const inside = (file) => !relative(file).startsWith("..");
          const modules = Object.keys(tree).filter(inside);
          const edges = new Set();
          // A file of another workspace package is a MonorepoModule (with --follow-monorepo-packages).
          const local = new Set(["UserModule", "MonorepoModule"]);
          for (const from of modules) {
            for (const dep of tree[from] ?? []) {
              if (local.has(dep.resolvedTypeLabel) && inside(dep.id) && !dep.id.includes("/node_modules/")) edges.add(`${relative(from)}\0${relative(dep.id)}`);
            }
          }
          return { modules: modules.length, edges: edges.size, keys: edges };
        },
      };
    default:
      throw new Error(`no spec for ${tool}`);
  }
}

/** The file with the most local imports: changing it re-resolves the most sites. */
function editTarget(paths) {
  const doc = readLayermapDocument(path.join(paths.out, "layermap-edit.json"));
  const local = new Set(doc.modules.filter((m) => m.kind === "local").map((m) => m.id));
  const outgoing = new Map();
  for (const imp of doc.imports) if (local.has(imp.to)) outgoing.set(imp.from, (outgoing.get(imp.from) ?? 0) + 1);
  const [file] = [...outgoing].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [doc.modules[0].id];
  const absolute = path.join(paths.edit.root, file);
  const original = fs.readFileSync(absolute);
  return {
    file,
    apply(run) {
      // Same length every time (the size check cannot tell), new mtime and content.
      fs.writeFileSync(absolute, Buffer.concat([original, Buffer.from(`\n// layermap bench edit ${String(run % 10)}\n`)]));
    },
    restore() {
      fs.writeFileSync(absolute, original);
    },
  };
}

let cacheSupport;
function layermapHasCache() {
  if (cacheSupport === undefined) {
    const help = spawnSync(process.execPath, [layermapCli, "map", "--help"], { encoding: "utf8" });
    cacheSupport = /--no-cache/.test(help.stdout ?? "") || /--cache/.test(help.stdout ?? "");
  }
  return cacheSupport;
}

function countSourceFiles(root) {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:[mc]?[jt]sx?)$/.test(entry.name) && !/\.d\.[mc]?ts$/.test(entry.name))
    .filter((entry) => !path.join(entry.parentPath ?? entry.path, entry.name).split(path.sep).includes("node_modules")).length;
}

function packageVersion(name) {
  try {
    return readJson(path.join(benchDir, "node_modules", name, "package.json")).version;
  } catch {
    return "(not installed)";
  }
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function usage(message) {
  console.error(`bench.mjs: ${message}\nusage: node bench.mjs [corpus…] [--runs N] [--tools ${TOOLS.join(",")}] [--node <path>] [--scale ${DEFAULT_SIZES.join(",")}|none]`);
  process.exit(2);
}

function fail(message) {
  console.error(`bench.mjs: ${message}`);
  process.exit(2);
}

main();
