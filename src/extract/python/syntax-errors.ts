/**
 * The first thing in a parsed Python file that CPython would refuse, as one `parse-error`: the
 * first ERROR or MISSING node of tree-sitter's tree, or Python 2 syntax tree-sitter's grammar
 * accepts without complaint (the print statement but `print >>f, x`, the exec statement, `except E, e:`, backticks, `0777`,
 * `10L`, `ur''`, `<>`, `raise E, "m"`, tuple parameters), or a TabError or too many brackets (./logical-lines.ts) —
 * whichever comes first. The imports around it are kept: tree-sitter recovers the statements
 * around an error, and Python 2's imports are Python 3's.
 */
import type { Node } from "web-tree-sitter";
import type { ExtractProblem } from "../types.js";

const SNIPPET_LIMIT = 40;

/**
 * The first ERROR or MISSING node, by descending into the first child that holds an error (no
 * recursion: a tree may be 100,000 levels deep). An ERROR node that holds another is descended
 * into too: tree-sitter's recovery can wrap a whole file in one ERROR node (CPython's
 * test_compile.py: lines 1–1776) around the error it could not get past (line 1335), which is the
 * line worth reporting.
 */
export function firstErrorNode(root: Node): Node | undefined {
  if (!root.hasError) return undefined;
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isMissing) return node;
      if (!cursor.gotoFirstChild()) return node;
      let found = cursor.currentNode.hasError;
      while (!found && cursor.gotoNextSibling()) found = cursor.currentNode.hasError;
      if (!found) return node;
    }
  } finally {
    cursor.delete();
  }
}

/** The message for a tree-sitter error node. */
export function errorNodeMessage(node: Node): string {
  if (node.isMissing) return `syntax error: missing \`${node.type}\``;
  const text = snippet(node.text);
  return text === "" ? "syntax error" : `syntax error: unexpected \`${text}\``;
}

/**
 * What makes a node captured as Python 2 syntax Python 2, or undefined when it is Python 3 after
 * all (a number or a string the query captured to be looked at).
 */
export function python2Message(node: Node): string | undefined {
  switch (node.type) {
    case "print_statement":
      // `print >>f, x` is Python 3 as well: a tuple whose first item shifts the function print (a TypeError when run).
      return node.namedChildren[0]?.type === "chevron" ? undefined : "Python 2's print statement (Python 3 calls print())";
    case "exec_statement":
      return "Python 2's exec statement (Python 3 calls exec())";
    case ",":
      return "Python 2's `except E, name:` (Python 3 writes `except E as name:`)";
    case "<>":
      return "Python 2's `<>` (Python 3 writes `!=`)";
    case "expression_list":
      return "Python 2's `raise E, message` (Python 3 writes `raise E(message)`)";
    case "tuple_pattern":
      return "Python 2's tuple parameter";
    case "integer":
      if (/[jJ]$/.test(node.text)) return undefined;
      if (/^0[0-9_]*[1-9]/.test(node.text)) return `Python 2's octal literal \`${snippet(node.text)}\` (Python 3 writes \`0o…\`)`;
      if (/[lL]$/.test(node.text)) return `Python 2's long literal \`${snippet(node.text)}\``;
      return undefined;
    case "string_start":
      if (node.text.startsWith("`")) return "Python 2's backticks (Python 3 calls repr())";
      if (/^(?:ur|ru)/i.test(node.text)) return `Python 2's string prefix \`${node.text}\``;
      return undefined;
    default:
      return undefined;
  }
}

/** The earliest of the problems found, by line (the tree's own error first on a tie): at most one. */
export function firstProblem(candidates: readonly (ExtractProblem | undefined)[]): ExtractProblem | undefined {
  let first: ExtractProblem | undefined;
  for (const candidate of candidates) if (candidate !== undefined && (first === undefined || candidate.line < first.line)) first = candidate;
  return first;
}

function snippet(text: string): string {
  const line = text.split(/\r?\n|\r/, 1)[0]!.trim();
  return line.length > SNIPPET_LIMIT ? `${line.slice(0, SNIPPET_LIMIT)}…` : line;
}
