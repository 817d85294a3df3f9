/**
 * The barrels stage: where the names an import site takes from its module are really declared.
 * Each name is followed through the export tables of the local modules (extract/export-table.ts)
 * the way TypeScript's checker resolves an alias (`getAliasedSymbol`), so that
 * `import { helper } from "./index.js"` leads to the file that declares `helper`:
 *
 * - a module's exports are its own (local declarations and re-exports, which win) and then what
 *   each `export *` gives, in the order written, `default` never among them. A name two stars
 *   give is the first star's, as in TypeScript (which reports the barrel, and resolves the import
 *   to the first); a module reached twice (a diamond, or a loop of `export *`) gives its names
 *   once, the first time, as TypeScript's visited list has it;
 * - a re-export (`export { a as b } from`, `import { a } …; export { a as b }`) is followed into
 *   its module under the imported name; a namespace re-export (`export * as ns from`) leads to
 *   the module itself; a loop of re-exports declares nothing;
 * - the chain stops at a module it cannot see into: an external or builtin package, a CommonJS
 *   module or one with `export =` (opaque), a file not read or not JavaScript/TypeScript (a
 *   `.json`, a component) — the name is declared there, as far as this map can say;
 * - a name no module exports is a diagnostic (`unknown-export`, at the site) and stays on the
 *   site's target, as does a name whose chain reaches an unresolved module, or several modules
 *   behind `export *` that cannot be seen into;
 * - a namespace import (`import * as ns`) of a barrel takes the members read off it (`ns.x`),
 *   asked of `namespaceMembers` for just those sites; a namespace used any other way stays whole
 *   on its target.
 *
 * The export tables, the resolved targets and the namespace uses in, `through` per site and
 * diagnostics out.
 */
import { compareCodeUnits } from "../model/compare.js";
import type { Diagnostic, ModuleKind, ThroughRecord } from "../model/document.js";
import type { NamespaceUse } from "../extract/export-table.js";
import type { ExportTable, Extraction } from "../extract/types.js";

/** One file as the resolve stage gives it: its extraction, and a target per site, in order. */
export interface FollowedFile {
  file: string;
  extraction: Extraction;
  targets: readonly { id: string; kind: ModuleKind }[];
}

export interface FollowOptions {
  /**
   * How a file uses the given namespace bindings (a binding missing from the answer: taken
   * whole, or none of its members worth following). Each binding comes with the members that
   * would lead elsewhere than its module: a file that reads none of them (`ns.x` nowhere in its
   * text) need not be parsed. Without it, every namespace import stays whole on its target.
   */
  namespaceMembers?: (file: string, locals: ReadonlyMap<string, ReadonlySet<string> | "*">) => Promise<ReadonlyMap<string, NamespaceUse>>;
}

export interface Followed {
  /** Per file, per site (in order): where its names are declared, when some are not declared by its target. */
  through: Map<string, (ThroughRecord[] | undefined)[]>;
  /** `unknown-export`: a name no module exports, at the site that imports it. */
  diagnostics: Diagnostic[];
}

/** Modules whose exports can be read: JavaScript and TypeScript sources. */
const SCRIPT = /\.[cm]?[jt]sx?$/i;

/** Where a name leads: a module that declares it (or cannot be seen into), or nowhere. */
type Found = { module: string } | { missing: string } | { stuck: true };

/** An export of a module, before it is followed: declared there, or passed on from a specifier of it. */
type Entry = { module: string; local: true } | { module: string; specifier: string; imported: string };

interface ModuleExports {
  names: Map<string, Entry>;
  /** Modules behind its `export *`s that cannot be seen into (in the order met): a name found nowhere may be theirs. */
  open: string[];
}

interface Module {
  exports: ExportTable | undefined;
  targets: Map<string, { id: string; kind: ModuleKind }>;
}

export async function followBarrels(files: readonly FollowedFile[], options: FollowOptions = {}): Promise<Followed> {
  const modules = new Map<string, Module>();
  for (const { file, extraction, targets } of files) {
    const bySpecifier = new Map<string, { id: string; kind: ModuleKind }>();
    extraction.sites.forEach((site, index) => {
      // Imports and re-exports of one specifier resolve alike; the first is kept.
      if ((site.kind === "static" || site.kind === "re-export") && !bySpecifier.has(site.specifier)) bySpecifier.set(site.specifier, targets[index]!);
    });
    modules.set(file, { exports: extraction.exports, targets: bySpecifier });
  }
  const follower = createFollower(modules);
  const members = await namespaceMembers(files, follower, options);

  const through = new Map<string, (ThroughRecord[] | undefined)[]>();
  const diagnostics: Diagnostic[] = [];
  for (const { file, extraction, targets } of files) {
    const used = members.get(file);
    through.set(
      file,
      extraction.sites.map((site, index) => {
        const target = targets[index]!;
        if (site.names === undefined || target.kind !== "local") return undefined;
        const declaredIn = new Map<string, string[]>();
        const use = site.namespace === undefined ? undefined : used?.get(site.namespace);
        const names = use === undefined || use === "*" ? site.names : [...site.names.filter((name) => name !== "*"), ...use];
        for (const name of names) {
          let module = target.id;
          if (name !== "*") {
            const found = follower.resolve(target.id, name);
            if ("module" in found) module = found.module;
            else if ("missing" in found) {
              const where = found.missing === target.id ? "" : ` (followed to ${found.missing}, which does not export it)`;
              diagnostics.push({ file, line: site.line, code: "unknown-export", message: `${JSON.stringify(name)} is not exported by ${JSON.stringify(site.specifier)}${where}` });
            }
          }
          const names = declaredIn.get(module);
          if (names === undefined) declaredIn.set(module, [name]);
          else names.push(name);
        }
        if (declaredIn.size === 1 && declaredIn.has(target.id)) return undefined;
        return [...declaredIn]
          .sort(([a], [b]) => compareCodeUnits(a, b))
          .map(([module, names]) => ({ module, names: names.sort(compareCodeUnits) }));
      }),
    );
  }
  return { through, diagnostics };
}

/**
 * The members read off each namespace import of a barrel — a module some of whose exports are
 * declared elsewhere: of any other module, every member is declared there, and the namespace's
 * edge stays whole.
 */
async function namespaceMembers(files: readonly FollowedFile[], follower: Follower, options: FollowOptions): Promise<Map<string, ReadonlyMap<string, NamespaceUse>>> {
  const found = new Map<string, ReadonlyMap<string, NamespaceUse>>();
  if (options.namespaceMembers === undefined) return found;
  for (const { file, extraction, targets } of files) {
    const locals = new Map<string, ReadonlySet<string> | "*">();
    extraction.sites.forEach((site, index) => {
      const target = targets[index]!;
      if (site.namespace === undefined || target.kind !== "local") return;
      const elsewhere = follower.elsewhere(target.id);
      if (elsewhere === "*" || elsewhere.size > 0) locals.set(site.namespace, elsewhere);
    });
    if (locals.size > 0) found.set(file, await options.namespaceMembers(file, locals));
  }
  return found;
}

interface Follower {
  /** Where `name`, exported by the local module `id`, is declared. */
  resolve(id: string, name: string): Found;
  /**
   * The names the local module `id` exports that are declared in another module; "*" when any
   * name may be (an `export *` of a module it cannot see into).
   */
  elsewhere(id: string): ReadonlySet<string> | "*";
}

function createFollower(modules: ReadonlyMap<string, Module>): Follower {
  const exportsMemo = new Map<string, ModuleExports>();
  const resolved = new Map<string, Map<string, Found>>();

  /** A module whose exports can be read; undefined for one the chain cannot see into. */
  const readable = (id: string): Module | undefined => {
    const module = modules.get(id);
    if (module === undefined || !SCRIPT.test(id) || module.exports?.opaque === true) return undefined;
    return module;
  };

  /** TypeScript's getExportsOfModule: own names first, then each star's, visited once per computation. */
  const exportsOf = (id: string): ModuleExports => {
    let memo = exportsMemo.get(id);
    if (memo === undefined) {
      memo = collect(id, new Set());
      exportsMemo.set(id, memo);
    }
    return memo;
  };
  const collect = (id: string, visited: Set<string>): ModuleExports => {
    const names = new Map<string, Entry>();
    const open: string[] = [];
    visited.add(id);
    const table = modules.get(id)?.exports;
    if (table === undefined) return { names, open };
    for (const name of table.local) names.set(name, { module: id, local: true });
    for (const { name, specifier, imported } of table.reexports) if (!names.has(name)) names.set(name, { module: id, specifier, imported });
    const starred = new Map<string, Entry>();
    for (const specifier of table.stars) {
      const target = modules.get(id)!.targets.get(specifier);
      if (target === undefined || target.kind === "unresolved") continue;
      if (target.kind !== "local" || readable(target.id) === undefined) {
        if (!open.includes(target.id)) open.push(target.id);
        continue;
      }
      if (visited.has(target.id)) continue;
      const nested = collect(target.id, visited);
      for (const [name, entry] of nested.names) if (name !== "default" && !starred.has(name)) starred.set(name, entry);
      for (const module of nested.open) if (!open.includes(module)) open.push(module);
    }
    for (const [name, entry] of starred) if (!names.has(name)) names.set(name, entry);
    return { names, open };
  };

  const resolve = (id: string, name: string, chain: Set<string>): Found => {
    let byName = resolved.get(id);
    const known = byName?.get(name);
    if (known !== undefined) return known;
    const link = `${id}\0${name}`;
    if (chain.has(link)) return { missing: id };
    chain.add(link);
    const found = lookUp(id, name, chain);
    if (byName === undefined) resolved.set(id, (byName = new Map<string, Found>()));
    byName.set(name, found);
    return found;
  };

  const lookUp = (id: string, name: string, chain: Set<string>): Found => {
    if (readable(id) === undefined) return { module: id };
    const { names, open } = exportsOf(id);
    const entry = names.get(name);
    if (entry === undefined) {
      if (name === "default" || open.length === 0) return { missing: id };
      return open.length === 1 ? { module: open[0]! } : { stuck: true };
    }
    if ("local" in entry) return { module: entry.module };
    const target = modules.get(entry.module)!.targets.get(entry.specifier);
    if (target === undefined || target.kind === "unresolved") return { stuck: true };
    if (target.kind !== "local" || entry.imported === "*") return { module: target.id };
    return resolve(target.id, entry.imported, chain);
  };

  const elsewhereMemo = new Map<string, Set<string> | "*">();
  const elsewhere = (id: string): Set<string> | "*" => {
    let names = elsewhereMemo.get(id);
    if (names === undefined) {
      names = new Set();
      if (readable(id) !== undefined) {
        const { names: exported, open } = exportsOf(id);
        if (open.length > 0) names = "*";
        else for (const name of exported.keys()) {
          const found = resolve(id, name, new Set());
          if ("module" in found && found.module !== id) names.add(name);
        }
      }
      elsewhereMemo.set(id, names);
    }
    return names;
  };

  return { resolve: (id, name) => resolve(id, name, new Set()), elsewhere };
}
