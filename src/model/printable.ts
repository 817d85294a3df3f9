/**
 * Text from the analysed code made safe to print. Specifiers, file names and rule comments are
 * written by whoever writes the code or the config — in a pull request, an attacker — and a
 * string literal's `\n` or `\u001b` becomes a real control character: printed raw, a newline
 * puts a GitHub workflow command (`::error …`, `::add-mask::`) on a line of its own in the CI
 * log, and an escape sequence retitles or rewrites the terminal. So every text output passes
 * such strings through here, and each invisible character is written as a visible escape, the
 * way JSON writes it: `\n`, `\r`, `\t`, else `\u001b`. Backslashes are left as they are (a
 * reader sees `a\b.ts` as written); the edges format, which must read ids back, escapes them
 * first.
 *
 * Without a newline, text can still start a line: a module id or a rule comment is often the
 * first thing on its line, and GitHub's runner reads any line that starts with `::` (after
 * spaces) as a workflow command. So text that starts that way (or with the older `##[`) has its
 * first character escaped too: `\u003a:error::…`.
 */

/**
 * C0 and C1 controls and DEL; the line and paragraph separators, which some viewers break lines
 * at; and the bidirectional overrides and isolates, which reorder what a reader sees ("Trojan
 * Source").
 */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const HAS_INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A workflow command's opening, after the spaces the runner trims. */
const COMMAND_START = /^(\s*)(:(?=:)|#(?=#\[))/;

/** `text` with every control character escaped visibly, and no workflow command at its start; the same string when it needs neither. */
export function printable(text: string): string {
  const escaped = HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, escape) : text;
  return COMMAND_START.test(escaped) ? escaped.replace(COMMAND_START, (_match, spaces: string, first: string) => spaces + escape(first)) : escaped;
}

function escape(character: string): string {
  return SHORT[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
