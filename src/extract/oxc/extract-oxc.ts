/**
 * The extract stage on oxc-parser: `(path, text) → Extraction`, the same answer as
 * `extractImports` (TypeScript's parser) for every file oxc parses without an error, or
 * `undefined` for a file it does not — the caller then asks TypeScript, whose partial recovery
 * and parse-error diagnostics stay the ones layermap reports.
 *
 * Two ways through a file, the cheaper when it can answer:
 * - **module record** (no syntax tree leaves Rust): static imports, re-exports and `import()`s of
 *   a file that has nothing else to read — no `require`, no import types, no namespace or ambient
 *   module body, no `export {} from`, and (in TypeScript) no import whose bindings must be
 *   checked for value uses;
 * - **syntax tree**: one walk (./walk.ts) that reads every form and the value uses at once.
 *
 * The oxc traps this file is built around: the module record has no entry for
 * `export {} from "x"`, none at all inside `declare module` bodies, cannot tell `import {} from
 * "x"` or `import type {} from "x"` from `import "x"` (all have no entries), and files
 * `export { x }` of an imported `x` under the import's span; oxc stops at the first syntax error
 * (no recovery) and rejects some code TypeScript's parser accepts (top-level `return` in `.js`,
 * type annotations in `.js`, namespaces that import modules…): all of those fall back.
 */
import { parseSync, rawTransferSupported, type ParserOptions, type Program, type StaticImport } from "oxc-parser";
import { lineAtPosition, lineCount, lineStarts } from "../count-lines.js";
import type { Extraction, ExtractProblem, ImportSite } from "../types.js";
import { tripleSlashReferences } from "./triple-slash.js";
import { walkProgram, type Candidate } from "./walk.js";

/** The same gate as extract-imports.ts: TypeScript only looks at calls and import types when this matches. */
const MAY_CALL_REQUIRE_OR_IMPORT = /\brequire\b|\bimport\s*\(/;
const MENTIONS_REQUIRE = /\brequire\b/;
/** Only TypeScript drops imports used as types (the same test as extract-imports.ts). */
const TYPESCRIPT_FILE = /\.[mc]?tsx?$/;
/**
 * Where a namespace, `declare module` or `declare global` body may start (its declarations are
 * not in the module record). Generous: a word followed by anything a declaration allows.
 */
const MAY_DECLARE_MODULE = /\b(?:module|namespace|global)\b(?!\s*[.=:,;)\]?!([])/;
/** A string or template literal with nothing to unescape. */
const PLAIN_STRING = /^(?:"[^"\\\r\n\u2028\u2029]*"|'[^'\\\r\n\u2028\u2029]*'|`[^`\\$\r]*`)$/;

export type Lang = NonNullable<ParserOptions["lang"]>;

export interface OxcExtractOptions {
  /** Walk the syntax tree even where the module record would do (tests and the bench compare both ways). */
  alwaysWalk?: boolean;
}

/** Why a file was handed to TypeScript; for the bench's fallback rate. */
export type FallbackReason = "syntax-error" | "stack-overflow";

export interface OxcOutcome {
  extraction?: Extraction;
  fallback?: FallbackReason;
  /** How the answer was read: the module record alone, or one walk of the tree. */
  path?: "record" | "walk";
}

/** Raw transfer (Node ≥ 22, 64-bit): the same tree, deserialised from a shared buffer instead of JSON. */
const RAW_TRANSFER = rawTransferSupported();

/**
 * The dialect as TypeScript's `scriptKindOf` picks it (extension, case-insensitive): TypeScript
 * parses JSX in every JavaScript file, so oxc is told `jsx` for `.js`/`.mjs`/`.cjs` too;
 * declaration files are `dts` (ambient context, as TypeScript parses them).
 */
export function langOf(path: string): Lang {
  const lower = path.toLowerCase();
  const dot = lower.lastIndexOf(".");
  switch (lower.slice(dot)) {
    case ".tsx":
      return "tsx";
    case ".jsx":
    case ".js":
    case ".mjs":
    case ".cjs":
      return "jsx";
    default:
      return /\.d\.([^./]+\.)?[cm]?ts$/.test(lower) ? "dts" : "ts";
  }
}

function sourceTypeOf(path: string, lang: Lang): ParserOptions["sourceType"] {
  if (lang !== "jsx") return "module";
  const lower = path.toLowerCase();
  if (lower.endsWith(".cjs")) return "commonjs";
  if (lower.endsWith(".mjs")) return "module";
  return "unambiguous";
}

export function extractWithOxc(path: string, text: string, options: OxcExtractOptions = {}): OxcOutcome {
  const lang = langOf(path);
  const parserOptions: ParserOptions & { experimentalRawTransfer?: boolean } = {
    lang,
    sourceType: sourceTypeOf(path, lang),
  };
  if (RAW_TRANSFER) parserOptions.experimentalRawTransfer = true;
  const result = parseSync(path, text, parserOptions);
  if (result.errors.length > 0) return { fallback: "syntax-error" };

  const starts = lineStarts(text);
  const lineAt = (position: number): number => lineAtPosition(starts, position);
  const deep = MAY_CALL_REQUIRE_OR_IMPORT.test(text);
  const isTypeScript = TYPESCRIPT_FILE.test(path);
  const typed = lang !== "jsx";
  const module = result.module;

  const needsWalk =
    options.alwaysWalk === true ||
    (deep && (typed || MENTIONS_REQUIRE.test(text))) ||
    (typed && MAY_DECLARE_MODULE.test(text)) ||
    hasEmptyExportFrom(text) ||
    (isTypeScript && module.staticImports.some((entry) => !importIsTypeOnly(entry) && entry.entries.some((binding) => !binding.isType))) ||
    (deep && module.dynamicImports.some(({ moduleRequest }) => mustUnescape(text.slice(moduleRequest.start, moduleRequest.end))));

  let sites: ImportSite[];
  let problems: ExtractProblem[];
  if (needsWalk) {
    const program = result.program as Program;
    let walked: ReturnType<typeof walkProgram>;
    try {
      walked = walkProgram(program, text, { deep, valueNames: isTypeScript, lineAt });
    } catch (error) {
      if (error instanceof RangeError) return { fallback: "stack-overflow" };
      throw error;
    }
    sites = walked.sites;
    problems = walked.problems;
    markElidable(walked.candidates, walked.valueNames);
  } else {
    ({ sites, problems } = readModuleRecord(module, text, deep, lineAt));
  }

  if (text.includes("///")) {
    for (const reference of tripleSlashReferences(text)) {
      sites.push({ specifier: reference.fileName, kind: "triple-slash", typeOnly: true, line: lineAt(reference.pos) });
    }
  }
  return { extraction: { sites, problems, lines: lineCount(starts, text) }, path: needsWalk ? "walk" : "record" };
}

function markElidable(candidates: readonly Candidate[], valueNames: ReadonlySet<string> | undefined): void {
  if (valueNames === undefined) return;
  for (const { site, names } of candidates) {
    if (names.every((name) => !valueNames.has(name))) site.elidable = true;
  }
}

/** `import type X`, `import type { … }`, `import { type A, type B }`: every binding a type. */
function importIsTypeOnly(entry: StaticImport): boolean {
  return entry.entries.length > 0 && entry.entries.every((binding) => binding.isType);
}

function mustUnescape(argument: string): boolean {
  const first = argument.charCodeAt(0);
  return (first === 34 || first === 39 || first === 96) && !PLAIN_STRING.test(argument);
}

/**
 * The sites of a file read from its module record alone: static imports, re-exports, and (when
 * TypeScript would look for calls at all) `import()`s, in the order of the text.
 */
function readModuleRecord(
  module: ReturnType<typeof parseSync>["module"],
  text: string,
  deep: boolean,
  lineAt: (position: number) => number,
): { sites: ImportSite[]; problems: ExtractProblem[] } {
  const found: { start: number; site?: ImportSite; problem?: ExtractProblem }[] = [];
  for (const entry of module.staticImports) {
    const specifier = entry.moduleRequest.value;
    const line = lineAt(entry.start);
    if (entry.entries.length > 0) {
      found.push({ start: entry.start, site: { specifier, kind: "static", typeOnly: importIsTypeOnly(entry), line } });
      continue;
    }
    // `import "x"`, `import {} from "x"` and `import type {} from "x"` all have no entries.
    const after = skipTrivia(text, entry.start + "import".length);
    const next = text.charCodeAt(after);
    if (next === 34 || next === 39) found.push({ start: entry.start, site: { specifier, kind: "side-effect", typeOnly: false, line } });
    else {
      const typeOnly = text.startsWith("type", after) && !isIdentifierPart(text.charCodeAt(after + 4));
      found.push({ start: entry.start, site: { specifier, kind: "static", typeOnly, line } });
    }
  }
  for (const statement of module.staticExports) {
    // `export { x }` of an imported `x` is filed under the import's span: not a re-export.
    if (!text.startsWith("export", statement.start)) continue;
    const fromModule = statement.entries.filter((entry) => entry.moduleRequest !== null);
    const request = fromModule[0]?.moduleRequest;
    if (request == null) continue;
    const typeOnly = fromModule.every((entry) => entry.isType);
    found.push({ start: statement.start, site: { specifier: request.value, kind: "re-export", typeOnly, line: lineAt(statement.start) } });
  }
  if (deep) {
    for (const call of module.dynamicImports) {
      const argument = text.slice(call.moduleRequest.start, call.moduleRequest.end);
      if (PLAIN_STRING.test(argument)) {
        found.push({ start: call.start, site: { specifier: argument.slice(1, -1), kind: "dynamic", typeOnly: false, line: lineAt(call.start) } });
      } else {
        found.push({
          start: call.start,
          problem: {
            code: "non-literal-import",
            line: lineAt(call.start),
            message: `import() with a computed argument \`${argument}\` cannot be followed statically`,
          },
        });
      }
    }
  }
  found.sort((a, b) => a.start - b.start);
  const sites: ImportSite[] = [];
  const problems: ExtractProblem[] = [];
  for (const { site, problem } of found) {
    if (site !== undefined) sites.push(site);
    if (problem !== undefined) problems.push(problem);
  }
  return { sites, problems };
}

/** Past whitespace and comments from `position`. */
function skipTrivia(text: string, position: number): number {
  let at = position;
  for (;;) {
    const code = text.charCodeAt(at);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029) at++;
    else if (code === 47 && text.charCodeAt(at + 1) === 47) {
      at += 2;
      while (at < text.length && !isLineTerminator(text.charCodeAt(at))) at++;
    } else if (code === 47 && text.charCodeAt(at + 1) === 42) {
      const end = text.indexOf("*/", at + 2);
      at = end < 0 ? text.length : end + 2;
    } else if (code > 127 && /\s/.test(text[at]!)) at++;
    else return at;
  }
}

function isLineTerminator(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

function isIdentifierPart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 36 || code === 95 || code > 127;
}

/**
 * Whether the text may hold `export {} from "x"` or `export type {} from "x"`, which the module
 * record leaves out. Finds every `export` and reads the tokens after it past comments.
 */
function hasEmptyExportFrom(text: string): boolean {
  for (let at = text.indexOf("export"); at >= 0; at = text.indexOf("export", at + 6)) {
    let next = skipTrivia(text, at + 6);
    if (text.startsWith("type", next)) next = skipTrivia(text, next + 4);
    if (text.charCodeAt(next) !== 123) continue;
    next = skipTrivia(text, next + 1);
    if (text.charCodeAt(next) !== 125) continue;
    next = skipTrivia(text, next + 1);
    if (text.startsWith("from", next)) return true;
  }
  return false;
}
