/**
 * SARIF 2.1.0, the format GitHub code scanning (and most CI dashboards) read: one result per
 * violation, located at the importing file and line, with a fingerprint that survives moving
 * the import to another line.
 */
import type { Log, ReportingDescriptor, Result } from "sarif";
import type { CheckReport } from "../../model/check-report.js";
import { LAYERMAP_VERSION } from "../../model/version.js";
import { chainText, pathFrom, viaText } from "./paths.js";

const INFORMATION_URI = "https://www.npmjs.com/package/layermap";

export function sarifCheckReport(report: CheckReport): string {
  const rules: ReportingDescriptor[] = report.rules.map((rule) => ({
    id: rule.name,
    name: rule.name,
    shortDescription: { text: rule.description },
    ...(rule.comment === undefined ? {} : { fullDescription: { text: rule.comment }, help: { text: rule.comment } }),
    defaultConfiguration: { level: rule.severity === "error" ? "error" : "warning" },
  }));
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.name, index]));
  const results: Result[] = report.violations.map((violation) => {
    const chain = violation.via === undefined ? "" : ` Chain: ${chainText(report, violation.via)}.`;
    return {
      ruleId: violation.rule,
      ruleIndex: ruleIndex.get(violation.rule) ?? -1,
      level: violation.severity === "error" ? "error" : "warning",
      message: { text: `Imports "${violation.specifier}" (${pathFrom(report, violation.to, violation.toKind)}${viaText(report, violation.barrel)}): ${violation.message}.${chain}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(pathFrom(report, violation.from)), uriBaseId: "%SRCROOT%" },
            region: { startLine: violation.line },
          },
        },
      ],
      partialFingerprints: { "layermap/v1": `${violation.rule}|${violation.from}|${violation.to}` },
    };
  });
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "layermap", version: LAYERMAP_VERSION, informationUri: INFORMATION_URI, rules } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * A path as a relative URI reference (RFC 3986), which SARIF's `uri` must be: each segment
 * percent-encoded whole. `encodeURI` keeps `#` and `?`, so `core/issue#12?.ts` became a path, a
 * query and a fragment, and `http:x.ts` an absolute URL; `encodeURIComponent` encodes them, `%`
 * and `:` too, and leaves the `/` between segments.
 */
function relativeUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}
