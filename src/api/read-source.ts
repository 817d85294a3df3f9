/**
 * Reads one source file as text, or says why it cannot be mapped: unreadable, or not text at
 * all (a binary under a source extension). A UTF-8 byte-order mark is dropped.
 */
import { readFileSync } from "node:fs";

export type SourceRead = { ok: true; text: string } | { ok: false; code: "read-error" | "not-text"; message: string };

const SNIFF_BYTES = 8000;

export function readSource(absolutePath: string): SourceRead {
  const bytes = readSourceBytes(absolutePath);
  return Buffer.isBuffer(bytes) ? decodeSource(bytes) : bytes;
}

/** The file's bytes, or why it cannot be read. */
export function readSourceBytes(absolutePath: string): Buffer | Extract<SourceRead, { ok: false }> {
  try {
    return readFileSync(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    return { ok: false, code: "read-error", message: `cannot read the file (${code})` };
  }
}

/** Bytes read from a source file as text, or why they are not text. */
export function decodeSource(bytes: Buffer): SourceRead {
  // Git's own test for binary content: a NUL byte near the start.
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    return { ok: false, code: "not-text", message: "binary content under a source extension: not parsed" };
  }
  const text = bytes.toString("utf8");
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
