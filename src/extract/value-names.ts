/**
 * The names a TypeScript file uses as values. TypeScript drops an import whose bindings are used
 * only as types (unless `verbatimModuleSyntax` keeps it), so such an import is not a runtime
 * dependency — the most common source of false cycles in other tools. This is a syntactic
 * over-approximation: every identifier outside a type position counts as a value use, so an
 * import is called elidable only when none of its names appears as a value anywhere.
 */
import type { ts as TS } from "ts-morph";
import { ts } from "../typescript/ts.js";

export function collectValueNames(sourceFile: TS.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: TS.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.Identifier:
        names.add((node as TS.Identifier).text);
        return;
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
        return;
      case ts.SyntaxKind.HeritageClause: {
        const clause = node as TS.HeritageClause;
        // `class A extends B` uses B as a value; `implements` does not. (Interfaces, whose
        // `extends` is a type, are skipped whole above.)
        if (clause.token === ts.SyntaxKind.ExtendsKeyword) {
          for (const type of clause.types) visit(type.expression);
        }
        return;
      }
      case ts.SyntaxKind.ExpressionWithTypeArguments:
        // Reached only outside a heritage clause (the case above reads those itself, and the
        // tree has no parent pointers to ask): an instantiation expression, `Request.Class<X>`,
        // whose expression is a value — `tsc` keeps its import — and whose type arguments are types.
        visit((node as TS.ExpressionWithTypeArguments).expression);
        return;
      case ts.SyntaxKind.JsxElement:
      case ts.SyntaxKind.JsxSelfClosingElement:
      case ts.SyntaxKind.JsxFragment:
        // The classic JSX transform calls React.createElement (or h) without naming it.
        names.add("React");
        names.add("h");
        break;
    }
    if (ts.isTypeNode(node)) return;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return names;
}

/** The local names an import declaration binds (`x`, `ns`, `a` in `import x, { b as a }`). */
export function boundNames(clause: TS.ImportClause): string[] {
  const names: string[] = [];
  if (clause.name !== undefined) names.push(clause.name.text);
  const bindings = clause.namedBindings;
  if (bindings !== undefined) {
    if (ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
    else for (const element of bindings.elements) if (!element.isTypeOnly) names.push(element.name.text);
  }
  return names;
}
