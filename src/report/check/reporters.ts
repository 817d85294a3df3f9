/**
 * Every `check` output format, registered by name: a pure function from the check report to
 * text. The CLI derives its `--format` choices from this map.
 */
import type { CheckReport } from "../../model/check-report.js";
import { githubCheckReport } from "./github-report.js";
import { jsonCheckReport } from "./json-report.js";
import { junitCheckReport } from "./junit-report.js";
import { sarifCheckReport } from "./sarif-report.js";
import { textCheckReport, type TextOptions } from "./text-report.js";

export type CheckReporter = (report: CheckReport, options: TextOptions) => string;

export type CheckFormat = "text" | "json" | "sarif" | "github" | "junit";

export const checkReporters: Record<CheckFormat, CheckReporter> = {
  text: textCheckReport,
  json: jsonCheckReport,
  sarif: sarifCheckReport,
  github: githubCheckReport,
  junit: junitCheckReport,
};
export const checkFormats = Object.keys(checkReporters) as CheckFormat[];
