/**
 * A Python file's bytes as text, as CPython reads them (PEP 263): UTF-8 unless a coding cookie on
 * the first or second line names another encoding (`# -*- coding: latin-1 -*-`,
 * `# vim: set fileencoding=cp1252 :`). The cookie's encoding is decoded by `TextDecoder` (Node's
 * ICU: the WHATWG encodings), Latin-1 by Node itself (WHATWG reads the label "latin-1" as
 * windows-1252, which differs from it in 0x80–0x9F).
 *
 * What CPython refuses — an encoding it does not know, bytes the declared encoding rejects, a
 * file that is not UTF-8 and declares nothing — is a `parse-error` problem with its line, and the
 * file is still read, as the scripts' rule reads it (../read-source.ts: UTF-8, else Latin-1), so
 * that every ASCII import is kept.
 */
import { isUtf8 } from "node:buffer";
import { TextDecoder } from "node:util";
import { lineAtPosition, lineStarts } from "../count-lines.js";
import { decodeSource, type SourceProblem } from "../read-source.js";
import type { ExtractProblem } from "../types.js";

export type PythonSourceRead = { ok: true; text: string; problems: ExtractProblem[] } | SourceProblem;

/** CPython's own pattern (Lib/tokenize.py, cookie_re), matched against each of the first two lines. */
const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
/** The first line lets the second declare the encoding only when it is blank or a comment. */
const BLANK_OR_COMMENT = /^[ \t\f]*(?:#.*)?$/;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Python's names of encodings that WHATWG knows by another name (or not at all, as Latin-1). */
const ALIASES: Record<string, string> = {
  "utf-8-sig": "utf-8",
  u8: "utf-8",
  cp65001: "utf-8",
  latin: "latin-1",
  l1: "latin-1",
  latin1: "latin-1",
  "iso-8859-1": "latin-1",
  "iso8859-1": "latin-1",
  "iso-latin-1": "latin-1",
  "8859": "latin-1",
  cp819: "latin-1",
  "mac-roman": "macintosh",
  macroman: "macintosh",
  cp932: "shift_jis",
  ms932: "shift_jis",
  "shift-jis": "shift_jis",
  "shift-jis-2004": "shift_jis",
  eucjp: "euc-jp",
  euckr: "euc-kr",
  cp949: "euc-kr",
  "646": "us-ascii",
  ascii: "us-ascii",
};

/** The text of a `.py` or `.pyi` file, with what CPython would refuse in reading it; or why it is not text. */
export function decodePythonSource(bytes: Buffer): PythonSourceRead {
  const bom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const cookie = codingCookie(bytes.subarray(bom ? 3 : 0, 512));
  const encoding = cookie === undefined ? "utf-8" : normalName(cookie.name);
  const problems: ExtractProblem[] = [];
  if (encoding === "latin-1" && !bom) return { ok: true, text: bytes.toString("latin1"), problems };
  if (encoding !== "utf-8" && !bom && cookie !== undefined) {
    let decoder: TextDecoder | undefined;
    try {
      decoder = new TextDecoder(encoding, { fatal: true });
    } catch {
      problems.push({ code: "parse-error", line: cookie.line, message: `unknown encoding \`${cookie.name}\` in the coding cookie: read as UTF-8, else Latin-1` });
    }
    if (decoder !== undefined) {
      try {
        return { ok: true, text: decoder.decode(bytes), problems };
      } catch {
        const text = new TextDecoder(encoding).decode(bytes);
        const invalid = text.indexOf("\ufffd");
        problems.push({ code: "parse-error", line: lineAtPosition(lineStarts(text), invalid), message: `bytes that are not ${cookie.name}, the encoding the coding cookie declares: read with U+FFFD in their place` });
        return { ok: true, text, problems };
      }
    }
  }
  // With a byte-order mark CPython takes only a cookie its own normalisation reads as utf-8
  // (`utf-8`, `utf_8`, `UTF-8-…`): `utf8` is refused there (Lib/test/tokenizedata/bad_coding2.py).
  if (bom && cookie !== undefined && !isCpythonUtf8(cookie.name)) {
    problems.push({ code: "parse-error", line: cookie.line, message: `a UTF-8 byte-order mark, and a coding cookie that declares \`${cookie.name}\`: read as UTF-8` });
  }
  const source = decodeSource(bytes);
  if (!source.ok) return source;
  if (!isUtf8(bytes) && !startsWithUtf16Mark(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    const latin1 = bytes.toString("latin1");
    const line = lineAtPosition(lineStarts(latin1), offset);
    const declared = cookie === undefined ? "no coding cookie declares another encoding" : `the coding cookie declares \`${cookie.name}\``;
    problems.push({ code: "parse-error", line, message: `bytes that are not UTF-8 (0x${bytes[offset]!.toString(16)}), and ${declared}: read as Latin-1` });
  }
  return { ok: true, text: source.text, problems };
}

/** The encoding a cookie names, and its line; the bytes are read as Latin-1, which keeps ASCII. */
function codingCookie(head: Buffer): { name: string; line: number } | undefined {
  const [first = "", second = ""] = head.toString("latin1").split(/\r\n|\r|\n/, 2);
  const onFirst = COOKIE.exec(first);
  if (onFirst !== null) return { name: onFirst[1]!, line: 1 };
  if (!BLANK_OR_COMMENT.test(first)) return undefined;
  const onSecond = COOKIE.exec(second);
  return onSecond === null ? undefined : { name: onSecond[1]!, line: 2 };
}

/** CPython's get_normal_name, then Python's aliases WHATWG lacks: a label `TextDecoder` may know. */
function normalName(name: string): string {
  const lower = name.toLowerCase().replaceAll("_", "-");
  if (lower === "utf-8" || lower.startsWith("utf-8-") || lower === "utf8") return "utf-8";
  for (const latin of ["latin-1", "iso-8859-1", "iso-latin-1"]) if (lower === latin || lower.startsWith(`${latin}-`)) return "latin-1";
  return ALIASES[lower] ?? lower;
}

/** CPython's get_normal_name says "utf-8". */
function isCpythonUtf8(name: string): boolean {
  const lower = name.toLowerCase().replaceAll("_", "-");
  return lower === "utf-8" || lower.startsWith("utf-8-");
}

function startsWithUtf16Mark(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The offset of the first byte that does not start or continue a UTF-8 sequence (the file is known not to be UTF-8). */
function firstInvalidUtf8(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined || byte < 0x80 || byte > 0xbf) return index;
    }
    index += length;
  }
  return 0;
}

