/**
 * The file endings layermap parses: scripts, and the components of Vue, Svelte and Astro, whose
 * script blocks are read (src/extract/component/). `.d.ts` files are declarations: opt-in, see
 * `includeDeclarations`.
 */
const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".vue", ".svelte", ".astro"] as const;

/** TypeScript treats any `.ts` file whose name holds `.d.` before its ending as a declaration. */
const DECLARATION = /\.d\.([mc]?ts|[^./\\]+\.ts)$/;

export function isSourceFile(path: string, includeDeclarations: boolean): boolean {
  const dot = path.lastIndexOf(".");
  if (dot === -1) return false;
  const extension = path.slice(dot);
  if (!(SOURCE_EXTENSIONS as readonly string[]).includes(extension)) return false;
  return includeDeclarations || !DECLARATION.test(path);
}
