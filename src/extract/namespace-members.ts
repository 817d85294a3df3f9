/**
 * The members a file reads off its namespace imports (`import * as ns` … `ns.x`), asked by the
 * barrels stage for the few namespace imports that name a barrel — not by the extract stage,
 * for which reading every use of a namespace (a walk of the whole tree, types included) would
 * cost every map: effect's sources import nearly every module that way. The file is read again
 * and parsed by TypeScript's parser (this module loads TypeScript: import it only when asked);
 * uses are read as ./namespace-uses.ts reads them.
 */
import { join } from "node:path";
import { ts } from "../typescript/ts.js";
import type { NamespaceUse } from "./export-table.js";
import { namespaceUses } from "./namespace-uses.js";
import { decodeSource, readSourceBytes } from "./read-source.js";
import { scriptKindOf } from "./script-kind.js";

/**
 * How the file `file` (relative to the absolute `root`) uses each of `locals`: a namespace
 * missing from the answer is to be taken whole — the file could not be read again, or was nested
 * too deeply for the parser.
 */
export function readNamespaceMembers(root: string, file: string, locals: ReadonlySet<string>, maxFileSize: number): Map<string, NamespaceUse> {
  const bytes = readSourceBytes(join(root, file), maxFileSize);
  if (!Buffer.isBuffer(bytes)) return new Map();
  const source = decodeSource(bytes);
  if (!source.ok) return new Map();
  try {
    const sourceFile = ts.createSourceFile(file, source.text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKindOf(file));
    return namespaceUses(sourceFile, locals);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return new Map();
  }
}
