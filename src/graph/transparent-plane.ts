/**
 * The transparent plane: the import graph with barrels seen through. A site that imports names
 * from a barrel (`index.ts` re-exporting its folder) records where they are declared (`through`,
 * written by `map --through-barrels`); here its edge to the barrel is replaced by edges to those
 * modules, so a consumer depends on the definitions it uses and not on everything behind the
 * barrel. The barrels keep their own re-export edges; they lose only the in-edges their consumers
 * no longer need. Rules, explore commands and pictures read this graph when barrels are
 * transparent; it is made from the document's graph, never saved.
 */
import type { ImportRecord, ImportSiteRecord, MapDocument, ThroughRecord } from "../model/document.js";
import { createImportGraph, type GraphSite, type ImportGraph } from "./import-graph.js";
import { fromDocument, toDocument } from "./to-document.js";

/**
 * Each site's targets are its `through` modules (else the import's own `to`); the edges are
 * regrouped by (from, target) with each site kept whole — line, specifier, form, plane — so every
 * rule and query reads them as it reads the plain plane's. A site moved off its target carries
 * `barrel`: the module it imports and the names that lead here. A target equal to the importer (a
 * barrel re-exporting from the module that imports it) is dropped: no self-loop. A `through`
 * module the graph does not hold (a document that disagrees with itself; the loader reports it)
 * leaves the site on its target. A graph that is already a plane is its own plane.
 */
export function transparentPlane(graph: ImportGraph): ImportGraph {
  const plane = createImportGraph();
  graph.forEachNode((id, attributes) => plane.addNode(id, { ...attributes }));
  const add = (from: string, to: string, site: GraphSite): void => {
    if (to === from) return;
    const edge = plane.edge(from, to);
    if (edge === undefined) plane.addDirectedEdge(from, to, { sites: [site] });
    else plane.getEdgeAttributes(edge).sites.push(site);
  };
  graph.forEachEdge((_edge, { sites }, from, to) => {
    for (const whole of sites) {
      const { through, ...site } = whole;
      const followed: ThroughRecord[] = through?.filter((entry) => graph.hasNode(entry.module)) ?? [];
      // Nothing leads elsewhere (the plane's own document names only this import's module): as it is.
      if (followed.every((entry) => entry.module === to)) {
        add(from, to, whole);
        continue;
      }
      for (const { module, names } of followed) {
        add(from, module, module === to ? site : { ...site, barrel: { module: to, names: [...names] } });
      }
    }
  });
  return plane;
}

/**
 * The transparent plane as a document, for the pictures and `render --format json|edges`: its
 * imports are the plane's edges, and a site moved off a barrel keeps, as `through`, the one
 * entry that led it here (`{ module: <this import's to>, names }`), so the document is valid and
 * its own transparent plane (reading it again with barrels transparent changes nothing).
 */
export function transparentDocument(document: MapDocument): MapDocument {
  const plane = transparentPlane(fromDocument(document));
  const drawn = toDocument(plane, document.diagnostics, document.summary.files, document.layers ?? [], document.barrels);
  const imports: ImportRecord[] = drawn.imports.map((record) => ({ ...record, sites: record.sites.map((site) => documentSite(site, record.to)) }));
  return { ...(document.$schema === undefined ? {} : { $schema: document.$schema }), ...drawn, imports };
}

function documentSite({ barrel, ...site }: GraphSite, to: string): ImportSiteRecord {
  return barrel === undefined ? site : { ...site, through: [{ module: to, names: barrel.names }] };
}
