import type { ImportForm } from "../model/document.js";

/** One place in a file that refers to another module, as written. */
export interface ImportSite {
  specifier: string;
  kind: ImportForm;
  /** The import vanishes at compile time (`import type`, `export type`, `import("x").T`). */
  typeOnly: boolean;
  /** 1-based line of the import statement or call. */
  line: number;
  /**
   * A TypeScript import whose bindings are all used only as types: the compiler drops it
   * (unless `verbatimModuleSyntax` is on), so at run time it does not exist.
   */
  elidable?: true;
  /**
   * The program runs on without the module: a Python import inside `try:` whose handler catches
   * `ImportError` (or `ModuleNotFoundError`, or everything).
   */
  optional?: true;
  /**
   * The names the site takes from its module, sorted, each once: an export name (`import { a as b }`
   * and `export { a } from` → "a"), "default", or "*" for a namespace (`import * as ns`,
   * `export * as ns from`). Absent where there are none: side-effect imports, `require`,
   * `import()`, `export * from`…
   */
  names?: string[];
  /**
   * The local name of a top-level `import * as ns`: the barrels stage reads the members used off
   * it (./namespace-members.ts) when the module it names is a barrel. Read then, not here: most
   * namespace imports name a module that declares what it exports, and reading every use costs a
   * walk of the whole tree, types included.
   */
  namespace?: string;
}

/**
 * What a file exports, as written: the barrels stage follows imported names through it to the
 * module that declares them. Only the file's top level (not `declare module` bodies).
 */
export interface ExportTable {
  /** Names the file declares itself (`export const a`, `export { a }` of a local, `export default …`), sorted. */
  local: string[];
  /**
   * Names it passes on from another module, sorted by name: `export { a as b } from "s"` and
   * `import { a } from "s"; export { a as b }` (imported "a"), `export * as b from "s"` (imported "*").
   */
  reexports: ReExport[];
  /** `export * from "s"`: the specifiers in the order written (TypeScript takes an ambiguous name from the first). */
  stars: string[];
  /** CommonJS (`module.exports`, `exports.x =`, and no ES export) or `export =`: its names cannot be followed. */
  opaque?: true;
}

export interface ReExport {
  name: string;
  specifier: string;
  /** The name in the module `specifier` names, or "*": its namespace. */
  imported: string;
}

/** A problem found in one file; the file is still mapped as far as it could be read. */
export interface ExtractProblem {
  code: "parse-error" | "non-literal-import";
  line: number;
  message: string;
}

export interface Extraction {
  sites: ImportSite[];
  problems: ExtractProblem[];
  lines: number;
  /** Absent when the file exports nothing. */
  exports?: ExportTable;
}
