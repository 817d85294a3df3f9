/**
 * The Python comparison's common currency (#18): a tool's module→module edges of one corpus,
 * from layermap's map document, importlab-edges.py's JSON or ast-edges.py's JSON, reduced to
 *
 *   files  Set of local files (POSIX paths relative to the corpus root)
 *   edges  Map key → { from, to, kind, detail }: key `from\0to` for a local target (a path),
 *          `from\0module:os` for any other (its top-level name), whether the tool calls it
 *          builtin or external: the edge is the same, and the label, a module list's answer, is
 *          compared apart (kindDifferences); a path and a module name never meet
 *   left   targets that are no module to compare: { unresolved, namespace } counts of edges
 *   sites  Map `file\0line` → [{ to, kind, specifier, form, typeOnly }]: what the tool made of
 *          the imports on a line (unresolved ones too), to set beside a difference
 *
 * detail is tool-specific evidence for the report: layermap's sites, importlab's import
 * statements, ast's sites.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { benchDir } from "../corpora.mjs";
import { pythonCommand, pythonToolsDir } from "./python-corpora.mjs";

/** Kinds that are modules to compare; the others are counted in `left`. */
const COMPARED = new Set(["local", "builtin", "external"]);

/** The Map key of an edge to a target of a kind. */
export function pythonEdgeKey(from, kind, to) {
  return kind === "local" ? `${from}\u0000${to}` : `${from}\u0000module:${to}`;
}

/** "from → to" for the report, a non-local target with its kind (`builtin:os`). */
export function describeEdge(edge) {
  return `${edge.from} → ${edge.kind === "local" ? edge.to : `${edge.kind}:${edge.to}`}`;
}

/** The edges both views have whose target one calls builtin and the other external. */
export function kindDifferences(a, b) {
  const out = [];
  for (const [key, edge] of a.edges) {
    const other = b.edges.get(key);
    if (other && other.kind !== edge.kind) out.push({ key, from: edge.from, name: edge.to, a: edge.kind, b: other.kind });
  }
  return out;
}

function emptyView() {
  return { files: new Set(), edges: new Map(), left: { unresolved: 0, namespace: 0 }, sites: new Map() };
}

function addEdge(view, from, kind, to, detail) {
  if (!COMPARED.has(kind)) {
    view.left[kind] = (view.left[kind] ?? 0) + 1;
    return;
  }
  const key = pythonEdgeKey(from, kind, to);
  const edge = view.edges.get(key);
  if (edge) edge.detail.push(...detail);
  else view.edges.set(key, { from, to, kind, detail: [...detail] });
}

/** The view of an ast-edges.py or importlab-edges.py document. */
export function referenceView(doc) {
  const view = emptyView();
  for (const file of doc.files) if (/\.pyi?$/.test(file)) view.files.add(file);
  for (const edge of doc.edges) {
    addEdge(view, edge.from, edge.kind, edge.to, edge.sites ?? edge.imports ?? []);
    for (const site of edge.sites ?? []) {
      const at = `${site.file}\u0000${site.line}`;
      const list = view.sites.get(at) ?? [];
      list.push({ to: edge.to, kind: edge.kind, specifier: site.specifier, form: site.kind, typeOnly: site.typeOnly });
      view.sites.set(at, list);
    }
  }
  return view;
}

/**
 * The view of a layermap map document: imports from a local .py/.pyi module, every site (static,
 * deferred, dynamic, type-only, optional) counting, as the references count them.
 */
export function layermapPythonView(doc) {
  const view = emptyView();
  const kindOf = new Map(doc.modules.map((m) => [m.id, m.kind]));
  const isPython = (id) => kindOf.get(id) === "local" && /\.pyi?$/.test(id);
  for (const mod of doc.modules) if (isPython(mod.id)) view.files.add(mod.id);
  for (const imp of doc.imports) {
    if (!isPython(imp.from)) continue;
    const kind = kindOf.get(imp.to) ?? "unresolved";
    addEdge(view, imp.from, kind, imp.to, imp.sites);
    for (const site of imp.sites) {
      const at = `${imp.from}\u0000${site.line}`;
      const list = view.sites.get(at) ?? [];
      list.push({ to: imp.to, kind, specifier: site.specifier, form: site.kind, typeOnly: site.typeOnly });
      view.sites.set(at, list);
    }
  }
  view.diagnostics = (doc.diagnostics ?? []).filter((d) => /\.pyi?$/.test(d.file ?? ""));
  return view;
}

/**
 * Run one of the reference scripts (python/<script>) on a corpus root with `python3 -S` (no
 * site-packages: see the scripts' docstrings), writing its JSON to `outFile`.
 * @returns {{ doc: object, ms: number }}
 * @throws when Python is missing or the script fails
 */
export function runReference(script, root, outFile) {
  const tools = script.startsWith("importlab") ? ["--tools", pythonToolsDir] : [];
  const started = performance.now();
  const run = spawnSync(pythonCommand, ["-S", path.join(benchDir, "python", script), root, ...tools, "--out", outFile], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - started;
  if (run.error) throw new Error(`${pythonCommand}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`${script} exited with ${run.status ?? run.signal}\n${run.stderr}`);
  return { doc: JSON.parse(fs.readFileSync(outFile, "utf8")), ms };
}

/** Whether `python3` (or $PYTHON) runs, and its version, or null. */
export function pythonVersion() {
  const run = spawnSync(pythonCommand, ["-S", "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], { encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim() : null;
}
