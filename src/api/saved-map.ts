/**
 * A saved `map` document loaded back ("map once, render many"): `render <file.json>` and the
 * explore commands' `--graph <file>` both read it here. A file that is not a layermap document,
 * one of another version, or one whose parts disagree (an import of a module not in the list) is
 * one UserError line naming the file, never a crash halfway through a query or a drawing.
 */
import type { Config } from "../config/config-schema.js";
import { formatIssues } from "../config/load-config.js";
import type { ImportGraph } from "../graph/import-graph.js";
import { fromDocument, toDocument } from "../graph/to-document.js";
import { assignLayers, type LayerAssignment } from "../layers/assign-layers.js";
import { DOCUMENT_VERSION, mapDocumentSchema, type MapDocument } from "../model/document.js";
import { assertConsistent } from "../model/document-consistency.js";
import { UserError } from "../model/errors.js";
import { readText } from "../model/read-text.js";

export interface SavedMap {
  /** The document, with the config's layers in it when a config was given. */
  document: MapDocument;
  graph: ImportGraph;
  layers: LayerAssignment;
}

/** The saved document at `path`, checked; errors name it as `name` (default its path). */
export function readMapDocument(path: string, name = path): MapDocument {
  return parseMapDocument(readText(path, name), name);
}

/** A saved document's text, checked; `name` (a file, or `stdin`) starts every error. */
export function parseMapDocument(text: string, name: string): MapDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the start of the text, line breaks and all: keep the error one line.
    throw new UserError(`${name}: not valid JSON: ${(error as Error).message.replace(/\s+/g, " ")}`);
  }
  // The version first: another version may be shaped differently.
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version !== DOCUMENT_VERSION) {
    throw new UserError(`${name}: a layermap document of version ${version}; this layermap reads version ${DOCUMENT_VERSION}`);
  }
  if (typeof json !== "object" || json === null || !("modules" in json) || !("imports" in json)) {
    throw new UserError(`${name}: not a layermap map document (make one with \`layermap map <root> --out ${name}\`)`);
  }
  const parsed = mapDocumentSchema.safeParse(json);
  if (!parsed.success) {
    // The first problem, in the words the config's problems use (`unknown key "x"`, with its path).
    throw new UserError(`${formatIssues(name, parsed.error.issues.slice(0, 1))}: not a valid layermap document`);
  }
  return assertConsistent(parsed.data, name);
}

/**
 * A document as a graph with its layers. With a config, the config's, as for a fresh map: the
 * layers saved in the document may be stale, and an edges list has none. Without one, those the
 * document was saved with, in the order it records (a document written before `layers` existed:
 * by name).
 */
export function loadSavedMap(saved: MapDocument, config?: Config): SavedMap {
  const graph = fromDocument(saved);
  if (config === undefined) return { document: saved, graph, layers: layersOfDocument(saved) };
  graph.forEachNode((id) => graph.removeNodeAttribute(id, "layer"));
  const layers = assignLayers.assign(graph, config.layers);
  const names = config.layers.map((layer) => layer.name);
  // Sites keep their `through`: the document still says the map followed names through barrels.
  return { document: toDocument(graph, saved.diagnostics, saved.summary.files, names, saved.barrels), graph, layers };
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
  // Sorted even when the document is not (one edited by hand): what the commands list stays stable.
  return { layerOf, rank: new Map(names.map((name, index) => [name, index])), unlayered: unlayered.sort(), empty: [] };
}
