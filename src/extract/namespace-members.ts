/**
 * The members a file reads off its namespace imports (`import * as ns` … `ns.x`), asked by the
 * barrels stage for the few namespace imports that name a barrel — not by the extract stage,
 * for which reading every use of a namespace (a walk of the whole tree, types included) would
 * cost every map: effect's sources import nearly every module that way. The file is read again,
 * and, when its text may read a member that matters, parsed by TypeScript's parser (loaded
 * then: ./namespace-uses.ts).
 */
import { join } from "node:path";
import type { NamespaceUse } from "./export-table.js";
import { decodeSource, readSourceBytes } from "./read-source.js";

/**
 * How the file `file` (relative to the absolute `root`) uses each of `locals`, each given with
 * the members that matter (those its module does not declare itself). A namespace missing from
 * the answer is to be taken whole: the file could not be read again, was nested too deeply for
 * the parser, or reads none of the members that matter — told from its text, without parsing it
 * (no `ns.member` anywhere means no such member read; most files are answered so).
 */
export async function readNamespaceMembers(root: string, file: string, locals: ReadonlyMap<string, ReadonlySet<string> | "*">, maxFileSize: number): Promise<Map<string, NamespaceUse>> {
  const bytes = readSourceBytes(join(root, file), maxFileSize);
  if (!Buffer.isBuffer(bytes)) return new Map();
  const source = decodeSource(bytes);
  if (!source.ok) return new Map();
  const wanted = new Set([...locals].filter(([local, members]) => readsAny(source.text, local, members)).map(([local]) => local));
  if (wanted.size === 0) return new Map();
  const { parseNamespaceUses } = await import("./namespace-uses.js");
  return parseNamespaceUses(file, source.text, wanted);
}

/** Whether `local.member` (`local?.member`, spaces and line breaks between) may be in the text for one of `members` ("*": any). */
function readsAny(text: string, local: string, members: ReadonlySet<string> | "*"): boolean {
  let at = text.indexOf(local);
  while (at !== -1) {
    const access = /^\s*\??\.\s*([\p{ID_Continue}$\u200c\u200d]+)/u.exec(text.slice(at + local.length, at + local.length + 256));
    if (access !== null && (members === "*" || members.has(access[1]!))) return true;
    at = text.indexOf(local, at + 1);
  }
  return false;
}
