/**
 * Is the `require` a call refers to the module function, or a local binding that shadows it?
 * A call is an import only when no enclosing scope declares its own `require` — except a
 * binding made by `createRequire(…)`, which *is* the module function (the usual ESM idiom).
 */
import type { ts as TS } from "ts-morph";
import { ts } from "../typescript/ts.js";

const declaresRequireCache = new WeakMap<TS.Node, boolean>();

export function isShadowedRequire(ancestors: readonly TS.Node[]): boolean {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const scope = ancestors[index]!;
    let declares = declaresRequireCache.get(scope);
    if (declares === undefined) {
      declares = scopeDeclaresRequire(scope);
      declaresRequireCache.set(scope, declares);
    }
    if (declares) return true;
  }
  return false;
}

function scopeDeclaresRequire(scope: TS.Node): boolean {
  if (ts.isFunctionLike(scope)) {
    return scope.parameters.some((parameter) => bindsRequire(parameter.name));
  }
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)) {
    return scope.statements.some(statementDeclaresRequire);
  }
  return false;
}

function statementDeclaresRequire(statement: TS.Statement): boolean {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.some(
      (declaration) => bindsRequire(declaration.name) && !isCreateRequireCall(declaration.initializer),
    );
  }
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
    return statement.name?.text === "require";
  }
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (clause === undefined) return false;
    if (clause.name?.text === "require") return true;
    const bindings = clause.namedBindings;
    if (bindings === undefined) return false;
    if (ts.isNamespaceImport(bindings)) return bindings.name.text === "require";
    return bindings.elements.some((element) => element.name.text === "require");
  }
  return false;
}

function bindsRequire(name: TS.BindingName): boolean {
  if (ts.isIdentifier(name)) return name.text === "require";
  return name.elements.some((element) => !ts.isOmittedExpression(element) && bindsRequire(element.name));
}

/** `createRequire(import.meta.url)` or `module.createRequire(…)`. */
function isCreateRequireCall(initializer: TS.Expression | undefined): boolean {
  if (initializer === undefined || !ts.isCallExpression(initializer)) return false;
  const callee = initializer.expression;
  if (ts.isIdentifier(callee)) return callee.text === "createRequire";
  return ts.isPropertyAccessExpression(callee) && callee.name.text === "createRequire";
}
