import { skipCodes, type Diagnostic, type MapSummary } from "../model/document.js";
import { grouped } from "../model/counted.js";

/** The one line `map` prints on stderr: what was found, what failed or was skipped, how long it took. */
export function summaryLine(summary: MapSummary, diagnostics: readonly Diagnostic[], seconds: number): string {
  const n = grouped;
  return (
    `layermap: ${n(summary.files)} files, ${n(summary.modules)} modules ` +
    `(${n(summary.local)} local, ${n(summary.external)} external, ${n(summary.builtin)} builtin, ${n(summary.unresolved)} unresolved), ` +
    `${n(summary.imports)} imports, ${n(summary.failedFiles)} files failed to parse or read, ${n(skippedFiles(diagnostics))} skipped, ` +
    `${n(diagnostics.length)} diagnostics, ${seconds.toFixed(2)} s`
  );
}

/** Files left out on purpose (too large, symbolic links): each has a diagnostic saying why. */
export function skippedFiles(diagnostics: readonly Diagnostic[]): number {
  return new Set(diagnostics.filter((diagnostic) => skipCodes.includes(diagnostic.code)).map((diagnostic) => diagnostic.file)).size;
}
