import type { ts as TS } from "ts-morph";
import { ts } from "../typescript/ts.js";

/** TypeScript's parser needs to know which dialect a file is: JSX only parses in tsx/jsx/js. */
export function scriptKindOf(path: string): TS.ScriptKind {
  const dot = path.lastIndexOf(".");
  switch (path.slice(dot).toLowerCase()) {
    case ".tsx":
      return ts.ScriptKind.TSX;
    case ".jsx":
      return ts.ScriptKind.JSX;
    case ".js":
    case ".mjs":
    case ".cjs":
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}
