/**
 * One extractor over one folder in a fresh process, as a cold `layermap map` meets it: prints
 * {"loadMs", "extractMs", "files", "bytes"} — CPU (user + system) to import the extractor (for
 * TypeScript's, loading the compiler; for oxc's, the native addon) and to extract every file.
 * Used by compare-extractors.mjs.   node lib/extract-run.mjs <typescript|fast> <folder>
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fdir } from "fdir";

const [which, root] = process.argv.slice(2);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const files = new fdir()
  .withFullPaths()
  .exclude((name) => name === "node_modules")
  .filter((file) => /\.(?:[cm]?[jt]sx?)$/i.test(file))
  .crawl(root)
  .sync()
  .sort()
  .map((file) => ({ file, text: fs.readFileSync(file, "utf8") }));
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let start = cpu();
// TypeScript's extractor, or (as extractAll does) oxc's, with TypeScript's imported
// only when the first file oxc hands back needs it — that load is counted in the extraction.
const typescriptExtractor = async () => (await import(path.join(repo, "dist/extract/extract-imports.js"))).extractImports;
const extractWithOxc = which === "typescript" ? undefined : (await import(path.join(repo, "dist/extract/oxc/extract-oxc.js"))).extractWithOxc;
let fallback = which === "typescript" ? await typescriptExtractor() : undefined;
const loadMs = cpu() - start;
start = cpu();
let sites = 0;
for (const { file, text } of files) {
  const extraction = extractWithOxc?.(file, text).extraction ?? (fallback ??= await typescriptExtractor())(file, text);
  sites += extraction.sites.length;
}
const extractMs = cpu() - start;
console.log(JSON.stringify({ loadMs, extractMs, files: files.length, sites, bytes: files.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0), typescriptLoaded: fallback !== undefined }));
