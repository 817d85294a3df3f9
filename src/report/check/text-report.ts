/**
 * The check report for people: violations grouped by rule, each with file:line, the specifier
 * as written, the layers, and the chain when there is one; then one summary line. Every string
 * from the code or the config is printed through `printable`: a control character in a specifier
 * or a comment shows as `\n` or `\u001b`, never reaches the terminal or the CI log raw.
 */
import { counted } from "../../model/counted.js";
import { createColors } from "picocolors";
import type { CheckReport } from "../../model/check-report.js";
import type { Violation } from "../../model/violation.js";
import { printable } from "../../model/printable.js";
import { chainText, pathFrom, viaText } from "./paths.js";

export interface TextOptions {
  colour: boolean;
  /** List unlayered modules and the violations the baseline accepts. */
  verbose: boolean;
}

export function textCheckReport(report: CheckReport, options: TextOptions): string {
  const c = createColors(options.colour);
  const lines: string[] = [];
  const byRule = new Map<string, Violation[]>();
  // Appended in place: copying the list for each violation made 60,000 of them take minutes.
  for (const violation of report.violations) {
    const list = byRule.get(violation.rule);
    if (list === undefined) byRule.set(violation.rule, [violation]);
    else list.push(violation);
  }

  for (const rule of report.rules) {
    const violations = byRule.get(rule.name);
    if (violations === undefined) continue;
    const severity = rule.severity === "error" ? c.red(c.bold("error")) : c.yellow(c.bold("warn"));
    lines.push(`${severity} ${c.bold(printable(rule.name))} ${c.dim(`(${violations.length})`)} ${c.dim(printable(rule.description))}`);
    if (rule.comment !== undefined) lines.push(`  ${c.italic(printable(rule.comment))}`);
    for (const violation of violations) lines.push(...violationLines(report, violation, c));
    lines.push("");
  }

  if (report.stale.length > 0) {
    lines.push(c.bold(`Stale baseline entries (fixed: remove them with --update-baseline):`));
    for (const entry of report.stale) lines.push(`  ${printable(`${entry.rule}: ${pathFrom(report, entry.from)} → ${entry.to}`)}`);
    lines.push("");
  }
  if (options.verbose && report.known.length > 0) {
    lines.push(c.bold(`Known violations (accepted by the baseline):`));
    for (const violation of report.known) lines.push(...violationLines(report, violation, c));
    lines.push("");
  }
  if (options.verbose && report.unlayered.length > 0) {
    lines.push(c.bold(`Modules in no layer:`));
    for (const id of report.unlayered) lines.push(`  ${printable(pathFrom(report, id))}`);
    lines.push("");
  }
  lines.push(summaryLine(report, c));
  return `${lines.join("\n")}\n`;
}

function violationLines(report: CheckReport, violation: Violation, c: ReturnType<typeof createColors>): string[] {
  const where = c.cyan(`${printable(pathFrom(report, violation.from))}:${violation.line}`);
  const fromLayer = printable(violation.fromLayer ?? "no layer");
  const layers =
    violation.toKind !== "local"
      ? violation.fromLayer === undefined ? "" : c.dim(` [${fromLayer}]`)
      : c.dim(` [${fromLayer} → ${printable(violation.toLayer ?? "no layer")}]`);
  const target = printable(pathFrom(report, violation.to, violation.toKind));
  const via = printable(viaText(report, violation.barrel));
  const lines = [`  ${where}  imports "${printable(violation.specifier)}" → ${target}${c.dim(via)}${layers}`, `      ${printable(violation.message)}`];
  if (violation.via !== undefined) lines.push(`      ${c.dim("chain:")} ${printable(chainText(report, violation.via))}`);
  return lines;
}

function summaryLine(report: CheckReport, c: ReturnType<typeof createColors>): string {
  const { summary } = report;
  const verdict =
    summary.errors > 0 ? c.red(c.bold(`✖ ${counted(summary.errors, "error")}`)) : c.green(c.bold("✔ no errors"));
  const parts = [
    verdict,
    counted(summary.warnings, "warning"),
    `${summary.modules} modules in ${counted(report.layers.length, "layer")} (${summary.unlayered} unlayered)`,
  ];
  if (summary.known > 0 || summary.stale > 0) parts.push(`baseline: ${summary.known} known, ${summary.stale} stale`);
  if (report.throughBarrels === true) parts.push("barrels seen through");
  return parts.join(", ");
}
