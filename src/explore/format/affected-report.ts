/**
 * `layermap affected` in three forms: for people (changed modules, then what depends on them and
 * through which import), for scripts (JSON), and `list` — one path a line, changed and affected
 * together, to hand to a test runner (`vitest run $(layermap affected main --format list)`).
 */
import { affectedModules, type AffectedResult } from "../affected/find-affected.js";
import { jsonHead, jsonText, printer, table, type FormatOptions } from "./format-options.js";

export function affectedText(result: AffectedResult, options: FormatOptions): string {
  const p = printer(options);
  const { c, plural } = p;
  const others = result.otherFiles.length > 0 ? c.dim(` (and ${plural(result.otherFiles.length, "other file")}: not modules)`) : "";
  const lines = [`${c.bold(`Changed since ${result.ref}:`)} ${plural(result.changed.length, "module")}${others}`];
  lines.push(...result.changed.map((id) => `  ${p.path(id)}`));
  if (result.changed.length > 0) {
    lines.push(`${c.bold("Depending on them:")} ${plural(result.dependents.length, "module")}`);
    const rows = result.dependents.map(({ id, depth, via }) => {
      const imported = `${c.dim("imports")} ${p.target(via)}${via.typeOnly ? c.yellow(" (type)") : ""}${p.via(via)}`;
      return [String(depth), p.at(id, via.line), imported];
    });
    lines.push(...table(rows));
  }
  lines.push(`${plural(affectedModules(result).length, "module")} affected${p.plane}`);
  return `${lines.join("\n")}\n`;
}

export function affectedList(result: AffectedResult, options: FormatOptions): string {
  const p = printer({ ...options, colour: false });
  return affectedModules(result).map((id) => `${p.path(id)}\n`).join("");
}

export function affectedJson(result: AffectedResult, options: FormatOptions): string {
  return jsonText({ ...jsonHead(options), ...result, affected: affectedModules(result) });
}
