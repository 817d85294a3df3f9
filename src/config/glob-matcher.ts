/**
 * Matches module ids against config globs in time linear in the id (times the glob's length).
 *
 * picomatch compiles a glob to a backtracking regular expression: `**∕*a*a*a*a*a*a*b` against a
 * file name of 32 `a`s took 49 s, and a config line in a pull request could hang CI. Globs made
 * of literals, `?`, `[…]`, `*`, `**` and `{a,b}` lists — nearly every glob a config holds — are
 * matched here instead, segment by segment, without backtracking across wildcards: the same
 * answers as picomatch with `dot: true` (a property test compares the two), in bounded time.
 * Any other glob (`( )` groups, extglobs, a leading `!`, nested braces, ranges) is left to
 * picomatch, and `globProblem` limits its wildcards so that it cannot explode.
 */
import picomatch from "picomatch";

export type IdMatcher = (id: string) => boolean;

/** A matcher of ids for any of `globs`, as `picomatch(globs, { dot: true })` would match them. */
export function globMatcher(globs: readonly string[]): IdMatcher {
  const matchers = globs.map(compileGlob);
  return (id) => matchers.some((matches) => matches(id));
}

/** More expansions than this and a brace list is left to picomatch. */
const MAX_EXPANSIONS = 64;

function compileGlob(glob: string): IdMatcher {
  const simple = simpleGlobs(glob);
  if (simple === undefined) return picomatch(glob, { dot: true });
  const compiled = simple.map(compileSimple);
  if (compiled.some((matcher) => matcher === undefined)) return picomatch(glob, { dot: true });
  return (id) => compiled.some((matches) => matches!(id));
}

/** Whether the linear matcher takes the glob (else picomatch does, with fewer wildcards allowed). */
export function isSimpleGlob(glob: string): boolean {
  const simple = simpleGlobs(glob);
  return simple !== undefined && simple.every((one) => compileSimple(one) !== undefined);
}

/** The brace-free globs `glob` stands for, or undefined when it uses syntax left to picomatch. */
function simpleGlobs(glob: string): string[] | undefined {
  if (glob.startsWith("!") || /(^|[^\\])[()]/.test(glob)) return undefined;
  if (hasLooseGlobstar(glob)) return undefined;
  let expanded = [glob.startsWith("./") ? glob.slice(2) : glob];
  for (;;) {
    const next: string[] = [];
    let changed = false;
    for (const one of expanded) {
      const braces = firstBraces(one);
      if (braces === null) {
        next.push(one);
        continue;
      }
      if (braces === undefined) return undefined;
      changed = true;
      for (const alternative of braces.alternatives) next.push(one.slice(0, braces.start) + alternative + one.slice(braces.end + 1));
    }
    if (next.length > MAX_EXPANSIONS || next.some(hasLooseGlobstar)) return undefined;
    expanded = next;
    if (!changed) return expanded;
  }
}

/** picomatch reads `**` next to anything but a `/` in ways of its own (`**{a,b}` crosses folders). */
function hasLooseGlobstar(glob: string): boolean {
  return /\*\*/.test(glob.replace(/(^|\/)\*\*(?=\/|$)/g, "$1"));
}

/** The first `{a,b}` list: null when there is none, undefined when it is not a flat comma list within one segment. */
function firstBraces(glob: string): { start: number; end: number; alternatives: string[] } | null | undefined {
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index];
    if (char === "\\") index++;
    else if (char === "[") index = Math.max(index, glob.indexOf("]", index + 2));
    else if (char === "{") {
      const alternatives: string[] = [];
      let current = "";
      for (let inner = index + 1; inner < glob.length; inner++) {
        const c = glob[inner]!;
        if (c === "\\") {
          current += c + (glob[inner + 1] ?? "");
          inner++;
        } else if (c === "{" || c === "[") return undefined;
        else if (c === ",") {
          alternatives.push(current);
          current = "";
        } else if (c === "}") {
          alternatives.push(current);
          if (alternatives.length < 2 || alternatives.some((alternative) => alternative.includes("..") || alternative.includes("/"))) return undefined;
          return { start: index, end: inner, alternatives };
        } else current += c;
      }
      return undefined;
    }
  }
  return null;
}

type Token = { kind: "char"; test: (char: string) => boolean } | { kind: "star" };
type Segment = { kind: "globstar" } | { kind: "pattern"; tokens: Token[]; endsWithStar: boolean; onlyStars: boolean };

/** A brace-free glob → a matcher, or undefined when it holds something this matcher does not model. */
function compileSimple(glob: string): IdMatcher | undefined {
  if (glob === "") return undefined;
  const parts = glob.split("/");
  if (parts.some((part) => part === "" || part === "." || part === "..")) return undefined;
  const segments: Segment[] = [];
  for (const part of parts) {
    if (part === "**") {
      if (segments.at(-1)?.kind !== "globstar") segments.push({ kind: "globstar" });
      continue;
    }
    const tokens = segmentTokens(part);
    if (tokens === undefined) return undefined;
    segments.push({ kind: "pattern", tokens, endsWithStar: tokens.at(-1)?.kind === "star", onlyStars: tokens.every((token) => token.kind === "star") });
  }
  // picomatch: a trailing `/**` also matches the folder itself (`src/**` matches `src`), except
  // after a segment that ends with `*` (`src*∕**` does not match `src`).
  const last = segments.length - 1;
  const beforeLast = segments[last - 1];
  const trailingNeedsOne = segments[last]?.kind === "globstar" && beforeLast?.kind === "pattern" && beforeLast.endsWithStar;
  return (id) => matchSegments(segments, id.split("/"), trailingNeedsOne);
}

/** One segment's tokens. */
function segmentTokens(part: string): Token[] | undefined {
  const tokens: Token[] = [];
  for (let index = 0; index < part.length; index++) {
    const char = part[index]!;
    if (char === "*") {
      tokens.push({ kind: "star" });
    } else if (char === "?") tokens.push({ kind: "char", test: () => true });
    else if (char === "\\") {
      const next = part[index + 1];
      if (next === undefined) return undefined;
      tokens.push({ kind: "char", test: (c) => c === next });
      index++;
    } else if (char === "[") {
      const end = classEnd(part, index);
      if (end === -1) return undefined;
      const pattern = picomatch.makeRe(part.slice(index, end + 1), { dot: true });
      tokens.push({ kind: "char", test: (c) => pattern.test(c) });
      index = end;
    } else if (char === "]" || char === "}" || char === "{") return undefined;
    else tokens.push({ kind: "char", test: (c) => c === char });
  }
  return tokens;
}

function classEnd(part: string, start: number): number {
  let index = start + 1;
  if (part[index] === "^" || part[index] === "!") index++;
  if (part[index] === "]") index++;
  for (; index < part.length; index++) {
    if (part.startsWith("[:", index)) {
      const close = part.indexOf(":]", index + 2);
      if (close === -1) return -1;
      index = close + 1;
    } else if (part[index] === "\\") index++;
    else if (part[index] === "]") return index;
  }
  return -1;
}

/**
 * Segments against the id's segments. Between two `**`, a run of patterns matches a fixed number
 * of segments, so placing each run at its first fit is never worse than a later one (the same
 * argument as for `*` within a segment): no backtracking.
 */
function matchSegments(segments: readonly Segment[], names: readonly string[], trailingNeedsOne: boolean): boolean {
  const runs: Extract<Segment, { kind: "pattern" }>[][] = [[]];
  for (const segment of segments) {
    if (segment.kind === "globstar") runs.push([]);
    else runs.at(-1)!.push(segment);
  }
  const fits = (run: readonly Extract<Segment, { kind: "pattern" }>[], at: number): boolean =>
    run.every((segment, offset) => matchSegment(segment, names[at + offset]!));
  if (runs.length === 1) return names.length === runs[0]!.length && fits(runs[0]!, 0);
  const first = runs[0]!;
  const final = runs.at(-1)!;
  if (names.length < first.length + final.length + (trailingNeedsOne && final.length === 0 ? 1 : 0)) return false;
  if (!fits(first, 0)) return false;
  let at = first.length;
  const finalStart = names.length - final.length;
  for (const run of runs.slice(1, -1)) {
    while (at + run.length <= finalStart && !fits(run, at)) at++;
    if (at + run.length > finalStart) return false;
    at += run.length;
  }
  if (trailingNeedsOne && final.length === 0 && at >= names.length) return false;
  return fits(final, finalStart);
}

/** Wildcard matching within one segment: greedy, going back only to the last `*` (O(n·m)). */
function matchSegment(segment: Extract<Segment, { kind: "pattern" }>, name: string): boolean {
  const { tokens } = segment;
  if (segment.onlyStars && name === "") return false;
  let t = 0;
  let n = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (n < name.length) {
    const token = tokens[t];
    if (token?.kind === "star") {
      starAt = t++;
      resumeAt = n;
    } else if (token !== undefined && token.test(name[n]!)) {
      t++;
      n++;
    } else if (starAt !== -1) {
      t = starAt + 1;
      n = ++resumeAt;
    } else return false;
  }
  while (tokens[t]?.kind === "star") t++;
  return t === tokens.length;
}
