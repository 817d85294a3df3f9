/**
 * package.json files that are not JSON. Resolution reads them (`type`, `exports`, `imports`,
 * workspaces), and TypeScript reads a broken one as best it can without a word: each one that
 * governs a mapped file — in its folder or above, under the root — is a `package-json-error`
 * diagnostic, and the run goes on.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { Diagnostic } from "../model/document.js";
import { PROTOTYPE_KEY, prototypeKeyPath, prototypeKeyPlace } from "../config/prototype-keys.js";
import { errorCode } from "../model/errors.js";

export function manifestDiagnostics(root: string, manifests: readonly string[], files: readonly string[]): Diagnostic[] {
  const folders = new Set<string>([""]);
  for (const file of files) {
    for (let slash = file.indexOf("/"); slash !== -1; slash = file.indexOf("/", slash + 1)) folders.add(file.slice(0, slash));
  }
  const diagnostics: Diagnostic[] = [];
  for (const manifest of manifests) {
    const slash = manifest.lastIndexOf("/");
    if (!folders.has(slash === -1 ? "" : manifest.slice(0, slash))) continue;
    const problem = jsonProblem(join(root, manifest));
    if (problem !== undefined) diagnostics.push({ file: manifest, ...problem, code: "package-json-error" });
  }
  return diagnostics;
}

/** Strict JSON, as Node and npm read it; jsonc-parser's codes, not V8's messages, which change between Node versions. */
function jsonProblem(path: string): { line?: number; message: string } | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { message: `cannot read it (${errorCode(error) ?? (error as Error).message}): imports resolved through it may be wrong` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined) {
    const line = text.slice(0, first.offset).split("\n").length;
    return { line, message: `not valid JSON (${printParseErrorCode(first.error)}): Node and npm cannot read it; imports resolved through it may be wrong` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { message: "not a JSON object: Node and npm cannot read it; imports resolved through it may be wrong" };
  }
  const holder = prototypeKeyPath(text);
  if (holder !== undefined) {
    return { message: `a "${PROTOTYPE_KEY}" key ${prototypeKeyPlace(holder)}: read as Node reads it, an ordinary key nothing uses (TypeScript alone would inherit its fields)` };
  }
  return undefined;
}
