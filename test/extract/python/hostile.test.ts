/**
 * Hostile Python files, through the extract stage (extractAll: reading, then the extractor) or
 * the extractor alone: coding cookies and bytes that are not UTF-8, a byte-order mark, a tab and
 * space mix (TabError), Python 2, NUL bytes, deep nesting, a 1 MB line, an empty file, a file of
 * nothing but a syntax error. Each gives its imports, with a problem and its line where CPython
 * would refuse the file; none throws.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { extractAll, type ExtractedFile } from "../../../src/extract/extract-all.js";
import { decodePythonSource } from "../../../src/extract/python/read-python.js";
import type { Extraction } from "../../../src/extract/types.js";
import { tempTree } from "../../helpers/temp-tree.js";
import { describeSites, python, pythonExtractor } from "./python-helpers.js";

let extract: (path: string, text: string) => Extraction;
beforeAll(async () => {
  extract = await pythonExtractor();
});

const problemsOf = (extraction: Extraction): string[] => extraction.problems.map((problem) => `${problem.line} ${problem.code}: ${problem.message}`);

/** The extract stage over one file of these bytes. */
async function extractFile(bytes: Uint8Array, name = "m.py", maxFileSize = 1 << 20): Promise<ExtractedFile> {
  const root = tempTree({ [name]: bytes });
  const { files } = await extractAll(root, [name], { maxFileSize });
  return files[0]!;
}

async function extractionOf(bytes: Uint8Array, name?: string): Promise<Extraction> {
  const outcome = await extractFile(bytes, name);
  if (!("extraction" in outcome)) throw new Error(`not extracted: ${JSON.stringify(outcome)}`);
  return outcome.extraction;
}

const latin1 = (text: string): Buffer => Buffer.from(text, "latin1");

describe("coding cookies (PEP 263)", () => {
  it("reads a Latin-1 file by its cookie: a non-ASCII module name is the one written", async () => {
    const extraction = await extractionOf(latin1(python("# -*- coding: latin-1 -*-", "import caf\u00e9", "s = '\u0080'")));
    expect(describeSites(extraction)).toEqual(["2 static caf\u00e9"]);
    expect(extraction.problems).toEqual([]);
  });

  it("reads a cookie on the second line after a comment, in the vim form, through TextDecoder", async () => {
    const head = Buffer.from("#!/usr/bin/env python\n# vim: set fileencoding=koi8-r :\nimport ");
    const name = Buffer.from([0xcd, 0xcf, 0xc4, 0xd5, 0xcc, 0xd8]); // "модуль" in KOI8-R
    const extraction = await extractionOf(Buffer.concat([head, name, Buffer.from("\n")]));
    expect(describeSites(extraction)).toEqual(["3 static \u043c\u043e\u0434\u0443\u043b\u044c"]);
    expect(extraction.problems).toEqual([]);
  });

  it("ignores a cookie on the second line when the first is code", () => {
    const read = decodePythonSource(latin1("import a\n# coding: latin-1\nx = '\u00e9'\n"));
    expect(read.ok && read.problems.map((problem) => problem.line)).toEqual([3]);
  });

  it("reports an unknown encoding on the cookie's line and reads the file as the scripts' rule does", async () => {
    const extraction = await extractionOf(Buffer.from(python("# coding: no-such-encoding", "import a")));
    expect(describeSites(extraction)).toEqual(["2 static a"]);
    expect(problemsOf(extraction)).toEqual(["1 parse-error: unknown encoding `no-such-encoding` in the coding cookie: read as UTF-8, else Latin-1"]);
  });

  it("reports bytes the declared encoding rejects, with their line", async () => {
    const bytes = Buffer.concat([Buffer.from("# coding: shift_jis\nimport a\nx = '"), Buffer.from([0x81]), Buffer.from("'\nimport b\n")]);
    const extraction = await extractionOf(bytes);
    expect(describeSites(extraction)).toEqual(["2 static a", "4 static b"]);
    expect(extraction.problems.map((problem) => problem.line)).toEqual([3]);
  });

  it("reads Latin-1 bytes without a cookie as Latin-1, with CPython's refusal as a problem on their line", async () => {
    const extraction = await extractionOf(latin1(python("import a", "# caf\u00e9", "import b")));
    expect(describeSites(extraction)).toEqual(["1 static a", "3 static b"]);
    expect(problemsOf(extraction)).toEqual(["2 parse-error: bytes that are not UTF-8 (0xe9), and no coding cookie declares another encoding: read as Latin-1"]);
  });

  it("drops a UTF-8 byte-order mark, and reports one that contradicts the cookie", async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const plain = await extractionOf(Buffer.concat([bom, Buffer.from("import a\n")]));
    expect([describeSites(plain), plain.problems]).toEqual([["1 static a"], []]);
    const contradicted = await extractionOf(Buffer.concat([bom, Buffer.from("# coding: latin-1\nimport a\n")]));
    expect([describeSites(contradicted), contradicted.problems.map((problem) => problem.line)]).toEqual([["2 static a"], [1]]);
  });
});

describe("what CPython refuses, each a parse-error with its line; the imports kept", () => {
  it("finds a TabError (tabs and spaces that order the indentation differently), not a consistent tab file", () => {
    const mixed = extract("m.py", "import a\nif x:\n\timport b\n        import c\n");
    expect(describeSites(mixed)).toEqual(["1 static a", "3 static b", "4 static c"]);
    expect(problemsOf(mixed)).toEqual(["4 parse-error: syntax error: inconsistent use of tabs and spaces in indentation (Python 3 raises TabError)"]);
    const tabs = extract("m.py", "if x:\n\timport a\n\tif y:\n\t\timport b\n\t\ts = '''\n  \t'''\n");
    expect(tabs.problems).toEqual([]);
    // CPython 3.11 agrees on all three: TabError on line 4, none, TabError on line 4 (a tab then spaces, then two tabs).
    const spacesAfterTab = extract("m.py", "if x:\n\tif y:\n\t    import a\n\t\timport b\n");
    expect(spacesAfterTab.problems.map((problem) => problem.line)).toEqual([4]);
  });

  it("reads a Python 2 file's imports, and says it is Python 2 at its first Python 2 line", () => {
    const source = python(
      "import os, sys",
      "from urllib2 import urlopen",
      "try:",
      "    import cPickle as pickle",
      "except ImportError, e:",
      "    import pickle",
      "print 'hello', os.name",
      "exec 'x = 1'",
      "y = `x`",
      "mode = 0777",
      "s = ur'raw'",
      "def f():",
      "    import string",
    );
    const extraction = extract("m.py", source);
    expect(describeSites(extraction)).toEqual(["1 static os", "1 static sys", "2 static urllib2 [urlopen]", "4 static cPickle optional", "6 static pickle", "13 deferred string"]);
    expect(problemsOf(extraction)).toEqual(["5 parse-error: syntax error: Python 2's `except E, name:` (Python 3 writes `except E as name:`)"]);
  });

  it("recognises each Python 2 form on its own", () => {
    const forms: [string, string][] = [
      ["print 'x'", "print statement"],
      ["exec 'x'", "exec statement"],
      ["y = `x`", "backticks"],
      ["y = 0777", "octal literal `0777`"],
      ["y = 10L", "long literal `10L`"],
      ["y = ur'a'", "string prefix `ur'`"],
      ["if a <> b: pass", "`<>`"],
      ["raise E, 'm'", "`raise E, message`"],
      ["def f(a, (b, c)): pass", "tuple parameter"],
    ];
    for (const [line, says] of forms) {
      const extraction = extract("m.py", python("import a", line));
      expect(describeSites(extraction), line).toEqual(["1 static a"]);
      expect(extraction.problems.length, line).toBe(1);
      expect(extraction.problems[0]!.line, line).toBe(2);
      expect(extraction.problems[0]!.message, line).toContain(says);
    }
    // `print >>f, x` parses in Python 3 (a tuple; print >> f raises TypeError when run): CPython's test_print.py has one.
    for (const line of ["print >>sys.stderr, 'x'", "print('x')", "print (a, b)", "exec(code)", "y = 0o777 + 0 + 00 + 0x1F + 10 + 1e5 + 0j", "s = r'a' + b'b' + rb'c'", "if a != b: pass", "raise E('m') from None"]) {
      expect(extract("m.py", python("import a", line)).problems, line).toEqual([]);
    }
  });

  it("reports the first syntax error and keeps the imports around it", () => {
    const extraction = extract("m.py", python("import a", "def f(:", "    import b", "import c", "x = = 1", "import d"));
    expect(describeSites(extraction)).toEqual(["1 static a", "3 deferred b", "4 static c", "6 static d"]);
    expect(extraction.problems.map((problem) => `${problem.line} ${problem.code}`)).toEqual(["2 parse-error"]);
    expect(extraction.problems[0]!.message).toMatch(/^syntax error/);
  });

  it("reports the error tree-sitter could not get past, not the ERROR node it wrapped the file in", () => {
    // A dedent inside brackets (valid Python, from CPython's test_compile.py, whose 1,776 lines
    // tree-sitter 0.25's grammar wraps in one ERROR node): here the ERROR node spans lines 1–5
    // and holds the one on line 3. The imports are kept even so.
    const source = python("import a", "for x in y:", "    (bar.", "baz)", "    import c");
    const extraction = extract("m.py", source);
    expect(describeSites(extraction)).toEqual(["1 static a", "5 static c"]);
    expect(extraction.problems.map((problem) => problem.line)).toEqual([3]);
  });

  it("gives a file of nothing but a syntax error one problem and no site", () => {
    const extraction = extract("m.py", ")(\n");
    expect(extraction.sites).toEqual([]);
    expect(problemsOf(extraction)).toEqual(["1 parse-error: syntax error: unexpected `)(`"]);
  });

  it("reads a NUL byte past the first 8,000 bytes as a syntax error, and one near the start as not text", async () => {
    const late = await extractionOf(Buffer.from(`import a\n${"# padding\n".repeat(1000)}x = 1\u0000\nimport b\n`));
    expect(describeSites(late)).toEqual(["1 static a", "1003 static b"]);
    expect(late.problems.map((problem) => `${problem.line} ${problem.code}`)).toEqual(["1002 parse-error"]);
    const early = await extractFile(Buffer.from("import a\u0000\n"));
    expect("problem" in early && early.problem.code).toBe("not-text");
  });
});

describe("size and depth", () => {
  it("reads an empty file as no site, no problem, no line", () => {
    expect(extract("m.py", "")).toEqual({ sites: [], problems: [], lines: 0 });
  });

  it("parses 10,000 levels of brackets, and places a call at the bottom of them", () => {
    const depth = 10_000;
    const source = `import a\ndef f():\n    x = ${"[".repeat(depth)}__import__('deep')${"]".repeat(depth)}\n    import b\n`;
    const extraction = extract("m.py", source);
    expect(describeSites(extraction)).toEqual(["1 static a", "3 dynamic deep", "4 deferred b"]);
    expect(extraction.problems.map((problem) => problem.line)).toEqual([3]);
  });

  it("parses 100,000 levels, keeps every import above tree-sitter's query depth, and says CPython refuses the file", () => {
    const depth = 100_000;
    const source = `import a\ndef f():\n    s = '((('\n    x = ${"[".repeat(depth)}__import__('deep')${"]".repeat(depth)}\n    import b\n`;
    const extraction = extract("m.py", source);
    expect(describeSites(extraction)).toEqual(["1 static a", "5 deferred b"]);
    expect(problemsOf(extraction)).toEqual(["4 parse-error: syntax error: more than 200 nested brackets, which CPython refuses (imports nested below 65,535 levels are not read)"]);
  });

  it("parses a 1 MB expression on one line", () => {
    const source = `import a\nx = ${"1 + ".repeat(250_000)}1\ntry:\n    import b\nexcept ImportError:\n    pass\n`;
    expect(source.length).toBeGreaterThan(1_000_000);
    const extraction = extract("m.py", source);
    expect(describeSites(extraction)).toEqual(["1 static a", "4 static b optional"]);
  });

  it("leaves a file above the size limit unparsed (too-large), as for any other file", async () => {
    const outcome = await extractFile(Buffer.from(`import a\n${"x = 1\n".repeat(100)}`), "m.py", 100);
    expect("problem" in outcome && outcome.problem.code).toBe("too-large");
  });
});
