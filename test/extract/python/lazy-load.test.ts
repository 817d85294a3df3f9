/**
 * The Python parser is loaded on the first Python file a run extracts, never for a run over
 * JavaScript and TypeScript alone (a file of its own: vitest gives each test file fresh modules).
 */
import { describe, expect, it } from "vitest";
import { extractAll } from "../../../src/extract/extract-all.js";
import { pythonParserLoaded } from "../../../src/extract/python/load-python-parser.js";
import { tempTree } from "../../helpers/temp-tree.js";

describe("loading tree-sitter", () => {
  it("does not load it for scripts, and loads it for the first Python file", async () => {
    const root = tempTree({ "a.ts": 'import "./b";\n', "b.js": "export {};\n", "c.py": "import os\n", "d.pyi": "import sys\n" });
    await extractAll(root, ["a.ts", "b.js"], { maxFileSize: 1 << 20 });
    expect(pythonParserLoaded()).toBe(false);
    const { files } = await extractAll(root, ["a.ts", "c.py", "d.pyi"], { maxFileSize: 1 << 20 });
    expect(pythonParserLoaded()).toBe(true);
    expect(files.map((file) => ("extraction" in file ? file.extraction.sites.map((site) => `${file.file} ${site.specifier}${site.typeOnly ? " type" : ""}`) : []))).toEqual([
      ["a.ts ./b"],
      ["c.py os"],
      ["d.pyi sys type"],
    ]);
  });
});
