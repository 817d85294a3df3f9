/**
 * `render`: what a diagram needs — the map document and the rule violations to colour — from a
 * saved document ("map once, render many") or by mapping a root first.
 */
import { readFileSync, statSync } from "node:fs";
import { loadConfig } from "../config/load-config.js";
import type { Config } from "../config/config-schema.js";
import { fromDocument } from "../graph/to-document.js";
import type { ImportGraph } from "../graph/import-graph.js";
import { assignLayers, type LayerAssignment } from "../layers/assign-layers.js";
import { mapDocumentSchema, type MapDocument } from "../model/document.js";
import { UserError } from "../model/errors.js";
import type { Violation } from "../model/violation.js";
import type { DiagramInput } from "../report/diagram/build-diagram.js";
import { checkCycles } from "../rules/check-cycles.js";
import { checkLayers } from "../rules/check-layers.js";
import { checkRules } from "../rules/check-rules.js";
import { map, type MapOptions, type MapResult } from "./map.js";

export interface RenderSourceOptions extends Omit<MapOptions, "root"> {
  /** A saved map document (.json) or a folder to map. */
  source: string;
}

export async function loadDiagramInput(options: RenderSourceOptions): Promise<DiagramInput> {
  const { source, ...mapOptions } = options;
  if (isFolder(source)) return diagramInputOf(await map({ ...mapOptions, root: source }));
  const document = readDocument(source);
  const graph = fromDocument(document);
  if (options.config !== undefined) {
    const { config } = loadConfig(process.cwd(), options.config);
    return { document, violations: violationsOf(graph, assignLayers(graph, config.layers), config) };
  }
  // No config: the document's own layers, checked in the default (relaxed) order, and cycles.
  const assignment = layersOfDocument(document);
  return {
    document,
    violations: [
      ...checkLayers(graph, assignment, { mode: "relaxed", severity: "error", plane: "all" }),
      ...checkCycles(graph, assignment, { severity: "error", plane: "runtime" }),
    ],
  };
}

/** What a diagram of a fresh map needs: its document, and the violations of its config's rules. */
export function diagramInputOf(mapped: MapResult): DiagramInput {
  return { document: mapped.document, violations: violationsOf(mapped.graph, mapped.layers, mapped.config) };
}

/** The violations to colour; a rule that matches nothing is `check`'s business, not a picture's. */
function violationsOf(graph: ImportGraph, layers: LayerAssignment, config: Config): Violation[] {
  return checkRules(graph, layers, config).violations;
}

export function readDocument(path: string): MapDocument {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === undefined ? `${path}: not valid JSON: ${(error as Error).message}` : `${path}: cannot read (${code})`);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof json !== "object" || json === null || !("modules" in json) || !("imports" in json)) {
    throw new UserError(`${path}: not a layermap map document (make one with \`layermap map <root> --out ${path}\`)`);
  }
  if (version !== 1) throw new UserError(`${path}: a layermap document of version ${String(version)}; this layermap reads version 1`);
  const parsed = mapDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`${path}: not a valid layermap document: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

function layersOfDocument(document: MapDocument): LayerAssignment {
  const layerOf = new Map<string, string>();
  const unlayered: string[] = [];
  for (const module of document.modules) {
    if (module.kind !== "local") continue;
    if (module.layer === undefined) unlayered.push(module.id);
    else layerOf.set(module.id, module.layer);
  }
  const names = document.layers ?? [...new Set(layerOf.values())].sort();
  return { layerOf, rank: new Map(names.map((name, index) => [name, index])), unlayered, empty: [] };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
