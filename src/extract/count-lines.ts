/** The offset at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) starts.push(index + 1);
    else if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    }
  }
  return starts;
}

/**
 * Lines as an editor numbers them: `\n`, `\r\n` and a lone `\r` each end one, and a final line
 * break does not start another line. (TypeScript's own numbering also breaks at U+2028 and
 * U+2029, which editors and GitHub do not: a site's line must be the one a reader sees.)
 * `starts` is lineStarts(text).
 */
export function lineCount(starts: readonly number[], text: string): number {
  if (text.length === 0) return 0;
  return starts[starts.length - 1] === text.length ? starts.length - 1 : starts.length;
}

/** The 1-based line holding `position`. */
export function lineAtPosition(starts: readonly number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
