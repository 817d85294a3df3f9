import type { MapSummary } from "../model/document.js";

/** The one line `map` prints on stderr: what was found, what failed, how long it took. */
export function summaryLine(summary: MapSummary, diagnostics: number, seconds: number): string {
  const n = (value: number): string => value.toLocaleString("en-US");
  return (
    `layermap: ${n(summary.files)} files, ${n(summary.modules)} modules ` +
    `(${n(summary.local)} local, ${n(summary.external)} external, ${n(summary.builtin)} builtin, ${n(summary.unresolved)} unresolved), ` +
    `${n(summary.imports)} imports, ${n(summary.failedFiles)} files failed to parse or read, ` +
    `${n(diagnostics)} diagnostics, ${seconds.toFixed(2)} s`
  );
}
