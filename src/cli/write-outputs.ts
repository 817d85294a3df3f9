/**
 * Renders a diagram input into every requested output: each `--out` file in the format its
 * ending names (or `--format`), or stdout. Every file is written atomically.
 */
import type { DiagramInput, DiagramOptions } from "../report/diagram/build-diagram.js";
import { formatOfPath, reporters, type ReportFormat } from "../report/reporters.js";
import { UserError } from "../model/errors.js";
import { printable } from "../model/printable.js";
import type { CliIo } from "./io.js";
import { signalsHeard, writeOutputAtomically } from "./write-output.js";

export async function writeOutputs(
  input: DiagramInput,
  outs: readonly string[],
  format: ReportFormat | undefined,
  options: DiagramOptions,
  io: CliIo,
): Promise<void> {
  const targets = outs.length === 0 ? [{ path: undefined, format: format ?? "json" }] : outs.map((path) => ({ path, format: format ?? formatOfPath(path) }));
  // Render everything before writing anything: a failure leaves every previous file intact.
  const rendered: { path: string | undefined; text: string }[] = [];
  const notes = new Set<string>();
  for (const target of targets) {
    if (target.format === undefined) {
      throw new UserError(`${target.path}: cannot tell the format from its ending: give --format (${Object.keys(reporters).join(", ")})`);
    }
    const output = await reporters[target.format](input, options);
    for (const note of output.notes) notes.add(note);
    rendered.push({ path: target.path, text: output.text });
  }
  for (const { path, text } of rendered) {
    // A signal that arrived while rendering is honoured here, before a file is replaced.
    await signalsHeard();
    if (path === undefined) io.stdout.write(text);
    else writeOutputAtomically(path, text);
  }
  for (const note of notes) io.stderr.write(`layermap: ${printable(note)}\n`);
}
