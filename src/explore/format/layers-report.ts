/**
 * `layermap layers` for people: the layers in force, or with `--infer` a proposal — each layer
 * with its size and globs, how many imports would break it, and the block to paste into
 * layermap.config.json; and for scripts, the same as JSON with the block under `config`.
 */
import type { ConfiguredLayers } from "../configured-layers.js";
import type { InferredLayers } from "../infer/infer-layers.js";
import { jsonHead, jsonText, printer, table, type FormatOptions } from "./format-options.js";

/** Breaks are listed up to this many in text. */
const LISTED = 10;

export function configuredLayersText(result: ConfiguredLayers, options: FormatOptions): string {
  const { c, plural, path } = printer(options);
  if (result.layers.length === 0) return `No layers defined ${c.dim("(propose some with: layermap layers --infer)")}\n`;
  const rows = result.layers.map((layer) => [layer.name, plural(layer.modules, "module"), layer.paths.join(" ")]);
  const lines = [c.bold("Layers, top to bottom:"), ...table(rows, "  ", "lr")];
  lines.push(`${plural(result.unlayered.length, "module")} in no layer${result.unlayered.length > 0 ? ":" : ""}`);
  lines.push(...result.unlayered.map((id) => `  ${path(id)}`));
  return `${lines.join("\n")}\n`;
}

export function inferredLayersText(result: InferredLayers, options: FormatOptions): string {
  const p = printer(options);
  const { c, plural } = p;
  if (result.layers.length === 0) return `No local modules under ${options.root}: nothing to layer\n`;
  const lines = [c.bold(`Proposed layers for ${options.root} (${plural(result.modules, "local module")}), top to bottom:`)];
  const rows = result.layers.map((layer) => [layer.name, String(layer.modules), String(layer.level), layer.paths.join(" ")]);
  lines.push(...table([["layer", "modules", "level", "paths"].map((cell) => c.dim(cell)), ...rows], "  ", "lrr"));
  const loose = result.layers.flatMap((layer, index) => (layer.looseWithNext ? [`${layer.name} / ${result.layers[index + 1]!.name}`] : []));
  if (loose.length > 0) lines.push(c.dim(`  (no import between ${loose.join(", ")}: either order holds)`));

  const imports = `${result.plane === "runtime" ? "runtime imports" : "all imports"}${options.throughBarrels === true ? ", barrels seen through" : ""}`;
  if (result.breaks.length === 0) lines.push("", `${c.green(c.bold("✔"))} no import breaks this order ${c.dim(`(layers rule, relaxed, ${imports})`)}`);
  else {
    const typeOnly = result.breaks.filter((step) => step.typeOnly).length;
    const types = typeOnly > 0 && result.plane === "all" ? `, ${typeOnly} of them type-only` : "";
    const counted = `${plural(result.breaks.length, "import")} would break this order${types}`;
    lines.push("", `${c.red(c.bold("✖"))} ${counted} ${c.dim(`(layers rule, relaxed, ${imports})`)}:`);
    const rows = result.breaks.slice(0, LISTED).map((step) => [
      p.at(step.from, step.line),
      `${p.imports(step)}${step.typeOnly ? c.yellow(" (type)") : ""}`,
      c.dim(`[${step.fromLayer} → ${step.toLayer}]`),
    ]);
    lines.push(...table(rows));
    if (result.breaks.length > LISTED) lines.push(c.dim(`  and ${result.breaks.length - LISTED} more (--format json lists every one)`));
  }
  lines.push("", c.bold("For layermap.config.json:"), ...layersBlock(result).split("\n"));
  return `${lines.join("\n")}\n`;
}

/** `"layers": [ … ]`, one layer a line, ready to paste. */
function layersBlock(result: InferredLayers): string {
  const entries = result.layers.map(({ name, paths }) => `    { "name": ${JSON.stringify(name)}, "paths": [${paths.map((glob) => JSON.stringify(glob)).join(", ")}] }`);
  return `  "layers": [\n${entries.join(",\n")}\n  ]`;
}

export function configuredLayersJson(result: ConfiguredLayers, options: FormatOptions): string {
  return jsonText({ ...jsonHead(options), ...result });
}

export function inferredLayersJson(result: InferredLayers, options: FormatOptions): string {
  return jsonText({ ...jsonHead(options), ...result, config: { layers: result.layers.map(({ name, paths }) => ({ name, paths })) } });
}
