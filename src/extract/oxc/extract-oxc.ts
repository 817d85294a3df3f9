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
 * "x"` or `import type {} from "x"` from `import "x"` (all have no entries), files
 * `export { x }` of an imported `x` under the import's span, and has no entry for an import or
 * re-export whose specifier holds an escaped lone surrogate (`"\ud800"`); oxc stops at the first syntax error
 * (no recovery) and rejects some code TypeScript's parser accepts (top-level `return` in `.js`,
 * type annotations in `.js`, namespaces that import modules…): all of those fall back.
 */
import { parseSync, rawTransferSupported, type ParserOptions, type StaticExport, type StaticImport } from "oxc-parser";
import { lineAtPosition, lineCount, lineStarts } from "../count-lines.js";
import { exportTableBuilder, MAY_EXPORT_EQUALS, siteNames, type ImportBinding } from "../export-table.js";
import type { ExportTable, Extraction, ExtractProblem, ImportSite } from "../types.js";
import { tripleSlashReferences } from "./triple-slash.js";
import { exportTableOfTree, walkProgram, type Candidate } from "./walk.js";

/** The same gate as extract-imports.ts: TypeScript only looks at calls and import types when this matches. */
const MAY_CALL_REQUIRE_OR_IMPORT = /\brequire\b|\bimport\s*\(/;
const MENTIONS_REQUIRE = /\brequire\b/;
/** Only TypeScript drops imports used as types (the same test as extract-imports.ts). */
const TYPESCRIPT_FILE = /\.[mc]?tsx?$/;
/**
 * Where a `declare module "x"` or `declare global` body may start: the module record has none of
 * the declarations inside. (A namespace body can hold none that oxc accepts: an import or export
 * from a module there is an error to oxc, and `import x = require()` needs `require`, which
 * makes the walk happen anyway.)
 */
const TRIVIA = String.raw`(?:\s|/\*[\s\S]*?\*/|//[^\n\r]*[\n\r])*`;
const MAY_DECLARE_MODULE = new RegExp(String.raw`\bmodule${TRIVIA}["']|\bglobal${TRIVIA}\{`);
/**
 * An escaped surrogate (`\ud800`, `\u{DC00}`): oxc-parser 0.159's module record leaves out an
 * import or re-export whose specifier holds a lone one (the tree has it), so such a text is walked.
 */
const MAY_ESCAPE_SURROGATE = /\\u(?:[dD][89a-fA-F][\dA-Fa-f]{2}|\{0*[dD][89a-fA-F][\dA-Fa-f]{2}\})/;
/** A string or template literal with nothing to unescape. */
const PLAIN_STRING = /^(?:"[^"\\\r\n\u2028\u2029]*"|'[^'\\\r\n\u2028\u2029]*'|`[^`\\$\r]*`)$/;

type Lang = NonNullable<ParserOptions["lang"]>;

export interface OxcExtractOptions {
  /** Walk the syntax tree even where the module record would do (tests and the bench compare both ways). */
  alwaysWalk?: boolean;
}

/** Why a file was handed to TypeScript; for the bench's fallback rate. `crashed`: oxc killed the child process parsing it (./oxc-pool.ts). */
type FallbackReason = "syntax-error" | "stack-overflow" | "too-deep" | "crashed";

/**
 * How deep oxc-parser is let go: its recursive descent overflows the native stack, which kills
 * the process (a segmentation fault, nothing to catch), at 10,000 nested brackets or 30,000
 * prefix operators on an 8 MB stack (0.159, measured). Beyond this much, TypeScript's parser
 * reads the file (its own deep-nesting handling, extract-imports.ts).
 */
const MAX_NESTING = 1000;

export interface OxcOutcome {
  extraction?: Extraction;
  fallback?: FallbackReason;
  /**
   * How the answer was read: the module record alone; the record and the value uses from the
   * tree without types; or one walk of the full tree.
   */
  path?: "record" | "light" | "walk";
}

/** Raw transfer (Node ≥ 22, 64-bit): the same tree, deserialised from a shared buffer instead of JSON. */
const RAW_TRANSFER = rawTransferSupported();

/**
 * The dialect as TypeScript's `scriptKindOf` picks it (extension, case-insensitive): TypeScript
 * parses JSX in every JavaScript file, so oxc is told `jsx` for `.js`/`.mjs`/`.cjs` too;
 * declaration files are `dts` (ambient context, as TypeScript parses them).
 */
function langOf(path: string): Lang {
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
  if (mayNestTooDeeply(text)) return { fallback: "too-deep" };
  const lang = langOf(path);
  const deep = MAY_CALL_REQUIRE_OR_IMPORT.test(text);
  const isTypeScript = TYPESCRIPT_FILE.test(path);
  const typed = lang !== "jsx";
  const mayDeclareModule = typed && MAY_DECLARE_MODULE.test(text);
  const emptyExportFrom = hasEmptyExportFrom(text);
  const escapedSurrogate = MAY_ESCAPE_SURROGATE.test(text);
  // `export =` is in no module record: the tree is read for it.
  const mayExportEquals = typed && MAY_EXPORT_EQUALS.test(text);
  // A TypeScript file whose only reason for a walk can be its imports' value uses: the module
  // record gives its sites, and the value uses are read from the tree without its types
  // (astType "js": about half the tree to deserialise), confirmed on the full tree where that
  // calls an import elidable (see `light`).
  const light = options.alwaysWalk !== true && isTypeScript && typed && !deep && !mayDeclareModule && !emptyExportFrom && !escapedSurrogate && !mayExportEquals;
  const result = parse(path, text, lang, light ? "js" : undefined);
  if (result.errors.length > 0) return { fallback: "syntax-error" };

  const starts = lineStarts(text);
  const lineAt = (position: number): number => lineAtPosition(starts, position);
  const module = result.module;
  const hasCandidates = isTypeScript && module.staticImports.some((entry) => !importIsTypeOnly(entry) && entry.entries.some((binding) => !binding.isType));

  const needsWalk =
    options.alwaysWalk === true ||
    (deep && (typed || MENTIONS_REQUIRE.test(text))) ||
    mayDeclareModule ||
    emptyExportFrom ||
    escapedSurrogate ||
    mayExportEquals ||
    hasCandidates ||
    (deep && module.dynamicImports.some(({ moduleRequest }) => mustUnescape(text.slice(moduleRequest.start, moduleRequest.end))));

  let sites: ImportSite[];
  let problems: ExtractProblem[];
  let how: OxcOutcome["path"] = "record";
  let exportsEquals = false;
  let treeTable: { table: ExportTable | undefined } | undefined;
  try {
    if (!needsWalk) ({ sites, problems } = readModuleRecord(module, text, deep, lineAt));
    else {
      const lightAnswer = light ? readLight(result, text, lineAt) : undefined;
      if (lightAnswer !== undefined) {
        ({ sites, problems } = lightAnswer);
        how = "light";
      } else {
        const program = (light ? parse(path, text, lang, undefined) : result).program;
        const walked = walkProgram(program, text, { deep, valueNames: isTypeScript, lineAt });
        sites = walked.sites;
        problems = walked.problems;
        markElidable(walked.candidates, walked.valueNames);
        how = "walk";
        if (mayExportEquals) exportsEquals = (program as { body: { type: string }[] }).body.some((statement) => statement.type === "TSExportAssignment");
        // The record leaves out what has such a specifier: the table is read off the tree.
        if (escapedSurrogate) treeTable = exportTableOfTree(program, text);
      }
    }
  } catch (error) {
    if (error instanceof RangeError) return { fallback: "stack-overflow" };
    throw error;
  }

  if (text.includes("///")) {
    for (const reference of tripleSlashReferences(text)) {
      sites.push({ specifier: reference.fileName, kind: "triple-slash", typeOnly: true, line: lineAt(reference.pos) });
    }
  }
  const extraction: Extraction = { sites, problems, lines: lineCount(starts, text) };
  const exports = treeTable !== undefined ? treeTable.table : exportTable(module.staticImports, module.staticExports, exportsEquals, text);
  if (exports !== undefined) extraction.exports = exports;
  return { extraction, path: how };
}

/** oxc's name kinds are const enums of strings: read as the strings they are. */
function kindOf(name: { kind: string }): string {
  return name.kind;
}

/** An import binding's name in its module: `import { a as b }` → "a", default → "default", a namespace → "*". */
function importedName(importName: { kind: string; name: string | null }): string {
  const kind = kindOf(importName);
  return kind === "Name" ? importName.name! : kind === "Default" ? "default" : "*";
}

/**
 * The export table from the module record, which holds the top level only and, as the
 * specification has it, already files `import { a } from "s"; export { a }` as a re-export from
 * "s" (and `import * as ns …; export { ns }` as `export * as ns from`); `export default x` of an
 * imported `x` is an alias to it for TypeScript, and is one here.
 */
function exportTable(imports: readonly StaticImport[], exports: readonly StaticExport[], exportsEquals: boolean, text: string): ExportTable | undefined {
  const bindings = new Map<string, ImportBinding>();
  for (const entry of imports) {
    for (const binding of entry.entries) {
      const imported = importedName(binding.importName);
      bindings.set(binding.localName.value, { specifier: entry.moduleRequest.value, imported });
    }
  }
  const table = exportTableBuilder(bindings);
  if (exportsEquals) table.exportEquals();
  for (const statement of exports) {
    for (const entry of statement.entries) {
      const name = kindOf(entry.exportName) === "Default" ? "default" : entry.exportName.name;
      const request = entry.moduleRequest;
      if (request !== null) {
        const kind = kindOf(entry.importName);
        if (kind === "AllButDefault") table.star(request.value);
        else if (name !== null) table.reexport(name, request.value, kind === "Name" ? entry.importName.name! : "*");
      } else if (name !== null) {
        const local = entry.localName.name;
        table.exportLocal(name, local ?? name);
      }
    }
  }
  return table.finish(text);
}

function parse(path: string, text: string, lang: Lang, astType: "js" | undefined): ReturnType<typeof parseSync> {
  const parserOptions: ParserOptions & { experimentalRawTransfer?: boolean } = { lang, sourceType: sourceTypeOf(path, lang) };
  if (astType !== undefined) parserOptions.astType = astType;
  if (RAW_TRANSFER) parserOptions.experimentalRawTransfer = true;
  return parseSync(path, text, parserOptions);
}

/**
 * The sites from the module record and the value uses from the tree without types. That tree
 * holds a subset of the full tree's value-position identifiers (types are dropped, nothing is
 * added), so an import it finds used is used; one it finds unused may be used only by a
 * type-parameter name or an `export type { x }` (which value-names.ts counts): undefined then,
 * and the caller walks the full tree.
 */
function readLight(result: ReturnType<typeof parseSync>, text: string, lineAt: (position: number) => number): { sites: ImportSite[]; problems: ExtractProblem[] } | undefined {
  const record = readModuleRecord(result.module, text, false, lineAt);
  const { valueNames } = walkProgram(result.program, text, { deep: false, valueNames: true, lineAt, sitesFromRecord: true });
  for (const { names } of record.candidates) {
    if (names.every((name) => !valueNames!.has(name))) return undefined;
  }
  return record;
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
): { sites: ImportSite[]; problems: ExtractProblem[]; candidates: Candidate[] } {
  const found: { start: number; site?: ImportSite; problem?: ExtractProblem }[] = [];
  const candidates: Candidate[] = [];
  for (const entry of module.staticImports) {
    const specifier = entry.moduleRequest.value;
    const line = lineAt(entry.start);
    if (entry.entries.length > 0) {
      const site: ImportSite = { specifier, kind: "static", typeOnly: importIsTypeOnly(entry), line };
      const imported = siteNames(entry.entries.map(({ importName }) => importedName(importName)));
      if (imported !== undefined) site.names = imported;
      const namespace = entry.entries.find(({ importName }) => kindOf(importName) === "NamespaceObject");
      if (namespace !== undefined) site.namespace = namespace.localName.value;
      found.push({ start: entry.start, site });
      const names = entry.entries.filter((binding) => !binding.isType).map((binding) => binding.localName.value);
      if (!site.typeOnly && names.length > 0) candidates.push({ site, names });
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
    const site: ImportSite = { specifier: request.value, kind: "re-export", typeOnly, line: lineAt(statement.start) };
    const imported = siteNames(fromModule.flatMap(({ importName }) => (kindOf(importName) === "Name" ? [importName.name!] : kindOf(importName) === "All" ? ["*"] : [])));
    if (imported !== undefined) site.names = imported;
    found.push({ start: statement.start, site });
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
  return { sites, problems, candidates };
}

/**
 * Whether the text may nest deeper than MAX_NESTING: open brackets less closed ones, or a run of
 * prefix operators (`!`, `~`, `+`, `-`, whitespace between). Brackets in strings and comments
 * count too: an over-estimate only sends a file to TypeScript.
 */
function mayNestTooDeeply(text: string): boolean {
  let depth = 0;
  let run = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 40 || code === 91 || code === 123) {
      if (++depth > MAX_NESTING) return true;
      run = 0;
    } else if (code === 41 || code === 93 || code === 125) {
      if (depth > 0) depth--;
      run = 0;
    } else if (code === 33 || code === 126 || code === 43 || code === 45) {
      if (++run > MAX_NESTING) return true;
    } else if (code !== 32 && code !== 9 && code !== 10 && code !== 13) run = 0;
  }
  return false;
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
