/**
 * What `--strict` and `check` say about the diagnostics of a run: for teams that want any of
 * them to fail the build, and so that a check never passes quietly over files it could not read.
 */
import { counted } from "../model/counted.js";
import type { Argv } from "yargs";
import { compareCodeUnits } from "../model/compare.js";
import type { Diagnostic, MapSummary } from "../model/document.js";
import { printable } from "../model/printable.js";
import { skippedFiles } from "./summary-line.js";

const LISTED = 10;

export function withStrictOption<T>(yargs: Argv<T>) {
  return yargs.option("strict", { type: "boolean", describe: "Exit 2 when the run has any diagnostic (a file that does not parse, an unresolved import, …)" });
}

/**
 * The lines `--strict` prints before exiting 2: how many diagnostics of which codes, and the first
 * few — file names and messages (which quote specifiers) printable, never raw control characters.
 */
export function strictFailure(diagnostics: readonly Diagnostic[]): string {
  const codes = new Map<string, number>();
  for (const { code } of diagnostics) codes.set(code, (codes.get(code) ?? 0) + 1);
  const counts = [...codes].sort(([a], [b]) => compareCodeUnits(a, b)).map(([code, count]) => `${count} ${code}`);
  const lines = [`layermap: --strict: ${counted(diagnostics.length, "diagnostic")} (${counts.join(", ")}), so exit 2:`];
  for (const { file, line, code, message } of diagnostics.slice(0, LISTED)) lines.push(`  ${printable(file)}${line === undefined ? "" : `:${line}`}  ${code}: ${printable(message)}`);
  if (diagnostics.length > LISTED) lines.push(`  … and ${diagnostics.length - LISTED} more (layermap map lists them all in the document's diagnostics)`);
  return `${lines.join("\n")}\n`;
}

/** A note for `check` when files could not be read or were skipped: their imports are not in what was checked. */
export function unmappedNote(summary: MapSummary, diagnostics: readonly Diagnostic[]): string | undefined {
  const skipped = skippedFiles(diagnostics);
  if (summary.failedFiles === 0 && skipped === 0) return undefined;
  return (
    `layermap: note: ${counted(summary.failedFiles, "file")} failed to parse or read and ${skipped} skipped; ` +
    `imports that could not be read are not checked (layermap map lists why; --strict fails on it)\n`
  );
}
