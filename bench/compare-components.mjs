#!/usr/bin/env node
/**
 * layermap's script-block finder (src/extract/component/script-blocks.ts) against the frameworks'
 * own parsers, on every component of the component corpora (fetch them first: node
 * fetch-corpora.mjs primevue flowbite-svelte bits-ui @astrojs/starlight) and of any folder named
 * on the command line (a checked-out application):
 *
 *   node compare-components.mjs [corpus or folder…] [--limit N]
 *
 * - `.vue`: @vue/compiler-sfc's `parse` — `descriptor.script` and `descriptor.scriptSetup`, their
 *   content's offsets, `lang` and `src` (an empty block without `src` is dropped by Vue, and by
 *   layermap's extraction);
 * - `.svelte`: svelte/compiler's `parse` (modern AST) — `module` and `instance`, their content's
 *   offsets and `lang`;
 * - `.astro`: @astrojs/compiler's `parse` for the frontmatter (its offset and text) and its
 *   `transform` for the scripts Astro processes (`scripts`: the inline ones' code, the external
 *   ones' `src`), in order.
 *
 * Per kind: components, blocks, identical components, every difference (--limit N listed), the
 * components the framework's parser rejects (and what the finder made of them), and the time of
 * each side (load and a pass over the files). The frameworks' parsers are bench's dependencies,
 * never layermap's. Runs the build: `npm run build` in the repository root first.
 * Exit code: 0 when every component the framework parses is read alike, 1 otherwise, 2 when a
 * corpus is missing.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { componentCorpora, mappedRoot } from "./corpora.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { findScriptBlocks, componentKindOf } = await import(path.join(repo, "dist", "extract", "component", "script-blocks.js"));
const { decodeSource } = await import(path.join(repo, "dist", "extract", "read-source.js"));

const { values, positionals } = parseArgs({ allowPositionals: true, options: { limit: { type: "string", default: "20" } } });
const limit = Number(values.limit);

const roots = [];
for (const name of positionals.length > 0 ? positionals : componentCorpora.map((corpus) => corpus.name)) {
  const corpus = componentCorpora.find((entry) => entry.name === name);
  const root = corpus ? mappedRoot(corpus) : path.resolve(name);
  if (!fs.existsSync(root)) {
    console.error(`${name}: ${root} is missing (node fetch-corpora.mjs ${name})`);
    process.exit(2);
  }
  roots.push({ name, root });
}

/** Component files under a folder, sorted; node_modules and dot-folders skipped. */
function componentFiles(root) {
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && componentKindOf(entry.name) !== undefined) found.push(full);
    }
  };
  walk(root);
  return found.sort();
}

const timed = async (work) => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

const loads = {
  vue: await timed(() => import("@vue/compiler-sfc")),
  svelte: await timed(() => import("svelte/compiler")),
  astro: await timed(() => import("@astrojs/compiler")),
};
const vue = loads.vue.value;
const svelte = loads.svelte.value;
const astro = loads.astro.value;

const LANGS = { ts: "ts", typescript: "ts", tsx: "tsx", jsx: "jsx" };
const langOf = (written) => (typeof written === "string" ? LANGS[written.toLowerCase()] ?? "js" : "js");

/** What the framework's parser says of a component, in the finder's terms: blocks as "start-end lang", sources as specifiers. */
async function frameworkReading(kind, text, file) {
  if (kind === "vue") {
    const { descriptor, errors } = vue.parse(text, { filename: file });
    const blocks = [];
    const sources = [];
    for (const block of [descriptor.script, descriptor.scriptSetup]) {
      if (!block) continue;
      if (block.src) sources.push(block.src);
      blocks.push(`${block.loc.start.offset}-${block.loc.end.offset} ${langOf(block.lang)}`);
    }
    return { blocks: blocks.sort(byStart), sources, errors: errors.map((error) => String(error.message ?? error)) };
  }
  if (kind === "svelte") {
    try {
      const ast = svelte.parse(text, { modern: true, filename: file });
      const blocks = [ast.module, ast.instance]
        .filter(Boolean)
        .map((script) => `${script.content.start}-${script.content.end} ${langOf(script.attributes.find((a) => a.name === "lang")?.value?.[0]?.data)}`);
      return { blocks: blocks.sort(byStart), sources: [], errors: [] };
    } catch (error) {
      return { blocks: [], sources: [], errors: [String(error.message).split("\n")[0]] };
    }
  }
  const parsed = await astro.parse(text, { position: true });
  const frontmatter = parsed.ast.children.find((node) => node.type === "frontmatter");
  const blocks = frontmatter ? [`${frontmatter.position.start.offset + 3} ${frontmatter.value}`] : [];
  const transformed = await astro.transform(text, { filename: `/component/${path.basename(file)}` });
  for (const script of transformed.scripts) if (script.type === "inline") blocks.push(`script ${script.code.trim()}`);
  const sources = transformed.scripts.filter((script) => script.type === "external").map((script) => script.src);
  const errors = [...parsed.diagnostics, ...transformed.diagnostics].filter((d) => d.severity === 1).map((d) => d.text);
  return { blocks, sources, errors };
}

/** The finder's reading, in the same terms. */
function finderReading(kind, text) {
  const { blocks, problems } = findScriptBlocks(kind, text);
  const sources = blocks.filter((block) => block.src !== undefined).map((block) => block.src);
  let described;
  if (kind === "astro") {
    described = blocks
      .filter((block) => block.src === undefined)
      .map((block) => (isFrontmatter(text, block) ? `${block.start} ${text.slice(block.start, block.end)}` : `script ${text.slice(block.start, block.end).trim()}`));
  } else {
    described = blocks
      // Vue drops a block that is only whitespace, unless it has a src; so does layermap's extraction.
      .filter((block) => kind !== "vue" || block.src !== undefined || !/^\s*$/.test(text.slice(block.start, block.end)))
      .map((block) => `${block.start}-${block.src === undefined ? block.end : vueSrcEnd(text, block)} ${block.lang}`)
      .sort(byStart);
  }
  return { blocks: described, sources, problems: problems.map((problem) => problem.message) };
}

/** A src block's content is not read, but Vue reports where it ends: at its closing tag. */
const vueSrcEnd = (text, block) => {
  const close = text.indexOf("</script", block.start);
  return close < 0 ? text.length : close;
};

const isFrontmatter = (text, block) => /^\s*(?:<!--[\s\S]*?-->\s*)*---$/.test(text.slice(0, block.start));
const byStart = (a, b) => parseInt(a, 10) - parseInt(b, 10);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

let failed = false;
for (const { name, root } of roots) {
  const files = componentFiles(root);
  const stats = { vue: newStats(), svelte: newStats(), astro: newStats() };
  for (const file of files) {
    const kind = componentKindOf(file);
    const source = decodeSource(fs.readFileSync(file));
    if (!source.ok) continue;
    const text = source.text;
    const stat = stats[kind];
    stat.components++;
    const theirs = await timed(() => frameworkReading(kind, text, file));
    const ours = await timed(() => finderReading(kind, text));
    stat.frameworkMs += theirs.ms;
    stat.finderMs += ours.ms;
    stat.blocks += ours.value.blocks.length;
    stat.sources += ours.value.sources.length;
    const relative = path.relative(root, file);
    if (theirs.value.errors.length > 0) {
      const alike = same(theirs.value.blocks, ours.value.blocks) ? "the same blocks" : `framework ${JSON.stringify(theirs.value.blocks)}, finder ${JSON.stringify(ours.value.blocks)}`;
      stat.rejected.push(`${relative}: ${theirs.value.errors[0]} — ${alike}${ours.value.problems.length ? `; finder: ${ours.value.problems[0]}` : ""}`);
      continue;
    }
    if (same(theirs.value.blocks, ours.value.blocks) && same(theirs.value.sources, ours.value.sources)) stat.identical++;
    else stat.differences.push(`${relative}: framework ${JSON.stringify(theirs.value)} finder ${JSON.stringify(ours.value)}`);
  }
  for (const [kind, stat] of Object.entries(stats)) {
    if (stat.components === 0) continue;
    console.log(
      `${name} ${kind}: ${stat.components} components, ${stat.blocks} blocks, ${stat.sources} src, ${stat.identical} identical, ` +
        `${stat.differences.length} different, ${stat.rejected.length} rejected by the framework's parser; ` +
        `framework ${stat.frameworkMs.toFixed(0)} ms (load ${loads[kind].ms.toFixed(0)} ms), finder ${stat.finderMs.toFixed(1)} ms`,
    );
    for (const line of stat.differences.slice(0, limit)) console.log(`  differs: ${line}`);
    for (const line of stat.rejected.slice(0, limit)) console.log(`  rejected: ${line}`);
    if (stat.differences.length > 0) failed = true;
  }
}
process.exitCode = failed ? 1 : 0;

function newStats() {
  return { components: 0, blocks: 0, sources: 0, identical: 0, differences: [], rejected: [], frameworkMs: 0, finderMs: 0 };
}
