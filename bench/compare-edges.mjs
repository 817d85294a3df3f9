#!/usr/bin/env node
/**
 * Accuracy check: layermap's local file→file import edges against dependency-cruiser's, on the
 * third-party corpora of corpora.mjs (fetch them first with fetch-corpora.mjs).
 *
 *   node compare-edges.mjs [corpus or folder…] [--components] [--min <pct>] [--limit <n>]
 *                          [--layermap-json <file>]
 *
 *   corpus…                names from corpora.mjs (`corpora` or `componentCorpora`); all of
 *                          `corpora` (the JavaScript/TypeScript ones) when none is given
 *   --components           all of `componentCorpora` (Vue, Svelte, Astro: #17), after any named
 *   folder…                an argument holding a "/" that names no corpus but a folder: a
 *                          checked-out application, compared as a component corpus
 *                          (depcruise --no-config, layermap with its defaults)
 *   --min <pct>            exit 1 when any corpus's agreement is below pct; a component
 *                          corpus fails when a difference no known class explains, or when
 *                          its agreement within depcruise's reach is below pct and some of
 *                          those differences are not depcruise's (see below)
 *   --limit <n>            list at most n differences per side and kind (default 30)
 *   --layermap-json <file> read this saved layermap document instead of running the CLI
 *                          (one corpus only)
 *
 * Per corpus it prints the files and edges each tool found, |both|, |union| and
 * agreement = |both| / |union|, then every edge (and file) only one tool found, with the
 * evidence each tool has for it, so each difference can be explained. On a component corpus it
 * also prints layermap's component counts, puts each difference in a known class
 * (lib/difference-classes.mjs: whose it is, why) and gives the agreement within depcruise's
 * reach: the differences depcruise cannot see (a type-only import of a .svelte file, an .astro
 * file) left out of the union. The summary then counts the differences in reach by whose they
 * are: depcruise's (layermap's edge is what TypeScript and the runtime do), layermap's (a bug),
 * unexplained. depcruise reads .vue and .svelte files when @vue/compiler-sfc and
 * svelte are installed beside it (bench's dependencies), never .astro.
 * The raw outputs are kept in .cache/results/<corpus>.{layermap,depcruise}.json.
 *
 * Exit code: 0; 1 when --min is given and a corpus is below it; 2 when a tool crashed or a
 * corpus is not fetched.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchDir, componentCorpora, corpora, depcruiseConfigPath, findCorpus, mappedRoot, tsconfigPath } from "./corpora.mjs";
import { classifyDifferences, differenceClass } from "./lib/difference-classes.mjs";
import { compareViews, edgeKey } from "./lib/edges.mjs";
import { depcruiseVersion, depcruiseView, runDepcruise } from "./lib/depcruise.mjs";
import { layermapView, readLayermapDocument, runLayermap } from "./lib/layermap.mjs";

const resultsDir = path.join(benchDir, ".cache", "results");

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      min: { type: "string" },
      limit: { type: "string", default: "30" },
      "layermap-json": { type: "string" },
      components: { type: "boolean", default: false },
    },
  });
  const min = values.min === undefined ? null : Number(values.min);
  const limit = Number(values.limit);
  if ((min !== null && !Number.isFinite(min)) || !Number.isInteger(limit) || limit < 0) {
    usage("--min takes a percentage and --limit a whole number");
  }
  let selected;
  try {
    selected = positionals.map(corpusOrFolder);
    if (values.components) selected.push(...componentCorpora.filter((c) => !selected.includes(c)));
    if (selected.length === 0) selected = corpora;
  } catch (error) {
    usage(error.message);
  }
  if (values["layermap-json"] && selected.length !== 1) usage("--layermap-json needs exactly one corpus");

  fs.mkdirSync(resultsDir, { recursive: true });
  console.log(`dependency-cruiser ${depcruiseVersion()}, node ${process.version}\n`);
  const rows = [];
  let crashed = false;
  for (const corpus of selected) {
    try {
      rows.push(compareCorpus(corpus, { limit, layermapJson: values["layermap-json"] }));
    } catch (error) {
      crashed = true;
      console.log(`!! ${corpus.name}: ${error.message}\n`);
      rows.push({ name: corpus.name, crashed: true });
    }
  }
  const below = printSummary(rows, min);
  process.exitCode = crashed ? 2 : below ? 1 : 0;
}

/** A corpus by name, else a checked-out application named by its folder (compared as a component corpus). */
function corpusOrFolder(arg) {
  const known = [...corpora, ...componentCorpora].some((c) => c.name === arg);
  if (known || !arg.includes("/") || !fs.statSync(arg, { throwIfNoEntry: false })?.isDirectory()) return findCorpus(arg);
  const root = path.resolve(arg);
  return { name: path.basename(root), version: null, sub: ".", tsconfig: null, root };
}

function usage(message) {
  console.error(`${message}\nusage: node compare-edges.mjs [corpus or folder…] [--components] [--min <pct>] [--limit <n>] [--layermap-json <file>]`);
  process.exit(2);
}

/** Run both tools on one corpus, print the comparison, return its summary row. */
function compareCorpus(corpus, { limit, layermapJson }) {
  const root = corpus.root ?? mappedRoot(corpus);
  const tsconfig = tsconfigPath(corpus);
  if (!fs.existsSync(root)) throw new Error(`${root} is missing: run node fetch-corpora.mjs first`);

  const isComponents = corpus.root !== undefined || componentCorpora.includes(corpus);
  const resultName = corpus.name.replaceAll("/", "+"); // @astrojs/starlight → @astrojs+starlight
  const dc = runDepcruise({ root, tsconfig, config: depcruiseConfigPath(corpus), outFile: path.join(resultsDir, `${resultName}.depcruise.json`) });
  const dcView = depcruiseView(dc.doc, root);
  console.log(corpus.root ? `== ${corpus.name}  ${root}` : `== ${corpus.name}@${corpus.version}  ${corpus.sub}/  tsconfig: ${corpus.tsconfig ?? "none"}`);

  let lm;
  try {
    lm = layermapJson
      ? { doc: readLayermapDocument(layermapJson), ms: null, status: 0 }
      : runLayermap({ root, tsconfig, args: corpus.layermapArgs, outFile: path.join(resultsDir, `${resultName}.layermap.json`) });
  } catch (error) {
    // Still show depcruise's side: it is the reference the corpus will be judged against.
    printTable([
      ["", "depcruise"],
      ["files", dcView.files.size],
      ["edges", dcView.edges.size],
      ["time (s)", seconds(dc.ms)],
    ]);
    throw error;
  }
  const lmView = layermapView(lm.doc, root);
  const cmp = compareViews(lmView, dcView);

  if (layermapJson) console.log(`   layermap document read from ${layermapJson}`);
  if (lm.status) console.log(`   layermap exited with ${lm.status} (document written)`);
  printTable([
    ["", "layermap", "depcruise"],
    ["files", lmView.files.size, dcView.files.size],
    ["edges", lmView.edges.size, dcView.edges.size],
    ["time (s)", seconds(lm.ms), seconds(dc.ms)],
  ]);
  const diagCounts = countBy(lm.doc.diagnostics ?? [], (d) => d.code);
  if (diagCounts.size) {
    console.log(`   layermap diagnostics: ${[...diagCounts].map(([code, n]) => `${code} ${n}`).join(", ")}`);
  }
  console.log(`   both ${cmp.both.length}, union ${cmp.union}, agreement ${cmp.agreement.toFixed(2)}%`);
  const classes = isComponents ? classifyDifferences(cmp, lmView, dcView, root) : null;
  if (classes) printComponentFigures(lmView, cmp, classes);

  const tag = (key) => (classes ? `[${classes.classOf.get(key)}] ` : "");
  printList("files only layermap saw", cmp.filesOnlyA, limit, (f) => f);
  printList("files only depcruise saw", cmp.filesOnlyB, limit, (f) => f);
  printList("edges only layermap found", cmp.onlyA, limit, (key) => tag(key) + explainLayermapOnly(lmView.edges.get(key), dcView));
  printList("edges only depcruise found", cmp.onlyB, limit, (key) => tag(key) + explainDepcruiseOnly(dcView.edges.get(key), lmView));
  console.log("");
  return {
    name: corpus.name,
    agreement: cmp.agreement,
    both: cmp.both.length,
    union: cmp.union,
    onlyLayermap: cmp.onlyA.length,
    onlyDepcruise: cmp.onlyB.length,
    ...(classes ? { withinReach: withinReach(cmp, classes), byFault: classes.byFault } : {}),
  };
}

/** Agreement with the differences depcruise cannot see left out of the union. */
function withinReach(cmp, classes) {
  const union = cmp.union - classes.byFault["beyond depcruise"];
  return union === 0 ? 100 : (100 * cmp.both.length) / union;
}

/**
 * layermap's own figures on a component corpus (all there is for a kind depcruise does not read),
 * then the differences by class and the agreement within depcruise's reach.
 */
function printComponentFigures(lmView, cmp, classes) {
  const kindOf = (file) => /\.(vue|svelte|astro)$/.exec(file)?.[1];
  const components = countBy([...lmView.files].filter(kindOf), (f) => `.${kindOf(f)}`);
  const edges = [...lmView.edges.values()];
  console.log(
    `   layermap: components ${[...components].map(([kind, n]) => `${kind} ${n}`).join(", ") || "none"}; ` +
      `edges from a component ${edges.filter((e) => kindOf(e.from)).length}, to a component ${edges.filter((e) => kindOf(e.to)).length}`,
  );
  if (classes.counts.size === 0) return;
  console.log("   differences by class:");
  for (const [id, n] of classes.counts) {
    const known = differenceClass(id);
    console.log(`     ${String(n).padStart(5)}  ${id}${known ? ` (${known.fault}): ${known.text}` : ": no known class, listed below"}`);
  }
  console.log(`   agreement within depcruise's reach ${withinReach(cmp, classes).toFixed(2)}% (${classes.byFault["beyond depcruise"]} differences it cannot see left out)`);
}

/** An edge only layermap has: its import sites, and what depcruise made of those specifiers. */
function explainLayermapOnly(edge, dcView) {
  const sites = edge.detail.sites.map((s) => {
    const theirs = dcView.resolutions.get(edgeKey(edge.from, s.specifier));
    const why = theirs ? `depcruise: ${theirs}` : dcView.files.has(edge.from) ? "depcruise: no such import" : "depcruise: file not cruised";
    return `line ${s.line} ${JSON.stringify(s.specifier)} [${s.kind}${s.typeOnly ? ", type-only" : ""}] → ${why}`;
  });
  return `${edge.from} → ${edge.to}\n        ${sites.join("\n        ")}`;
}

/** An edge only depcruise has: its specifiers and types, and what layermap made of them. */
function explainDepcruiseOnly(edge, lmView) {
  const specs = edge.detail.specifiers.map((spec) => {
    const ours = lmView.resolutions.get(edgeKey(edge.from, spec));
    let why = ours ? `layermap: ${ours}` : "layermap: no such import";
    if (!lmView.files.has(edge.from)) why = "layermap: file not mapped";
    const diags = lmView.diagnostics.get(edge.from);
    if (!ours && diags?.length) why += `; diagnostics: ${diags.map((d) => `${d.code}: ${d.message}`).join(" | ")}`;
    const types = edge.detail.types.filter((t) => t !== "local"); // "local" is on every such edge
    return `${JSON.stringify(spec)} [${types.join(", ")}] → ${why}`;
  });
  return `${edge.from} → ${edge.to}\n        ${specs.join("\n        ")}`;
}

function printList(title, items, limit, format) {
  if (items.length === 0) return;
  console.log(`   ${title} (${items.length}):`);
  for (const item of items.slice(0, limit)) console.log(`     ${format(item)}`);
  if (items.length > limit) console.log(`     … and ${items.length - limit} more`);
}

/** Print the closing table; returns true when --min is set and some corpus is below it. */
function printSummary(rows, min) {
  // The component corpora's columns only when one is in the run, so the others' output stays as it was.
  const components = rows.some((row) => row.withinReach !== undefined);
  const faults = (row) => [row.byFault.depcruise, row.byFault.layermap, row.byFault.unexplained];
  const extra = (row) => (components ? (row.withinReach === undefined ? ["-", "-", "-", "-"] : [`${row.withinReach.toFixed(2)}%`, ...faults(row)]) : []);
  const table = [[
    "corpus", "agreement", "both/union", "only layermap", "only depcruise",
    ...(components ? ["within reach", "depcruise's", "layermap's", "unexplained"] : []),
    ...(min === null ? [] : ["≥ min"]),
  ]];
  let below = false;
  for (const row of rows) {
    if (row.crashed) {
      table.push([row.name, "crashed", "", "", "", ...(components ? ["", "", "", ""] : []), ...(min === null ? [] : ["-"])]);
      continue;
    }
    const ok = min === null || (row.withinReach === undefined ? row.agreement >= min : componentOk(row, min));
    below ||= !ok;
    table.push([
      row.name,
      `${row.agreement.toFixed(2)}%`,
      `${row.both}/${row.union}`,
      row.onlyLayermap,
      row.onlyDepcruise,
      ...extra(row),
      ...(min === null ? [] : [ok ? "yes" : "NO"]),
    ]);
  }
  console.log(min === null ? "summary" : `summary (min ${min}%)`);
  printTable(table);
  return below;
}

/**
 * A component corpus passes --min when every difference is explained, and its agreement within
 * depcruise's reach is at least min or every difference in reach is depcruise's.
 */
function componentOk(row, min) {
  const { depcruise, layermap, unexplained } = row.byFault;
  return unexplained === 0 && (row.withinReach >= min || (layermap === 0 && depcruise > 0));
}

/** Print rows as right-aligned columns (the first column left-aligned). */
function printTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const row of rows) {
    const cells = row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])));
    console.log(`   ${cells.join("   ")}`);
  }
}

function seconds(ms) {
  return ms === null ? "-" : (ms / 1000).toFixed(2);
}

function countBy(items, keyOf) {
  const counts = new Map();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

main();
