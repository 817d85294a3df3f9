/**
 * The extract stage: `(path, text) → Extraction`. Pure — no file system — and the only place
 * that touches TypeScript's syntax tree: nothing from ts-morph leaves this folder.
 *
 * Each file is parsed once with `ts.createSourceFile` (JSDoc parsing off). Top-level import and
 * export declarations are read straight off the statement list; the whole tree is walked only
 * when the text can hold a `require(…)` or `import(…)` call, which most ES-module files cannot.
 */
import type { ts as TS } from "ts-morph";
import { ts } from "../typescript/ts.js";
import { lineAtPosition, lineCount, lineStarts } from "./count-lines.js";
import { isShadowedRequire } from "./require-scope.js";
import { flattenDeepNesting } from "./flatten-deep-nesting.js";
import { scriptKindOf } from "./script-kind.js";
import { boundNames, collectValueNames } from "./value-names.js";
import { exportTableBuilder, siteNames, type ImportBinding } from "./export-table.js";
import type { ExportTable, Extraction, ExtractProblem, ImportSite } from "./types.js";

const MAY_CALL_REQUIRE_OR_IMPORT = /\brequire\b|\bimport\s*\(/;
/** Only TypeScript drops imports used as types; JavaScript keeps every import. */
const TYPESCRIPT_FILE = /\.[mc]?tsx?$/;

interface ParsedSourceFile extends TS.SourceFile {
  /** Syntax errors; internal to TypeScript but stable for a decade and the only way to get them. */
  readonly parseDiagnostics?: readonly TS.DiagnosticWithLocation[];
}

/**
 * Never throws. A file nested too deeply for TypeScript's recursive parser (about 1,000 levels of
 * brackets or functions, which generated code can reach) overflows the stack; it is then parsed
 * again with the code nested past a depth blanked (see flatten-deep-nesting.ts), shallower each
 * time, and when even that overflows it is reported unparsed, with no imports: an import is only
 * ever read from a syntax tree, never guessed from tokens.
 */
export function extractImports(path: string, text: string): Extraction {
  try {
    return parseImports(path, text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return parseFlattened(path, text);
  }
}

/** The depths past which a file that overflowed the parser is blanked, one after another. */
const FLATTEN_DEPTHS = [256, 64];

function parseFlattened(path: string, text: string): Extraction {
  for (const depth of FLATTEN_DEPTHS) {
    const flat = flattenDeepNesting(text, depth, scriptKindOf(path) !== ts.ScriptKind.TS);
    if (flat === undefined) break;
    try {
      const extraction = parseImports(path, flat);
      const message = `nested too deeply for the parser (it ran out of stack): the code nested past ${depth} levels was not read, the imports around it were`;
      // The blanked text's own syntax errors describe the blanking, not the file.
      return { ...extraction, problems: [{ code: "parse-error", line: 1, message }] };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  const starts = lineStarts(text);
  const message = "nested too deeply for the parser (it ran out of stack): not parsed, no imports read";
  return { sites: [], problems: [{ code: "parse-error", line: 1, message }], lines: lineCount(starts, text) };
}

function parseImports(path: string, text: string): Extraction {
  const sourceFile = ts.createSourceFile(
    path,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    scriptKindOf(path),
  ) as ParsedSourceFile;
  const sites: ImportSite[] = [];
  const problems: ExtractProblem[] = [];
  const starts = lineStarts(text);
  const lineAt = (position: number): number => lineAtPosition(starts, position);
  const lineOf = (node: TS.Node): number => lineAt(node.getStart(sourceFile));
  const elisionCandidates: { site: ImportSite; names: string[] }[] = [];
  const deep = MAY_CALL_REQUIRE_OR_IMPORT.test(text);
  const isTypeScript = TYPESCRIPT_FILE.test(path);
  const ancestors: TS.Node[] = [];

  const add = (specifier: string, kind: ImportSite["kind"], typeOnly: boolean, node: TS.Node, names: readonly string[] = []): void => {
    const site: ImportSite = { specifier, kind, typeOnly, line: lineOf(node) };
    const sorted = siteNames(names);
    if (sorted !== undefined) site.names = sorted;
    sites.push(site);
  };

  const visitCall = (call: TS.CallExpression): void => {
    const callee = call.expression;
    let kind: ImportSite["kind"] | undefined;
    if (callee.kind === ts.SyntaxKind.ImportKeyword) kind = "dynamic";
    else if (ts.isIdentifier(callee) && callee.text === "require") kind = "require";
    else if (
      ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === "require" &&
      callee.name.text === "resolve"
    ) {
      kind = "require-resolve";
    }
    if (kind === undefined) return;
    if (kind !== "dynamic" && isShadowedRequire(ancestors)) return;
    const argument = call.arguments[0];
    if (argument === undefined) return;
    if (ts.isStringLiteralLike(argument)) {
      add(argument.text, kind, false, call);
    } else {
      const written = kind === "dynamic" ? "import()" : kind === "require" ? "require()" : "require.resolve()";
      problems.push({
        code: "non-literal-import",
        line: lineOf(call),
        message: `${written} with a computed argument \`${argument.getText(sourceFile)}\` cannot be followed statically`,
      });
    }
  };

  const visit = (node: TS.Node): void => {
    if (ts.isImportDeclaration(node)) {
      if (!ts.isStringLiteral(node.moduleSpecifier)) return;
      const clause = node.importClause;
      if (clause === undefined) add(node.moduleSpecifier.text, "side-effect", false, node);
      else {
        const typeOnly = isTypeOnlyImportClause(clause);
        add(node.moduleSpecifier.text, "static", typeOnly, node, clauseNames(clause));
        const namespace = ancestors.length === 1 ? namespaceName(clause) : undefined;
        if (namespace !== undefined) sites[sites.length - 1]!.namespace = namespace;
        const names = boundNames(clause);
        if (!typeOnly && names.length > 0 && isTypeScript) elisionCandidates.push({ site: sites[sites.length - 1]!, names });
      }
      return;
    }
    if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier === undefined || !ts.isStringLiteral(node.moduleSpecifier)) return;
      add(node.moduleSpecifier.text, "re-export", isTypeOnlyExport(node), node, reExportedNames(node));
      return;
    }
    if (ts.isImportEqualsDeclaration(node)) {
      const reference = node.moduleReference;
      if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) {
        add(reference.expression.text, "import-equals", node.isTypeOnly, node);
      }
      return;
    }
    if (!deep) {
      // Only ambient module blocks (`declare module "x" { import … }`) can hold declarations.
      if (ts.isModuleDeclaration(node) || ts.isModuleBlock(node)) descend(node);
      return;
    }
    if (ts.isCallExpression(node)) visitCall(node);
    else if (ts.isImportTypeNode(node)) visitImportType(node);
    descend(node);
  };

  const visitImportType = (node: TS.ImportTypeNode): void => {
    const argument = node.argument;
    if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) {
      add(argument.literal.text, "dynamic", true, node);
    }
  };

  const descend = (node: TS.Node): void => {
    ancestors.push(node);
    ts.forEachChild(node, visit);
    ancestors.pop();
  };

  descend(sourceFile);

  if (elisionCandidates.length > 0) {
    const valueNames = collectValueNames(sourceFile);
    for (const { site, names } of elisionCandidates) {
      if (names.every((name) => !valueNames.has(name))) site.elidable = true;
    }
  }

  for (const reference of sourceFile.referencedFiles) {
    sites.push({ specifier: reference.fileName, kind: "triple-slash", typeOnly: true, line: lineAt(reference.pos) });
  }

  const syntaxErrors = sourceFile.parseDiagnostics ?? [];
  const firstError = syntaxErrors[0];
  if (firstError !== undefined) {
    const more = syntaxErrors.length > 1 ? ` (and ${syntaxErrors.length - 1} more)` : "";
    problems.push({
      code: "parse-error",
      line: lineAt(firstError.start),
      message: ts.flattenDiagnosticMessageText(firstError.messageText, " ") + more,
    });
  }

  const extraction: Extraction = { sites, problems, lines: lineCount(starts, text) };
  const exports = exportTable(sourceFile, text);
  if (exports !== undefined) extraction.exports = exports;
  return extraction;
}

/** `import x, { a as b }` → "default", "a"; a namespace → "*". */
function clauseNames(clause: TS.ImportClause): string[] {
  const names: string[] = [];
  if (clause.name !== undefined) names.push("default");
  const bindings = clause.namedBindings;
  if (bindings !== undefined) {
    if (ts.isNamespaceImport(bindings)) names.push("*");
    else for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
  }
  return names;
}

function namespaceName(clause: TS.ImportClause): string | undefined {
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamespaceImport(bindings) ? bindings.name.text : undefined;
}

/** `export { a as b } from` → "a"; `export * as ns from` → "*"; `export * from` → none. */
function reExportedNames(node: TS.ExportDeclaration): string[] {
  const clause = node.exportClause;
  if (clause === undefined) return [];
  if (ts.isNamespaceExport(clause)) return ["*"];
  return clause.elements.map((element) => (element.propertyName ?? element.name).text);
}

/**
 * The export table of the file's top level, as oxc's module record gives it (oxc/extract-oxc.ts):
 * `export { a }` of an imported `a` passes the import on; `export default x` of an imported `x`
 * too (TypeScript's alias); `import x = require()` is a local binding.
 */
function exportTable(sourceFile: TS.SourceFile, text: string): ExportTable | undefined {
  const bindings = new Map<string, ImportBinding>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.importClause === undefined) continue;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (clause.name !== undefined) bindings.set(clause.name.text, { specifier, imported: "default" });
    const named = clause.namedBindings;
    if (named === undefined) continue;
    if (ts.isNamespaceImport(named)) bindings.set(named.name.text, { specifier, imported: "*" });
    else for (const element of named.elements) bindings.set(element.name.text, { specifier, imported: (element.propertyName ?? element.name).text });
  }
  const table = exportTableBuilder(bindings);
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      const from = statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      if (statement.moduleSpecifier !== undefined && from === undefined) continue;
      if (clause === undefined) {
        if (from !== undefined) table.star(from);
      } else if (ts.isNamespaceExport(clause)) {
        if (from !== undefined) table.reexport(clause.name.text, from, "*");
      } else {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          if (from !== undefined) table.reexport(element.name.text, from, local);
          else table.exportLocal(element.name.text, local);
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      if (statement.isExportEquals === true) table.exportEquals();
      else if (ts.isIdentifier(statement.expression)) table.exportLocal("default", statement.expression.text);
      else table.local("default");
    } else if (hasExportModifier(statement)) {
      for (const name of declaredNames(statement)) table.local(name);
    }
  }
  return table.finish(text);
}

function hasExportModifier(statement: TS.Statement): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

/** The names an exported declaration gives the module: "default" for `export default function …`. */
function declaredNames(statement: TS.Statement): string[] {
  if ((ts.getModifiers(statement as TS.HasModifiers) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) return ["default"];
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  const name = (statement as TS.Statement & { name?: TS.Node }).name;
  return name !== undefined && ts.isIdentifier(name) ? [name.text] : [];
}

function bindingNames(name: TS.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** `import type X`, or `import { type A, type B }` where every binding is a type. */
function isTypeOnlyImportClause(clause: TS.ImportClause): boolean {
  if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return true;
  if (clause.name !== undefined) return false;
  const bindings = clause.namedBindings;
  return (
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

/** `export type { A } from`, or `export { type A, type B } from`. */
function isTypeOnlyExport(node: TS.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((element) => element.isTypeOnly)
  );
}
