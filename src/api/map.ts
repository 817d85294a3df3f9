/**
 * `map`: the one orchestrator that knows the order of the stages —
 * config → discover → (read, extract, resolve) per file → graph → document.
 */
import { statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { loadConfig } from "../config/load-config.js";
import type { Config } from "../config/config-schema.js";
import { discoverFiles } from "../discover/discover-files.js";
import { extractImports } from "../extract/extract-imports.js";
import { buildGraph, type ParsedFile, type ResolvedSite } from "../graph/build-graph.js";
import type { ImportGraph } from "../graph/import-graph.js";
import { toDocument } from "../graph/to-document.js";
import type { Diagnostic, ImportSiteRecord, MapDocument } from "../model/document.js";
import type { ImportSite } from "../extract/types.js";
import { UserError } from "../model/errors.js";
import { assignLayers, type LayerAssignment } from "../layers/assign-layers.js";
import { loadTsconfig } from "../resolve/load-tsconfig.js";
import { createModuleResolver } from "../resolve/module-resolver.js";
import { readSource } from "./read-source.js";

export interface MapOptions {
  /** The folder to map; module ids are relative to it. */
  root: string;
  /** A config file; default `<root>/layermap.config.json` when present. */
  config?: string;
  /** Override the config's include globs. */
  include?: readonly string[];
  /** Added to the config's exclude globs. */
  exclude?: readonly string[];
  /** Override the config's tsconfig (relative to the root, or absolute). */
  tsconfig?: string;
  /** Parse `.d.ts` files too. */
  includeDeclarations?: boolean;
}

export interface MapResult {
  document: MapDocument;
  graph: ImportGraph;
  /** The config, every default filled in. */
  config: Config;
  /** Absolute path of the config file read, if there was one. */
  configPath: string | undefined;
  layers: LayerAssignment;
}

export async function map(options: MapOptions): Promise<MapResult> {
  const root = checkedRoot(options.root);
  const { config, path: configPath } = loadConfig(root, options.config);
  const files = discoverFiles({
    root,
    include: options.include?.length ? options.include : config.include,
    exclude: [...(config.exclude ?? []), ...(options.exclude ?? [])],
    includeDeclarations: options.includeDeclarations ?? config.includeDeclarations ?? false,
  });

  const tsconfig = loadTsconfig(root, options.tsconfig ?? config.tsconfig);
  const resolver = createModuleResolver(root, tsconfig.projects);
  const diagnostics: Diagnostic[] = tsconfig.problems.map((problem) => ({
    file: displayRelative(root, problem.file),
    code: "tsconfig-error",
    message: problem.message,
  }));

  const parsed: ParsedFile[] = [];
  const resolved: ResolvedSite[] = [];
  for (const file of files) {
    const source = readSource(join(root, file));
    if (!source.ok) {
      diagnostics.push({ file, code: source.code, message: source.message });
      parsed.push({ id: file });
      continue;
    }
    const extraction = extractImports(file, source.text);
    parsed.push({ id: file, lines: extraction.lines });
    for (const problem of extraction.problems) diagnostics.push({ file, ...problem });
    const keepsTypeOnlyImports = extraction.sites.some((site) => site.elidable) && resolver.keepsTypeOnlyImports(file);
    for (const site of extraction.sites) {
      const target = resolver.resolve(file, site.specifier, site.kind);
      if (target.kind === "unresolved") {
        diagnostics.push({
          file,
          line: site.line,
          code: "unresolved",
          message: `cannot resolve "${site.specifier}": ${target.reason ?? "not found"}`,
        });
      }
      resolved.push({
        from: file,
        to: target.id,
        toKind: target.kind,
        site: siteRecord(site, keepsTypeOnlyImports),
      });
    }
  }

  const graph = buildGraph(parsed, resolved);
  const layers = assignLayers.assign(graph, config.layers);
  const document = toDocument(graph, diagnostics, files.length, config.layers.map((layer) => layer.name));
  return { document, graph, config, layers, configPath };
}

/** An elidable import is type-only unless the project keeps such imports verbatim. */
function siteRecord(site: ImportSite, keepsTypeOnlyImports: boolean): ImportSiteRecord {
  const record: ImportSiteRecord = { line: site.line, specifier: site.specifier, kind: site.kind };
  if (site.typeOnly) record.typeOnly = true;
  else if (site.elidable && !keepsTypeOnlyImports) {
    record.typeOnly = true;
    record.elided = true;
  }
  return record;
}

function checkedRoot(root: string): string {
  const absolute = resolve(root);
  let isFolder: boolean;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch {
    throw new UserError(`${root}: no such folder`);
  }
  if (!isFolder) throw new UserError(`${root}: not a folder (give the folder to map)`);
  return absolute;
}

function displayRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}
