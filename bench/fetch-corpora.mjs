#!/usr/bin/env node
/**
 * Fetches the benchmark corpora (see corpora.mjs) from the npm registry and unpacks each into
 * .cache/corpora/<name>/.
 *
 *   node fetch-corpora.mjs [name…] [--force]
 *
 * Idempotent: a corpus whose folder already holds the pinned version (recorded in a marker file)
 * is skipped; --force fetches again. Only the packages themselves are fetched, never their
 * dependencies: the tools map the corpora's own files. A corpus with `members` (the monorepo) is
 * assembled from one pack per member by lib/workspace-corpus.mjs; one with `template` (an
 * application a scaffolding package writes) gets that application written into its `sub` folder
 * by lib/template-corpus.mjs, from the package's own templates.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { componentCorpora, corpora, findCorpus, packageDir, tarballDir } from "./corpora.mjs";
import { writeTemplateApp } from "./lib/template-corpus.mjs";
import { assembleWorkspace } from "./lib/workspace-corpus.mjs";

/** Written into a corpus folder once it is complete; records what was unpacked there. */
const MARKER = ".layermap-bench.json";

function main(argv) {
  const force = argv.includes("--force");
  const names = argv.filter((a) => !a.startsWith("--"));
  const selected = names.length ? names.map(findCorpus) : [...corpora, ...componentCorpora];
  for (const corpus of selected) fetchCorpus(corpus, force);
}

function fetchCorpus(corpus, force) {
  const dest = packageDir(corpus);
  const spec = `${corpus.name}@${corpus.version}`;
  if (!force && readMarker(dest)?.version === corpus.version) {
    console.log(`${spec}: present (${path.relative(process.cwd(), dest)})`);
    return;
  }
  if (corpus.members) {
    fetchWorkspace(corpus, dest);
    return;
  }
  const tarball = pack(spec);
  unpack(tarball, dest, corpus.exclude ?? []);
  const unpacked = countFiles(dest);
  // Before the marker, so that an interrupted run leaves no corpus that looks complete.
  const written = corpus.template ? writeTemplateApp(dest, corpus.template, path.join(dest, corpus.sub)) : 0;
  fs.writeFileSync(
    path.join(dest, MARKER),
    JSON.stringify({ name: corpus.name, version: corpus.version, exclude: corpus.exclude ?? [] }, null, 2) + "\n",
  );
  console.log(`${spec}: unpacked ${unpacked} files into ${path.relative(process.cwd(), dest)}`);
  if (corpus.template) console.log(`  its ${corpus.template.name} template (${corpus.template.types}) written into ${corpus.sub}/: ${written} files`);
}

/** A workspace monorepo: every member packed, assembled in a staging folder, then swapped in. */
function fetchWorkspace(corpus, dest) {
  const staging = `${dest}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const members = assembleWorkspace(corpus, staging, pack);
  fs.writeFileSync(path.join(staging, MARKER), JSON.stringify({ name: corpus.name, version: corpus.version, members: corpus.members }, null, 2) + "\n");
  fs.rmSync(dest, { recursive: true, force: true });
  fs.renameSync(staging, dest);
  const files = members.reduce((sum, m) => sum + m.files, 0);
  const unmapped = members.filter((m) => m.unmapped > 0);
  console.log(`${corpus.name}@${corpus.version}: ${members.length} packages, ${files} source files, in ${path.relative(process.cwd(), dest)}`);
  for (const m of unmapped) console.log(`  ${m.name}: ${m.unmapped} entry point(s) with no source in the pack, left as published`);
}

/** `npm pack` the exact version into the tarball folder (reused when already there); returns its path. */
function pack(spec) {
  fs.mkdirSync(tarballDir, { recursive: true });
  const out = execFileSync("npm", ["pack", spec, "--json", "--pack-destination", tarballDir], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 256 << 20, // --json lists every file: viem's pack lists 10,000
  });
  const [info] = JSON.parse(out);
  return path.join(tarballDir, info.filename);
}

/**
 * Unpack into a fresh sibling folder, then swap it in, so an interrupted run never leaves a
 * half-filled corpus that looks complete. The tarball's top folder ("package/") is stripped.
 */
function unpack(tarball, dest, exclude) {
  const staging = `${dest}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const excludeArgs = exclude.map((pattern) => `--exclude=${pattern}`);
  execFileSync("tar", ["-xzf", tarball, "-C", staging, "--strip-components=1", ...excludeArgs], {
    stdio: "inherit",
  });
  fs.rmSync(dest, { recursive: true, force: true });
  fs.renameSync(staging, dest);
}

function readMarker(dest) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dest, MARKER), "utf8"));
  } catch {
    return null;
  }
}

function countFiles(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

main(process.argv.slice(2));
