/** A DOT string: quotes and backslashes escaped, newlines as DOT's centred line break. */
export function quote(text: string): string {
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n")}"`;
}
