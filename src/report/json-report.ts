import type { MapDocument } from "../model/document.js";

/** The map document as JSON: two-space indented, a final newline, keys in schema order. */
export function jsonReport(document: MapDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
