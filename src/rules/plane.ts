/**
 * The two planes of the graph: every import (`all`) or only those that survive compilation
 * (`runtime`): type-only imports vanish, and cycles through them are not real cycles.
 */
import type { Plane } from "../config/config-schema.js";
import { createImportGraph, isTypeOnly, type GraphSite, type ImportGraph } from "../graph/import-graph.js";
import { compareSites } from "../graph/to-document.js";
import type { LayerAssignment } from "../layers/assign-layers.js";
import type { ModuleKind } from "../model/document.js";
import type { ImportStep, Violation } from "../model/violation.js";

const runtimeViews = new WeakMap<ImportGraph, ImportGraph>();

export function planeView(graph: ImportGraph, plane: Plane): ImportGraph {
  if (plane === "all") return graph;
  let view = runtimeViews.get(graph);
  if (view === undefined) {
    view = createImportGraph();
    graph.forEachNode((id, attributes) => view!.addNode(id, attributes));
    graph.forEachEdge((_edge, attributes, from, to) => {
      if (!isTypeOnly(attributes)) view!.addDirectedEdge(from, to, { sites: attributes.sites.filter((site) => !site.typeOnly) });
    });
    runtimeViews.set(graph, view);
  }
  return view;
}

const loadTimeViews = new WeakMap<ImportGraph, ImportGraph>();

/**
 * The graph as cycles see it: an import in a function body (Python's `deferred` form) runs when the
 * function is called, not while the module loads, so it closes no import-time cycle — it is what
 * Python code writes to break one. Such sites count as type-only imports do (the runtime plane
 * leaves them out, and a cycle only they close is a tangle, not a runtime cycle); the site keeps
 * its form. A graph without them is returned as it is.
 */
export function loadTimeGraph(graph: ImportGraph): ImportGraph {
  let view = loadTimeViews.get(graph);
  if (view !== undefined) return view;
  const deferred = graph.someEdge((_edge, attributes) => attributes.sites.some((site) => site.kind === "deferred" && site.typeOnly !== true));
  if (!deferred) view = graph;
  else {
    const copy = createImportGraph();
    graph.forEachNode((id, attributes) => copy.addNode(id, attributes));
    graph.forEachEdge((_edge, attributes, from, to) => {
      copy.addDirectedEdge(from, to, { sites: attributes.sites.map((site) => (site.kind === "deferred" ? { ...site, typeOnly: true } : site)) });
    });
    view = copy;
  }
  loadTimeViews.set(graph, view);
  return view;
}

/** The site a violation points at: the first on the edge, whatever order the sites were found in. */
function firstSite(graph: ImportGraph, from: string, to: string): GraphSite {
  const sites = graph.getEdgeAttributes(graph.edge(from, to)!).sites;
  return sites.reduce((best, site) => (compareSites(site, best) < 0 ? site : best));
}

/** The import `from` → `to` as a violation names it: its first site, and the barrel that site goes through. */
export function importStep(graph: ImportGraph, from: string, to: string): ImportStep {
  const site = firstSite(graph, from, to);
  return { from, to, line: site.line, specifier: site.specifier, ...barrelOf(site) };
}

/** `{ barrel }` when the site reached its module through a barrel (barrels transparent), else nothing. */
export function barrelOf(site: GraphSite): Pick<ImportStep, "barrel"> {
  return site.barrel === undefined ? {} : { barrel: site.barrel };
}

/**
 * What every violation says of the import it points at, in the order the reports write it: where
 * it is written (`first`, the first import of a chain), what it names, the module it leads to, and
 * the layers on both sides.
 */
export function violationAt(
  first: ImportStep,
  to: string,
  toKind: ModuleKind,
  assignment: LayerAssignment,
): Pick<Violation, "from" | "to" | "toKind" | "line" | "specifier" | "barrel" | "fromLayer" | "toLayer"> {
  const fromLayer = assignment.layerOf.get(first.from);
  const toLayer = assignment.layerOf.get(to);
  return {
    from: first.from,
    to,
    toKind,
    line: first.line,
    specifier: first.specifier,
    ...(first.barrel === undefined ? {} : { barrel: first.barrel }),
    ...(fromLayer === undefined ? {} : { fromLayer }),
    ...(toLayer === undefined ? {} : { toLayer }),
  };
}
