/**
 * What every explore formatter needs beyond its result: the root as the user named it (module
 * ids are printed as paths from the working folder, as `check` prints them, so terminals and
 * editors can open them) and whether to colour. Every id and specifier is printed through
 * `printable`, so a control character in one shows escaped and never reaches the terminal raw.
 */
import { counted } from "../../model/counted.js";
import { createColors } from "picocolors";
import type { ModuleKind } from "../../model/document.js";
import { namesText, pathFrom } from "../../report/check/paths.js";
import { printable } from "../../model/printable.js";
import type { ChainStep } from "../chain-step.js";

export interface FormatOptions {
  root: string;
  colour: boolean;
  /** The result is of the transparent plane (imports through barrels lead to the declaring modules): said in the text and the JSON. */
  throughBarrels?: boolean;
}

type Colors = ReturnType<typeof createColors>;

export interface Printer {
  c: Colors;
  /** A module id as a path from the working folder (packages and builtins as they are), printable. */
  path: (id: string, kind?: ModuleKind) => string;
  /** Any other text from the code, the config or the command line (a specifier, a pattern, a layer), printable. */
  text: (text: string) => string;
  /** `a.ts:12` in colour. */
  at: (id: string, line: number) => string;
  /** `a.ts:12 → b.ts:40 (type) → a.ts`: each step with its line, type-only ones marked, and the barrel it goes through. */
  chain: (steps: readonly ChainStep[]) => string;
  /** The module a step imports, as a path when it is local. */
  target: (step: ChainStep) => string;
  /**
   * A step's import as written and where it leads: `"./b.js" → b.ts`, or, through a barrel,
   * `{ x } from "./index.js" → x is declared in x.ts (via index.ts)`.
   */
  imports: (step: ChainStep) => string;
  /** ` (via src/index.ts)` for a step through a barrel, else nothing. */
  via: (step: ChainStep) => string;
  /** `, barrels seen through` on the transparent plane, else nothing: for a result's headline. */
  plane: string;
  plural: (count: number, word: string, many?: string) => string;
}

export function printer(options: FormatOptions): Printer {
  const c = createColors(options.colour);
  const path = (id: string, kind: ModuleKind = "local"): string => printable(pathFrom(options, id, kind));
  const at = (id: string, line: number): string => c.cyan(`${path(id)}:${line}`);
  const target = (step: ChainStep): string => path(step.to, step.toKind);
  const chain = (steps: readonly ChainStep[]): string => {
    const last = steps[steps.length - 1];
    if (last === undefined) return "";
    const parts = steps.map((step) => `${at(step.from, step.line)}${step.deferred === true ? c.yellow(" (deferred)") : step.typeOnly ? c.yellow(" (type)") : ""}${via(step)}`);
    return [...parts, target(last)].join(" → ");
  };
  const via = (step: ChainStep): string => (step.barrel === undefined ? "" : c.dim(` (via ${path(step.barrel.module)})`));
  const imports = (step: ChainStep): string => {
    const written = `"${printable(step.specifier)}"`;
    if (step.barrel === undefined) return `${written} → ${target(step)}`;
    const { names } = step.barrel;
    const declared = names.length === 1 ? `${printable(names[0]!)} is declared in` : "declared in";
    return `${printable(namesText(names))} from ${written} → ${declared} ${target(step)}${via(step)}`;
  };
  const plane = options.throughBarrels === true ? c.dim(", barrels seen through") : "";
  return { c, path, text: printable, at, chain, target, imports, via, plane, plural: counted };
}

/**
 * Columns padded to their widest cell, left-aligned unless `align` says `r` for that column
 * (numbers); a left-aligned last column is not padded, so lines carry no trailing spaces.
 */
export function table(rows: readonly (readonly string[])[], indent = "  ", align = ""): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, visibleLength(cell))));
  return rows.map((row) =>
    (indent + row.map((cell, index) => {
      const padding = " ".repeat(Math.max(0, widths[index]! - visibleLength(cell)));
      if (align[index] === "r") return padding + cell;
      return index === row.length - 1 ? cell : cell + padding;
    }).join("  ")).trimEnd(),
  );
}

/** What every explore JSON starts with: the root, and `throughBarrels: true` on the transparent plane. */
export function jsonHead(options: FormatOptions): { root: string; throughBarrels?: true } {
  return options.throughBarrels === true ? { root: options.root, throughBarrels: true } : { root: options.root };
}

/** JSON for scripts: two-space indent and a final newline, like every layermap JSON output. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Length without colour codes, so coloured cells line up. */
function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, "").length;
}
