/**
 * Strings from a profile written into DOT so that Graphviz shows them as they are. Graphviz reads
 * each attribute its own way: a label unescapes `\\` once, a tooltip twice (and substitutes `\N`
 * with the node's name in between), an id not at all beyond the lexer's `\"`; and all three pass
 * `&…;` through as an entity. So `&` is always written `&amp;`, and backslashes are doubled as
 * many times as the attribute reads them. Labels and tooltips are made printable first
 * (model/printable.ts): a control character shows as its escape, not as a line break.
 */
import { printable } from "../../model/printable.js";
import { escapeHtml } from "../escape-html.js";

/** A label: each line as written, joined with DOT's centred line break. */
export function dotLabel(...lines: string[]): string {
  return `"${lines.map((line) => common(printable(line), "\\\\")).join("\\n")}"`;
}

/** A tooltip: each line as written, one under the other. */
export function dotTooltip(...lines: string[]): string {
  return `"${lines.map((line) => common(printable(line), "\\\\\\\\")).join("\\n")}"`;
}

/** An element id: the text exactly (control characters as character references), so a script finds it by getElementById. */
export function dotId(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  return `"${common(text, "\\\\").replace(/[\u0000-\u001f\u007f]/g, (character) => `&#${character.charCodeAt(0)};`)}"`;
}

/** Text for an HTML-like label (`label=<…>`). */
export function htmlLabelText(text: string): string {
  return escapeHtml(printable(text));
}

function common(text: string, backslash: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("\\", backslash).replaceAll('"', '\\"');
}
