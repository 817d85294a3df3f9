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
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { componentCorpora, mappedRoot } from "./corpora.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { findScriptBlocks, componentKindOf } = await import(path.join(repo, "dist", "extract", "component", "script-blocks.js"));
const { decodeSource } = await import(path.join(repo, "dist", "extract", "read-source.js"));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: "string", default: "20" }, random: { type: "string", default: "0" }, seed: { type: "string", default: "1" } },
});
const limit = Number(values.limit);
const randomCount = Number(values.random);

const roots = [];
if (randomCount > 0) roots.push({ name: `random (${randomCount} a kind, seed ${values.seed})`, root: writeRandomComponents(randomCount, Number(values.seed)) });
for (const name of positionals.length > 0 ? positionals : randomCount > 0 ? [] : componentCorpora.map((corpus) => corpus.name)) {
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
  // In a worker (see astroReading): its load is paid in the first component's time.
  astro: { ms: 0 },
};
const vue = loads.vue.value;
const svelte = loads.svelte.value;

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
  const answer = await astroReading(text, path.basename(file));
  if (answer === undefined) return { blocks: [], sources: [], errors: [`@astrojs/compiler did not answer in ${ASTRO_TIMEOUT_MS / 1000} s (it hangs on some markup: stopped)`] };
  return answer;
}

/**
 * @astrojs/compiler runs in a worker thread: its WebAssembly never returns on some markup (4.0.0's
 * `transform` on `<Layout></Layout><!-- c --></noscript><svg>{cond && <p>it's</p>}`, found by
 * --random) and panics on other markup (index out of range), and a worker can be stopped where
 * the main thread cannot.
 */
const ASTRO_TIMEOUT_MS = 20_000;
let astroWorker;
let astroRequests = 0;
function astroReading(text, name) {
  astroWorker ??= new Worker(ASTRO_WORKER, { eval: true });
  const worker = astroWorker;
  const id = astroRequests++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      void worker.terminate();
      astroWorker = undefined;
      resolve(undefined);
    }, ASTRO_TIMEOUT_MS);
    // A panic of its Go runtime can surface as an error event of the worker: a new one serves the next file.
    const onError = (error) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      if (astroWorker === worker) astroWorker = undefined;
      void worker.terminate();
      resolve({ blocks: [], sources: [], errors: [`@astrojs/compiler failed: ${String(error?.message ?? error).split("\n")[0]}`] });
    };
    worker.once("error", onError);
    const onMessage = (message) => {
      if (message.id !== id) return;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      resolve(message.answer);
    };
    worker.on("message", onMessage);
    worker.postMessage({ id, text, name });
  });
}

const ASTRO_WORKER = `
const { parentPort } = require("node:worker_threads");
const load = import(${JSON.stringify(import.meta.resolve("@astrojs/compiler"))});
parentPort.on("message", async ({ id, text, name }) => {
  try {
    parentPort.postMessage({ id, answer: await read(text, name) });
  } catch (error) {
    parentPort.postMessage({ id, answer: { blocks: [], sources: [], errors: ["@astrojs/compiler failed: " + String(error?.message ?? error).split("\\n")[0]] } });
  }
});
async function read(text, name) {
  const astro = await load;
  const parsed = await astro.parse(text, { position: true });
  const frontmatter = parsed.ast.children.find((node) => node.type === "frontmatter");
  const blocks = frontmatter ? [(frontmatter.position.start.offset + 3) + " " + frontmatter.value] : [];
  const transformed = await astro.transform(text, { filename: "/component/" + name });
  for (const script of transformed.scripts) if (script.type === "inline") blocks.push("script " + script.code.trim());
  const sources = transformed.scripts.filter((script) => script.type === "external").map((script) => script.src);
  const errors = [...parsed.diagnostics, ...transformed.diagnostics].filter((d) => d.severity === 1).map((d) => d.text);
  return { blocks, sources, errors };
}
`;

/** The finder's reading, in the same terms. */
function finderReading(kind, text) {
  const { blocks, problems } = findScriptBlocks(kind, text);
  const sources = blocks.filter((block) => block.src !== undefined).map((block) => block.src);
  let described;
  if (kind === "astro") {
    described = blocks
      // Astro drops an empty inline script; so does layermap's extraction (nothing to read).
      .filter((block) => block.src === undefined && (isFrontmatter(text, block) || text.slice(block.start, block.end).trim() !== ""))
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
await astroWorker?.terminate();
process.exitCode = failed ? 1 : 0;

function newStats() {
  return { components: 0, blocks: 0, sources: 0, identical: 0, differences: [], rejected: [], frameworkMs: 0, finderMs: 0 };
}

/**
 * --random N: N components of each kind made of markup pieces the finder must tell apart (scripts
 * in comments, templates, blocks, expressions, strings; attributes in every quoting; fences),
 * written to a temporary folder; the frameworks' verdicts decide which are compared.
 */
function writeRandomComponents(count, seed) {
  let state = seed >>> 0 || 1;
  const next = (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
  const pick = (list) => list[next(list.length)];
  const script = () =>
    pick(["<script>", "<script lang=\"ts\">", "<script setup lang='ts'>", "<script module>", "<script context=\"module\">", "<script is:inline>", "<script src=\"./x.ts\">", "<script type=\"module\">", "<script\n  lang=ts\n>"]) +
    pick(["\nimport a from './a'\n", "import './b';", "const s = '<div>';", "const t = `${'}'}`;", "// </div>\n", ""]) +
    pick(["</script>", "</script >"]);
  // Balanced markup: leaves, and wrappers holding more of it; scripts are leaves at any depth.
  const leaves = {
    vue: ["{{ '<script>' }}", "<!-- <script>import 'c'</script> -->", "<p title=\"</template>\">x</p>", "<style>a{}</style>", "<docs><script>x</script></docs>", "text ", "<br>", "<input/>"],
    svelte: ["{\"<script>\"}", "<p title=\"{'>'}\">x</p>", "<!-- <script> -->", "<style>a{}</style>", "text ", "<br>", "<input>", "{@html '<script>'}"],
    astro: ["{cond && <p>it's</p>}", "{xs.map((x) => <li>{x}</li>)}", "<!-- <script>import 'c'</script> -->", "text ", "{\"<script>\"}", "<br>", "<p>x</p>", "<style>a{}</style>"],
  };
  const wrappers = {
    vue: [["<template>", "</template>"], ["<div>", "</div>"], ["<template v-if=\"x\">", "</template>"], ["<span :a=\"'<'\">", "</span>"]],
    svelte: [["{#if a}", "{/if}"], ["{#each xs as x}", "{/each}"], ["<div>", "</div>"], ["<svelte:head>", "</svelte:head>"], ["{#snippet s()}", "{/snippet}"]],
    astro: [["<div>", "</div>"], ["<template>", "</template>"], ["<svg>", "</svg>"], ["<noscript>", "</noscript>"], ["<Layout>", "</Layout>"], ["{cond && (", ")}"]],
  };
  const markup = (kind, depth) => {
    const parts = [];
    const length = 1 + next(depth === 0 ? 8 : 4);
    for (let piece = 0; piece < length; piece++) {
      const roll = next(6);
      if (roll === 0) parts.push(script());
      else if (roll <= 2 && depth < 3) {
        const [open, close] = pick(wrappers[kind]);
        // Vue reads only the top-level <template> as markup; Svelte keeps <svelte:head> at the top.
        if ((kind === "vue" && depth === 0 && open !== "<template>") || (open === "<svelte:head>" && depth > 0)) continue;
        parts.push(open + markup(kind, depth + 1) + close);
      } else parts.push(pick(leaves[kind]));
    }
    return parts.join(pick(["", "\n", "\r\n"]));
  };
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "compare-components-"));
  for (const kind of ["vue", "svelte", "astro"]) {
    for (let index = 0; index < count; index++) {
      const parts = [];
      if (kind === "astro" && next(3) > 0) parts.push(pick(["", "\n", "<!-- c -->\n"]) + "---\n" + pick(["import A from './A.astro'\n", "const s = '<script>';\n", ""]) + "---\n");
      parts.push(markup(kind, 0));
      fs.writeFileSync(path.join(folder, `c${index}.${kind}`), parts.join(""));
    }
  }
  return folder;
}
