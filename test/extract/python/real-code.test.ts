/**
 * The Python extractor on real code nobody here wrote, that every machine running `npm test` has
 * without Python: GYP, the build tool inside the node-gyp that npm ships (58 modules, 1.5 MB:
 * Python 3 with Python 2 leftovers, try/except ImportError, imports in functions), and flatted's
 * Python port in node_modules (a development dependency's). A line scan written here, independent of tree-sitter, finds every
 * `import` and `from … import` statement line outside triple-quoted strings and comments; each
 * must be a site on that line naming the same modules, and every statement site must be on a
 * line the scan found.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Extraction } from "../../../src/extract/types.js";
import { pythonExtractor } from "./python-helpers.js";

const repository = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** npm's own node-gyp, beside the npm of the node running the tests (Unix and Windows layouts). */
function npmGyp(): string | undefined {
  const node = dirname(process.execPath);
  return [join(node, "..", "lib", "node_modules", "npm", "node_modules", "node-gyp", "gyp"), join(node, "node_modules", "npm", "node_modules", "node-gyp", "gyp")].find((folder) =>
    existsSync(folder),
  );
}

function pythonFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".py"))
    .map((file) => join(folder, file))
    .sort();
}

/** Line → the modules of the import statement that starts there, found by scanning lines. */
function scanImportLines(text: string): Map<number, string[]> {
  const found = new Map<number, string[]>();
  let inString: string | undefined;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (inString === undefined) {
      const statement = /^\s*(?:import\s+([\w.\s,]+?)(?:\\|#|;|$)|from\s+([\w.\s]+?)\s+import\b)/.exec(line.replace(/\s+as\s+\w+/g, ""));
      if (statement !== null) {
        const modules = statement[1] === undefined ? [statement[2]!] : statement[1].split(",");
        found.set(index + 1, modules.map((module) => module.replace(/\s+/g, "")).filter((module) => module !== ""));
      }
    }
    // Triple quotes open and close strings; a `#` outside one starts a comment.
    for (let position = 0; position < line.length; position++) {
      if (inString === undefined && line[position] === "#") break;
      if (inString === undefined && line[position] === "\\") position++;
      else if (inString === undefined && (line.startsWith('"""', position) || line.startsWith("'''", position))) {
        inString = line.slice(position, position + 3);
        position += 2;
      } else if (inString !== undefined && line.startsWith(inString, position)) {
        inString = undefined;
        position += 2;
      } else if (inString === undefined && (line[position] === '"' || line[position] === "'")) {
        const quote = line[position];
        position++;
        while (position < line.length && line[position] !== quote) position += line[position] === "\\" ? 2 : 1;
      }
    }
  });
  return found;
}

/** Line → the modules of the statement sites there (a from-import's module once). */
function statementLines(extraction: Extraction): Map<number, string[]> {
  const lines = new Map<number, string[]>();
  for (const site of extraction.sites) {
    if (site.kind === "dynamic") continue;
    const modules = lines.get(site.line) ?? [];
    if (site.names === undefined || !modules.includes(site.specifier)) modules.push(site.specifier);
    lines.set(site.line, modules);
  }
  return lines;
}

let extract: (path: string, text: string) => Extraction;
beforeAll(async () => {
  extract = await pythonExtractor();
});

describe("real Python", () => {
  const gyp = npmGyp();

  it.skipIf(gyp === undefined)("finds every import statement of GYP (npm's node-gyp) on its line, and no other", () => {
    const files = pythonFiles(gyp!);
    expect(files.length).toBeGreaterThan(40);
    let statements = 0;
    const kinds = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const extraction = extract(file, text);
      const scanned = Object.fromEntries(scanImportLines(text));
      expect(Object.fromEntries(statementLines(extraction)), relative(gyp!, file)).toEqual(scanned);
      expect(extraction.problems.filter((problem) => problem.code === "parse-error"), relative(gyp!, file)).toEqual([]);
      statements += Object.keys(scanned).length;
      for (const site of extraction.sites) kinds.add(`${site.kind}${site.optional ? " optional" : ""}`);
    }
    expect(statements).toBeGreaterThan(300);
    // GYP imports in functions and inside try/except ImportError: the scan finds the lines, these the contexts.
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["deferred", "deferred optional", "static"]));
  });

  it("reads flatted's Python port", () => {
    // flatted comes with ESLint (file-entry-cache, flat-cache): package-lock.json places it at the top.
    const file = join(repository, "node_modules", "flatted", "python", "flatted.py");
    const text = readFileSync(file, "utf8");
    const extraction = extract(file, text);
    expect(Object.fromEntries(statementLines(extraction))).toEqual(Object.fromEntries(scanImportLines(text)));
    expect(extraction.sites.length).toBeGreaterThan(0);
    expect(extraction.problems).toEqual([]);
  });
});
