/**
 * The edges list: the map as one line per import, for the Unix pipes Snakefood made popular
 * (`sfood | sfood-filter | sfood-graph`): `layermap map . --format edges | grep -v test |
 * layermap render - --format svg`. Writer and reader live together so that the round trip
 * (document → edges → document → the same edges) is one file's promise.
 *
 *     from<TAB>to[<TAB>marks]     one import: the importing module, the imported one
 *     module<TAB>                 a local module in no import at all (Snakefood's `(file, None)`)
 *
 * Marks, comma-separated, say what a line alone cannot: the target's kind when it is not a local
 * file (`external`, `builtin`, `unresolved`; `local` for a local file whose id reads like a
 * package, `LICENSE` say), then `type` when every site of the import vanishes at compile time. So a grep on the marks keeps the code's own imports, and the round trip keeps
 * what a diagram needs. Lines are sorted by code unit: the same code gives the same bytes, and
 * two lists compare with `diff`.
 *
 * An id is written escaped, as in a JSON string: a backslash as `\\`, a tab as `\t`, a newline as
 * `\n`, and every other control character visibly (`\u001b`, see model/printable.ts). So a file
 * named with a tab or a newline stays one field, nothing in the list can drive a terminal, and
 * the round trip holds for every id. Reading undoes it; a backslash before anything else is kept
 * as written (`src\lib.ts` in a hand-written list).
 *
 * Reading, a module's kind is: local when it is in the first column (only local modules import);
 * else the kind its mark names; else guessed from the id, for lists written by hand or by other
 * tools — `node:*` is a builtin, `@scope/name` a package, an id with a `/` or a file ending a
 * local file, anything else an external package.
 */
import { compareCodeUnits } from "../model/compare.js";
import type { MapDocument, ModuleKind } from "../model/document.js";
import { UserError } from "../model/errors.js";
import { printable } from "../model/printable.js";

const TYPE_MARK = "type";
const KIND_MARKS: readonly ModuleKind[] = ["external", "builtin", "unresolved", "local"];

export function edgesReport(document: MapDocument): string {
  const kindOf = new Map(document.modules.map((module) => [module.id, module.kind]));
  const inImport = new Set(document.imports.flatMap((edge) => [edge.from, edge.to]));
  const lines = document.imports.map((edge) => {
    const kind = kindOf.get(edge.to) ?? "local";
    const marked = kind !== "local" || guessKind(edge.to) !== "local";
    const marks = [...(marked ? [kind] : []), ...(edge.typeOnly ? [TYPE_MARK] : [])];
    return [escapeId(edge.from), escapeId(edge.to), ...(marks.length > 0 ? [marks.join(",")] : [])].join("\t");
  });
  const alone = document.modules.filter((module) => module.kind === "local" && !inImport.has(module.id)).map((module) => `${escapeId(module.id)}\t`);
  return [...lines, ...alone].sort(compareCodeUnits).map((line) => `${line}\n`).join("");
}

/** An edges list read back: every module with its kind, every import with its plane. */
export interface EdgeList {
  /** Sorted by id. */
  modules: { id: string; kind: ModuleKind }[];
  /** Sorted by from, then to; one per pair of modules. */
  imports: { from: string; to: string; typeOnly: boolean }[];
}

/** Reads an edges list; `name` (a file, or `-` for stdin) starts every error, with the line. */
export function parseEdges(text: string, name: string): EdgeList {
  const marked = new Map<string, { kind: ModuleKind; line: number }>();
  const firstColumn = new Map<string, number>();
  const seen = new Set<string>();
  const imports = new Map<string, { from: string; to: string; typeOnly: boolean }>();

  text.split("\n").forEach((raw, index) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const at = `${name}:${index + 1}`;
    // A blank line is skipped; a line of spaces with a tab is a module whose id is spaces.
    if (line.trim() === "" && !line.includes("\t")) return;
    const fields = line.split("\t");
    const [writtenFrom = "", writtenTo = "", marks = ""] = fields;
    if (fields.length < 2 || fields.length > 3 || writtenFrom === "") {
      throw new UserError(`${at}: expected "from<TAB>to", "from<TAB>to<TAB>marks" or "module<TAB>", got ${JSON.stringify(shorten(line))}`);
    }
    const from = unescapeId(writtenFrom);
    const to = unescapeId(writtenTo);
    seen.add(from);
    if (!firstColumn.has(from)) firstColumn.set(from, index + 1);
    if (to === "") {
      if (marks !== "") throw new UserError(`${at}: a module with no import ("${printable(writtenFrom)}<TAB>") takes no marks`);
      return;
    }
    seen.add(to);
    const { kind, typeOnly } = readMarks(marks, at);
    if (kind !== undefined) {
      const earlier = marked.get(to);
      if (earlier !== undefined && earlier.kind !== kind) {
        throw new UserError(`${at}: ${printable(writtenTo)} is marked ${kind}, but ${earlier.kind} on line ${earlier.line}`);
      }
      marked.set(to, { kind, line: index + 1 });
    }
    const key = JSON.stringify([from, to]);
    const edge = imports.get(key);
    // The same import listed twice (two lists concatenated): it is type-only only if both say so.
    if (edge === undefined) imports.set(key, { from, to, typeOnly });
    else edge.typeOnly &&= typeOnly;
  });

  for (const [id, { kind, line }] of marked) {
    const listed = firstColumn.get(id);
    if (listed !== undefined && kind !== "local") {
      throw new UserError(`${name}:${line}: ${printable(escapeId(id))} is marked ${kind}, but line ${listed} has it in the first column, which holds local modules only`);
    }
  }
  const kindOf = (id: string): ModuleKind => (firstColumn.has(id) ? "local" : (marked.get(id)?.kind ?? guessKind(id)));
  return {
    modules: [...seen].sort(compareCodeUnits).map((id) => ({ id, kind: kindOf(id) })),
    imports: [...imports.values()].sort((a, b) => compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to)),
  };
}

function readMarks(marks: string, at: string): { kind: ModuleKind | undefined; typeOnly: boolean } {
  let kind: ModuleKind | undefined;
  let typeOnly = false;
  for (const mark of marks === "" ? [] : marks.split(",")) {
    const word = mark.trim();
    if (word === TYPE_MARK) typeOnly = true;
    else if (!(KIND_MARKS as readonly string[]).includes(word)) {
      throw new UserError(`${at}: unknown mark ${JSON.stringify(word)} (the marks are ${[...KIND_MARKS, TYPE_MARK].join(", ")})`);
    } else if (kind !== undefined && kind !== word) throw new UserError(`${at}: two kinds, ${kind} and ${word}`);
    else kind = word as ModuleKind;
  }
  return { kind, typeOnly };
}

/**
 * The kind of an unmarked id that imports nothing. layermap marks every target this guess would
 * get wrong, so it only decides lists written by hand or by another tool; a package whose name
 * has a file ending (`chart.js`) needs its `external` mark there.
 * @internal Exported for its unit tests (knip --production ignores the tag).
 */
export function guessKind(id: string): ModuleKind {
  if (id.startsWith("node:")) return "builtin";
  if (/^@[^/]+\/[^/]+$/.test(id)) return "external";
  return id.includes("/") || /\.[A-Za-z0-9]{1,5}$/.test(id) ? "local" : "external";
}

/** An id as one field of the list: backslash, tab, newline and every other control character escaped. */
function escapeId(id: string): string {
  return printable(id.replaceAll("\\", "\\\\"));
}

const ESCAPED = /\\(?:u([0-9a-fA-F]{4})|([\\ntr]))/g;
const SHORT: Readonly<Record<string, string>> = { "\\": "\\", n: "\n", t: "\t", r: "\r" };

/** What `escapeId` wrote, read back; any other backslash stays as it is. */
function unescapeId(field: string): string {
  if (!field.includes("\\")) return field;
  return field.replace(ESCAPED, (_match, hex: string | undefined, short: string | undefined) =>
    hex !== undefined ? String.fromCharCode(Number.parseInt(hex, 16)) : SHORT[short!]!,
  );
}

function shorten(line: string): string {
  return line.length <= 80 ? line : `${line.slice(0, 77)}...`;
}
