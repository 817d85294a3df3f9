/**
 * Python's imports by call: `importlib.import_module("a.b")`, `import_module("a.b")` (imported
 * from importlib), `__import__("a.b")`. A literal module name is a `dynamic` site; a relative one
 * is taken relative to the package argument when that is `__package__` or `__name__` (the site
 * keeps its dots: `.x`) or a literal (`import_module(".x", "a.b")` is `a.b.x`); `__import__`'s
 * `level` adds the dots. Anything computed is a `non-literal-import` problem with its line.
 */
import type { Node } from "web-tree-sitter";

export type CallOutcome = { specifier: string } | { problem: string } | undefined;

/** The names a file binds to the importlib module and to its import_module function. */
export interface ImportlibNames {
  module: ReadonlySet<string>;
  importModule: ReadonlySet<string>;
}

const CALLED_AS_TEXT_LIMIT = 80;

/** What the call `call` (callee and arguments captured by the query) imports, or undefined when it is no import. */
export function dynamicImport(call: Node, names: ImportlibNames): CallOutcome {
  const callee = call.childForFieldName("function");
  const argumentList = call.childForFieldName("arguments");
  if (callee === null || argumentList === null) return undefined;
  const which = importFunction(callee, names);
  if (which === undefined) return undefined;
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  for (const argument of argumentList.namedChildren) {
    if (argument.type === "comment") continue;
    if (argument.type === "keyword_argument") {
      const name = argument.childForFieldName("name")?.text;
      const value = argument.childForFieldName("value");
      if (name !== undefined && value !== null) keywords.set(name, value);
    } else positional.push(argument);
  }
  const nameNode = positional[0] ?? keywords.get("name");
  if (nameNode === undefined) return undefined;
  const written = `${which}()`;
  const name = literalString(nameNode);
  if (name === undefined || name === "") {
    return { problem: `${written} with a computed argument \`${shortText(nameNode)}\` cannot be followed statically` };
  }
  if (which === "__import__") {
    const levelNode = positional[4] ?? keywords.get("level");
    const level = levelNode === undefined ? 0 : levelNode.type === "integer" ? Number(levelNode.text) : NaN;
    if (!Number.isInteger(level) || level < 0) return { problem: `${written} with a computed level \`${shortText(levelNode!)}\` cannot be followed statically` };
    return { specifier: ".".repeat(level) + name };
  }
  if (!name.startsWith(".")) return { specifier: name };
  const packageNode = positional[1] ?? keywords.get("package");
  if (packageNode === undefined) return { problem: `${written} of the relative name \`${name}\` without a package: Python raises TypeError` };
  if (packageNode.type === "identifier" && (packageNode.text === "__package__" || packageNode.text === "__name__")) return { specifier: name };
  const anchor = literalString(packageNode);
  if (anchor === undefined) return { problem: `${written} of \`${name}\` relative to a computed package \`${shortText(packageNode)}\` cannot be followed statically` };
  return { specifier: absoluteName(name, anchor) ?? name };
}

/** "import_module" or "__import__" when the callee is one of them, as this file names them. */
function importFunction(callee: Node, names: ImportlibNames): string | undefined {
  if (callee.type === "identifier") {
    if (callee.text === "__import__") return "__import__";
    return names.importModule.has(callee.text) ? "import_module" : undefined;
  }
  if (callee.type !== "attribute") return undefined;
  const object = callee.childForFieldName("object");
  const attribute = callee.childForFieldName("attribute")?.text;
  if (object?.type !== "identifier") return undefined;
  if (attribute === "import_module" && names.module.has(object.text)) return "import_module";
  if (attribute === "__import__" && (object.text === "builtins" || names.module.has(object.text))) return "__import__";
  return undefined;
}

/**
 * The value of a string literal without interpolation or escapes (`"a.b"`, `f"a.b"`, `"a" "b"`),
 * or undefined: a byte string, a computed one, anything else.
 */
function literalString(node: Node): string | undefined {
  const parts = node.type === "concatenated_string" ? node.namedChildren : [node];
  let value = "";
  for (const part of parts) {
    if (part.type !== "string") return undefined;
    for (const child of part.namedChildren) {
      if (child.type === "string_start") {
        if (/[bB]/.test(child.text)) return undefined;
      } else if (child.type === "string_content") {
        if (child.namedChildCount > 0) return undefined;
        value += child.text;
      } else if (child.type !== "string_end") return undefined;
    }
  }
  return value;
}

/** importlib's resolution of a relative name against a literal package (`..x` from `a.b.c` is `a.b.x`). */
function absoluteName(name: string, anchor: string): string | undefined {
  const dots = /^\.+/.exec(name)![0].length;
  const parts = anchor.split(".");
  if (dots - 1 >= parts.length) return undefined;
  const base = parts.slice(0, parts.length - (dots - 1)).join(".");
  const rest = name.slice(dots);
  return rest === "" ? base : `${base}.${rest}`;
}

/** A node's text for a message: one line, at most CALLED_AS_TEXT_LIMIT characters. */
function shortText(node: Node): string {
  const text = node.text.replace(/\s+/g, " ");
  return text.length > CALLED_AS_TEXT_LIMIT ? `${text.slice(0, CALLED_AS_TEXT_LIMIT)}…` : text;
}
