/**
 * For a file nested too deeply for TypeScript's recursive parser: the same text with the inside
 * of every bracket nested past `maxDepth` levels blanked (spaces; line breaks kept, so positions
 * and lines stay), which the parser can then hold. The imports are read from the real syntax
 * tree of what is left — never guessed from tokens, which cannot tell `/import("x")/` in a
 * regular expression or `import "z"` in JSX text from an import.
 *
 * Brackets are counted with TypeScript's scanner, which does not recurse: strings, comments and
 * template literals are skipped as tokens, and a `/` where an expression may start is rescanned
 * as a regular expression.
 */
import type { ts as TS } from "ts-morph";
import { ts } from "../typescript/ts.js";

/** undefined when nothing is nested past `maxDepth`: blanking cannot help. */
export function flattenDeepNesting(text: string, maxDepth: number, jsx: boolean): string | undefined {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const open: TS.SyntaxKind[] = [];
  const blanks: [number, number][] = [];
  let blankFrom = -1;
  let previous: TS.SyntaxKind = ts.SyntaxKind.Unknown;
  const close = (): void => {
    open.pop();
    if (open.length === maxDepth && blankFrom >= 0) {
      blanks.push([blankFrom, scanner.getTokenStart()]);
      blankFrom = -1;
    }
  };
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && expressionMayStartAfter(previous)) {
      kind = scanner.reScanSlashToken();
    }
    if (kind === ts.SyntaxKind.CloseBraceToken && open.at(-1) === ts.SyntaxKind.TemplateHead) {
      kind = scanner.reScanTemplateToken(false);
    }
    switch (kind) {
      case ts.SyntaxKind.OpenParenToken:
      case ts.SyntaxKind.OpenBracketToken:
      case ts.SyntaxKind.OpenBraceToken:
      case ts.SyntaxKind.TemplateHead:
        open.push(kind);
        if (open.length === maxDepth + 1 && blankFrom < 0) blankFrom = scanner.getTokenEnd();
        break;
      case ts.SyntaxKind.CloseParenToken:
      case ts.SyntaxKind.CloseBracketToken:
      case ts.SyntaxKind.CloseBraceToken:
      case ts.SyntaxKind.TemplateTail:
        if (open.length > 0) close();
        break;
      default:
        break;
    }
    previous = kind;
  }
  if (blankFrom >= 0) blanks.push([blankFrom, text.length]);
  if (blanks.length === 0) return undefined;
  let flat = "";
  let at = 0;
  for (const [from, to] of blanks) {
    flat += text.slice(at, from) + text.slice(from, to).replace(/[^\r\n]/g, " ");
    at = to;
  }
  return flat + text.slice(at);
}

/** Whether a `/` after this token starts a regular expression rather than dividing. */
function expressionMayStartAfter(kind: TS.SyntaxKind): boolean {
  switch (kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.PrivateIdentifier:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateTail:
    case ts.SyntaxKind.CloseParenToken:
    case ts.SyntaxKind.CloseBracketToken:
    case ts.SyntaxKind.CloseBraceToken:
    case ts.SyntaxKind.PlusPlusToken:
    case ts.SyntaxKind.MinusMinusToken:
    case ts.SyntaxKind.ThisKeyword:
    case ts.SyntaxKind.SuperKeyword:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
      return false;
    default:
      return true;
  }
}
