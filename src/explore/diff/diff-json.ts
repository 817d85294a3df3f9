/**
 * `layermap diff --format json`, for scripts and CI bots: the whole diff, module ids relative to
 * the root (as in the map document), and whether it fails.
 */
import { jsonText, type FormatOptions } from "../format/format-options.js";
import { diffFails, type ArchitectureDiff } from "./diff-maps.js";

export function diffJson(diff: ArchitectureDiff, options: FormatOptions): string {
  return jsonText({ root: options.root, ...diff, fails: diffFails(diff) });
}
