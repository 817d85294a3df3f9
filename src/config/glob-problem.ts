/**
 * What makes a glob invalid. picomatch accepts nearly any string — an unclosed `[` or `{` is
 * taken literally — so a typo would quietly match nothing, or not what was meant. These are
 * rejected as config errors instead:
 *
 * - an unclosed or unopened `[ ]`, `{ }` or `( )` (a `\` before one makes it literal);
 * - `[!a]`, which picomatch reads as "! or a", not as the negation the shell's glob means;
 * - a `\` used as a folder separator (`src\lib\**`): in a glob it escapes the next character;
 * - an absolute path: globs are matched against ids relative to the root;
 * - more than two wildcards in a glob that only picomatch can match (one with `( )`, a leading
 *   `!`, nested braces or a range): its backtracking regular expression takes time exponential
 *   in the wildcards (`!(**∕a∕**∕a∕**∕b)` ran for seconds on a deep path). Other globs are matched
 *   in linear time (glob-matcher.ts) and may hold any number.
 */
import { isSimpleGlob } from "./glob-matcher.js";

const CLOSERS: Record<string, string> = { "[": "]", "{": "}", "(": ")" };

/** Why the glob is invalid, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  if (glob.startsWith("/") || /^[a-z]:[\\/]/i.test(glob)) {
    return "globs are relative to the root: leave out the leading / (ids are paths like src/app.ts)";
  }
  const open: string[] = [];
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === "\\") {
      const next = glob[index + 1];
      if (next === undefined || /[\w.-]/.test(next)) return 'a "\\" separates nothing in a glob (it escapes the next character): write folders with /';
      index++;
    } else if (char === "[") {
      if (glob[index + 1] === "!") return `"[!" does not negate a class in these globs (it matches "!"): write [^…]`;
      const close = classEnd(glob, index);
      if (close === -1) return `the "[" at ${index + 1} is never closed (write \\[ for a literal one)`;
      index = close;
    } else if (char === "{" || char === "(") {
      open.push(char);
    } else if (char === "}" || char === ")" || char === "]") {
      const opener = open.pop();
      if (opener === undefined || CLOSERS[opener] !== char) {
        return `the "${char}" at ${index + 1} closes ${opener === undefined ? "nothing" : `a "${opener}"`} (write \\${char} for a literal one)`;
      }
    }
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) return `a "${unclosed}" is never closed (write \\${unclosed} for a literal one)`;
  return wildcardProblem(glob);
}

/** The most wildcards a glob left to picomatch may hold. */
const MAX_PICOMATCH_WILDCARDS = 2;

function wildcardProblem(glob: string): string | undefined {
  if (isSimpleGlob(glob)) return undefined;
  // `*`, `**` and the repeating extglob `+(…)`, each a quantifier of picomatch's regular expression.
  const wildcards = (glob.replace(/\\./g, "").match(/\*+|\+\(/g) ?? []).length;
  if (wildcards <= MAX_PICOMATCH_WILDCARDS) return undefined;
  return `a glob with ( ), a leading !, nested { } or a range may hold at most ${MAX_PICOMATCH_WILDCARDS} wildcards, this one has ${wildcards} (matching it could take exponential time): split it, or use only * ** ? [ ] and {a,b}`;
}

/** The index of the `]` that ends the character class opened at `start`, or -1. A `]` first in the class is literal. */
function classEnd(glob: string, start: number): number {
  let index = start + 1;
  if (glob[index] === "^") index++;
  if (glob[index] === "]") index++;
  for (; index < glob.length; index++) {
    const posixClass = glob.startsWith("[:", index) ? glob.indexOf(":]", index + 2) : -1;
    if (posixClass !== -1) index = posixClass + 1; // [:alpha:] inside the class
    else if (glob[index] === "\\") index++;
    else if (glob[index] === "]") return index;
  }
  return -1;
}
