/**
 * Map documents of folders under one root, merged into the document of that root (`layermap
 * merge`): a monorepo mapped one package at a time — on many machines, each behind its own cache
 * — gives the map of the whole. Ids move under each input's root (`re-root.ts`); an import one
 * package could not follow because it led out of its root (`../b/src/x.ts`, or `@scope/b`
 * through its workspace link) becomes the local import the whole map has, once the file it leads
 * to lies under the merged root; everything is then built and sorted by the graph stage's own
 * `buildGraph` and `toDocument`, so the result is byte for byte the document `map` writes.
 *
 * What only a whole run can see is not invented: each input's diagnostics are its own run's
 * (a tsconfig problem a package's run saw is listed for it), and a module's layer is the one its
 * input recorded, unless the caller assigns layers over the merged graph (`--config`).
 */
import { compareCodeUnits } from "../model/compare.js";
import { failureCodes, skipCodes, type Diagnostic, type ImportSiteRecord, type MapDocument, type ModuleKind } from "../model/document.js";
import { UserError } from "../model/errors.js";
import { buildGraph, type ResolvedSite } from "./build-graph.js";
import { toDocument } from "./to-document.js";
import { isCleanPath, leadsOut, namesAPath, outsidePath, prefixed, reRootedPath, reRootedReason, unresolvedPrefix } from "./re-root.js";
import { mergedLayerOrder } from "./merge-layer-order.js";

export interface MergeInput {
  /** Where the document came from (its file), to name it in messages. */
  name: string;
  /** The folder it maps, relative to the merged root: "." or a POSIX path such as `packages/a`. */
  root: string;
  document: MapDocument;
}

export interface MergeDocumentsOptions {
  /** Keep the layers the inputs recorded (default); false when layers are to be assigned over the merged graph. */
  keepLayers?: boolean;
}

/** A local module of the merged map, and the input that says the most about it. */
interface LocalClaim {
  input: MergeInput;
  /** The input parsed (or tried to read) it, rather than only importing it. */
  isFile: boolean;
  lines?: number;
  layer?: string;
}

/** A site whose target is a path under the merged root that its input could not see into. */
interface PendingSite {
  input: MergeInput;
  site: ResolvedSite;
  /** What the input's diagnostic says: the file exists (outside its root), or there is none; unknown without a diagnostic. */
  claim: "exists" | "missing" | "unknown";
  diagnostic: Diagnostic | undefined;
}

export function mergeDocuments(inputs: readonly MergeInput[], options: MergeDocumentsOptions = {}): MapDocument {
  for (const input of inputs) checkRoot(input);
  const locals = localClaims(inputs);
  const reRooted = inputs.map(reRootImports);
  const sites = reRooted.flatMap((input) => input.sites);
  const dropped = new Set<Diagnostic>();

  // A path some input maps, or whose file some input saw: the whole map calls it local.
  const pending = reRooted.flatMap((input) => input.pending);
  const present = new Set(locals.keys());
  for (const { site, claim } of pending) if (claim === "exists") present.add(site.to);
  for (const { input, site, claim, diagnostic } of pending) {
    if (!present.has(site.to)) continue;
    if (claim === "missing") {
      const other = locals.get(site.to)?.input ?? pending.find((p) => p.site.to === site.to && p.claim === "exists")!.input;
      throw new UserError(
        `${input.name}: ${site.from}:${String(site.site.line)} imports "${site.site.specifier}" and found no file ${site.to}, which ${other.name} maps: were both maps made from the same checkout?`,
      );
    }
    site.toKind = "local";
    if (diagnostic !== undefined) dropped.add(diagnostic);
  }

  // In file order, as `map` resolves them: when two inputs disagree on the kind of a package or
  // specifier, the first importer's wins, as in `buildGraph`.
  sites.sort((a, b) => compareCodeUnits(a.from, b.from));
  const graph = buildGraph(
    [...locals].map(([id, claim]) => (claim.lines === undefined ? { id } : { id, lines: claim.lines })),
    sites,
  );
  for (const input of inputs) {
    const imported = new Set(input.document.imports.map((edge) => edge.to));
    for (const module of input.document.modules) {
      // A package or specifier no import leads to (a document written by hand): kept.
      if (module.kind === "local" || imported.has(module.id)) continue;
      const id = module.kind === "unresolved" && leadsOut(module.id) ? reRootedPath(input.root, module.id) : module.id;
      if (!graph.hasNode(id)) graph.addNode(id, { kind: module.kind });
    }
  }
  const keepLayers = options.keepLayers ?? true;
  if (keepLayers) {
    for (const [id, claim] of locals) if (claim.layer !== undefined) graph.setNodeAttribute(id, "layer", claim.layer);
  }

  const diagnostics = inputs.flatMap((input, index) =>
    input.document.diagnostics
      .filter((diagnostic) => !dropped.has(diagnostic))
      .map((diagnostic) => ({
        ...diagnostic,
        file: reRootedPath(input.root, diagnostic.file),
        message: reRooted[index]!.messages.get(diagnostic) ?? diagnostic.message,
      })),
  );
  // The roots share no file, so the files parsed add up.
  const parsed = inputs.reduce((sum, input) => sum + input.document.summary.files, 0);
  return toDocument(graph, diagnostics, parsed, keepLayers ? mergedLayerOrder(inputs) : []);
}

interface ReRootedImports {
  sites: ResolvedSite[];
  /** Sites to a path under the merged root that the input could not see into: local or not, decided once every input is read. */
  pending: PendingSite[];
  /** Unresolved diagnostics whose message names a path, with the path seen from the merged root. */
  messages: Map<Diagnostic, string>;
}

/** Each import of one input, site by site, its ends moved under the input's root. */
function reRootImports(input: MergeInput): ReRootedImports {
  const { root, document, name } = input;
  const result: ReRootedImports = { sites: [], pending: [], messages: new Map() };
  const kindOf = new Map<string, ModuleKind>(document.modules.map((module) => [module.id, module.kind]));
  const diagnosticOf = unresolvedDiagnostics(document.diagnostics);
  document.imports.forEach((edge, index) => {
    if (kindOf.get(edge.from) !== "local") throw new UserError(`${name}: imports[${String(index)}].from: ${JSON.stringify(edge.from)} is not a local module: only files import`);
    const from = prefixed(root, edge.from);
    const kind = kindOf.get(edge.to)!; // the loader checked that both ends are listed
    for (const { through: _through, ...site } of edge.sites) {
      // A merged map is opaque: an input's `through` names its own modules, and following a name
      // across roots would need every input's export tables, which documents do not hold.
      if (kind !== "unresolved") {
        result.sites.push({ from, to: kind === "local" ? prefixed(root, edge.to) : edge.to, toKind: kind, site });
        continue;
      }
      const diagnostic = diagnosticOf(edge.from, site);
      if (!namesAPath(edge.to, site)) {
        result.sites.push({ from, to: edge.to, toKind: "unresolved", site });
        continue;
      }
      const resolved: ResolvedSite = { from, to: reRootedPath(root, edge.to), toKind: "unresolved", site };
      result.sites.push(resolved);
      const prefix = unresolvedPrefix(site.specifier);
      const reason = diagnostic?.message.slice(prefix.length);
      if (!leadsOut(resolved.to)) {
        const claim = reason === undefined ? "unknown" : outsidePath(reason) === undefined ? "missing" : "exists";
        result.pending.push({ input, site: resolved, claim, diagnostic });
      } else if (diagnostic !== undefined && reason !== undefined) {
        // Still outside: the whole map says where it leads from its own root.
        result.messages.set(diagnostic, prefix + reRootedReason(root, reason));
      }
    }
  });
  return result;
}

/** The input's root: "." or a clean relative POSIX path (the caller made it relative to the merged root). */
function checkRoot({ name, root }: MergeInput): void {
  if (root !== "." && !isCleanPath(root)) throw new UserError(`${name}: its root ${JSON.stringify(root)} is not a folder under the merged root`);
}

/**
 * Every local module of every input, under its merged id. Two inputs may both list a module
 * (one maps the file, the other only imports it, or both import it) but never both map it: the
 * same file parsed twice is two maps of the same code, perhaps of different revisions.
 */
function localClaims(inputs: readonly MergeInput[]): Map<string, LocalClaim> {
  const claims = new Map<string, LocalClaim>();
  for (const input of inputs) {
    const { document, root, name } = input;
    // A file that could not be read is a module with no line count, and a diagnostic.
    const unread = new Set(document.diagnostics.filter((d) => failureCodes.includes(d.code) || skipCodes.includes(d.code)).map((d) => d.file));
    document.modules.forEach((module, index) => {
      if (module.kind !== "local") return;
      if (!isCleanPath(module.id)) throw new UserError(`${name}: modules[${String(index)}]: the local module ${JSON.stringify(module.id)} is not a path under its root`);
      const id = prefixed(root, module.id);
      const claim: LocalClaim = {
        input,
        isFile: module.lines !== undefined || unread.has(module.id),
        ...(module.lines === undefined ? {} : { lines: module.lines }),
        ...(module.layer === undefined ? {} : { layer: module.layer }),
      };
      const known = claims.get(id);
      if (known?.isFile === true && claim.isFile) {
        throw new UserError(`${known.input.name} and ${name} both map ${id}: the maps to merge must not share a file (map an outer folder with --exclude for the packages mapped on their own)`);
      }
      if (known === undefined || (claim.isFile && !known.isFile)) claims.set(id, claim);
    });
  }
  return claims;
}

/**
 * The `unresolved` diagnostic of a site, each handed out once: it names the file, the line and
 * the specifier (two sites on one line with one specifier have one each).
 */
function unresolvedDiagnostics(diagnostics: readonly Diagnostic[]): (file: string, site: ImportSiteRecord) => Diagnostic | undefined {
  const byPlace = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== "unresolved" || diagnostic.line === undefined) continue;
    const key = `${diagnostic.file}\0${String(diagnostic.line)}`;
    const list = byPlace.get(key);
    if (list === undefined) byPlace.set(key, [diagnostic]);
    else list.push(diagnostic);
  }
  return (file, site) => {
    const list = byPlace.get(`${file}\0${String(site.line)}`);
    const prefix = unresolvedPrefix(site.specifier);
    const index = list?.findIndex((diagnostic) => diagnostic.message.startsWith(prefix)) ?? -1;
    return index === -1 ? undefined : list!.splice(index, 1)[0];
  };
}
