/**
 * The import sites of a Vue, Svelte or Astro component: each script block (./script-blocks.ts)
 * is given to the extractor of a script file as the component's own text with everything outside
 * the block blanked — every character a space but line breaks — so that offsets, and with them
 * every site's and problem's line, are the component's own. The blocks' extractions are merged
 * in the order of the text.
 */
import { lineAtPosition, lineCount, lineStarts } from "../count-lines.js";
import type { Extraction, ExtractProblem, ImportSite } from "../types.js";
import { findScriptBlocks, type ComponentKind, type ScriptLang } from "./script-blocks.js";

/** Extracts a script file: the path's ending says its dialect. */
export type ScriptExtractor = (path: string, text: string) => Promise<Extraction>;

/**
 * The ending a block is extracted under: it picks the parser's dialect (`.mjs`: JavaScript as an
 * ES module, with JSX, as a component's script always is).
 */
const BLOCK_ENDINGS: Record<ScriptLang, string> = { ts: ".ts", tsx: ".tsx", js: ".mjs", jsx: ".jsx" };

/** A component's extraction; `extractScript` reads each block (oxc, or TypeScript's parser for what oxc rejects). */
export async function extractComponent(kind: ComponentKind, path: string, text: string, extractScript: ScriptExtractor): Promise<Extraction> {
  const starts = lineStarts(text);
  let scripts: ReturnType<typeof findScriptBlocks>;
  try {
    scripts = findScriptBlocks(kind, text);
  } catch (error) {
    // The markup reader recurses into Astro's expressions and Svelte's quoted `{…}`: thousands
    // of levels overflow the stack. The file is reported, the run goes on.
    if (!(error instanceof RangeError)) throw error;
    const message = "nested too deeply for the component reader (it ran out of stack): no script block read";
    return { sites: [], problems: [{ code: "parse-error", line: 1, message }], lines: lineCount(starts, text) };
  }
  const { blocks, problems: blockProblems } = scripts;
  const lineAt = (offset: number): number => lineAtPosition(starts, offset);
  const found: { offset: number; sites: ImportSite[] }[] = [];
  const problems: ExtractProblem[] = blockProblems.map(({ offset, message }) => ({ code: "parse-error", line: lineAt(offset), message }));

  for (const block of blocks) {
    if (block.src !== undefined) {
      // `<script src="./x.ts">`: the component's code is that file's.
      found.push({ offset: block.tag, sites: [{ specifier: block.src, kind: "side-effect", typeOnly: false, line: lineAt(block.tag) }] });
      continue;
    }
    if (/^\s*$/.test(text.slice(block.start, block.end))) continue;
    const extraction = await extractScript(path + BLOCK_ENDINGS[block.lang], blankOutside(text, block.start, block.end));
    // An import a TypeScript compiler would drop as unused may be used by the template (Vue's
    // `<script setup>`, Svelte, Astro): in a component no import is elidable. `import type` stays type-only.
    for (const site of extraction.sites) delete site.elidable;
    found.push({ offset: block.tag, sites: extraction.sites });
    // A parser reports what runs off the end of the block (an unterminated string) at the end of
    // the text, past the blanks: it is where the block ends.
    const last = lineAt(block.end);
    for (const problem of extraction.problems) problems.push(problem.line > last ? { ...problem, line: last } : problem);
  }
  found.sort((a, b) => a.offset - b.offset);
  problems.sort((a, b) => a.line - b.line);
  return { sites: found.flatMap((entry) => entry.sites), problems, lines: lineCount(starts, text) };
}

/** The text with every character outside [start, end) a space, line breaks kept: the same offsets and lines. */
function blankOutside(text: string, start: number, end: number): string {
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}

function blank(text: string): string {
  return text.replace(/[^\n\r]/g, " ");
}
