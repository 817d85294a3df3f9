/**
 * The map cache: one file per mapped root in the cache folder, holding
 *
 * - per source file: its stamp, content hash and extraction (sites, problems, lines) — valid for
 *   as long as the file's content is the same, whatever else changes;
 * - one resolution snapshot: for each file, what each of its sites resolved to, valid while the
 *   recorded resolution inputs (see inputs.ts) are unchanged;
 * - the last run's document, valid while its files' stamps, the resolution inputs and the run's
 *   options are what they were (see document-cache.ts).
 *
 * The file is a header line — format, layermap version, signature of the payload — then the
 * payload as JSON. A file that is not one of these, is truncated, or fails its signature or shape
 * check is ignored with a warning; one written by another layermap version is silently replaced.
 * Writes go to a temporary file that is renamed into place, so a reader never sees half a file.
 *
 * The cache folder is in the analysed project (`node_modules/.cache`), which a repository or a
 * restored CI cache can fill, so the cache is untrusted input: the signature is an HMAC-SHA256
 * under a key of the user's own (model/user-cache.ts), not a checksum anyone can recompute. A
 * writer of the cache folder can then delete or damage the file, or put back one this user wrote
 * earlier for the same root (an older, correctly signed state: its stamps and hashes no longer
 * match the files it describes, so only files whose content is again what it was then are
 * reused), and nothing else; an edited extraction or resolution is ignored with a warning. A
 * writer of the user's cache folder (the user) can change anything.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Extraction } from "../extract/types.js";
import type { Diagnostic, DiagnosticCode, MapDocument, ModuleKind } from "../model/document.js";
import type { InputsRecord } from "./inputs.js";
import { documentProblem, isDiagnosticCode } from "./document-shape.js";
import { replaceFile } from "../model/replace-file.js";
import { signatureOf } from "../model/user-cache.js";
import { hashOf, type Stamp } from "./stamp.js";
import { errorCode } from "../model/errors.js";

const CACHE_FORMAT = "layermap-map-cache";
/**
 * 2: files not valid UTF-8 are read as Latin-1, UTF-16 is decoded, and tsconfig messages name paths relative to the root. 3: signed.
 * 4: an import used by an instantiation expression (`Request.Class<X>`) is no longer elidable: extractions stored before hold the old answer.
 * 5: the last run's document (document-cache.ts).
 * 6: extractions hold each site's imported names and the file's export table (the barrels stage).
 * 7: Python files (#18): the form deferred and the site flag optional.
 */
const CACHE_FORMAT_VERSION = 7;

export interface CachedFile {
  /** null: the stamp is not trusted (the file was changing when read); compare the hash. */
  stamp: Stamp | null;
  hash: string;
  extraction: Extraction;
}

export interface CachedTarget {
  id: string;
  kind: ModuleKind;
  reason?: string;
  /** The specifier the document records, when not the one written (module-resolver.ts's ResolvedModule). */
  specifier?: string;
}

export interface CachedResolution {
  /** The content hash of the file whose sites these are. */
  hash: string;
  /** Whether the file's project keeps type-only imports; null when no site needed to know. */
  keepsTypeOnlyImports: boolean | null;
  /** One per site of the extraction, in order. */
  targets: CachedTarget[];
}

export interface ResolutionSnapshot {
  inputs: InputsRecord;
  tsconfigDiagnostics: readonly Diagnostic[];
  files: Record<string, CachedResolution>;
}

/** The last run's document, and what says it still holds (document-cache.ts). */
export interface DocumentMemo {
  /** Layermap's version and the run's options, config and file list. */
  key: string;
  /** Every discovered file → its stamp before it was read. */
  stamps: Record<string, Stamp>;
  /** The files that could not be read as source → why (their diagnostic). */
  problems: Record<string, StoredProblem>;
  document: MapDocument;
}

/** Why a file could not be read as source: its diagnostic. */
export interface StoredProblem {
  code: DiagnosticCode;
  message: string;
}

export interface CachePayload {
  root: string;
  files: Record<string, CachedFile>;
  resolution: ResolutionSnapshot | null;
  document: DocumentMemo | null;
}

interface Header {
  format: string;
  formatVersion: number;
  layermap: string;
  /** HMAC-SHA256 of the payload under the user's key. */
  signature: string;
}

export interface LoadedCache {
  path: string;
  payload: CachePayload | undefined;
  /** The payload text as read, to skip rewriting an unchanged cache. */
  text: string | undefined;
}

/** The cache file of a root: several roots may share a cache folder. */
function cacheFileOf(cacheDir: string, root: string): string {
  return join(cacheDir, `map-${hashOf(root).slice(0, 16)}.json`);
}

/**
 * Read the cache file of `root`. Never throws: a missing file is an empty cache, a corrupt or
 * foreign one an empty cache and a warning.
 */
export function loadCache(cacheDir: string, root: string, version: string, secret: Buffer, warn: (message: string) => void): LoadedCache {
  const path = cacheFileOf(cacheDir, root);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = errorCode(error);
    if (code !== "ENOENT" && code !== "ENOTDIR") warn(`cannot read the cache file ${path} (${code ?? "unknown error"}): mapping without it`);
    return { path, payload: undefined, text: undefined };
  }
  const ignore = (why: string): LoadedCache => {
    warn(`ignoring the cache file ${path}: ${why}; it will be rebuilt`);
    return { path, payload: undefined, text: undefined };
  };
  const newline = text.indexOf("\n");
  // The first line is the repository's text, not ours: every field is checked before trusted.
  let header: Partial<Header> | null;
  try {
    header = JSON.parse(newline === -1 ? text : text.slice(0, newline)) as Partial<Header> | null;
  } catch {
    return ignore("not a layermap cache file (unreadable header)");
  }
  if (typeof header !== "object" || header === null || header.format !== CACHE_FORMAT) return ignore("not a layermap cache file");
  if (header.formatVersion !== CACHE_FORMAT_VERSION || header.layermap !== version) {
    // Written by another layermap: expected after an upgrade, not worth a warning.
    return { path, payload: undefined, text: undefined };
  }
  const body = newline === -1 ? "" : text.slice(newline + 1);
  if (signatureOf(secret, body) !== header.signature) return ignore("not signed by this user's key (changed since this user wrote it, or written by another user)");
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return ignore("corrupt (not JSON)");
  }
  const problem = shapeProblem(payload, root);
  if (problem !== undefined) return ignore(`corrupt (${problem})`);
  return { path, payload: payload as CachePayload, text: body };
}

/** Write the payload unless it is what was read. Returns a warning instead of throwing. */
export function saveCache(loaded: LoadedCache, payload: CachePayload, version: string, secret: Buffer): string | undefined {
  const body = JSON.stringify(payload);
  if (body === loaded.text) return undefined;
  const header: Header = { format: CACHE_FORMAT, formatVersion: CACHE_FORMAT_VERSION, layermap: version, signature: signatureOf(secret, body) };
  try {
    mkdirSync(join(loaded.path, ".."), { recursive: true });
    replaceFile(loaded.path, `${JSON.stringify(header)}\n${body}`, ".tmp-");
    return undefined;
  } catch (error) {
    return `cannot write the cache file ${loaded.path} (${errorCode(error) ?? (error as Error).message}): the next run maps without it`;
  }
}

// --- shape check: a payload that passes it cannot make map() throw or mis-index ---------------

const MODULE_KINDS = new Set(["local", "external", "builtin", "unresolved"]);

function shapeProblem(payload: unknown, root: string): string | undefined {
  if (!isObject(payload)) return "payload is not an object";
  if (payload["root"] !== root) return "written for another root";
  const files = payload["files"];
  if (!isObject(files)) return "no files";
  for (const [path, entry] of Object.entries(files)) {
    if (!isCachedFile(entry)) return `bad entry for ${path}`;
  }
  const memo = payload["document"];
  if (memo !== null) {
    const problem = memoProblem(memo);
    if (problem !== undefined) return `bad document: ${problem}`;
  }
  const resolution = payload["resolution"];
  if (resolution === null) return undefined;
  if (!isObject(resolution) || !isInputs(resolution["inputs"]) || !Array.isArray(resolution["tsconfigDiagnostics"])) {
    return "bad resolution snapshot";
  }
  if (!resolution["tsconfigDiagnostics"].every(isDiagnostic)) return "bad tsconfig diagnostics";
  const resolved = resolution["files"];
  if (!isObject(resolved)) return "bad resolution snapshot";
  for (const [path, entry] of Object.entries(resolved)) {
    if (
      !isObject(entry) ||
      typeof entry["hash"] !== "string" ||
      (entry["keepsTypeOnlyImports"] !== null && typeof entry["keepsTypeOnlyImports"] !== "boolean") ||
      !Array.isArray(entry["targets"]) ||
      !entry["targets"].every(isTarget)
    ) {
      return `bad resolutions for ${path}`;
    }
    const file = files[path];
    if (isCachedFile(file) && file.hash === entry["hash"] && file.extraction.sites.length !== entry["targets"].length) {
      return `resolutions of ${path} do not match its sites`;
    }
  }
  return undefined;
}

function memoProblem(memo: unknown): string | undefined {
  if (!isObject(memo) || typeof memo["key"] !== "string") return "no key";
  const { stamps, problems } = memo;
  if (!isObject(stamps) || !Object.values(stamps).every(isStamp)) return "bad stamps";
  if (!isObject(problems) || !Object.values(problems).every((problem) => isObject(problem) && isDiagnosticCode(problem["code"]) && typeof problem["message"] === "string")) {
    return "bad problems";
  }
  return documentProblem(memo["document"]);
}

function isCachedFile(value: unknown): value is CachedFile {
  if (!isObject(value) || typeof value["hash"] !== "string") return false;
  if (value["stamp"] !== null && !isStamp(value["stamp"])) return false;
  const extraction = value["extraction"];
  return (
    isObject(extraction) &&
    Number.isInteger(extraction["lines"]) &&
    Array.isArray(extraction["sites"]) &&
    extraction["sites"].every(isSite) &&
    Array.isArray(extraction["problems"]) &&
    extraction["problems"].every(isProblem) &&
    (extraction["exports"] === undefined || isExportTable(extraction["exports"]))
  );
}

function isExportTable(value: unknown): boolean {
  return (
    isObject(value) &&
    isStrings(value["local"]) &&
    isStrings(value["stars"]) &&
    Array.isArray(value["reexports"]) &&
    value["reexports"].every((entry) => isObject(entry) && typeof entry["name"] === "string" && typeof entry["specifier"] === "string" && typeof entry["imported"] === "string") &&
    (value["opaque"] === undefined || value["opaque"] === true)
  );
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function isStamp(value: unknown): value is Stamp {
  return isObject(value) && Number.isInteger(value["size"]) && typeof value["mtime"] === "string" && typeof value["ctime"] === "string";
}

function isSite(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value["specifier"] === "string" &&
    typeof value["kind"] === "string" &&
    typeof value["typeOnly"] === "boolean" &&
    Number.isInteger(value["line"]) &&
    (value["elidable"] === undefined || value["elidable"] === true) &&
    (value["names"] === undefined || isStrings(value["names"])) &&
    (value["namespace"] === undefined || typeof value["namespace"] === "string")
  );
}

function isProblem(value: unknown): boolean {
  return isObject(value) && typeof value["code"] === "string" && Number.isInteger(value["line"]) && typeof value["message"] === "string";
}

function isTarget(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value["id"] === "string" &&
    MODULE_KINDS.has(value["kind"] as string) &&
    (value["reason"] === undefined || typeof value["reason"] === "string") &&
    (value["specifier"] === undefined || typeof value["specifier"] === "string")
  );
}

function isDiagnostic(value: unknown): boolean {
  return isObject(value) && typeof value["file"] === "string" && typeof value["code"] === "string" && typeof value["message"] === "string";
}

function isInputs(value: unknown): value is InputsRecord {
  if (!isObject(value) || typeof value["key"] !== "string" || typeof value["fileList"] !== "string") return false;
  const { listings, contents, exists } = value;
  if (!isObject(listings) || !Object.values(listings).every((hash) => hash === null || typeof hash === "string")) return false;
  if (!isObject(exists) || !Object.values(exists).every((flag) => typeof flag === "boolean")) return false;
  return (
    isObject(contents) &&
    Object.values(contents).every(
      (probe) => isObject(probe) && (probe["absent"] === true || (typeof probe["hash"] === "string" && (probe["stamp"] === null || isStamp(probe["stamp"])))),
    )
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
