/**
 * Reads one source file as text, or says why it cannot be mapped: unreadable, or not text at
 * all (a binary under a source extension). A UTF-8 byte-order mark is dropped.
 */
import { readFileSync } from "node:fs";

export type SourceRead = { ok: true; text: string } | { ok: false; code: "read-error" | "not-text"; message: string };

const SNIFF_BYTES = 8000;

export function readSource(absolutePath: string): SourceRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    return { ok: false, code: "read-error", message: `cannot read the file (${code})` };
  }
  // Git's own test for binary content: a NUL byte near the start.
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    return { ok: false, code: "not-text", message: "binary content under a source extension: not parsed" };
  }
  const text = bytes.toString("utf8");
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
