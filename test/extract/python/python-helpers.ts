import { extractPython } from "../../../src/extract/python/extract-python.js";
import { loadPythonParser } from "../../../src/extract/python/load-python-parser.js";
import type { Extraction } from "../../../src/extract/types.js";

/** The Python extractor, its parser loaded once for the test file. */
export async function pythonExtractor(): Promise<(path: string, text: string) => Extraction> {
  const parser = await loadPythonParser();
  return (path, text) => extractPython(parser, path, text);
}

/** A site as a compact string: `line kind specifier [names] type optional`. */
export function describeSites(extraction: Extraction): string[] {
  return extraction.sites.map((site) =>
    [
      site.line,
      site.kind,
      site.specifier,
      ...(site.names === undefined ? [] : [`[${site.names.join(",")}]`]),
      ...(site.typeOnly ? ["type"] : []),
      ...(site.optional ? ["optional"] : []),
    ].join(" "),
  );
}

/** Lines joined with `\n`, and a final one. */
export function python(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}
