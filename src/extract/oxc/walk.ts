/**
 * One walk of oxc's ESTree-shaped tree that reads what extract-imports.ts reads from TypeScript's:
 * import, re-export and `import x = require()` declarations (top level, namespaces, `declare
 * module` bodies), and — when the text can hold them (`deep`, the same gate) — `require(…)`,
 * `require.resolve(…)`, `import(…)` and `import("x").T`, in the same order (pre-order, source
 * order), with the same lines and the same non-literal diagnostics. In the same pass, for a
 * TypeScript file, the names used as values (value-names.ts's rule, on this tree).
 *
 * Mapping of TypeScript's rules onto ESTree, where they differ in shape:
 * - a require is shadowed by a scope that declares `require` (require-scope.ts): TypeScript's
 *   function-likes are the function nodes here (their `params`), its Block/ModuleBlock/SourceFile
 *   statement lists are BlockStatement, StaticBlock, TSModuleBlock and Program bodies, with
 *   `export` wrappers looked through;
 * - a value name is any Identifier (or JSXIdentifier: TypeScript's JSX tag and attribute names
 *   are Identifiers) outside a type: type annotations, return types, type arguments, `implements`,
 *   interfaces, type aliases and type-parameter constraints and defaults are types; a type
 *   parameter's own name, as in TypeScript's tree, is not inside a type node and counts;
 *   import declarations are skipped; a constructor's `constructor` key is no Identifier in
 *   TypeScript's tree and is skipped here; PrivateIdentifiers never count.
 * - an instantiation expression (`Request.Class<X>`) uses its expression as a value, as `tsc`'s
 *   emit does, and its type arguments are types (value-names.ts reads TypeScript's
 *   ExpressionWithTypeArguments outside a heritage clause the same way: issue #16's elision bug).
 */
import { visitorKeys } from "oxc-parser";
import { exportTableBuilder, siteNames, type ImportBinding } from "../export-table.js";
import type { ExportTable, ExtractProblem, ImportSite } from "../types.js";

/** The loosest view of an ESTree node this walk needs. */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export interface Candidate {
  site: ImportSite;
  names: string[];
}

export interface WalkOptions {
  /** Look at calls and import types (the text may hold `require` or `import(`). */
  deep: boolean;
  /** Collect value names and elision candidates (a TypeScript file). */
  valueNames: boolean;
  lineAt: (position: number) => number;
  /**
   * The caller reads the sites from the module record and only wants the value names (the tree
   * may be oxc's `astType: "js"` one, without import and export kinds).
   */
  sitesFromRecord?: boolean;
}

export interface Walked {
  sites: ImportSite[];
  problems: ExtractProblem[];
  candidates: Candidate[];
  /** Undefined unless asked for. */
  valueNames: Set<string> | undefined;
}

const keysOf = visitorKeys as Record<string, readonly string[] | undefined>;

/** Keys whose subtree is a type wherever they occur. */
const TYPE_KEYS = new Set(["typeAnnotation", "returnType", "typeArguments", "superTypeArguments", "implements"]);

/** Declarations whose whole subtree is a type. */
const TYPE_DECLARATIONS = new Set(["TSInterfaceDeclaration", "TSTypeAliasDeclaration"]);

/** Nodes whose statement lists TypeScript searches for a `require` declaration. */
const STATEMENT_SCOPES = new Set(["Program", "BlockStatement", "StaticBlock", "TSModuleBlock"]);
/** TypeScript's function-likes that can enclose a call: their parameters can bind `require`. */
const FUNCTION_SCOPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression", "TSDeclareFunction", "TSEmptyBodyFunctionExpression"]);

export function walkProgram(program: Node | object, text: string, options: WalkOptions): Walked {
  const { deep, lineAt } = options;
  const readDeclarations = options.sitesFromRecord !== true;
  const collectValues = options.valueNames;
  const sites: ImportSite[] = [];
  const problems: ExtractProblem[] = [];
  const candidates: Candidate[] = [];
  const valueNames = collectValues ? new Set<string>() : undefined;
  const scopes: Node[] = [];
  const declaresRequire = new Map<Node, boolean>();

  const add = (specifier: string, kind: ImportSite["kind"], typeOnly: boolean, start: number): ImportSite => {
    const site: ImportSite = { specifier, kind, typeOnly, line: lineAt(start) };
    sites.push(site);
    return site;
  };

  const shadowed = (): boolean => {
    for (let index = scopes.length - 1; index >= 0; index--) {
      const scope = scopes[index]!;
      let declares = declaresRequire.get(scope);
      if (declares === undefined) {
        declares = scopeDeclaresRequire(scope);
        declaresRequire.set(scope, declares);
      }
      if (declares) return true;
    }
    return false;
  };

  const visitCall = (call: Node, kind: ImportSite["kind"], argument: Node | undefined): void => {
    if (kind !== "dynamic" && shadowed()) return;
    if (argument === undefined) return;
    const literal = stringValue(argument);
    if (literal !== undefined) add(literal, kind, false, call.start);
    else {
      const written = kind === "dynamic" ? "import()" : kind === "require" ? "require()" : "require.resolve()";
      problems.push({
        code: "non-literal-import",
        line: lineAt(call.start),
        message: `${written} with a computed argument \`${text.slice(argument.start, argument.end)}\` cannot be followed statically`,
      });
    }
  };

  /** An import, re-export or import-equals declaration; `start` is the statement's (an `export` wrapper's). */
  const visitDeclaration = (node: Node, start: number): boolean => {
    switch (node.type) {
      case "ImportDeclaration": {
        const source = node.source as Node;
        const specifiers = node.specifiers as Node[];
        const specifier = source.value as string;
        if (specifiers.length === 0 && !hasImportClause(text, node.start, source.start)) {
          add(specifier, "side-effect", false, start);
          return true;
        }
        const typeOnly =
          node.importKind === "type" ||
          (specifiers.length > 0 && specifiers.every((element) => element.type === "ImportSpecifier" && element.importKind === "type"));
        const site = add(specifier, "static", typeOnly, start);
        const imported: string[] = [];
        for (const element of specifiers) {
          if (element.type === "ImportDefaultSpecifier") imported.push("default");
          else if (element.type === "ImportSpecifier") imported.push(moduleExportName(element.imported as Node));
          else {
            imported.push("*");
            // At the top level, as the module record has it.
            if (scopes.length === 1) site.namespace = (element.local as Node).name as string;
          }
        }
        const importedNames = siteNames(imported);
        if (importedNames !== undefined) site.names = importedNames;
        if (collectValues && !typeOnly) {
          const names: string[] = [];
          for (const element of specifiers) {
            if (element.type === "ImportSpecifier" && element.importKind === "type") continue;
            names.push((element.local as Node).name as string);
          }
          if (names.length > 0) candidates.push({ site, names });
        }
        return true;
      }
      case "ExportNamedDeclaration": {
        const source = node.source as Node | null;
        if (source === null) return false;
        const specifiers = node.specifiers as Node[];
        const typeOnly = node.exportKind === "type" || (specifiers.length > 0 && specifiers.every((element) => element.exportKind === "type"));
        const site = add(source.value as string, "re-export", typeOnly, start);
        const names = siteNames(specifiers.map((element) => moduleExportName(element.local as Node)));
        if (names !== undefined) site.names = names;
        return true;
      }
      case "ExportAllDeclaration": {
        const site = add((node.source as Node).value as string, "re-export", node.exportKind === "type", start);
        if (node.exported !== null) site.names = ["*"];
        return true;
      }
      case "TSImportEqualsDeclaration": {
        const reference = node.moduleReference as Node;
        if (reference.type === "TSExternalModuleReference") {
          const expression = reference.expression as Node;
          if (typeof expression.value === "string") add(expression.value, "import-equals", node.importKind === "type", start);
        }
        return false; // its id is a value name
      }
      default:
        return false;
    }
  };

  /**
   * `inValue`: the node is outside every type (its Identifiers are value names). A subtree
   * that is a type and cannot hold anything else is skipped when the text has no `import(`.
   */
  const visit = (node: Node, inValue: boolean): void => {
    const type = node.type;
    switch (type) {
      case "Identifier":
        if (inValue && valueNames !== undefined) valueNames.add(node.name as string);
        break;
      case "JSXIdentifier":
        if (inValue && valueNames !== undefined) valueNames.add(node.name as string);
        return;
      case "ImportDeclaration":
        if (readDeclarations) visitDeclaration(node, node.start);
        return;
      case "ExportAllDeclaration":
        if (readDeclarations) visitDeclaration(node, node.start);
        break;
      case "ExportNamedDeclaration": {
        if (!readDeclarations) break;
        const declaration = node.declaration as Node | null;
        if (declaration !== null && declaration.type === "TSImportEqualsDeclaration") {
          // `export import x = require("y")`: the statement starts at `export`.
          visitDeclaration(declaration, node.start);
          descend(declaration, inValue);
          return;
        }
        visitDeclaration(node, node.start);
        break;
      }
      case "TSImportEqualsDeclaration":
        if (readDeclarations) visitDeclaration(node, node.start);
        break;
      case "CallExpression":
        if (deep) {
          const callee = node.callee as Node;
          const argument = (node.arguments as Node[])[0];
          if (callee.type === "Identifier" && callee.name === "require") visitCall(node, "require", argument);
          else if (
            callee.type === "MemberExpression" &&
            callee.computed === false &&
            (callee.object as Node).type === "Identifier" &&
            (callee.object as Node).name === "require" &&
            (callee.property as Node).type === "Identifier" &&
            (callee.property as Node).name === "resolve"
          ) {
            visitCall(node, "require-resolve", argument);
          }
        }
        break;
      case "ImportExpression":
        if (deep) visitCall(node, "dynamic", node.source as Node);
        break;
      case "TSTypeQuery":
        if (deep) {
          const name = node.exprName as Node;
          if (name.type === "TSImportType") {
            visitImportType(name, node.start);
            descend(name, false);
            visitKey(node, "typeArguments", false);
            return;
          }
        }
        break;
      case "TSImportType":
        if (deep) visitImportType(node, node.start);
        break;
      case "JSXElement":
      case "JSXFragment":
        if (inValue && valueNames !== undefined) {
          // The classic JSX transform calls React.createElement (or h) without naming it.
          valueNames.add("React");
          valueNames.add("h");
        }
        break;
    }
    if (!deep && !(inValue && valueNames !== undefined) && !CONTAINERS.has(type)) return;
    const scope = STATEMENT_SCOPES.has(type) || FUNCTION_SCOPES.has(type);
    if (scope) scopes.push(node);
    descend(node, inValue);
    if (scope) scopes.pop();
  };

  const visitImportType = (node: Node, start: number): void => {
    const source = node.source as Node;
    if (source.type === "Literal" && typeof source.value === "string") add(source.value, "dynamic", true, start);
  };

  const descend = (node: Node, inValue: boolean): void => {
    const type = node.type;
    const keys = keysOf[type];
    if (keys === undefined) return;
    const valueChildren = inValue && !TYPE_DECLARATIONS.has(type);
    for (const key of keys) {
      let childInValue = valueChildren && !TYPE_KEYS.has(key);
      if (childInValue) {
        if (type === "TSTypeParameter") childInValue = key === "name";
        else if (key === "key" && (node.kind === "constructor") && (type === "MethodDefinition" || type === "TSAbstractMethodDefinition")) childInValue = false;
      }
      visitKey(node, key, childInValue);
    }
  };

  const visitKey = (node: Node, key: string, inValue: boolean): void => {
    const child = node[key];
    if (child === null || typeof child !== "object") return;
    if (Array.isArray(child)) {
      for (const element of child as (Node | null)[]) if (element !== null) visit(element, inValue);
    } else visit(child as Node, inValue);
  };

  visit(program as Node, true);
  return { sites, problems, candidates, valueNames };
}

/** An import or export name: an identifier, or a string (`export { "a-b" as c }`). */
function moduleExportName(node: Node): string {
  return node.type === "Literal" ? String(node.value) : (node.name as string);
}

/** Nodes walked even when neither calls nor value names are looked for: where declarations live. */
const CONTAINERS = new Set(["Program", "ExportNamedDeclaration", "TSModuleDeclaration", "TSModuleBlock"]);

/** A string literal's value, or a template literal's without substitutions (TypeScript's `isStringLiteralLike`). */
function stringValue(node: Node): string | undefined {
  if (node.type === "Literal") return typeof node.value === "string" ? node.value : undefined;
  if (node.type === "TemplateLiteral" && (node.expressions as Node[]).length === 0) {
    const cooked = ((node.quasis as Node[])[0]?.value as { cooked: string | null } | undefined)?.cooked;
    return cooked ?? undefined;
  }
  return undefined;
}

/** `import {} from "x"` (a clause) against `import "x"` (none): the tree has no specifiers for either. */
function hasImportClause(text: string, start: number, sourceStart: number): boolean {
  // Between `import` and the module name: anything but whitespace and comments is a clause.
  const between = text.slice(start + "import".length, sourceStart).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n\r\u2028\u2029]*/g, "");
  return between.trim() !== "";
}

function scopeDeclaresRequire(scope: Node): boolean {
  if (FUNCTION_SCOPES.has(scope.type)) return (scope.params as Node[]).some(bindsRequire);
  return (scope.body as Node[]).some(statementDeclaresRequire);
}

function statementDeclaresRequire(statement: Node): boolean {
  let node = statement;
  if ((node.type === "ExportNamedDeclaration" || node.type === "ExportDefaultDeclaration") && node.declaration != null) {
    node = node.declaration as Node;
  }
  switch (node.type) {
    case "VariableDeclaration":
      return (node.declarations as Node[]).some((declaration) => bindsRequire(declaration.id as Node) && !isCreateRequireCall(declaration.init as Node | null));
    case "FunctionDeclaration":
    case "TSDeclareFunction":
    case "ClassDeclaration":
      return (node.id as Node | null)?.name === "require";
    case "ImportDeclaration":
      return (node.specifiers as Node[]).some((specifier) => (specifier.local as Node).name === "require");
    default:
      return false;
  }
}

function bindsRequire(pattern: Node): boolean {
  switch (pattern.type) {
    case "Identifier":
      return pattern.name === "require";
    case "ObjectPattern":
      return (pattern.properties as Node[]).some((property) => bindsRequire((property.type === "RestElement" ? property.argument : property.value) as Node));
    case "ArrayPattern":
      return (pattern.elements as (Node | null)[]).some((element) => element !== null && bindsRequire(element));
    case "AssignmentPattern":
      return bindsRequire(pattern.left as Node);
    case "RestElement":
      return bindsRequire(pattern.argument as Node);
    case "TSParameterProperty":
      return bindsRequire(pattern.parameter as Node);
    default:
      return false;
  }
}

/** `createRequire(import.meta.url)` or `module.createRequire(…)` (also in an optional chain, which TypeScript's tree does not wrap). */
function isCreateRequireCall(initializer: Node | null): boolean {
  let node = initializer;
  if (node !== null && node.type === "ChainExpression") node = node.expression as Node;
  if (node === null || node.type !== "CallExpression") return false;
  const callee = node.callee as Node;
  if (callee.type === "Identifier") return callee.name === "createRequire";
  return callee.type === "MemberExpression" && callee.computed === false && (callee.property as Node).type === "Identifier" && (callee.property as Node).name === "createRequire";
}

/**
 * The export table read off the tree's top level, for a file whose module record leaves entries
 * out (a specifier with an escaped lone surrogate): what extract-oxc.ts reads off the record.
 */
export function exportTableOfTree(program: Node | object, text: string): { table: ExportTable | undefined } {
  const body = (program as Node).body as Node[];
  const bindings = new Map<string, ImportBinding>();
  for (const statement of body) {
    if (statement.type !== "ImportDeclaration") continue;
    const specifier = (statement.source as Node).value as string;
    for (const element of statement.specifiers as Node[]) {
      const imported = element.type === "ImportDefaultSpecifier" ? "default" : element.type === "ImportNamespaceSpecifier" ? "*" : moduleExportName(element.imported as Node);
      bindings.set((element.local as Node).name as string, { specifier, imported });
    }
  }
  const table = exportTableBuilder(bindings);
  for (const statement of body) {
    switch (statement.type) {
      case "ExportNamedDeclaration": {
        const source = statement.source as Node | null;
        const declaration = statement.declaration as Node | null;
        if (declaration !== null) for (const name of declaredNames(declaration)) table.local(name);
        for (const element of statement.specifiers as Node[]) {
          const name = moduleExportName(element.exported as Node);
          const local = moduleExportName(element.local as Node);
          if (source === null) table.exportLocal(name, local);
          else table.reexport(name, source.value as string, local);
        }
        break;
      }
      case "ExportAllDeclaration": {
        const source = (statement.source as Node).value as string;
        const exported = statement.exported as Node | null;
        if (exported === null) table.star(source);
        else table.reexport(moduleExportName(exported), source, "*");
        break;
      }
      case "ExportDefaultDeclaration": {
        const declaration = statement.declaration as Node;
        if (declaration.type === "Identifier") table.exportLocal("default", declaration.name as string);
        else table.local("default");
        break;
      }
      case "TSExportAssignment":
        table.exportEquals();
        break;
    }
  }
  return { table: table.finish(text) };
}

/** The names an exported declaration binds. */
function declaredNames(declaration: Node): string[] {
  if (declaration.type === "VariableDeclaration") return (declaration.declarations as Node[]).flatMap((declarator) => patternNames(declarator.id as Node));
  const id = declaration.id as Node | null | undefined;
  return id != null && id.type === "Identifier" ? [id.name as string] : [];
}

function patternNames(pattern: Node): string[] {
  switch (pattern.type) {
    case "Identifier":
      return [pattern.name as string];
    case "ObjectPattern":
      return (pattern.properties as Node[]).flatMap((property) => patternNames((property.type === "RestElement" ? property.argument : property.value) as Node));
    case "ArrayPattern":
      return (pattern.elements as (Node | null)[]).flatMap((element) => (element === null ? [] : patternNames(element)));
    case "AssignmentPattern":
      return patternNames(pattern.left as Node);
    case "RestElement":
      return patternNames(pattern.argument as Node);
    default:
      return [];
  }
}
