/**
 * Two refusals of CPython's tokenizer that tree-sitter's grammar does not make, found in one scan
 * of the text's logical lines.
 *
 * TabError: an indentation whose meaning depends on the width of a tab. Its tokenizer
 * measures every logical line's indentation twice — tabs to the next multiple of 8, and tabs as
 * one column — and refuses the file where the two disagree on whether a line is indented more,
 * the same or less than the lines before. tree-sitter's scanner counts a tab as 8 columns and
 * says nothing, so the file would map as if Python ran it; it does not run at all, which is
 * worth a `parse-error` with its line (the imports are kept, as for any syntax error).
 *
 * A logical line starts where no bracket is open, no triple-quoted string runs on and the line
 * before does not end in a backslash; blank and comment lines do not count. Strings are skipped
 * by their quotes (an f-string of Python 3.12 that nests its own quote is read as two strings,
 * which can only hide a TabError, never invent one on a line whose indentation is consistent).
 *
 * Too many nested brackets: CPython's tokenizer stops at 200 open brackets. tree-sitter parses far
 * deeper, but its queries lose nodes below 65,535 levels, so an import call nested that deep is
 * not read: such a file, which CPython refuses anyway, gets the refusal as its problem. The scan
 * is a pass of JavaScript over the text: 8 ms/MB on Django's 4.7 MB, against 300–450 ms/MB for
 * the whole extraction.
 */

/** CPython's MAXLEVEL (Parser/tokenizer.h). */
const MAX_BRACKETS = 200;

export interface LogicalLineProblems {
  /** 1-based line of the first TabError. */
  tabError?: number;
  /** 1-based line where more than 200 brackets are open. */
  tooDeep?: number;
}

/** Where CPython's tokenizer would first raise TabError, and first stop at too many brackets. */
export function logicalLineProblems(text: string): LogicalLineProblems {
  const tabs = /^[ \f]*\t/m.test(text);
  const found: LogicalLineProblems = {};
  const columns = [0];
  const alternates = [0];
  let depth = 0;
  let openString: string | undefined;
  let continued = false;
  let line = 0;
  let index = 0;
  while (index < text.length) {
    line++;
    let end = text.indexOf("\n", index);
    if (end === -1) end = text.length;
    const startsLogicalLine = depth === 0 && openString === undefined && !continued;
    let position = index;
    if (startsLogicalLine) {
      let column = 0;
      let alternate = 0;
      for (; position < end; position++) {
        const code = text.charCodeAt(position);
        if (code === 32) {
          column++;
          alternate++;
        } else if (code === 9) {
          column = (Math.floor(column / 8) + 1) * 8;
          alternate++;
        } else if (code === 12) column = alternate = 0;
        else break;
      }
      const first = text.charCodeAt(position);
      const blank = position >= end || first === 35 /* # */ || first === 13 || first === 92; /* a lone backslash line */
      if (tabs && !blank && found.tabError === undefined && !consistent(columns, alternates, column, alternate)) {
        found.tabError = line;
        if (found.tooDeep !== undefined) return found;
      }
    }
    // The rest of the line: strings, comments, brackets and a final backslash.
    continued = false;
    while (position < end) {
      const character = text[position]!;
      if (openString !== undefined) {
        if (character === "\\") position += 2;
        else if (text.startsWith(openString, position)) {
          position += openString.length;
          openString = undefined;
        } else position++;
        continue;
      }
      if (character === "#") break;
      if (character === '"' || character === "'") {
        const triple = text.startsWith(character.repeat(3), position);
        openString = triple ? character.repeat(3) : character;
        position += openString.length;
      } else {
        if (character === "(" || character === "[" || character === "{") {
          if (++depth > MAX_BRACKETS && found.tooDeep === undefined) {
            found.tooDeep = line;
            if (!tabs || found.tabError !== undefined) return found;
          }
        }
        else if ((character === ")" || character === "]" || character === "}") && depth > 0) depth--;
        else if (character === "\\" && text.slice(position + 1, end).trim() === "") continued = true;
        position++;
      }
    }
    // A one-quoted string ends with its line (unterminated: a syntax error the parser reports).
    if (openString !== undefined && openString.length === 1 && text[end - 1] !== "\\") openString = undefined;
    index = end + 1;
  }
  return found;
}

/** CPython's check (Parser/tokenizer.c, tok_get): the two measures must order the line alike. */
function consistent(columns: number[], alternates: number[], column: number, alternate: number): boolean {
  const top = columns.length - 1;
  if (column === columns[top]) return alternate === alternates[top];
  if (column > columns[top]!) {
    if (alternate <= alternates[top]!) return false;
    columns.push(column);
    alternates.push(alternate);
    return true;
  }
  while (columns.length > 1 && column < columns.at(-1)!) {
    columns.pop();
    alternates.pop();
  }
  // A dedent to no level of the stack is an IndentationError, which the parser reports itself.
  return column !== columns.at(-1) || alternate === alternates.at(-1);
}
