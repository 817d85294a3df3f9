/**
 * Which modules a diagram shows: local modules by default (externals, builtins and unresolved
 * with `externals`), narrowed by `includeOnly`/`exclude` globs and by `focus` — the modules
 * matching a glob and their neighbourhood up to `depth` imports away, in either direction.
 */
import picomatch from "picomatch";
import type { ImportRecord, MapDocument, ModuleRecord } from "../../model/document.js";

export interface SelectOptions {
  externals?: boolean;
  includeOnly?: readonly string[];
  exclude?: readonly string[];
  focus?: readonly string[];
  depth?: number;
}

export interface Selection {
  modules: Map<string, ModuleRecord>;
  imports: ImportRecord[];
}

export function selectModules(document: MapDocument, options: SelectOptions): Selection {
  const included = options.includeOnly?.length ? picomatch([...options.includeOnly], { dot: true }) : () => true;
  const excluded = options.exclude?.length ? picomatch([...options.exclude], { dot: true }) : () => false;
  let modules = new Map<string, ModuleRecord>();
  for (const module of document.modules) {
    if (module.kind !== "local" && !options.externals) continue;
    if (module.kind === "local" && !included(module.id)) continue;
    if (excluded(module.id)) continue;
    modules.set(module.id, module);
  }
  let imports = document.imports.filter((edge) => modules.has(edge.from) && modules.has(edge.to));
  if (options.focus?.length) {
    const kept = neighbourhood(modules, imports, picomatch([...options.focus], { dot: true }), options.depth ?? 1);
    modules = new Map([...modules].filter(([id]) => kept.has(id)));
    imports = imports.filter((edge) => kept.has(edge.from) && kept.has(edge.to));
  }
  return { modules, imports };
}

/** Breadth first from the focused modules over imports in both directions, `depth` steps. */
function neighbourhood(
  modules: Map<string, ModuleRecord>,
  imports: readonly ImportRecord[],
  focused: (id: string) => boolean,
  depth: number,
): Set<string> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = neighbours.get(a);
    if (list === undefined) neighbours.set(a, [b]);
    else list.push(b);
  };
  for (const edge of imports) {
    link(edge.from, edge.to);
    link(edge.to, edge.from);
  }
  const kept = new Set([...modules.keys()].filter(focused));
  let frontier = [...kept];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const neighbour of neighbours.get(id) ?? []) {
        if (!kept.has(neighbour)) {
          kept.add(neighbour);
          next.push(neighbour);
        }
      }
    }
    frontier = next;
  }
  return kept;
}
