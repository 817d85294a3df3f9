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
}
