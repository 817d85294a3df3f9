/**
 * Reads one source file as text, or says why it cannot be mapped: unreadable, gone, larger than
 * the size limit, or not text at all (a binary under a source extension).
 *
 * Encodings: UTF-8 (a byte-order mark is dropped); UTF-16 with a byte-order mark, or without one
 * when the NUL bytes say so (every other byte zero, as ASCII code is in UTF-16); anything else
 * that is not valid UTF-8 is read as Latin-1, so that every ASCII import — nearly all of them —
 * is read right and no byte is lost. UTF-32 is reported, not guessed.
 */
import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { errorCode } from "../model/errors.js";

type SourceProblemCode = "read-error" | "not-text" | "too-large";
export type SourceProblem = { ok: false; code: SourceProblemCode; message: string };
export type SourceRead = { ok: true; text: string } | SourceProblem;

/** Above this a file is not parsed unless the limit is raised: see docs/reliability.md for the measurements. */
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

const SNIFF_BYTES = 8000;

/**
 * Discovery never lists a symbolic link as a file, so one found here replaced the file since
 * (O_NOFOLLOW: ELOOP). O_NONBLOCK: a named pipe that replaced the file must not hang the run.
 * Both are 0 where the platform lacks them (Windows), which only loses those two guards.
 */
const platform = constants as Partial<typeof constants>;
const OPEN_FLAGS = constants.O_RDONLY | (platform.O_NOFOLLOW ?? 0) | (platform.O_NONBLOCK ?? 0);

/** The file's bytes, or why it cannot be read; a file above `maxBytes` is not read at all. */
export function readSourceBytes(absolutePath: string, maxBytes = DEFAULT_MAX_FILE_SIZE): Buffer | SourceProblem {
  let descriptor: number;
  try {
    descriptor = openSync(absolutePath, OPEN_FLAGS);
  } catch (error) {
    return readError(error);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { ok: false, code: "read-error", message: "not a regular file any more: not read" };
    if (stats.size > maxBytes) {
      return {
        ok: false,
        code: "too-large",
        message: `${formatSize(stats.size)}, above the ${formatSize(maxBytes)} limit: not parsed (--max-file-size raises the limit)`,
      };
    }
    return readFileSync(descriptor);
  } catch (error) {
    return readError(error);
  } finally {
    closeSync(descriptor);
  }
}

/** Bytes read from a source file as text, or why they are not text. */
export function decodeSource(bytes: Buffer): SourceRead {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return { ok: false, code: "not-text", message: "UTF-32 text: not supported, save the file as UTF-8" };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: decodeUtf16(bytes.subarray(2), "le") };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: decodeUtf16(bytes.subarray(2), "be") };
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) {
    const order = bytes.length % 2 === 0 ? utf16WithoutMark(sample) : undefined;
    if (order !== undefined) return { ok: true, text: decodeUtf16(bytes, order) };
    // Git's own test for binary content: a NUL byte near the start.
    return { ok: false, code: "not-text", message: "binary content under a source extension: not parsed" };
  }
  const text = isUtf8(bytes) ? bytes.toString("utf8") : bytes.toString("latin1");
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** "1.5 MB", "900 KB", "12 bytes": sizes in units of 1,024. */
function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

function readError(error: unknown): SourceProblem {
  const code = errorCode(error) ?? "unknown error";
  return { ok: false, code: "read-error", message: `${READ_ERRORS[code] ?? "cannot read the file"} (${code})` };
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: "the file disappeared after it was found",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "the file became a symbolic link after it was found: not followed",
  EISDIR: "a folder, not a file",
};

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * UTF-16 without a byte-order mark (the file's length is even): in code that is mostly ASCII,
 * one byte of every pair is zero, and what it decodes to holds no control character but
 * whitespace. Binary formats hold NUL bytes at both parities, or decode to control characters.
 */
function utf16WithoutMark(sample: Buffer): "le" | "be" | undefined {
  const pairs = Math.floor(sample.length / 2);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < pairs * 2; index += 2) {
    if (sample[index] === 0) evenZeros++;
    if (sample[index + 1] === 0) oddZeros++;
  }
  const order = evenZeros === 0 && oddZeros > pairs / 2 ? "le" : oddZeros === 0 && evenZeros > pairs / 2 ? "be" : undefined;
  return order !== undefined && !CONTROL.test(decodeUtf16(sample, order)) ? order : undefined;
}

/** Control characters that text never holds (tab, line feed, vertical tab, form feed and carriage return are whitespace). */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;

function decodeUtf16(bytes: Buffer, order: "le" | "be"): string {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  const text = order === "le" ? even.toString("utf16le") : Buffer.from(even).swap16().toString("utf16le");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
