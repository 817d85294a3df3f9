/**
 * The file endings layermap parses: scripts, the components of Vue, Svelte and Astro, whose
 * script blocks are read (src/extract/component/), and Python modules and stubs. `.d.ts` files
 * are declarations: opt-in, see `includeDeclarations`; a `.pyi` stub is mapped only where no
 * `.py` module is beside it (discover-files.ts).
 */
const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".vue", ".svelte", ".astro", ".py", ".pyi"] as const;

/** TypeScript treats any `.ts` file whose name holds `.d.` before its ending as a declaration. */
const DECLARATION = /\.d\.([mc]?ts|[^./\\]+\.ts)$/;

export function isSourceFile(path: string, includeDeclarations: boolean): boolean {
  const dot = path.lastIndexOf(".");
  if (dot === -1) return false;
  const extension = path.slice(dot);
  if (!(SOURCE_EXTENSIONS as readonly string[]).includes(extension)) return false;
  return includeDeclarations || !DECLARATION.test(path);
}

/** A Python module (`.py`) or stub (`.pyi`): extracted and resolved by Python's rules. */
export function isPythonFile(path: string): boolean {
  return path.endsWith(".py") || path.endsWith(".pyi");
}
