/**
 * The sites of Python's import statements, one node each: `import a.b, c as d` (a site per
 * module), `from a.b import c, d as e` (a site per imported name, the name as imported, not its
 * alias), `from . import x`, `from ..pkg import *`, `from __future__ import x`. Dotted names are
 * rebuilt from their identifiers (`import a . b` is `a.b`, as Python reads it). A statement the
 * parser recovered without its names (`from a import` before a syntax error) is one site, with
 * no names.
 */
import type { Node } from "web-tree-sitter";

/** A site as the statement gives it; its kind and flags come from where it stands (./contexts.ts). */
export interface StatementSite {
  specifier: string;
  names?: string[];
}

/** The sites of an `import_statement`, `import_from_statement` or `future_import_statement` node. */
export function statementSites(statement: Node): StatementSite[] {
  if (statement.type === "import_statement") {
    return statement.childrenForFieldName("name").flatMap((name) => {
      const module = dottedName(name.type === "aliased_import" ? name.childForFieldName("name") : name);
      return module === undefined ? [] : [{ specifier: module }];
    });
  }
  const specifier = statement.type === "future_import_statement" ? "__future__" : moduleOf(statement.childForFieldName("module_name"));
  if (specifier === undefined) return [];
  const names = importedNames(statement);
  return names.length === 0 ? [{ specifier }] : names.map((name) => ({ specifier, names: [name] }));
}

/** The names a from-import takes, as imported (`c as d` → "c"), or "*", in the order written. */
function importedNames(statement: Node): string[] {
  const names: string[] = [];
  for (const name of statement.childrenForFieldName("name")) {
    const imported = dottedName(name.type === "aliased_import" ? name.childForFieldName("name") : name);
    if (imported !== undefined) names.push(imported);
  }
  if (statement.children.some((child) => child.type === "wildcard_import")) names.push("*");
  return names;
}

/** `a.b` or a relative `..a.b` (its dots counted: `from . . import x` is `..`). */
function moduleOf(node: Node | null): string | undefined {
  if (node === null) return undefined;
  if (node.type !== "relative_import") return dottedName(node);
  let dots = "";
  let module = "";
  for (const child of node.namedChildren) {
    if (child.type === "import_prefix") dots = ".".repeat(child.text.split("").filter((character) => character === ".").length);
    else if (child.type === "dotted_name") module = dottedName(child) ?? "";
  }
  return dots === "" ? undefined : dots + module;
}

/** The identifiers of a `dotted_name`, joined by dots (comments and line continuations between them dropped). */
function dottedName(node: Node | null): string | undefined {
  if (node?.type !== "dotted_name") return undefined;
  const parts = node.namedChildren.filter((child) => child.type === "identifier").map((child) => child.text);
  return parts.length === 0 ? undefined : parts.join(".");
}
