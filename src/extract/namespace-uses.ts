/**
 * How a TypeScript syntax tree uses its namespace imports (`import * as ns`): the members read
 * off each (`ns.x`, the type `ns.X`, `<ns.X />`), or "*" once one is used any other way. Read the
 * same way as oxc's tree is in oxc/walk.ts (`namespaceRole`), so both parsers name the same
 * members: property names, labels and export names are not uses; every other identifier is.
 */
import type { ts as TS } from "ts-morph";
import { ts } from "../typescript/ts.js";
import { noteNamespaceUse, type NamespaceUse } from "./export-table.js";
import { scriptKindOf } from "./script-kind.js";

/** The file's text parsed, then its uses read; nested too deeply for the parser: none (each namespace taken whole). */
export function parseNamespaceUses(path: string, text: string, namespaces: ReadonlySet<string>): Map<string, NamespaceUse> {
  try {
    const sourceFile = ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKindOf(path));
    return namespaceUses(sourceFile, namespaces);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return new Map();
  }
}

function namespaceUses(sourceFile: TS.SourceFile, namespaces: ReadonlySet<string>): Map<string, NamespaceUse> {
  const uses = new Map<string, NamespaceUse>();
  const visit = (node: TS.Node, parent: TS.Node): void => {
    if (ts.isIdentifier(node)) {
      if (namespaces.has(node.text)) {
        const role = roleOf(node, parent);
        if (role !== null) noteNamespaceUse(uses, node.text, role);
      }
      return;
    }
    // Its specifiers are the import's own names; `export { … } from` names another module's.
    if (ts.isImportDeclaration(node) || (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined)) return;
    ts.forEachChild(node, (child) => visit(child, node));
  };
  ts.forEachChild(sourceFile, (child) => visit(child, sourceFile));
  return uses;
}

/** A member read off the namespace, null for no use, undefined for a use of the whole. */
function roleOf(identifier: TS.Identifier, parent: TS.Node): string | null | undefined {
  switch (parent.kind) {
    case ts.SyntaxKind.PropertyAccessExpression: {
      const access = parent as TS.PropertyAccessExpression;
      if (access.expression !== identifier) return null;
      return ts.isIdentifier(access.name) ? access.name.text : undefined;
    }
    case ts.SyntaxKind.QualifiedName: {
      const name = parent as TS.QualifiedName;
      return name.left === identifier ? name.right.text : null;
    }
    case ts.SyntaxKind.PropertyAssignment:
    case ts.SyntaxKind.PropertyDeclaration:
    case ts.SyntaxKind.PropertySignature:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.MethodSignature:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return (parent as TS.NamedDeclaration).name === identifier ? null : undefined;
    case ts.SyntaxKind.BindingElement:
      return (parent as TS.BindingElement).propertyName === identifier ? null : undefined;
    case ts.SyntaxKind.ExportSpecifier: {
      const specifier = parent as TS.ExportSpecifier;
      return specifier.propertyName !== undefined && specifier.name === identifier ? null : undefined;
    }
    case ts.SyntaxKind.ImportType:
      return (parent as TS.ImportTypeNode).qualifier === identifier ? null : undefined;
    case ts.SyntaxKind.LabeledStatement:
    case ts.SyntaxKind.BreakStatement:
    case ts.SyntaxKind.ContinueStatement:
    case ts.SyntaxKind.MetaProperty:
    case ts.SyntaxKind.JsxAttribute:
    case ts.SyntaxKind.JsxNamespacedName:
    case ts.SyntaxKind.EnumMember:
    case ts.SyntaxKind.ModuleDeclaration:
    case ts.SyntaxKind.NamespaceExport:
      return null;
    default:
      return undefined;
  }
}
