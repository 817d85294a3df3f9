/**
 * Every output format, registered by name: a reporter is a pure function from the map document
 * to the text of one file. The CLI derives its `--format` choices from this map and does the
 * printing; reporters never print.
 */
import type { MapDocument } from "../model/document.js";
import { jsonReport } from "./json-report.js";

export type Reporter = (document: MapDocument) => string;

export const reporters = {
  json: jsonReport,
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof reporters;
export const reportFormats = Object.keys(reporters) as ReportFormat[];
