/**
 * The extract stage over every discovered file: read it and parse it, or take what a memo (the
 * map cache) holds for it. Each file is parsed by oxc-parser (./oxc/extract-oxc.ts); a file oxc
 * rejects (a syntax error, or syntax only TypeScript accepts) is parsed by TypeScript's parser
 * (./extract-imports.ts), whose partial recovery and parse-error diagnostics are the ones
 * layermap reports. TypeScript is loaded for the first such file, so a run where oxc answers for
 * every file (or the memo does) never loads it here. oxc parses all but the shortest texts in
 * child processes (./oxc/oxc-pool.ts): side by side, and where a text that crashes oxc kills only
 * its child. A Vue, Svelte or Astro component is read block by block, each block parsed so
 * (./component/). A Python file (`.py`, `.pyi`) is read by its own rule (./python/read-python.ts: PEP 263
 * coding cookies) and parsed by tree-sitter's Python grammar (./python/), loaded on the first one.
 */
import { join } from "node:path";
import { isPythonFile } from "../discover/source-extensions.js";
import { extractComponent } from "./component/extract-component.js";
import { componentKindOf } from "./component/script-blocks.js";
import { extractWithOxc } from "./oxc/extract-oxc.js";
import { sharedOxcPool } from "./oxc/oxc-pool.js";
import { decodePythonSource } from "./python/read-python.js";
import { decodeSource, readSourceBytes, type SourceProblem } from "./read-source.js";
import type { Extraction } from "./types.js";

/** What became of one file: its extraction, or why it could not be read. */
export type ExtractResult = { extraction: Extraction } | { problem: SourceProblem };
export type ExtractedFile = { file: string } & ExtractResult;

/**
 * Remembers extractions between runs. Given how to read a file and how to parse what was read,
 * it may answer from what it holds — before reading (the file is unchanged) or after (the same
 * bytes) — and otherwise parses, and remembers what it got.
 */
export interface ExtractionMemo {
  extract(file: string, read: () => Buffer | SourceProblem, parse: (bytes: Buffer) => Promise<ExtractResult>): Promise<ExtractResult>;
}

export interface ExtractAllOptions {
  /** Files larger than this many bytes are not parsed (`too-large`). */
  maxFileSize: number;
  memo?: ExtractionMemo | undefined;
  /** Called before each file; a promise it returns is awaited (it lets the event loop run). */
  pause?: (() => Promise<void> | undefined) | undefined;
  /** Called as files are done: how many, out of how many. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface Extracted {
  /** One per file, in the order given. */
  files: ExtractedFile[];
  /** Files parsed in this run, taken from the memo, and not read. */
  parsed: number;
  reused: number;
  failed: number;
  /** Of the files parsed, those oxc rejected (a component: one of its blocks) and TypeScript's parser read. */
  parsedByTypeScript: number;
  /** How long loading TypeScript took, when this run loaded it (for a file oxc rejected). */
  typescriptLoadMs?: number;
}

/**
 * oxc's extraction of a file in this process, or undefined where TypeScript's parser must read it:
 * oxc rejected the text, or threw (the extract stage never fails on a file's content).
 * @internal exported for the parity tests and bench/compare-extractors.mjs
 */
export function oxcExtraction(path: string, text: string): Extraction | undefined {
  try {
    return extractWithOxc(path, text).extraction;
  } catch {
    return undefined;
  }
}

/**
 * Texts this short are parsed in this process: every level of nesting takes at least a character,
 * and oxc-parser overflows its stack only past 4,400 levels (./oxc/oxc-pool.ts), so none of them
 * can crash it. Longer ones go to the pool's child processes.
 */
const IN_PROCESS_CHARS = 2048;

/** Files whose reading and parsing overlap: enough to keep every child of the pool busy. */
const CONCURRENT_FILES = 32;

/** oxc's extraction, in this process or the pool's; undefined where TypeScript's parser must read the file. */
async function oxcAnswer(path: string, text: string): Promise<Extraction | undefined> {
  if (text.length <= IN_PROCESS_CHARS) return oxcExtraction(path, text);
  const outcome = await sharedOxcPool().extract(path, text);
  return outcome === undefined ? oxcExtraction(path, text) : outcome.extraction;
}

/** Without a memo: read, then parse. */
const noMemo: ExtractionMemo = {
  async extract(_file, read, parse) {
    const bytes = read();
    return Buffer.isBuffer(bytes) ? parse(bytes) : { problem: bytes };
  },
};

/** `files` are relative to the absolute `root`. */
export async function extractAll(root: string, files: readonly string[], options: ExtractAllOptions): Promise<Extracted> {
  const memo = options.memo ?? noMemo;
  // One load for the run, however many files oxc rejects while it is under way (they are parsed
  // side by side): the first starts it, the others wait for it.
  let loadingExtractImports: Promise<(path: string, text: string) => Extraction> | undefined;
  let typescriptLoadMs: number | undefined;
  const loadExtractImports = async (): Promise<(path: string, text: string) => Extraction> => {
    const started = performance.now();
    const { extractImports } = await import("./extract-imports.js");
    typescriptLoadMs = performance.now() - started;
    return extractImports;
  };
  // Python's parser, likewise loaded once, on the first Python file (a run without one never loads it).
  let loadingPython: Promise<(path: string, text: string) => Extraction> | undefined;
  const extractPythonFile = async (file: string, bytes: Buffer): Promise<ExtractResult> => {
    const source = decodePythonSource(bytes);
    if (!source.ok) return { problem: source };
    parsed++;
    loadingPython ??= import("./python/extract-python.js").then(({ loadPythonExtractor }) => loadPythonExtractor());
    const extraction = (await loadingPython)(file, source.text);
    if (source.problems.length > 0) extraction.problems = [...source.problems, ...extraction.problems].sort((a, b) => a.line - b.line);
    return { extraction };
  };
  let parsed = 0;
  let parsedByTypeScript = 0;
  const parse = async (file: string, bytes: Buffer): Promise<ExtractResult> => {
    if (isPythonFile(file)) return extractPythonFile(file, bytes);
    const source = decodeSource(bytes);
    if (!source.ok) return { problem: source };
    parsed++;
    const read = { byTypeScript: false };
    const extractScript = async (path: string, text: string): Promise<Extraction> => {
      const extraction = await oxcAnswer(path, text);
      if (extraction !== undefined) return extraction;
      loadingExtractImports ??= loadExtractImports();
      const extractImports = await loadingExtractImports;
      read.byTypeScript = true;
      return extractImports(path, text);
    };
    // A component's script blocks are extracted each the same way (./component/extract-component.ts).
    const kind = componentKindOf(file);
    const extraction = kind === undefined ? await extractScript(file, source.text) : await extractComponent(kind, file, source.text, extractScript);
    if (read.byTypeScript) parsedByTypeScript++;
    return { extraction };
  };

  // Files are read in order and parsed side by side (the pool's children), a window at a time;
  // each outcome lands at its file's index.
  const outcomes: ExtractedFile[] = new Array<ExtractedFile>(files.length);
  let done = 0;
  const extractOne = async (index: number): Promise<void> => {
    const file = files[index]!;
    const read = (): Buffer | SourceProblem => readSourceBytes(join(root, file), options.maxFileSize);
    outcomes[index] = { file, ...(await memo.extract(file, read, (bytes) => parse(file, bytes))) };
    options.onProgress?.(++done, files.length);
  };
  const pending = new Set<Promise<void>>();
  options.onProgress?.(0, files.length);
  for (let index = 0; index < files.length; index++) {
    await options.pause?.();
    const work = extractOne(index).finally(() => pending.delete(work));
    pending.add(work);
    if (pending.size >= CONCURRENT_FILES) await Promise.race(pending);
  }
  await Promise.all(pending);

  const failed = outcomes.filter((outcome) => "problem" in outcome).length;
  return {
    files: outcomes,
    parsed,
    reused: outcomes.length - parsed - failed,
    failed,
    parsedByTypeScript,
    ...(typescriptLoadMs === undefined ? {} : { typescriptLoadMs }),
  };
}
