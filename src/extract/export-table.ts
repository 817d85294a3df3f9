/**
 * A file's export table and its sites' imported names, assembled the same way from whichever
 * parser read the file (oxc's module record and tree, or TypeScript's tree): each parser says
 * what it saw, in its own terms, and this module gives the one answer both must agree on.
 */
import { compareCodeUnits } from "../model/compare.js";
import type { ExportTable, ReExport } from "./types.js";

/** What an import binding of the file's top level refers to: `imported` is "*" for a namespace. */
export interface ImportBinding {
  specifier: string;
  imported: string;
}

/**
 * `module.exports`, `exports.x =`, `exports[…]`: a file with no ES export that matches is
 * CommonJS. A text test, the same for both parsers (an occurrence in a comment of a file that
 * exports nothing only makes it opaque, where it would otherwise export nothing).
 */
const COMMONJS = /\bmodule\s*\.\s*exports\b|\bexports\s*(?:\.\s*[\w$]+\s*=(?!=)|\[)/;

/** `export =` may be in the text (TypeScript's CommonJS export): the parser must look. */
export const MAY_EXPORT_EQUALS = /\bexport\s*=(?!=)/;

export interface ExportTableBuilder {
  /** `export const a`, `export default …`: a name the file declares. */
  local(name: string): void;
  /** `export { local as name }` without `from`: a re-export when `local` is an import binding. */
  exportLocal(name: string, local: string): void;
  /** `export { imported as name } from "specifier"`, `export * as name from` (imported "*"). */
  reexport(name: string, specifier: string, imported: string): void;
  /** `export * from "specifier"`. */
  star(specifier: string): void;
  /** `export =`. */
  exportEquals(): void;
  /** The table, or undefined when the file exports nothing. */
  finish(text: string): ExportTable | undefined;
}

/** `imports`: the file's top-level import bindings by local name (`import x = require()` is none: it stays local). */
export function exportTableBuilder(imports: ReadonlyMap<string, ImportBinding>): ExportTableBuilder {
  const local = new Set<string>();
  const reexports = new Map<string, ReExport>();
  const stars: string[] = [];
  let opaque = false;
  const reexport = (name: string, specifier: string, imported: string): void => {
    const key = `${name}\0${specifier}\0${imported}`;
    if (!reexports.has(key)) reexports.set(key, { name, specifier, imported });
  };
  return {
    local: (name) => local.add(name),
    exportLocal(name, localName) {
      const binding = imports.get(localName);
      if (binding === undefined) local.add(name);
      else reexport(name, binding.specifier, binding.imported);
    },
    reexport,
    star(specifier) {
      if (!stars.includes(specifier)) stars.push(specifier);
    },
    exportEquals() {
      opaque = true;
    },
    finish(text) {
      const empty = local.size === 0 && reexports.size === 0 && stars.length === 0;
      if (!opaque && empty && COMMONJS.test(text)) opaque = true;
      if (empty && !opaque) return undefined;
      const table: ExportTable = {
        local: [...local].sort(compareCodeUnits),
        reexports: [...reexports.values()].sort(
          (a, b) => compareCodeUnits(a.name, b.name) || compareCodeUnits(a.specifier, b.specifier) || compareCodeUnits(a.imported, b.imported),
        ),
        stars,
      };
      if (opaque) table.opaque = true;
      return table;
    },
  };
}

/** A site's names as stored: sorted, each once; undefined when there are none. */
export function siteNames(names: readonly string[]): string[] | undefined {
  if (names.length === 0) return undefined;
  return [...new Set(names)].sort(compareCodeUnits);
}

/**
 * How a namespace binding was used: the members read off it, or "*" once it was used any other
 * way (passed on, indexed, re-exported; one never used is not in the answer: nothing to follow).
 */
export type NamespaceUse = Set<string> | "*";

/** Records one use of a namespace binding in `uses`. `member` undefined: a use of the whole. */
export function noteNamespaceUse(uses: Map<string, NamespaceUse>, name: string, member: string | undefined): void {
  const before = uses.get(name);
  if (before === "*") return;
  if (member === undefined) uses.set(name, "*");
  else if (before === undefined) uses.set(name, new Set([member]));
  else before.add(member);
}
