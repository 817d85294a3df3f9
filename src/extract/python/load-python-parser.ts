/**
 * tree-sitter's Python grammar, compiled to WebAssembly (the npm package `tree-sitter-python`),
 * run by `web-tree-sitter`: loaded once per process, on the first Python file, so that a run over
 * JavaScript alone never reads either .wasm file. Both are found through `createRequire`, by
 * package name: the same path from tsc's dist/ as from the esbuild bundle (web-tree-sitter is
 * kept out of the bundle, scripts/bundle.mjs, and finds nothing relative to itself).
 *
 * Why tree-sitter (docs/ARCHITECTURE.md, Decisions): a grammar of real Python 3 whose error
 * recovery keeps the statements around a syntax error, that also reads Python 2's print and exec
 * statements, and whose parser is iterative — 100,000 levels of nesting do not overflow a stack.
 */
import { createRequire } from "node:module";
import type { Language, Parser } from "web-tree-sitter";

const require = createRequire(import.meta.url);

export interface PythonParser {
  parser: Parser;
  language: Language;
}

let loading: Promise<PythonParser> | undefined;

/** The one Python parser of the process: the first call loads it, the others wait for that load. */
export function loadPythonParser(): Promise<PythonParser> {
  loading ??= load();
  return loading;
}

/** Whether this process has loaded (or is loading) the Python parser. @internal for the tests */
export function pythonParserLoaded(): boolean {
  return loading !== undefined;
}

async function load(): Promise<PythonParser> {
  const { Parser, Language } = await import("web-tree-sitter");
  const runtime = require.resolve("web-tree-sitter/web-tree-sitter.wasm");
  await Parser.init({ locateFile: () => runtime });
  const language = await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
  const parser = new Parser();
  parser.setLanguage(language);
  return { parser, language };
}
