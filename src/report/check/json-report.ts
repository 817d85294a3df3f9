/** The check report for scripts: sorted violations with every field, and the summary. */
import type { CheckReport } from "../../model/check-report.js";
import type { Violation } from "../../model/violation.js";

export function jsonCheckReport(report: CheckReport): string {
  const output = {
    root: report.root,
    violations: report.violations.map(plain),
    known: report.known.map(plain),
    stale: report.stale,
    unlayered: report.unlayered,
    layers: report.layers,
    summary: report.summary,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

/** Fixed key order, the fields the issue names first. */
function plain(violation: Violation): Record<string, unknown> {
  const { rule, severity, from, to, toKind, line, specifier, barrel, fromLayer, toLayer, message, comment, via } = violation;
  return {
    rule,
    severity,
    from,
    to,
    toKind,
    line,
    specifier,
    ...(barrel === undefined ? {} : { barrel }),
    fromLayer: fromLayer ?? null,
    toLayer: toLayer ?? null,
    message,
    ...(comment === undefined ? {} : { comment }),
    ...(via === undefined ? {} : { via }),
  };
}
