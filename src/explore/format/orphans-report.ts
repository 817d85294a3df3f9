/** `layermap orphans` for people and for scripts. */
import type { OrphansResult } from "../orphans/find-orphans.js";
import { jsonText, printer, type FormatOptions } from "./format-options.js";

export function orphansText(result: OrphansResult, options: FormatOptions): string {
  const p = printer(options);
  const { c, plural } = p;
  const lines = [`${c.bold("Orphans")} ${c.dim("(no local module imports them, they import no local module)")}: ${result.orphans.length}`];
  lines.push(...result.orphans.map((id) => `  ${p.path(id)}`));
  if (result.unreachable !== undefined) {
    const { entries, modules } = result.unreachable;
    lines.push(`${c.bold("Unreachable")} ${c.dim(`(no import chain from ${plural(entries.length, "entry point")} leads to them)`)}: ${modules.length}`);
    lines.push(...modules.map((id) => `  ${p.path(id)}`));
  }
  return `${lines.join("\n")}\n`;
}

export function orphansJson(result: OrphansResult, options: FormatOptions): string {
  return jsonText({ root: options.root, ...result });
}
