#!/usr/bin/env node
/**
 * Accuracy check of the Python front end (#18): layermap's module→module edges against
 * importlab's, on Werkzeug, Flask, Requests and Django (fetch them with fetch-python.mjs), every
 * difference judged by Python's own rules (python/ast-edges.py: CPython's ast and PathFinder).
 *
 *   node compare-python.mjs [corpus…] [--min <pct>] [--limit <n>] [--layermap-json <file>]
 *
 *   corpus…                werkzeug, flask, requests, django (default: all four)
 *   --min <pct>            exit 1 when a corpus's agreement between layermap and importlab is
 *                          below pct, or was not measured (a build without the Python front end)
 *   --limit <n>            list at most n differences per side (default 30)
 *   --layermap-json <file> read this saved layermap document instead of running the CLI
 *                          (one corpus only)
 *
 * An edge is (from, to): from a local .py file (a .pyi stub's imports belong to the module it
 * types), to a local file (its path relative to the corpus root), or to any other module by its
 * top-level name, whether a side calls it the standard library's (builtin) or not (external):
 * a module labelled differently is listed apart, with its class. Every import site
 * counts on every side: static, deferred (in a function), dynamic, type-only, optional.
 * Unresolved imports are no edge (their count is printed).
 *
 * layermap runs as `node ../dist/cli.js map .cache/python/<name> --no-config --no-cache --out …`.
 * When its document holds no Python module (a build without the Python front end), the two
 * references are compared with each other instead — ast's edges in layermap's place — which
 * already shows what importlab misses.
 *
 * Per corpus it prints files and edges of each view, |both|, |union|, agreement = |both| /
 * |union| (and the same over local targets alone), each difference in its class
 * (lib/python-difference-classes.mjs) with its evidence: the sites of the edge, and what
 * Python's rules and the other tool made of the same line; then, on the edges layermap and
 * Python's rules both find, whether their sites agree line by line in form (static, deferred,
 * dynamic) and flags (type-only, optional). Raw outputs are kept in
 * .cache/python/results/<corpus>.{layermap,importlab,ast}.json.
 *
 * Exit code: 0; 1 when --min is not met; 2 when Python, a corpus or a tool is missing or crashed.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { compareViews } from "./lib/edges.mjs";
import { readLayermapDocument, runLayermap } from "./lib/layermap.mjs";
import { KIND_DIFFERENCE_CLASSES, classifyKindDifference, classifyPythonDifferences, pythonDifferenceClass } from "./lib/python-difference-classes.mjs";
import { findPythonCorpus, pythonCacheDir, pythonCorpora, pythonRoot } from "./lib/python-corpora.mjs";
import { describeEdge, kindDifferences, layermapPythonView, pythonVersion, referenceView, runReference } from "./lib/python-edges.mjs";
import { markdownTable } from "./lib/table.mjs";

const resultsDir = path.join(pythonCacheDir, "results");

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { min: { type: "string" }, limit: { type: "string", default: "30" }, "layermap-json": { type: "string" } },
  });
  const min = values.min === undefined ? null : Number(values.min);
  const limit = Number(values.limit);
  if ((min !== null && !Number.isFinite(min)) || !Number.isInteger(limit) || limit < 0) usage("--min takes a percentage and --limit a whole number");
  let selected;
  try {
    selected = positionals.length ? positionals.map(findPythonCorpus) : pythonCorpora;
  } catch (error) {
    usage(error.message);
  }
  if (values["layermap-json"] && selected.length !== 1) usage("--layermap-json needs exactly one corpus");
  const python = pythonVersion();
  if (python === null) fail(`${process.env.PYTHON || "python3"} does not run: the references are Python scripts`);
  for (const corpus of selected) {
    if (!fs.existsSync(path.join(pythonRoot(corpus), corpus.pkg))) fail(`${corpus.name} is not fetched: run node fetch-python.mjs`);
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  console.log(`Python ${python} (-S), importlab 0.7, node ${process.version}\n`);

  const rows = [];
  for (const corpus of selected) {
    try {
      rows.push(compareCorpus(corpus, { limit, layermapJson: values["layermap-json"] }));
    } catch (error) {
      fail(`${corpus.name}: ${error.message}`);
    }
  }
  console.log("## Summary\n");
  console.log(
    markdownTable([
      ["corpus", ".py/.pyi", "compared", "its edges", "importlab's", "both", "agreement", "local only", "beyond importlab", "importlab's", "layermap's", "unexplained", "builtin/external labels apart"],
      ...rows.map((r) => [
        r.name,
        r.files,
        r.measured ? "layermap" : "ast (no layermap)",
        r.a,
        r.b,
        r.both,
        pct(r.agreement),
        pct(r.localAgreement),
        r.byFault["beyond importlab"],
        r.byFault.importlab,
        r.byFault.layermap,
        r.byFault.unexplained,
        r.labels ? `${r.labels} (${r.labelsUnexplained} unexplained)` : 0,
      ]),
    ]),
  );
  if (min !== null) {
    const short = rows.filter((r) => !r.measured || r.agreement < min);
    for (const r of short) console.log(`${r.name}: ${r.measured ? `${pct(r.agreement)} is below --min ${min}%` : "layermap mapped no Python file: not measured"}`);
    if (short.length > 0) process.exit(1);
  }
}

function compareCorpus(corpus, { limit, layermapJson }) {
  const root = pythonRoot(corpus);
  const out = (tool) => path.join(resultsDir, `${corpus.name}.${tool}.json`);
  console.log(`## ${corpus.name} (${corpus.deb.package} ${corpus.deb.version})\n`);

  const ast = runReference("ast-edges.py", root, out("ast"));
  const importlab = runReference("importlab-edges.py", root, out("importlab"));
  const lm = layermapJson ? { doc: readLayermapDocument(layermapJson), ms: 0 } : runLayermap({ root, outFile: out("layermap"), args: ["--no-config", "--no-cache"] });
  const python = referenceView(ast.doc);
  const il = referenceView(importlab.doc);
  const layermap = layermapPythonView(lm.doc);
  const measured = layermap.files.size > 0;
  if (!measured) console.log("layermap mapped no Python file (a build without the Python front end): ast's edges stand in its place.\n");
  const a = measured ? layermap : python;
  const aName = measured ? "layermap" : "ast";

  const views = [
    ["layermap", layermap, lm.ms],
    ["importlab", il, importlab.ms],
    ["ast (Python's rules)", python, ast.ms],
  ];
  console.log(
    markdownTable([
      ["view", "files", "edges", "local", "builtin", "external", "unresolved", "namespace", "time"],
      ...views.map(([name, v, ms]) => [name, v.files.size, v.edges.size, ...["local", "builtin", "external"].map((k) => countKind(v, k)), v.left.unresolved, v.left.namespace, `${(ms / 1000).toFixed(2)} s`]),
    ]),
  );
  if (measured && layermap.diagnostics.length > 0) {
    const codes = new Map();
    for (const d of layermap.diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
    console.log(`\nlayermap's diagnostics on Python files: ${[...codes].map(([c, n]) => `${c} ${n}`).join(", ")}`);
  }

  const cmp = compareViews(a, il);
  const local = compareViews(localOnly(a), localOnly(il));
  const refs = compareViews(python, il);
  const { classOf, counts, byFault } = classifyPythonDifferences(cmp, il, python);
  console.log(`\n${aName} vs importlab: both ${cmp.both.length}, union ${cmp.union}, agreement ${pct(cmp.agreement)} (local targets only: ${pct(local.agreement)})`);
  if (measured) {
    const versusPython = compareViews(layermap, python);
    // What only a stub gives, where layermap leaves a stub beside its module out (as importlab does).
    const stubOnly = versusPython.onlyB.filter((key) => python.edges.get(key).detail.every((site) => site.file?.endsWith(".pyi") && !layermap.files.has(site.file)));
    const stubs = stubOnly.length ? ` (${stubOnly.length} of its ${versusPython.onlyB.length + versusPython.onlyA.length} differences only a stub beside its module gives, which layermap leaves out)` : "";
    console.log(`ast vs importlab (the references): agreement ${pct(refs.agreement)}; layermap vs ast: ${pct(versusPython.agreement)}${stubs}`);
  }
  for (const [id, n] of counts) console.log(`  ${id} (${pythonDifferenceClass(id)?.fault ?? "unexplained"}): ${n}`);

  printDifferences(`only ${aName}`, cmp.onlyA, limit, (key) => {
    const edge = a.edges.get(key);
    const judged = measured ? python.edges.get(key) : undefined;
    const verdict = !measured
      ? []
      : judged
        ? siteLines(judged).map((l) => l.replace("    ", "    Python: "))
        : [`    Python's rules: no such edge; at those lines: ${edge.detail.map((s) => `${s.line}: ${(python.sites.get(`${edge.from}\u0000${s.line}`) ?? []).map(siteText).join(", ") || "no import"}`).join("; ")}`];
    return [`[${classOf.get(key)}] ${describeEdge(edge)}`, ...siteLines(edge), ...verdict];
  });
  printDifferences("only importlab", cmp.onlyB, limit, (key) => {
    const edge = il.edges.get(key);
    const judged = python.edges.get(key);
    return [
      `[${classOf.get(key)}] ${describeEdge(edge)}`,
      `    importlab: ${edge.detail.join("; ")}`,
      ...(judged ? siteLines(judged).map((l) => l.replace("    ", "    Python: ")) : ["    Python's rules: no such edge"]),
      ...(judged && measured ? judged.detail.map((s) => `    layermap at ${s.file}:${s.line}: ${(layermap.sites.get(`${s.file}\u0000${s.line}`) ?? []).map(siteText).join(", ") || "nothing"}`) : []),
    ];
  });
  const kinds = kindDifferences(a, il).map((d) => ({ ...d, id: classifyKindDifference(d.name) }));
  if (kinds.length > 0) {
    console.log(`\nthe same module, builtin to one side and external to the other (${kinds.length}; not differences of edges):`);
    for (const d of kinds.slice(0, limit)) {
      const why = KIND_DIFFERENCE_CLASSES.find((c) => c.id === d.id);
      console.log(`[${d.id}, ${why.fault}] ${d.from} → ${d.name}: ${aName} ${d.a}, importlab ${d.b}`);
    }
  }
  if (measured) printSiteFlags(layermap, python, limit);
  console.log("");
  return {
    name: corpus.name,
    files: python.files.size,
    measured,
    a: a.edges.size,
    b: il.edges.size,
    both: cmp.both.length,
    agreement: cmp.agreement,
    localAgreement: local.agreement,
    byFault,
    labels: kinds.length,
    labelsUnexplained: kinds.filter((d) => KIND_DIFFERENCE_CLASSES.find((c) => c.id === d.id)?.fault === "layermap").length,
  };
}

/** An edge's first sites: file and line, specifier, form and flags. */
function siteLines(edge, most = 3) {
  const shown = edge.detail.slice(0, most).map((s) => {
    const flags = [s.kind, s.typeOnly ? "type-only" : null, s.optional ? "optional" : null].filter(Boolean).join(", ");
    return `    ${s.file ?? edge.from}:${s.line} ${JSON.stringify(s.specifier)} (${flags})`;
  });
  return edge.detail.length > most ? [...shown, `    … and ${edge.detail.length - most} more sites`] : shown;
}

/**
 * On the edges both layermap and Python's rules find, the sites' form and flags line by line:
 * which are static, deferred or dynamic, type-only, optional. Not part of the agreement (an edge
 * is an edge whatever its sites), but what the runtime plane and the rules read.
 */
function printSiteFlags(layermap, python, limit) {
  const flags = (s) => `${s.kind}${s.typeOnly ? ", type-only" : ""}${s.optional ? ", optional" : ""}`;
  const byLine = (sites) => {
    const lines = new Map();
    for (const s of sites) lines.set(s.line, new Set([...(lines.get(s.line) ?? []), flags(s)]));
    return lines;
  };
  const differences = new Map();
  let compared = 0;
  for (const [key, edge] of layermap.edges) {
    const theirs = python.edges.get(key);
    if (!theirs) continue;
    const ours = byLine(edge.detail);
    // A stub layermap left out (one beside its module) has no sites there to compare.
    const pythons = byLine(theirs.detail.filter((site) => !site.file?.endsWith(".pyi") || layermap.files.has(site.file)));
    for (const line of new Set([...ours.keys(), ...pythons.keys()])) {
      compared++;
      const a = [...(ours.get(line) ?? [])].sort().join(" | ") || "no site";
      const b = [...(pythons.get(line) ?? [])].sort().join(" | ") || "no site";
      if (a === b) continue;
      const what = `layermap ${a}; Python ${b}`;
      const list = differences.get(what) ?? [];
      list.push(`${edge.from}:${line} → ${edge.kind === "local" ? edge.to : `${edge.kind}:${edge.to}`}`);
      differences.set(what, list);
    }
  }
  const total = [...differences.values()].reduce((n, l) => n + l.length, 0);
  console.log(`\nsite forms and flags on the edges both find: ${compared - total} of ${compared} (edge, line) pairs alike`);
  for (const [what, list] of [...differences].sort((x, y) => y[1].length - x[1].length)) {
    console.log(`  ${list.length}× ${what}: ${list.slice(0, Math.max(1, Math.min(limit, 3))).join(", ")}${list.length > 3 ? ", …" : ""}`);
  }
}

function siteText(s) {
  return `${JSON.stringify(s.specifier)} → ${s.kind === "local" ? s.to : `${s.kind}:${s.to}`}`;
}

function printDifferences(title, keys, limit, describe) {
  if (keys.length === 0) return;
  console.log(`\n${title} (${keys.length}):`);
  for (const key of keys.slice(0, limit)) console.log(describe(key).join("\n"));
  if (keys.length > limit) console.log(`  … and ${keys.length - limit} more (--limit)`);
}

function localOnly(view) {
  return { ...view, edges: new Map([...view.edges].filter(([, e]) => e.kind === "local")) };
}

function countKind(view, kind) {
  return [...view.edges.values()].filter((e) => e.kind === kind).length;
}

function pct(n) {
  return `${n.toFixed(2)}%`;
}

function usage(message) {
  console.error(`compare-python: ${message}\nusage: node compare-python.mjs [werkzeug|flask|requests|django…] [--min <pct>] [--limit <n>] [--layermap-json <file>]`);
  process.exit(2);
}

function fail(message) {
  console.error(`compare-python: ${message}`);
  process.exit(2);
}

main();
