/**
 * The extract stage with oxc-parser first and TypeScript's parser as the per-file fallback:
 * the same `(path, text) → Extraction` as `extractImports`, answer for answer (proven on the
 * fixtures by test/extract/oxc-parity.test.ts and on the benchmark corpora by
 * bench/compare-extractors.mjs). A file oxc rejects — a syntax error, where TypeScript recovers
 * and reports it with its line, or syntax only TypeScript's parser accepts — is parsed by
 * TypeScript, so its partial result and diagnostics are today's.
 *
 * This module loads TypeScript when it is loaded. A caller that wants TypeScript loaded only
 * when a file needs it uses `extractWithOxc` (./oxc/extract-oxc.ts, which never loads it) and
 * imports ./extract-imports.js on the first `undefined` extraction.
 */
import { extractImports } from "./extract-imports.js";
import { extractWithOxc } from "./oxc/extract-oxc.js";
import type { Extraction } from "./types.js";

/** Never throws (as `extractImports`): should oxc itself throw on some text, TypeScript reads the file. */
export function extractImportsFast(path: string, text: string): Extraction {
  let extraction: Extraction | undefined;
  try {
    extraction = extractWithOxc(path, text).extraction;
  } catch {
    extraction = undefined;
  }
  return extraction ?? extractImports(path, text);
}
