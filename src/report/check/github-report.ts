/**
 * GitHub Actions workflow commands: each violation an `::error file=…,line=…::…` annotation,
 * shown on the line of the pull request's diff.
 */
import type { CheckReport } from "../../model/check-report.js";
import { chainText, pathFrom, viaText } from "./paths.js";

export function githubCheckReport(report: CheckReport): string {
  const lines = report.violations.map((violation) => {
    const command = violation.severity === "error" ? "error" : "warning";
    const details = [violation.message, violation.via === undefined ? "" : `chain: ${chainText(report, violation.via)}`, violation.comment ?? ""]
      .filter((part) => part !== "")
      .join("\n");
    const properties = `file=${escapeProperty(pathFrom(report, violation.from))},line=${violation.line},title=${escapeProperty(`layermap ${violation.rule}`)}`;
    return `::${command} ${properties}::${escapeData(`imports "${violation.specifier}"${viaText(report, violation.barrel)}: ${details}`)}`;
  });
  const { summary } = report;
  lines.push(`layermap: errors: ${summary.errors}, warnings: ${summary.warnings}, known: ${summary.known}, stale: ${summary.stale}`);
  return `${lines.join("\n")}\n`;
}

/** The escaping GitHub's runner applies to a command's message. */
function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** …and to its properties, where `:` and `,` separate fields. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
