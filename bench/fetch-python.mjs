#!/usr/bin/env node
/**
 * Fetches the Python corpora of #18 (Werkzeug, Flask, Requests, Django) and the reference tool
 * (importlab, with the networkx it needs) as Debian packages, pinned in lib/python-corpora.mjs,
 * and unpacks them into .cache/python/ (git-ignored):
 *
 *   .cache/python/debs/<file>.deb            as apt-get download wrote them, sha256 checked
 *   .cache/python/<name>/<pkg>/…             a corpus: its package folder, as installed
 *   .cache/python/tools/{importlab,networkx} the reference tool, for PYTHONPATH (and their
 *                                            *.egg-info, which importlab's command line reads)
 *   .cache/python/tools/bin/importlab        importlab's command-line script
 *
 *   node fetch-python.mjs [name…] [--force]
 *
 * Idempotent: a folder whose marker records the pinned version and digest is skipped, a .deb
 * already downloaded with the right digest is reused; --force unpacks again. Needs apt-get and
 * dpkg-deb (Debian or Ubuntu); without them it says so in one line and exits 2. PyPI is not used:
 * it is not reachable from the development machines, Debian's archive is.
 */
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { debDir, findPythonCorpus, pythonCacheDir, pythonCorpora, pythonRoot, pythonTools, pythonToolsDir } from "./lib/python-corpora.mjs";

/** Written into a corpus or tool folder once it is complete; records what was unpacked there. */
const MARKER = ".layermap-bench.json";
/** Where Debian's python3-* packages install their modules. */
const DIST_PACKAGES = path.join("usr", "lib", "python3", "dist-packages");

function main(argv) {
  const force = argv.includes("--force");
  const names = argv.filter((a) => !a.startsWith("--"));
  for (const command of ["apt-get", "dpkg-deb"]) {
    if (!onPath(command)) {
      console.error(`fetch-python: ${command} is not on the PATH: the Python corpora come from Debian's archive (apt-get download), which needs a Debian or Ubuntu machine`);
      process.exit(2);
    }
  }
  const corpora = names.length ? names.map(findPythonCorpus) : pythonCorpora;
  try {
    for (const corpus of corpora) install(corpus, pythonRoot(corpus), [corpus.pkg], force);
    install(pythonTools[0], pythonToolsDir, pythonTools.map((t) => t.pkg), force, pythonTools);
  } catch (error) {
    console.error(`fetch-python: ${error.message}`);
    process.exit(2);
  }
}

/**
 * Download (or reuse) each entry's .deb, check its digest, and unpack the `pkgs` folders of their
 * dist-packages into `dest` (and a tool's command-line script into dest/bin/), through a staging
 * folder swapped in at the end.
 */
function install(first, dest, pkgs, force, entries = [first]) {
  const label = entries.map((e) => `${e.deb.package}=${e.deb.version}`).join(" + ");
  const wanted = entries.map((e) => ({ deb: e.deb, sha256: e.sha256 }));
  if (!force && JSON.stringify(readMarker(dest)?.debs) === JSON.stringify(wanted)) {
    console.log(`${label}: present (${path.relative(process.cwd(), dest)})`);
    return;
  }
  const staging = `${dest}.partial`;
  const unpacked = `${dest}.deb-tree`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.rmSync(unpacked, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  for (const entry of entries) execFileSync("dpkg-deb", ["-x", download(entry), unpacked], { stdio: "inherit" });
  for (const pkg of pkgs) {
    const from = path.join(unpacked, DIST_PACKAGES, pkg);
    if (!fs.existsSync(from)) throw new Error(`${label}: no ${DIST_PACKAGES}/${pkg} in the package`);
    fs.renameSync(from, path.join(staging, pkg));
  }
  if (entries.some((e) => e.bin)) {
    // The tools' metadata too: importlab's command line asks importlib.metadata for its version.
    for (const name of fs.readdirSync(path.join(unpacked, DIST_PACKAGES))) {
      if (/\.(?:egg|dist)-info$/.test(name)) fs.renameSync(path.join(unpacked, DIST_PACKAGES, name), path.join(staging, name));
    }
  }
  for (const entry of entries.filter((e) => e.bin)) {
    fs.mkdirSync(path.join(staging, "bin"), { recursive: true });
    fs.renameSync(path.join(unpacked, "usr", "bin", entry.bin), path.join(staging, "bin", entry.bin));
  }
  fs.rmSync(unpacked, { recursive: true, force: true });
  fs.writeFileSync(path.join(staging, MARKER), JSON.stringify({ debs: wanted }, null, 2) + "\n");
  fs.rmSync(dest, { recursive: true, force: true });
  fs.renameSync(staging, dest);
  const py = fs.readdirSync(dest, { recursive: true }).filter((f) => String(f).endsWith(".py")).length;
  console.log(`${label}: unpacked ${pkgs.join(", ")} (${py} .py files) into ${path.relative(process.cwd(), dest)}`);
}

/** The path of the entry's .deb in debDir, downloaded when missing; throws on a digest mismatch. */
function download(entry) {
  fs.mkdirSync(debDir, { recursive: true });
  const spec = `${entry.deb.package}=${entry.deb.version}`;
  let file = findDeb(entry);
  if (file === null) {
    // apt-get writes the .deb into its working directory, named package_version_arch.deb with
    // the epoch's colon escaped (3%3a3.2.25…).
    const run = spawnSync("apt-get", ["download", spec], { cwd: debDir, encoding: "utf8" });
    file = findDeb(entry);
    if (run.status !== 0 || file === null) {
      const said = `${run.stderr ?? ""}`.trim().split("\n").filter((l) => !l.startsWith("W:")).pop() ?? "";
      throw new Error(`apt-get download ${spec} failed${said ? `: ${said}` : ""} (run apt-get update first; a security update may have replaced the pinned version)`);
    }
  }
  const digest = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  if (digest !== entry.sha256) {
    throw new Error(`${path.basename(file)}: sha256 ${digest}, expected ${entry.sha256} (pinned in lib/python-corpora.mjs)`);
  }
  return file;
}

function findDeb(entry) {
  const version = entry.deb.version.replace(":", "%3a");
  const name = fs.readdirSync(debDir).find((f) => f.startsWith(`${entry.deb.package}_${version}_`) && f.endsWith(".deb"));
  return name === undefined ? null : path.join(debDir, name);
}

function readMarker(dest) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dest, MARKER), "utf8"));
  } catch {
    return null;
  }
}

function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

fs.mkdirSync(pythonCacheDir, { recursive: true });
main(process.argv.slice(2));
