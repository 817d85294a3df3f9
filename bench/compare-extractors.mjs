#!/usr/bin/env node
/**
 * The two extractors side by side: `extractImports` (TypeScript's parser alone, layermap's
 * extractor before #16) and what the extract stage does now (`oxcExtraction`, oxc-parser, with
 * TypeScript as the per-file fallback; called `extractImportsFast` here), over every source file
 * of the benchmark corpora (fetch them first: node fetch-corpora.mjs) and of this repository
 * (src/, samples/, test/fixtures/), plus the TypeScript sources elision.test.ts checks against
 * `tsc` (node_modules/zod/src, node_modules/ajv/lib).
 *
 *   node compare-extractors.mjs [corpus…] [--limit N] [--runs N] [--cold N]
 *
 * Per corpus: files, sites, identical sites and files, every difference (file, line, specifier,
 * what differs), the fallback rate and why, how many files the module record answered alone,
 * and the CPU time of each extractor (ms and ms/MB; the median of --runs passes, each
 * extractor's pass alternating first), in this process (warm: the second corpus meets a compiled
 * parser) and in fresh processes (--cold N runs, lib/extract-run.mjs: what a cold `layermap map`
 * pays, the extractor's load included). Each difference in `elidable` is checked against `tsc`'s
 * own emit (`ts.transpileModule`): where the fast extractor agrees with `tsc`, it is listed apart
 * as a layermap bug, not a disagreement. The walk is also run on every file the module record
 * answered without it (`alwaysWalk`), so every way through oxc is compared with TypeScript.
 *
 * Runs the build: `npm run build` in the repository root first.
 * Exit code: 0 when every difference is an explained one, 1 otherwise, 2 when a corpus is missing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { fdir } from "fdir";
import { corpora, mappedRoot } from "./corpora.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = (file) => path.join(repo, "dist", file);
const { extractImports } = await import(dist("extract/extract-imports.js"));
const { extractWithOxc } = await import(dist("extract/oxc/extract-oxc.js"));
const { oxcExtraction } = await import(dist("extract/extract-all.js"));
/** What the extract stage does with one file: oxc's answer, or TypeScript's where oxc rejects it. */
const extractImportsFast = (file, text) => oxcExtraction(file, text) ?? extractImports(file, text);
const { ts } = await import(dist("typescript/ts.js"));

const SOURCE = /\.(?:[cm]?[jt]sx?)$/i;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: "string", default: "40" }, runs: { type: "string", default: "3" }, cold: { type: "string", default: "3" } },
});
const limit = Number(values.limit);
const runs = Math.max(1, Number(values.runs));
const coldRuns = Math.max(0, Number(values.cold));

/** Each extractor in fresh processes (alternating): median CPU ms to load it and to extract every file. */
function coldTimes(root) {
  const samples = { typescript: [], fast: [] };
  for (let run = 0; run < coldRuns; run++) {
    for (const which of run % 2 === 0 ? ["typescript", "fast"] : ["fast", "typescript"]) {
      const child = spawnSync(process.execPath, [path.join(repo, "bench", "lib", "extract-run.mjs"), which, root], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(child.stderr);
      samples[which].push(JSON.parse(child.stdout));
    }
  }
  const summary = (list) => ({ loadMs: median(list.map((sample) => sample.loadMs)), extractMs: median(list.map((sample) => sample.extractMs)) });
  return coldRuns === 0 ? undefined : { typescript: summary(samples.typescript), fast: summary(samples.fast) };
}

const targets = [
  ...corpora.map((corpus) => ({ name: corpus.name, root: mappedRoot(corpus), fetched: true })),
  { name: "layermap src", root: path.join(repo, "src") },
  { name: "layermap samples", root: path.join(repo, "samples") },
  { name: "layermap test/fixtures", root: path.join(repo, "test", "fixtures") },
  { name: "zod/src", root: path.join(repo, "node_modules", "zod", "src") },
  { name: "ajv/lib", root: path.join(repo, "node_modules", "ajv", "lib") },
].filter((target) => positionals.length === 0 || positionals.includes(target.name));

function filesOf(root) {
  return new fdir()
    .withFullPaths()
    .exclude((name) => name === "node_modules")
    .filter((file) => SOURCE.test(file))
    .crawl(root)
    .sync()
    .sort();
}

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

function siteKey(site) {
  return `${site.line} ${site.kind} ${site.specifier}`;
}
function describeSite(site) {
  return `${site.kind}${site.typeOnly ? " type" : ""}${site.elidable ? " elidable" : ""}`;
}

/** Is the import at `site` kept in `tsc`'s emit of the file? (Only for static imports of TypeScript files.) */
function keptByTsc(file, text, site) {
  const emitted = ts.transpileModule(text, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ESNext },
  }).outputText;
  const survivors = extractImports(file.replace(/\.([cm]?)tsx?$/, ".$1js"), emitted).sites.filter(
    (candidate) => candidate.kind === "static" || candidate.kind === "side-effect",
  );
  return survivors.some((candidate) => candidate.specifier === site.specifier);
}

/**
 * The differences between two extractions of one file: sites matched by line, kind and
 * specifier (in order), then their flags; then the problems and the line count.
 */
function differences(file, text, expected, actual) {
  const found = [];
  const bugs = [];
  const unmatched = [...actual.sites];
  for (const site of expected.sites) {
    const index = unmatched.findIndex((candidate) => siteKey(candidate) === siteKey(site));
    if (index < 0) {
      found.push(`line ${site.line} ${site.specifier}: ${describeSite(site)} only with TypeScript`);
      continue;
    }
    const [other] = unmatched.splice(index, 1);
    if (other.typeOnly !== site.typeOnly) found.push(`line ${site.line} ${site.specifier}: typeOnly ${site.typeOnly} (TypeScript) vs ${other.typeOnly} (oxc)`);
    if (Boolean(other.elidable) !== Boolean(site.elidable)) {
      const tscKeeps = keptByTsc(file, text, site);
      const line = `line ${site.line} ${site.specifier}: elidable ${Boolean(site.elidable)} (TypeScript) vs ${Boolean(other.elidable)} (oxc); tsc's emit ${tscKeeps ? "keeps" : "drops"} it`;
      if (tscKeeps === !other.elidable) bugs.push(line);
      else found.push(line);
    }
  }
  for (const site of unmatched) found.push(`line ${site.line} ${site.specifier}: ${describeSite(site)} only with oxc`);
  if (found.length === 0 && bugs.length === 0 && JSON.stringify(expected.sites) !== JSON.stringify(actual.sites)) found.push("same sites in another order");
  if (JSON.stringify(expected.problems) !== JSON.stringify(actual.problems)) {
    found.push(`problems: ${JSON.stringify(expected.problems)} (TypeScript) vs ${JSON.stringify(actual.problems)} (oxc)`);
  }
  if (expected.lines !== actual.lines) found.push(`lines: ${expected.lines} (TypeScript) vs ${actual.lines} (oxc)`);
  return { found, bugs };
}

let unexplained = 0;
const summary = [];
for (const target of targets) {
  if (!fs.existsSync(target.root)) {
    console.error(`${target.name}: ${target.root} is missing${target.fetched ? " (run node fetch-corpora.mjs)" : ""}`);
    process.exitCode = 2;
    continue;
  }
  const files = filesOf(target.root).map((file) => ({ file, text: fs.readFileSync(file, "utf8") }));
  const megabytes = files.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0) / 1e6;

  // Timing: each extractor over every file, alternating which goes first.
  const times = { typescript: [], fast: [] };
  let typescriptResults;
  let fastResults;
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ["typescript", "fast"] : ["fast", "typescript"];
    for (const which of order) {
      const extract = which === "typescript" ? extractImports : extractImportsFast;
      const start = cpu();
      const results = files.map(({ file, text }) => extract(file, text));
      times[which].push(cpu() - start);
      if (which === "typescript") typescriptResults = results;
      else fastResults = results;
    }
  }

  // Agreement, both ways through oxc; and the fallback rate.
  const fallbacks = {};
  let recordOnly = 0;
  let light = 0;
  let sites = 0;
  let identicalSites = 0;
  let identicalFiles = 0;
  const listed = [];
  const bugs = [];
  for (const [index, { file, text }] of files.entries()) {
    const expected = typescriptResults[index];
    const outcome = extractWithOxc(file, text);
    if (outcome.fallback !== undefined) fallbacks[outcome.fallback] = (fallbacks[outcome.fallback] ?? 0) + 1;
    if (outcome.path === "record") recordOnly++;
    if (outcome.path === "light") light++;
    const actual = fastResults[index];
    if (JSON.stringify(actual) !== JSON.stringify(outcome.extraction ?? expected)) listed.push(`${path.relative(target.root, file)}: extractImportsFast differs from extractWithOxc`);
    sites += expected.sites.length;
    const relative = path.relative(target.root, file);
    const { found, bugs: fileBugs } = differences(file, text, expected, actual);
    const walked = outcome.path !== "walk" && outcome.extraction !== undefined ? differences(file, text, expected, extractWithOxc(file, text, { alwaysWalk: true }).extraction) : { found: [], bugs: [] };
    for (const line of found) listed.push(`${relative}: ${line}`);
    for (const line of walked.found) listed.push(`${relative} (walk): ${line}`);
    for (const line of fileBugs) bugs.push(`${relative}: ${line}`);
    if (found.length === 0 && fileBugs.length === 0 && walked.found.length === 0) identicalFiles++;
    const differing = new Set([...found, ...fileBugs].map((line) => line.match(/^line (\d+) (\S+)/)?.slice(1).join(" ")).filter(Boolean));
    identicalSites += expected.sites.filter((site) => !differing.has(`${site.line} ${site.specifier}`)).length;
  }
  unexplained += listed.length;

  const fallbackCount = Object.values(fallbacks).reduce((sum, count) => sum + count, 0);
  const typescriptMs = median(times.typescript);
  const fastMs = median(times.fast);
  const percent = (part, whole) => (whole === 0 ? "100" : ((100 * part) / whole).toFixed(part === whole ? 0 : 2));
  console.log(`\n## ${target.name} (${path.relative(repo, target.root) || "."})`);
  console.log(`files ${files.length} (${megabytes.toFixed(2)} MB), identical ${identicalFiles} (${percent(identicalFiles, files.length)} %)`);
  console.log(`sites ${sites}, identical ${identicalSites} (${percent(identicalSites, sites)} %)`);
  console.log(
    `oxc answered ${files.length - fallbackCount} files (${recordOnly} from the module record alone, ${light} with the value uses from the tree without types, ${files.length - fallbackCount - recordOnly - light} with one walk of the full tree); ` +
      `TypeScript fallback ${fallbackCount} (${percent(fallbackCount, files.length)} %)${fallbackCount > 0 ? ` ${JSON.stringify(fallbacks)}` : ""}`,
  );
  console.log(
    `CPU: TypeScript ${typescriptMs.toFixed(0)} ms (${(typescriptMs / megabytes).toFixed(0)} ms/MB), ` +
      `oxc+fallback ${fastMs.toFixed(0)} ms (${(fastMs / megabytes).toFixed(0)} ms/MB): ${(typescriptMs / fastMs).toFixed(2)}× ` +
      `(median of ${runs}; runs TS ${times.typescript.map((ms) => ms.toFixed(0)).join("/")}, oxc ${times.fast.map((ms) => ms.toFixed(0)).join("/")})`,
  );
  const cold = coldTimes(target.root);
  if (cold !== undefined) {
    const line = ({ loadMs, extractMs }) => `load ${loadMs.toFixed(0)} ms + extract ${extractMs.toFixed(0)} ms (${(extractMs / megabytes).toFixed(0)} ms/MB)`;
    console.log(`cold process (median of ${coldRuns}): TypeScript ${line(cold.typescript)}; oxc+fallback ${line(cold.fast)}`);
  }
  if (listed.length > 0) {
    console.log(`differences (${listed.length}):`);
    for (const line of listed.slice(0, limit)) console.log(`  ${line}`);
    if (listed.length > limit) console.log(`  … and ${listed.length - limit} more`);
  }
  if (bugs.length > 0) {
    console.log(`layermap elision bugs: oxc's answer is the one tsc emits (${bugs.length}):`);
    for (const line of bugs) console.log(`  ${line}`);
  }
  summary.push({ name: target.name, files: files.length, megabytes, sites, identicalSites, differences: listed.length, bugs: bugs.length, fallbackCount, recordOnly, light, typescriptMs, fastMs, cold });
}

console.log(`\n| corpus | files | MB | sites | identical | differences | tsc-confirmed layermap bugs | fallback | record / light / walk | warm TypeScript ms (ms/MB) | warm oxc ms (ms/MB) | warm speed-up | cold TypeScript load + extract ms | cold oxc load + extract ms | cold speed-up |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const row of summary) {
  const identical = row.sites === 0 ? "–" : `${((100 * row.identicalSites) / row.sites).toFixed(row.identicalSites === row.sites ? 0 : 2)} %`;
  console.log(
    `| ${row.name} | ${row.files} | ${row.megabytes.toFixed(2)} | ${row.sites} | ${identical} | ${row.differences} | ${row.bugs} | ${row.fallbackCount} | ${row.recordOnly} / ${row.light} / ${row.files - row.fallbackCount - row.recordOnly - row.light} | ` +
      `${row.typescriptMs.toFixed(0)} (${(row.typescriptMs / row.megabytes).toFixed(0)}) | ${row.fastMs.toFixed(0)} (${(row.fastMs / row.megabytes).toFixed(0)}) | ${(row.typescriptMs / row.fastMs).toFixed(2)}× | ` +
      (row.cold === undefined
        ? "– | – | – |"
        : `${row.cold.typescript.loadMs.toFixed(0)} + ${row.cold.typescript.extractMs.toFixed(0)} | ${row.cold.fast.loadMs.toFixed(0)} + ${row.cold.fast.extractMs.toFixed(0)} | ` +
          `${((row.cold.typescript.loadMs + row.cold.typescript.extractMs) / (row.cold.fast.loadMs + row.cold.fast.extractMs)).toFixed(2)}× |`),
  );
}
console.log(`\nNode ${process.version}; oxc-parser raw transfer: ${(await import("oxc-parser")).rawTransferSupported() ? "on" : "off (Node < 22)"}`);
if (unexplained > 0 && process.exitCode === undefined) process.exitCode = 1;
