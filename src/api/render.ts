/**
 * `render`: what a diagram needs — the map document and the rule violations to colour — from a
 * saved map ("map once, render many"), by mapping a root first, or from text: a saved document
 * or an edges list (`layermap map . --format edges | grep -v test | layermap render -`).
 */
import { dirname, resolve } from "node:path";
import { loadConfig } from "../config/load-config.js";
import type { Config } from "../config/config-schema.js";
import { toDocument } from "../graph/to-document.js";
import { createImportGraph, type ImportGraph } from "../graph/import-graph.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import type { ImportSiteRecord, MapDocument } from "../model/document.js";
import { UserError } from "../model/errors.js";
import { printable } from "../model/printable.js";
import type { Violation } from "../model/violation.js";
import type { DiagramInput, DiagramOptions } from "../report/diagram/build-diagram.js";
import { reporters, type ReportFormat } from "../report/reporters.js";
import { parseEdges, type EdgeList } from "../report/edges-report.js";
import { checkCycles } from "../rules/check-cycles.js";
import { checkLayers } from "../rules/check-layers.js";
import { checkRules } from "../rules/check-rules.js";
import { map, type MapOptions, type MapResult } from "./map.js";
import { loadCallTree } from "./callgraph.js";
import { loadSavedMap, parseMapDocument } from "./saved-map.js";
import { planeDocument, planeGraph, throughBarrelsWanted } from "./barrel-plane.js";
import { readText } from "../model/read-text.js";
import { isFolder } from "../model/file-kind.js";

export interface RenderSourceOptions extends Omit<MapOptions, "root"> {
  /** A saved map document (.json), an edges list, or a folder to map. */
  source: string;
}

export interface RenderTextOptions {
  /** Where the text came from (a file, or `stdin`): every error starts with it. */
  name: string;
  /** A layermap config whose layers and rules to draw; without one (or false), the document's own layers. */
  config?: string | false;
  /**
   * Draw the transparent plane (consumers point at the modules that declare what they import),
   * from a document mapped with `--through-barrels`; default the config's `barrels`.
   */
  throughBarrels?: boolean;
  /** The working folder errors name files relative to (absolute without it). */
  cwd?: string;
}

export async function loadDiagramInput(options: RenderSourceOptions): Promise<DiagramInput> {
  const { source, ...mapOptions } = options;
  if (isFolder(source)) return diagramInputOf(await map({ ...mapOptions, root: source }), options.throughBarrels, source);
  return diagramInputFromText(readText(source), {
    name: source,
    ...(typeof options.config === "string" ? { config: options.config } : {}),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.throughBarrels === undefined ? {} : { throughBarrels: options.throughBarrels }),
  });
}

/**
 * A map given as text, told apart by its content: a saved document (JSON: its first character is
 * `{`, or the file name ends in .json) or an edges list (anything else).
 */
export function diagramInputFromText(text: string, options: RenderTextOptions): DiagramInput {
  const { name } = options;
  if (text.trim() === "") throw new UserError(`${name}: empty: expected a layermap map document (JSON) or an edges list (from<TAB>to lines)`);
  const isJson = text.trimStart().startsWith("{") || name.toLowerCase().endsWith(".json");
  const read = isJson ? parseMapDocument(text, name) : documentFromEdges(parseEdges(text, name));
  if (typeof options.config === "string") {
    // A file named outright: no folder is searched for one.
    const { config } = loadConfig(dirname(resolve(options.config)), options.config, options.cwd);
    // The config decides, as it would for a fresh map: an edges list has no layers, and a
    // document's saved ones may be stale.
    const { document, graph, layers } = loadSavedMap(read, config);
    const wanted = throughBarrelsWanted(options.throughBarrels, config);
    return { document, ...drawnOf(document, wanted, name), violations: violationsOf(planeGraph(document, graph, wanted, name), layers, config) };
  }
  // No config: the document's own layers (none for an edges list), checked in the default
  // (relaxed) order, and cycles.
  const { document, graph: plain, layers } = loadSavedMap(read);
  const wanted = options.throughBarrels ?? false;
  const graph = planeGraph(document, plain, wanted, name);
  return {
    document,
    ...drawnOf(document, wanted, name),
    violations: [
      ...checkLayers(graph, layers, { mode: "relaxed", severity: "error", plane: "all" }),
      ...checkCycles(graph, layers, { severity: "error", plane: "runtime" }),
    ],
  };
}

/**
 * What a diagram of a fresh map needs: its document, and the violations of its config's rules;
 * with barrels transparent (`throughBarrels`, default the config's), both of the transparent
 * plane. `name` (the root as given) starts the error of a map made without following barrels.
 */
export function diagramInputOf(mapped: MapResult, throughBarrels?: boolean, name = "the map"): DiagramInput {
  const wanted = throughBarrelsWanted(throughBarrels, mapped.config);
  const graph = planeGraph(mapped.document, mapped.graph, wanted, name);
  return { document: mapped.document, ...drawnOf(mapped.document, wanted, name), violations: violationsOf(graph, mapped.layers, mapped.config) };
}

/** `{ drawn }`: the transparent plane's document when wanted (the json and edges formats still write the map as made). */
function drawnOf(document: MapDocument, wanted: boolean, name: string): Pick<DiagramInput, "drawn"> {
  return wanted ? { drawn: planeDocument(document, wanted, name) } : {};
}

/** The violations to colour; a rule that matches nothing is `check`'s business, not a picture's. */
function violationsOf(graph: ImportGraph, layers: LayerAssignment, config: Config): Violation[] {
  return checkRules(graph, layers, config).violations;
}

/**
 * The placeholder site of an import read from an edges list, which records no lines. The
 * document's schema requires a site with a positive line; the empty specifier marks this one as
 * a placeholder (no real import is written as ""), so the line it carries means nothing.
 */
export const EDGES_SITE = { line: 1, specifier: "", kind: "static" } as const satisfies ImportSiteRecord;

/** An edges list as a map document: its modules and imports, no layers, nothing parsed. */
function documentFromEdges(list: EdgeList): MapDocument {
  const graph = createImportGraph();
  for (const { id, kind } of list.modules) graph.addNode(id, { kind });
  for (const { from, to, typeOnly } of list.imports) {
    graph.addDirectedEdge(from, to, { sites: [{ ...EDGES_SITE, ...(typeOnly ? { typeOnly: true as const } : {}) }] });
  }
  return toDocument(graph, [], 0);
}


/**
 * A diagram input drawn in one format: the programmatic `layermap render`.
 * `const input = await loadDiagramInput({ source: "src" }); const svg = await render(input, "svg");`
 */
export async function render(input: DiagramInput, format: ReportFormat, options: DiagramOptions = {}): Promise<string> {
  return (await reporters[format](input, options)).text;
}

export interface RuntimeOptions {
  /** CPU profiles (.cpuprofile) of one program, merged. */
  profiles: readonly string[];
  /** The root the profiles were recorded against: their frame paths are relative to it. */
  root: string;
  /** Which time fills the boxes: time on the stack (default) or on top of it. */
  heat?: "total" | "self";
}

/**
 * A diagram input with a recorded run to draw over it (`--profile`): the profiles read, merged
 * and placed on the map (throws a UserError on a bad one).
 * `const svg = await render(withRuntime(input, { profiles: ["run.cpuprofile"], root: "." }), "svg");`
 */
export function withRuntime(input: DiagramInput, options: RuntimeOptions): DiagramInput {
  const tree = loadCallTree(options.profiles, { root: options.root });
  // A run none of whose code is a module of the map would draw every box as never run: say why.
  const modules = new Set(input.document.modules.map((module) => module.id));
  if (!tree.frames.some((frame) => frame.kind === "local" && modules.has(frame.module))) {
    throw new UserError(
      `${options.profiles.map(printable).join(", ")}: no frame of the profile is a module of this map: record it with the root you map (layermap profile --root), and keep source maps for compiled code (frames in dist/ without them stay on the built files)`,
    );
  }
  return { ...input, runtime: { tree, ...(options.heat === undefined ? {} : { heat: options.heat }) } };
}
