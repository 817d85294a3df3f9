/** `layermap why` for people (each chain as file:line steps, then each import as written) and for scripts. */
import type { ChainStep, ModuleRef } from "../chain-step.js";
import { jsonHead, jsonText, printer, table, type FormatOptions } from "./format-options.js";

export interface ChainsReport {
  /** The patterns as given, and the modules they matched. */
  from: { pattern: string; modules: ModuleRef[] };
  to: { pattern: string; modules: ModuleRef[] };
  plane: "runtime" | "all";
  chains: ChainStep[][];
  /** How many chains were asked for. */
  limit: number;
}

export function chainsText(report: ChainsReport, options: FormatOptions): string {
  const p = printer(options);
  const { c, plural } = p;
  const side = ({ pattern, modules }: ChainsReport["from"]): string =>
    modules.length === 1 ? p.path(modules[0]!.id, modules[0]!.kind) : `${p.text(pattern)} ${c.dim(`(${plural(modules.length, "module")})`)}`;
  const planeNote = report.plane === "runtime" ? " at runtime" : "";
  if (report.chains.length === 0) {
    return `${c.red(c.bold("✖"))} ${side(report.from)} does not depend on ${side(report.to)}${planeNote}: no import chain leads there\n`;
  }
  const lines: string[] = [];
  report.chains.forEach((chain, index) => {
    const title = report.limit > 1 ? `${index + 1}. ` : "";
    lines.push(`${title}${p.chain(chain)} ${c.dim(`(${plural(chain.length, "import")})`)}`);
    const rows = chain.map((step) => [p.at(step.from, step.line), `${p.imports(step)}${step.typeOnly ? c.yellow(" (type)") : ""}`]);
    lines.push(...table(rows, "    "));
  });
  if (report.limit > 1 && report.chains.length < report.limit) lines.push(c.dim(`(${plural(report.chains.length, "distinct chain")}, no more)`));
  return `${lines.join("\n")}\n`;
}

export function chainsJson(report: ChainsReport, options: FormatOptions): string {
  return jsonText({ ...jsonHead(options), ...report });
}
