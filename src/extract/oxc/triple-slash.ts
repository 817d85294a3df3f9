/**
 * `/// <reference path="…" />` directives, read exactly as TypeScript reads them into
 * `SourceFile.referencedFiles` — without TypeScript: the comments before the first token
 * (`getLeadingCommentRanges(text, 0)`, after a `#!` line), each single-line comment matched
 * against the triple-slash pragma pattern, its `path` argument taken unless the same directive
 * also names `types` or `lib` or says `no-default-lib="true"`. The scan and the patterns are
 * TypeScript 6's (`iterateCommentRanges`, `extractPragmas`, `processPragmasIntoFields`).
 */

export interface TripleSlashReference {
  fileName: string;
  /** Offset of the path's first character (TypeScript's `FileReference.pos`). */
  pos: number;
}

const SHEBANG = /^#!.*/;
const TRIPLE_SLASH_XML = /^\/\/\/\s*<(\S+)\s.*?\/>/m;
const argumentPattern = (name: string): RegExp => new RegExp(`(\\s${name}\\s*=\\s*)(?:(?:'([^']*)')|(?:"([^"]*)"))`, "im");
const TYPES = argumentPattern("types");
const LIB = argumentPattern("lib");
const PATH = argumentPattern("path");
const NO_DEFAULT_LIB = argumentPattern("no-default-lib");

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/** TypeScript's `isWhiteSpaceLike` for characters past ASCII. */
function isWhiteSpaceLike(code: number): boolean {
  return (
    isLineBreak(code) ||
    code === 160 ||
    code === 133 ||
    code === 5760 ||
    (code >= 8192 && code <= 8203) ||
    code === 8239 ||
    code === 8287 ||
    code === 12288 ||
    code === 65279
  );
}

export function tripleSlashReferences(text: string): TripleSlashReference[] {
  const references: TripleSlashReference[] = [];
  let pos = 0;
  const shebang = SHEBANG.exec(text);
  if (shebang !== null) pos = shebang[0].length;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === 13 || code === 10 || code === 9 || code === 11 || code === 12 || code === 32) {
      pos++;
      continue;
    }
    if (code === 47) {
      const next = text.charCodeAt(pos + 1);
      if (next === 47) {
        const start = pos;
        pos += 2;
        while (pos < text.length && !isLineBreak(text.charCodeAt(pos))) pos++;
        readReference(text.slice(start, pos), start, references);
        continue;
      }
      if (next === 42) {
        pos += 2;
        while (pos < text.length) {
          if (text.charCodeAt(pos) === 42 && text.charCodeAt(pos + 1) === 47) {
            pos += 2;
            break;
          }
          pos++;
        }
        continue;
      }
      break;
    }
    if (code > 127 && isWhiteSpaceLike(code)) {
      pos++;
      continue;
    }
    break;
  }
  return references;
}

function readReference(comment: string, start: number, references: TripleSlashReference[]): void {
  const match = TRIPLE_SLASH_XML.exec(comment);
  if (match === null || match[1]!.toLowerCase() !== "reference") return;
  const noDefaultLib = NO_DEFAULT_LIB.exec(comment);
  if (noDefaultLib !== null && (noDefaultLib[2] || noDefaultLib[3]) === "true") return;
  if (TYPES.test(comment) || LIB.test(comment)) return;
  const path = PATH.exec(comment);
  if (path === null) return;
  // TypeScript takes `match[2] || match[3]`: `path=""` is an empty file name, and `path=''`
  // undefined (on which TypeScript itself throws).
  const fileName = path[2] || path[3];
  if (fileName === undefined) return;
  references.push({ fileName, pos: start + path.index + path[1]!.length + 1 });
}
