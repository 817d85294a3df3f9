/**
 * Is a document read back from the cache one `map` could have written? What zod's
 * `mapDocumentSchema` checks (model/document.ts: every key, type, enum and bound, no unknown key),
 * and that its parts agree (model/document-consistency.ts) — written out by hand because a warm run
 * must not pay for zod's first parse of a large document (about 0.1 s for date-fns' 1,428
 * modules). The enums are read off the zod schema itself, so they cannot drift;
 * test/cache/document-shape.test.ts holds the rest to zod's answer on real and damaged documents.
 */
import { DOCUMENT_VERSION, importForms, importKinds, mapDocumentSchema, moduleKinds, type DiagnosticCode, type MapDocument } from "../model/document.js";
import { assertConsistent } from "../model/document-consistency.js";

const MODULE_KINDS: ReadonlySet<unknown> = new Set(moduleKinds);
const IMPORT_KINDS: ReadonlySet<unknown> = new Set(importKinds);
const SITE_KINDS: ReadonlySet<unknown> = new Set(importForms);
const DIAGNOSTIC_CODES: ReadonlySet<unknown> = new Set(mapDocumentSchema.shape.diagnostics.element.shape.code.options);

const DOCUMENT_KEYS = new Set(["$schema", "version", "root", "layers", "barrels", "summary", "modules", "imports", "diagnostics"]);
const SUMMARY_KEYS = ["files", "modules", "local", "external", "builtin", "unresolved", "imports", "failedFiles"];
const MODULE_KEYS = new Set(["id", "kind", "layer", "lines"]);
const IMPORT_KEYS = new Set(["from", "to", "kinds", "typeOnly", "sites"]);
const SITE_KEYS = new Set(["line", "specifier", "kind", "typeOnly", "elided", "optional", "through"]);
const THROUGH_KEYS = new Set(["module", "names"]);
const DIAGNOSTIC_KEYS = new Set(["file", "line", "code", "message"]);

export function isDiagnosticCode(value: unknown): value is DiagnosticCode {
  return DIAGNOSTIC_CODES.has(value);
}

/** Undefined when `value` is a valid, consistent map document; else the first problem. */
export function documentProblem(value: unknown): string | undefined {
  if (!isObject(value) || !onlyKeys(value, DOCUMENT_KEYS)) return "not a map document";
  if (value["version"] !== DOCUMENT_VERSION || typeof value["root"] !== "string") return "not a map document";
  if (!optional(value["$schema"], isString) || !optional(value["layers"], (layers) => Array.isArray(layers) && layers.every(isString))) return "bad layers";
  if (!optional(value["barrels"], (barrels) => barrels === "transparent")) return "bad barrels";
  const summary = value["summary"];
  if (!isObject(summary) || Object.keys(summary).length !== SUMMARY_KEYS.length || !SUMMARY_KEYS.every((key) => isCount(summary[key]))) return "bad summary";
  const { modules, imports, diagnostics } = value;
  if (!Array.isArray(modules) || !modules.every(isModule)) return "bad modules";
  if (!Array.isArray(imports) || !imports.every(isImport)) return "bad imports";
  if (!Array.isArray(diagnostics) || !diagnostics.every(isDiagnostic)) return "bad diagnostics";
  try {
    assertConsistent(value as MapDocument, "the document");
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

function isModule(value: unknown): boolean {
  return (
    isObject(value) &&
    onlyKeys(value, MODULE_KEYS) &&
    isName(value["id"]) &&
    MODULE_KINDS.has(value["kind"]) &&
    optional(value["layer"], isString) &&
    optional(value["lines"], isCount)
  );
}

function isImport(value: unknown): boolean {
  if (!isObject(value) || !onlyKeys(value, IMPORT_KEYS) || !isName(value["from"]) || !isName(value["to"]) || typeof value["typeOnly"] !== "boolean") return false;
  const { kinds, sites } = value;
  return Array.isArray(kinds) && kinds.length > 0 && kinds.every((kind) => IMPORT_KINDS.has(kind)) && Array.isArray(sites) && sites.length > 0 && sites.every(isSite);
}

function isSite(value: unknown): boolean {
  return (
    isObject(value) &&
    onlyKeys(value, SITE_KEYS) &&
    isLine(value["line"]) &&
    isString(value["specifier"]) &&
    SITE_KINDS.has(value["kind"]) &&
    optional(value["typeOnly"], (flag) => flag === true) &&
    optional(value["elided"], (flag) => flag === true) &&
    optional(value["optional"], (flag) => flag === true) &&
    optional(value["through"], (through) => Array.isArray(through) && through.length > 0 && through.every(isThrough))
  );
}

function isThrough(value: unknown): boolean {
  return (
    isObject(value) &&
    onlyKeys(value, THROUGH_KEYS) &&
    isName(value["module"]) &&
    Array.isArray(value["names"]) &&
    value["names"].length > 0 &&
    value["names"].every(isString)
  );
}

function isDiagnostic(value: unknown): boolean {
  return (
    isObject(value) &&
    onlyKeys(value, DIAGNOSTIC_KEYS) &&
    isString(value["file"]) &&
    optional(value["line"], isLine) &&
    DIAGNOSTIC_CODES.has(value["code"]) &&
    isString(value["message"])
  );
}

function onlyKeys(value: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in value) if (!keys.has(key)) return false;
  return true;
}

/** zod's `.optional()`: absent, or undefined (JSON has no undefined: absent). */
function optional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isName(value: unknown): boolean {
  return typeof value === "string" && value.length > 0;
}

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isLine(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
