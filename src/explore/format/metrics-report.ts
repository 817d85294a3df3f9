/**
 * `layermap metrics` for people: one table per module, per folder and per layer, sorted by the
 * chosen metric, then how many imports each layer sends into each other; and for scripts.
 */
import type { GroupMetrics, MetricsResult, ModuleMetrics } from "../metrics/compute-metrics.js";
import type { Coupling } from "../metrics/coupling.js";
import { jsonHead, jsonText, printer, table, type FormatOptions } from "./format-options.js";

const NUMBERS = ["Ca", "Ce", "I", "depth", "lines"];

export function metricsText(result: MetricsResult, options: FormatOptions): string {
  const p = printer(options);
  const { c, plural } = p;
  const hasLayers = result.layers.length > 0;
  const heading = (name: string, shown: number, total: number): string =>
    c.bold(`${name} ${c.dim(shown < total ? `(top ${shown} of ${total} by ${result.sort})` : `(${total}, by ${result.sort})`)}`);
  const section = (titles: string[], rows: string[][], align: string): string[] => table([titles.map((title) => c.dim(title)), ...rows], "  ", align);

  const moduleRow = (entry: ModuleMetrics): string[] => [p.path(entry.id), ...numbers(entry), ...(hasLayers ? [entry.layer ?? "-"] : [])];
  const lines = [heading("Modules", result.modules.length, result.totals.modules)];
  lines.push(...section(["module", ...NUMBERS, ...(hasLayers ? ["layer"] : [])], result.modules.map(moduleRow), "lrrrrr"));

  const groupRow = (entry: GroupMetrics, name: string): string[] => [name, String(entry.modules), ...numbers(entry)];
  const folderPath = (name: string): string => (name === "." ? (options.root === "." ? "./" : `${options.root}/`) : `${p.path(name)}/`);
  lines.push("", heading("Folders", result.folders.length, result.totals.folders));
  lines.push(...section(["folder", "modules", ...NUMBERS], result.folders.map((entry) => groupRow(entry, folderPath(entry.name))), "lrrrrrr"));

  if (hasLayers) {
    const rows = result.layers.map((entry) => {
      const crossings = Object.entries(entry.crossings).map(([layer, count]) => `${layer} ${count}`);
      return [...groupRow(entry, entry.name), crossings.length === 0 ? c.dim("-") : crossings.join(", ")];
    });
    lines.push("", c.bold(`Layers ${c.dim("(top to bottom)")}`));
    lines.push(...section(["layer", "modules", ...NUMBERS, "imports into"], rows, "lrrrrrr"));
  }
  const entries = plural(result.entries, "entry point");
  lines.push("", c.dim(`Ca: local modules importing it · Ce: local modules it imports · I = Ce/(Ca+Ce) · depth: fewest imports from the nearest of ${entries} (modules nothing imports)`) + p.plane);
  return `${lines.join("\n")}\n`;
}

function numbers(entry: Coupling): string[] {
  const instability = entry.instability === null ? "-" : entry.instability.toFixed(2);
  return [String(entry.fanIn), String(entry.fanOut), instability, entry.depth === null ? "-" : String(entry.depth), String(entry.lines)];
}

export function metricsJson(result: MetricsResult, options: FormatOptions): string {
  return jsonText({ ...jsonHead(options), ...result });
}
