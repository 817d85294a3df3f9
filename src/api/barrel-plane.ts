/**
 * Which plane a run reads when barrels may be transparent: the one decision every command makes
 * the same way. The run asks for the transparent plane with `--through-barrels` (`throughBarrels`)
 * or, when that is not given, with the config's `"barrels": "transparent"`; the document must then
 * have been mapped that way (`barrels: "transparent"`: its sites record where names are declared),
 * or the answer would silently be the plain plane's.
 */
import type { Config } from "../config/config-schema.js";
import type { ImportGraph } from "../graph/import-graph.js";
import { transparentDocument, transparentPlane } from "../graph/transparent-plane.js";
import type { MapDocument } from "../model/document.js";
import { UserError } from "../model/errors.js";

/** The option when given (`--no-through-barrels` overrides a config that says transparent), else the config. */
export function throughBarrelsWanted(option: boolean | undefined, config: Config | undefined): boolean {
  return option ?? config?.barrels === "transparent";
}

/** Throws the one line that says the document cannot answer on the transparent plane; `name` is where it came from. */
function assertTransparent(document: MapDocument, name: string): void {
  if (document.barrels !== "transparent") {
    throw new UserError(`${name}: this map was made without --through-barrels; map again with it (or pass --no-through-barrels)`);
  }
}

/** The graph rules and queries read: the transparent plane when wanted, else the document's own graph. */
export function planeGraph(document: MapDocument, graph: ImportGraph, wanted: boolean, name: string): ImportGraph {
  if (!wanted) return graph;
  assertTransparent(document, name);
  return transparentPlane(graph);
}

/** The document pictures draw: the transparent plane's when wanted, else the document itself. */
export function planeDocument(document: MapDocument, wanted: boolean, name: string): MapDocument {
  if (!wanted) return document;
  assertTransparent(document, name);
  return transparentDocument(document);
}
