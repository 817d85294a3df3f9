/**
 * Runs layermap's built CLI on a mapped root (or reads a saved map document) and reduces the
 * document to a view (see edges.mjs).
 *
 *   node <repo>/dist/cli.js map <root> --out <file> [--tsconfig <abs>]
 *
 * The document's local module ids are POSIX paths relative to the mapped root; an import is a
 * local file→file edge when both its `from` and its `to` are modules of kind "local".
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { benchDir } from "../corpora.mjs";
import { edgeKey, toRootRelative } from "./edges.mjs";

/**
 * The CLI as built by `npm run build` in the repository root: the `bin` of its package.json, or
 * the file named by the LAYERMAP_CLI environment variable (to measure another build).
 */
export const layermapCli = process.env.LAYERMAP_CLI ? path.resolve(process.env.LAYERMAP_CLI) : (() => {
  const repo = path.join(benchDir, "..");
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8"));
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.layermap;
  return path.join(repo, bin ?? "dist/cli.js");
})();

/**
 * Run `layermap map` on `root`, writing the document to `outFile`.
 * A non-zero exit is tolerated when a document was still written (the CLI may use its exit code
 * to report findings); it is returned as `status` for the caller to mention.
 * @returns {{ doc: object, ms: number, status: number }}
 * @throws when the CLI is missing, or exits without writing a readable document
 */
export function runLayermap({ root, tsconfig, outFile, args: extra = [] }) {
  if (!fs.existsSync(layermapCli)) {
    throw new Error(`${layermapCli} is missing: build layermap first (npm run build in the repository root)`);
  }
  const args = [layermapCli, "map", root, "--out", outFile, ...(tsconfig ? ["--tsconfig", tsconfig] : []), ...extra];
  fs.rmSync(outFile, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: benchDir, encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - started;
  if (run.error) throw run.error;
  if (!fs.existsSync(outFile)) {
    throw new Error(`layermap exited with ${run.status ?? run.signal} and wrote no document\n${run.stderr}${run.stdout}`);
  }
  return { doc: readLayermapDocument(outFile), ms, status: run.status };
}

/** Read a saved layermap map document (the --layermap-json option of compare-edges.mjs). */
export function readLayermapDocument(file) {
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  if (doc.version !== 1 || !Array.isArray(doc.modules) || !Array.isArray(doc.imports)) {
    throw new Error(`${file} is not a layermap map document (version 1)`);
  }
  return doc;
}

/**
 * Reduce a layermap document to a view.
 *
 * files       local modules inside the root
 * edges       detail = { kinds, typeOnly, sites: [{ line, specifier, kind }] }
 * resolutions Map "from\u0000specifier" → what layermap made of that import: the root-relative
 *             path of a local target, or "<kind>: <id>"; used to explain the edges only
 *             depcruise found
 * diagnostics Map file → [diagnostic], also to explain missing edges (parse errors, …)
 */
export function layermapView(doc, root) {
  const kindOf = new Map(doc.modules.map((m) => [m.id, m.kind]));
  const local = (id) => (kindOf.get(id) === "local" ? toRootRelative(root, root, id) : null);
  const files = new Set();
  for (const mod of doc.modules) {
    const file = local(mod.id);
    if (file !== null) files.add(file);
  }
  const edges = new Map();
  const resolutions = new Map();
  for (const imp of doc.imports) {
    const from = local(imp.from);
    if (from === null) continue;
    const to = local(imp.to);
    for (const site of imp.sites) {
      resolutions.set(edgeKey(from, site.specifier), to ?? `${kindOf.get(imp.to) ?? "?"}: ${imp.to}`);
    }
    if (to === null) continue;
    edges.set(edgeKey(from, to), { from, to, detail: { kinds: imp.kinds, typeOnly: imp.typeOnly, sites: imp.sites } });
  }
  const diagnostics = new Map();
  for (const diag of doc.diagnostics ?? []) {
    const list = diagnostics.get(diag.file) ?? [];
    list.push(diag);
    diagnostics.set(diag.file, list);
  }
  return { files, edges, resolutions, diagnostics };
}
