/**
 * (path, text) → the import sites of a Python file (`.py`, or a `.pyi` stub, whose every site is
 * type-only: stubs never run), parsed by tree-sitter's Python grammar (./load-python-parser.ts).
 *
 * One query of the tree finds the import statements (./import-statements.ts), the calls that
 * import (./dynamic-imports.ts) and the Python 2 syntax tree-sitter accepts (./syntax-errors.ts), and a scan of the text what CPython's
 * tokenizer refuses (./logical-lines.ts);
 * then, for each site not at the top level, a query over its offset alone finds the regions
 * around it that give it its kind and flags — function and lambda bodies, `if TYPE_CHECKING:`
 * bodies, `try:` bodies (./contexts.ts). Capturing every function body of the file instead cost
 * as much again as finding the imports (Django: 0.2–0.4 s more on 4.7 MB). Queries run in
 * tree-sitter's own code, without recursion; the patterns a file cannot match (no
 * `TYPE_CHECKING` in its text, no `import_module`…) are left out of the query it gets. No
 * syntax node leaves this folder.
 */
import { Query, type Language, type Node, type QueryMatch } from "web-tree-sitter";
import { lineCount, lineStarts } from "../count-lines.js";
import type { ExtractProblem, Extraction, ImportSite } from "../types.js";
import { placeSites, type Placement, type RegionRange } from "./contexts.js";
import { dynamicImport, type ImportlibNames } from "./dynamic-imports.js";
import { statementSites } from "./import-statements.js";
import { loadPythonParser, type PythonParser } from "./load-python-parser.js";
import { errorNodeMessage, firstErrorNode, firstProblem, python2Message } from "./syntax-errors.js";
import { logicalLineProblems } from "./logical-lines.js";

/** Patterns every file gets: the statements and Python 2's statements. */
const ALWAYS = `
(import_statement) @import
(import_from_statement) @import
(future_import_statement) @import
(print_statement) @python2
(exec_statement) @python2
(except_clause "," @python2)
(comparison_operator "<>" @python2)
(raise_statement (expression_list) @python2)
(parameters (tuple_pattern) @python2)
(lambda_parameters (tuple_pattern) @python2)
`;

/** The regions that place a site (./contexts.ts), asked of the nodes around one site only. */
const REGIONS = `
(function_definition body: (block) @function-body)
(lambda body: (_) @function-body)
(try_statement body: (block) @tried) @try
`;

/** `if TYPE_CHECKING:`, `if typing.TYPE_CHECKING:`, `elif t.TYPE_CHECKING:`, and the `else:` of `if not TYPE_CHECKING:`. */
const TYPE_CHECKING = `
(if_statement condition: [(identifier) (attribute)] @guard consequence: (block) @type-checking (#match? @guard "(^|[.])[ \\t]*TYPE_CHECKING$"))
(elif_clause condition: [(identifier) (attribute)] @guard consequence: (block) @type-checking (#match? @guard "(^|[.])[ \\t]*TYPE_CHECKING$"))
(if_statement condition: (not_operator argument: [(identifier) (attribute)] @guard) alternative: (else_clause body: (block) @type-checking) (#match? @guard "(^|[.])[ \\t]*TYPE_CHECKING$"))
`;

/** Calls of `__import__` and of `import_module` by the names the file binds it to (`calleeNames`, regex-safe identifiers). */
function callPatterns(calleeNames: readonly string[]): string {
  const callee = `"^(${calleeNames.join("|")})$"`;
  return `
(call function: (identifier) @callee (#match? @callee ${callee})) @call
(call function: (attribute attribute: (identifier) @callee) (#match? @callee "^(import_module|__import__)$")) @call
`;
}

/** Python 2's octal and long literals, backticks and `ur''`: captured only when the text may hold one, then looked at. */
const PYTHON2_NUMBERS = "(integer) @python2";
const PYTHON2_STRINGS = "(string_start) @python2";

/** Exceptions whose handler catches a failed import. */
const CATCHES_IMPORT_ERROR = new Set(["ImportError", "ModuleNotFoundError", "Exception", "BaseException"]);

const queries = new Map<string, Query>();

function queryFor(language: Language, source: string): Query {
  let query = queries.get(source);
  if (query === undefined) {
    query = new Query(language, source);
    queries.set(source, query);
  }
  return query;
}

interface FoundSite {
  start: number;
  /** Not a statement at column 0 (which stands at the top level): placed by the regions around it. */
  indented: boolean;
  line: number;
  specifier: string;
  names?: string[];
  dynamic: boolean;
}

/**
 * The Extraction of one Python file. `path` says whether it is a stub (`.pyi`).
 * @internal exported for the tests; the extract stage calls it through loadPythonExtractor
 */
export function extractPython({ parser, language }: PythonParser, path: string, source: string): Extraction {
  // tree-sitter counts rows by `\n` only; Python (and layermap's line numbers) also end a line at a lone `\r`.
  const text = source.includes("\r") ? source.replace(/\r(?!\n)/g, "\n") : source;
  const stub = path.toLowerCase().endsWith(".pyi");
  const tree = parser.parse(text);
  if (tree === null) throw new Error(`tree-sitter gave no tree for ${path}`);
  try {
    const root = tree.rootNode;
    const importlib = importlibNames(text);
    const query = queryFor(language, patternsFor(text, importlib));
    const regionQuery = queryFor(language, text.includes("TYPE_CHECKING") ? REGIONS + TYPE_CHECKING : REGIONS);
    const found: FoundSite[] = [];
    const problems: ExtractProblem[] = [];
    let python2: ExtractProblem | undefined;
    for (const match of query.matches(root)) {
      const capture = capturesOf(match);
      const statement = capture.get("import");
      const call = capture.get("call");
      const python2Node = capture.get("python2");
      if (statement !== undefined) {
        const line = statement.startPosition.row + 1;
        const indented = statement.startPosition.column > 0;
        for (const site of statementSites(statement)) found.push({ start: statement.startIndex, line, ...site, dynamic: false, indented });
      } else if (call !== undefined) {
        const outcome = dynamicImport(call, importlib);
        const line = call.startPosition.row + 1;
        if (outcome === undefined) continue;
        if ("problem" in outcome) problems.push({ code: "non-literal-import", line, message: outcome.problem });
        else found.push({ start: call.startIndex, line, specifier: outcome.specifier, dynamic: true, indented: true });
      } else if (python2Node !== undefined && python2 === undefined) {
        const message = python2Message(python2Node);
        if (message !== undefined) python2 = { code: "parse-error", line: python2Node.startPosition.row + 1, message: `syntax error: ${message}` };
      }
    }

    // A statement at column 0 stands at the module's top level; any other site is placed by the
    // regions around it, asked of the few nodes that hold it (a query over one offset). Cheaper
    // than one query for every region of the file even where every site is indented: a generated
    // module's 17,581 such queries took 0.25 s of CPU, one query of its whole tree 1.0 s.
    const placements = new Map<number, Placement>();
    const placementOf = (site: FoundSite): Placement => {
      if (!site.indented) return TOP_LEVEL;
      let placement = placements.get(site.start);
      if (placement === undefined) {
        placement = placeSites(regionsAround(regionQuery, root, site.start), [site.start])[0]!;
        placements.set(site.start, placement);
      }
      return placement;
    };
    const order = found.map((site) => ({ site, placement: placementOf(site) })).sort((a, b) => a.site.start - b.site.start);
    const sites = order.map(({ site, placement }): ImportSite => {
      const result: ImportSite = {
        specifier: site.specifier,
        kind: site.dynamic ? "dynamic" : placement.deferred ? "deferred" : "static",
        typeOnly: stub || placement.typeOnly,
        line: site.line,
      };
      if (placement.optional) result.optional = true;
      if (site.names !== undefined) result.names = site.names;
      return result;
    });

    const errorNode = firstErrorNode(root);
    const tokenizer = logicalLineProblems(text);
    const parseError = firstProblem([
      errorNode === undefined ? undefined : { code: "parse-error", line: errorNode.startPosition.row + 1, message: errorNodeMessage(errorNode) },
      python2,
      tokenizer.tabError === undefined ? undefined : { code: "parse-error", line: tokenizer.tabError, message: "syntax error: inconsistent use of tabs and spaces in indentation (Python 3 raises TabError)" },
      tokenizer.tooDeep === undefined ? undefined : { code: "parse-error", line: tokenizer.tooDeep, message: "syntax error: more than 200 nested brackets, which CPython refuses (imports nested below 65,535 levels are not read)" },
    ]);
    if (parseError !== undefined) problems.push(parseError);
    problems.sort((a, b) => a.line - b.line);
    return { sites, problems, lines: lineCount(lineStarts(source), source) };
  } finally {
    tree.delete();
  }
}

const TOP_LEVEL: Placement = { deferred: false, typeOnly: false, optional: false };

/** The regions whose nodes hold the offset `at`: the query visits only the nodes that do. */
function regionsAround(query: Query, root: Node, at: number): RegionRange[] {
  const regions: RegionRange[] = [];
  for (const match of query.matches(root, { startIndex: at, endIndex: at + 1 })) {
    const capture = capturesOf(match);
    const body = capture.get("function-body") ?? capture.get("type-checking");
    if (body !== undefined) {
      regions.push({ region: capture.has("function-body") ? "function-body" : "type-checking", start: body.startIndex, end: body.endIndex });
    } else {
      const tried = capture.get("tried");
      const tryStatement = capture.get("try");
      if (tried !== undefined && tryStatement !== undefined && catchesImportError(tryStatement)) regions.push({ region: "optional", start: tried.startIndex, end: tried.endIndex });
    }
  }
  return regions;
}

function capturesOf(match: QueryMatch): Map<string, Node> {
  const captures = new Map<string, Node>();
  for (const capture of match.captures) captures.set(capture.name, capture.node);
  return captures;
}

/** The query a text needs: the patterns it cannot match are left out, which saves their captures. */
function patternsFor(text: string, importlib: ImportlibNames): string {
  let patterns = ALWAYS;
  if (text.includes("TYPE_CHECKING")) patterns += TYPE_CHECKING;
  if (text.includes("__import__") || text.includes("import_module")) patterns += callPatterns(["__import__", ...[...importlib.importModule].sort()]);
  if (/(?:^|[^\w.])0[0-9_]*[1-9]|[0-9][lL]\b/.test(text)) patterns += PYTHON2_NUMBERS;
  if (/`|\b(?:ur|ru)["']/i.test(text)) patterns += PYTHON2_STRINGS;
  return patterns;
}

/**
 * The names the file binds to importlib (`import importlib`, `import importlib.util`,
 * `import importlib as il`) and to its import_module (`from importlib import import_module`,
 * `… as load`), read from the text: a name is only taken as the function where the file imports it so.
 */
function importlibNames(text: string): ImportlibNames {
  const module = new Set<string>();
  const importModule = new Set<string>();
  if (!text.includes("importlib")) return { module, importModule };
  for (const [, alias] of text.matchAll(/\bimport[ \t]+importlib(?:\.\w+)*(?:[ \t]+as[ \t]+(\w+))?/g)) module.add(alias ?? "importlib");
  for (const [, names] of text.matchAll(/\bfrom[ \t]+importlib[ \t]+import[ \t]+\(?([^)\n]*)/g)) {
    for (const [, alias] of names!.matchAll(/\bimport_module(?:[ \t]+as[ \t]+(\w+))?/g)) importModule.add(alias ?? "import_module");
  }
  return { module, importModule };
}

/** Whether one of a try statement's handlers catches a failed import: `except:`, `except ImportError`, a tuple holding one, `except Exception`… */
function catchesImportError(tryStatement: Node): boolean {
  for (const handler of tryStatement.namedChildren) {
    if (handler.type !== "except_clause" && handler.type !== "except_group_clause") continue;
    // Python 2's `except E, name:` gives two values; the first is what is caught.
    const value = handler.childrenForFieldName("value")[0] ?? handler.namedChildren.find((child) => child.type !== "block" && child.type !== "comment");
    if (value === undefined) return true;
    // `except ImportError as error:` is an as_pattern around what is caught.
    const caught = value.type === "as_pattern" ? value.namedChildren[0] : value;
    if (caught === undefined) continue;
    const names = caught.type === "tuple" || caught.type === "parenthesized_expression" ? caught.namedChildren : [caught];
    for (const name of names) {
      const last = name.type === "attribute" ? name.childForFieldName("attribute") : name;
      if (last?.type === "identifier" && CATCHES_IMPORT_ERROR.has(last.text)) return true;
    }
  }
  return false;
}

/**
 * The Python extractor, once its parser is loaded (once per process): the extract stage asks for
 * it on its first Python file. A failure of the parser itself (a WebAssembly trap, memory
 * exhausted) is the file's `parse-error`, never the run's.
 */
export async function loadPythonExtractor(): Promise<(path: string, text: string) => Extraction> {
  const parser = await loadPythonParser();
  return (path, text) => {
    try {
      return extractPython(parser, path, text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { sites: [], problems: [{ code: "parse-error", line: 1, message: `the Python parser failed on this file (${reason}): no import read` }], lines: lineCount(lineStarts(text), text) };
    }
  };
}
