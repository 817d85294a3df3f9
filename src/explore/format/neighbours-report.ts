/**
 * `layermap deps` / `dependents` for people: each module with how far it is and the import that
 * reaches it, nearest first; and for scripts.
 */
import type { ModuleRef } from "../chain-step.js";
import type { Direction, Neighbour } from "../reach/find-neighbours.js";
import { jsonHead, jsonText, printer, table, type FormatOptions } from "./format-options.js";

export interface NeighboursReport {
  direction: Direction;
  pattern: string;
  modules: ModuleRef[];
  /** null: no limit. */
  depth: number | null;
  plane: "runtime" | "all";
  found: Neighbour[];
}

export function neighboursText(report: NeighboursReport, options: FormatOptions): string {
  const p = printer(options);
  const { c, plural } = p;
  const matched = c.dim(`(${plural(report.modules.length, "module")})`);
  const only = report.modules.length === 1 ? report.modules[0]! : undefined;
  const subject = only === undefined ? `${p.text(report.pattern)} ${matched}` : p.path(only.id, only.kind);
  const reach = report.depth === 1 ? "directly" : report.depth === null ? "directly or not" : `up to ${plural(report.depth, "import")} away`;
  const count = plural(report.found.length, "module");
  const what = report.direction === "deps" ? `${subject} imports ${count}` : `${count} import${report.found.length === 1 ? "s" : ""} ${subject}`;
  const lines = [`${what} ${reach}${report.plane === "runtime" ? " at runtime" : ""}${p.plane}`];
  const rows = report.found.map((neighbour) => {
    const { via } = neighbour;
    const kind = neighbour.kind === "local" ? "" : c.dim(` (${neighbour.kind})`);
    const type = via.typeOnly ? c.yellow(" (type)") : "";
    const how = report.direction === "deps" ? `${c.dim("imported at")} ${p.at(via.from, via.line)}${type}${p.via(via)}` : `${c.dim("imports")} ${p.target(via)}${type}${p.via(via)}`;
    const module = report.direction === "deps" ? p.path(neighbour.id, neighbour.kind) + kind : p.at(neighbour.id, via.line);
    return report.depth === 1 ? [module, how] : [String(neighbour.depth), module, how];
  });
  lines.push(...table(rows));
  return `${lines.join("\n")}\n`;
}

export function neighboursJson(report: NeighboursReport, options: FormatOptions): string {
  return jsonText({ ...jsonHead(options), ...report });
}
