/**
 * Hard inputs: source files as real repositories hold them — broken, binary, in another
 * encoding, with other line endings, huge, nested past what a recursive parser can hold. Every
 * one gets an answer: its imports, or a diagnostic saying why not; the run always goes on.
 */
import { describe, expect, it } from "vitest";
import { map } from "../../src/api/map.js";
import type { MapDocument } from "../../src/model/document.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const targets = { "a.ts": "export const a = 1;\n", "b.ts": "export const b = 1;\n", "c.ts": "", "d.ts": "", "after.ts": "" };

async function mapped(files: Record<string, string | Uint8Array>, options: { maxFileSize?: number } = {}): Promise<MapDocument> {
  const root = tempTree({ ...targets, ...files });
  return (await map({ root, cache: false, ...options })).document;
}

/** Each import of `file` as `target:line`. */
function importsOf(document: MapDocument, file: string): string[] {
  return document.imports.filter((i) => i.from === file).flatMap((i) => i.sites.map((site) => `${i.to}:${site.line}`));
}

function diagnosticsOf(document: MapDocument, file: string): string[] {
  return document.diagnostics.filter((d) => d.file === file).map((d) => `${d.line ?? "-"} ${d.code}: ${d.message}`);
}

function linesOf(document: MapDocument, file: string): number | undefined {
  return document.modules.find((module) => module.id === file)?.lines;
}

describe("source files that do not parse: a parse-error with file and line, and every import the parser recovers", () => {
  it("half a function", async () => {
    const document = await mapped({ "half.ts": 'import { a } from "./a.js";\nexport function half(x: number) {\n  return x +\n}\nimport { b } from "./b.js";\n' });
    expect(diagnosticsOf(document, "half.ts")).toEqual(["4 parse-error: Expression expected."]);
    expect(importsOf(document, "half.ts")).toEqual(["a.ts:1", "b.ts:5"]);
  });

  it("a file cut off in the middle", async () => {
    const document = await mapped({ "cut.ts": 'import { a } from "./a.js";\nexport function cut(x: number) {\n  if (x > 1) {\n    return a(x +' });
    expect(diagnosticsOf(document, "cut.ts")).toEqual([expect.stringMatching(/^4 parse-error: /)]);
    expect(importsOf(document, "cut.ts")).toEqual(["a.ts:1"]);
  });

  it("merge-conflict markers: the first side is read, the other side skipped as TypeScript (and an editor) does", async () => {
    const text = 'import { a } from "./a.js";\n<<<<<<< HEAD\nimport { b } from "./b.js";\n=======\nimport { c } from "./c.js";\n>>>>>>> feature\nimport "./d.js";\n';
    const document = await mapped({ "merge.ts": text });
    expect(diagnosticsOf(document, "merge.ts")).toEqual(["2 parse-error: Merge conflict marker encountered. (and 2 more)"]);
    expect(importsOf(document, "merge.ts")).toEqual(["a.ts:1", "b.ts:3", "d.ts:7"]);
  });

  it("an unclosed JSX tag", async () => {
    const text = 'import React from "react";\nimport { b } from "./b.js";\nexport const A = () => <div><span>hi</div>;\nimport "./after.js";\n';
    const document = await mapped({ "view.tsx": text });
    expect(diagnosticsOf(document, "view.tsx")).toEqual(["3 parse-error: JSX element 'span' has no corresponding closing tag."]);
    expect(importsOf(document, "view.tsx")).toEqual(["after.ts:4", "b.ts:2", "react:1"]);
  });

  it("code nested deeper than TypeScript's recursive parser can go: the imports around the deep part are read, with their forms", async () => {
    const nested = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    const text = `import { a } from "./a.js";\nexport * from "./b.js";\nconst c = require("./c.js");\nexport const deep = ${nested};\nimport("./d.js");\n`;
    const document = await mapped({ "generated.js": text });
    expect(diagnosticsOf(document, "generated.js")).toEqual([expect.stringMatching(/^1 parse-error: nested too deeply for the parser/)]);
    const kinds = document.imports.filter((i) => i.from === "generated.js").map((i) => `${i.to} ${i.kinds.join(",")} ${i.sites[0]!.line}`);
    expect(kinds).toEqual(["a.ts static 1", "b.ts re-export 2", "c.ts require 3", "d.ts dynamic 5"]);
    expect(linesOf(document, "generated.js")).toBe(5);
  });

  it("code nested too deeply: what only looks like an import (a regular expression, JSX text) is not one", async () => {
    const nested = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    const text = [
      'import { a } from "./a.js";',
      'const pattern = /import("./c.js")/;',
      'const calls = /require("./d.js")/g;',
      'export const view = <div>import "./after.js"</div>;',
      `export const deep = ${nested};`,
      'export const late = import("./b.js");',
      "",
    ].join("\n");
    const document = await mapped({ "generated.tsx": text });
    expect(diagnosticsOf(document, "generated.tsx")).toEqual([expect.stringMatching(/^1 parse-error: nested too deeply for the parser/)]);
    expect(importsOf(document, "generated.tsx")).toEqual(["a.ts:1", "b.ts:6"]);
  });

  it("code nested too deeply: an import inside the deep part is not guessed either", async () => {
    const text = `export const deep = ${"[".repeat(20_000)}/import("./a.js")/, <p>import "./b.js"</p>${"]".repeat(20_000)};\nimport "./c.js";\n`;
    const document = await mapped({ "deep.tsx": text });
    expect(importsOf(document, "deep.tsx")).toEqual(["c.ts:2"]);
  });

  it("code nested too deeply without brackets to set aside: reported unparsed, no import guessed", async () => {
    const document = await mapped({ "negated.ts": `import "./a.js";\nexport const x = ${"!".repeat(100_000)}1;\n` });
    expect(diagnosticsOf(document, "negated.ts")).toEqual(["1 parse-error: nested too deeply for the parser (it ran out of stack): not parsed, no imports read"]);
    expect(importsOf(document, "negated.ts")).toEqual([]);
    expect(linesOf(document, "negated.ts")).toBe(2);
  });
});

describe("code that kills oxc-parser (a native stack overflow, no exception): the run goes on", () => {
  // Shapes the extract stage's nesting scan does not count (it counts brackets and prefix
  // operators): oxc-parser 0.159 dies on each, in the pool's child process, and TypeScript's
  // parser answers for that file alone.
  const shapes: Record<string, string> = {
    "types.ts": `export let x: ${"A<".repeat(20_000)}B${">".repeat(20_000)} = 1;\n`,
    "arrows.ts": `export const f = ${"a=>".repeat(40_000)}1;\n`,
    "conditions.ts": `export const c = ${"a?b:".repeat(40_000)}1;\n`,
    "labels.js": `${"a:".repeat(40_000)};\n`,
  };

  it("through the CLI: every other file's imports are read, the crashing files get a parse-error", () => {
    const files: Record<string, string> = { ...targets, "main.ts": 'import "./a.js";\nimport "./types.js";\nimport "./arrows.js";\n' };
    for (const [name, body] of Object.entries(shapes)) files[name] = `import "./b.js";\n${body}import "./after.js";\n`;
    const root = tempTree(files);
    const run = runBuiltCli(["map", root, "--no-cache", "--format", "json", "--quiet"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout) as MapDocument;
    expect(importsOf(document, "main.ts")).toEqual(["a.ts:1", "arrows.ts:3", "types.ts:2"]);
    for (const name of Object.keys(shapes)) {
      expect(diagnosticsOf(document, name), name).toEqual(["1 parse-error: nested too deeply for the parser (it ran out of stack): not parsed, no imports read"]);
    }
  });
});

describe("bytes that are not UTF-8 text", () => {
  const source = 'import { a } from "./a.js";\r\nimport "./b.js";\r\n';

  it("a binary file under a source extension is not-text, and still a module of the map", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const document = await mapped({ "logo.ts": png, "uses.ts": 'import "./logo.js";\n' });
    expect(diagnosticsOf(document, "logo.ts")).toEqual(["- not-text: binary content under a source extension: not parsed"]);
    expect(importsOf(document, "uses.ts")).toEqual(["logo.ts:1"]);
    expect(document.summary.failedFiles).toBe(1);
  });

  it.each([
    ["UTF-16 little-endian with a byte-order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, "utf16le")])],
    ["UTF-16 big-endian with a byte-order mark", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(source, "utf16le").swap16()])],
    ["UTF-16 little-endian without a byte-order mark", Buffer.from(source, "utf16le")],
    ["UTF-16 big-endian without a byte-order mark", Buffer.from(source, "utf16le").swap16()],
  ])("%s is decoded", async (_name, bytes) => {
    const document = await mapped({ "wide.ts": bytes });
    expect(diagnosticsOf(document, "wide.ts")).toEqual([]);
    expect(importsOf(document, "wide.ts")).toEqual(["a.ts:1", "b.ts:2"]);
    expect(linesOf(document, "wide.ts")).toBe(2);
  });

  it("UTF-32 is reported, not guessed", async () => {
    const utf32 = Buffer.alloc(8 + 4 * 10);
    utf32.set([0xff, 0xfe, 0, 0]);
    const document = await mapped({ "wider.ts": utf32 });
    expect(diagnosticsOf(document, "wider.ts")).toEqual(["- not-text: UTF-32 text: not supported, save the file as UTF-8"]);
  });

  it("Latin-1 (not valid UTF-8) is read as Latin-1: a specifier with an accent still names its file", async () => {
    const latin1 = Buffer.from('// Résumé des entrées\nimport { a } from "./café.js";\n', "latin1");
    const document = await mapped({ "legacy.ts": latin1, "café.ts": "export const a = 1;\n" });
    expect(diagnosticsOf(document, "legacy.ts")).toEqual([]);
    expect(importsOf(document, "legacy.ts")).toEqual(["café.ts:2"]);
  });

  it("a UTF-8 byte-order mark is dropped: the import on line 1 is still on line 1", async () => {
    const document = await mapped({ "bom.ts": `\ufeffimport { a } from "./a.js";\nimport "./b.js";\n` });
    expect(importsOf(document, "bom.ts")).toEqual(["a.ts:1", "b.ts:2"]);
    expect(linesOf(document, "bom.ts")).toBe(2);
  });
});

describe("line endings: lines counted and imports placed as an editor numbers them", () => {
  it.each([
    ["CRLF", "\r\n"],
    ["a lone CR (classic Mac)", "\r"],
    ["LF", "\n"],
  ])("%s", async (_name, eol) => {
    const text = ['import { a } from "./a.js";', "", "// between", 'import "./b.js";', "export {};", ""].join(eol);
    const document = await mapped({ "endings.ts": text });
    expect(importsOf(document, "endings.ts")).toEqual(["a.ts:1", "b.ts:4"]);
    expect(linesOf(document, "endings.ts")).toBe(5);
  });

  it("U+2028 in a string does not shift the lines of the imports after it (TypeScript counts it; editors and GitHub do not)", async () => {
    const document = await mapped({ "separator.ts": 'export const s = "a\u2028b";\nimport "./a.js";\n' });
    expect(importsOf(document, "separator.ts")).toEqual(["a.ts:2"]);
    expect(linesOf(document, "separator.ts")).toBe(2);
  });

  it("an empty file and a file of whitespace: no lines, no diagnostic", async () => {
    const document = await mapped({ "empty.ts": "", "blank.ts": "\n\n  \n" });
    expect(linesOf(document, "empty.ts")).toBe(0);
    expect(linesOf(document, "blank.ts")).toBe(3);
    expect(diagnosticsOf(document, "empty.ts")).toEqual([]);
  });
});

/** Minified code: one line of dense statements, a `require` every so often. */
function minified(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const chunk = `var a${i}=function(e,t){for(var r=0;r<e.length;r++)t+=e[r]|0;return{v:t,k:"k${i}"}},b${i}=${i % 500 === 0 ? 'require("./a.js")' : `a${i}([1,2],3)`};`;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join("");
}

describe("a huge file: skipped with a diagnostic above the size limit, which --max-file-size raises", () => {
  it("10 MB of minified code is too-large by default: not read, and the summary counts it", () => {
    const root = tempTree({ "vendor/bundle.js": minified(10 * 1024 * 1024), "main.ts": 'import "./vendor/bundle.js";\n' });
    // Not read, rather than quick: speed belongs in bench/large-file.mjs, not in a test on a shared machine.
    const run = runBuiltCli(["map", root, "--no-cache", "--verbose"]);
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout) as MapDocument;
    expect(diagnosticsOf(document, "vendor/bundle.js")).toEqual([
      "- too-large: 10 MB, above the 4 MB limit: not parsed (--max-file-size raises the limit)",
    ]);
    expect(importsOf(document, "main.ts")).toEqual(["vendor/bundle.js:1"]);
    expect(run.stderr).toMatch(/0 files failed to parse or read, 1 skipped, 1 diagnostics/);
    expect(run.stderr).toMatch(/^layermap: parse +[\d,]+ ms {2}1 file parsed, /m); // main.ts only
  });

  it("--max-file-size sets the limit both ways", () => {
    const root = tempTree({ "bundle.js": minified(300 * 1024), "a.ts": "" });
    const lowered = runBuiltCli(["map", root, "--no-cache", "--max-file-size", "100kb"]);
    expect(lowered.status).toBe(0);
    expect((JSON.parse(lowered.stdout) as MapDocument).diagnostics).toEqual([
      { file: "bundle.js", code: "too-large", message: "300 KB, above the 100 KB limit: not parsed (--max-file-size raises the limit)" },
    ]);
    const raised = runBuiltCli(["map", root, "--no-cache", "--max-file-size", "1mb"]);
    const document = JSON.parse(raised.stdout) as MapDocument;
    expect(document.diagnostics).toEqual([]);
    expect(new Set(importsOf(document, "bundle.js"))).toEqual(new Set(["a.ts:1"]));
  });

  it("the limit holds when the cache remembers the file from a run with a higher limit", async () => {
    const root = tempTree({ "bundle.js": minified(200 * 1024), "a.ts": "" });
    expect((await map({ root, maxFileSize: 1024 * 1024 })).document.diagnostics).toEqual([]);
    const again = await map({ root, maxFileSize: 100 * 1024 });
    expect(again.document.diagnostics.map((d) => d.code)).toEqual(["too-large"]);
  });
});
