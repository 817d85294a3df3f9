/**
 * The cache as memos around the stages: the extraction cache answers by stamp, by content or from
 * the seed, and otherwise parses and remembers; the resolve stage loads no resolver while a
 * holding memo answers every site. (End to end, with the cache file: cache.test.ts.)
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractionCache } from "../../src/cache/extraction-cache.js";
import type { CachedFile } from "../../src/cache/map-cache.js";
import { hashOf, stampOf } from "../../src/cache/stamp.js";
import { extractAll, type ExtractedFile } from "../../src/extract/extract-all.js";
import type { Extraction } from "../../src/extract/types.js";
import { resolveAll, type ResolutionMemo } from "../../src/resolve/resolve-all.js";
import { tempTree } from "../helpers/temp-tree.js";

const A = 'import "./b";\n';
const stored: Extraction = { sites: [{ specifier: "./stored", kind: "static", typeOnly: false, line: 1 }], problems: [], lines: 1 };

/** A memo's answer for `a.ts`, with what it read and parsed on the way. */
async function through(cache: ReturnType<typeof extractionCache>) {
  const calls: string[] = [];
  const result = await cache.extract(
    "a.ts",
    () => {
      calls.push("read");
      return Buffer.from(A);
    },
    () => {
      calls.push("parse");
      return Promise.resolve({ extraction: { sites: [], problems: [], lines: 2 } });
    },
  );
  return { result, calls, entry: cache.entries(["a.ts"])["a.ts"] };
}

describe("the extraction cache, keyed by file", () => {
  const options = (root: string, files: Record<string, CachedFile> | undefined, seed?: Record<string, CachedFile>) =>
    extractionCache({ root, maxFileSize: 1000, stored: files, writes: true, seed });

  it("reuses an entry whose stamp is the file's without reading the file", async () => {
    const root = tempTree({ "a.ts": A });
    const { racy: _racy, ...stamp } = stampOf(join(root, "a.ts"))!;
    const cache = options(root, { "a.ts": { stamp, hash: "not read", extraction: stored } });
    const { result, calls, entry } = await through(cache);
    expect(result).toEqual({ extraction: stored });
    expect(calls).toEqual([]);
    expect(cache.contentHash("a.ts")).toBe("not read");
    expect(entry?.stamp).toBe(stamp);
  });

  it("does not trust a stamp above the size limit: the file is read", async () => {
    const root = tempTree({ "a.ts": A });
    const { racy: _racy, ...stamp } = stampOf(join(root, "a.ts"))!;
    const cache = extractionCache({ root, maxFileSize: 1, stored: { "a.ts": { stamp, hash: hashOf(A), extraction: stored } }, writes: true, seed: undefined });
    expect((await through(cache)).calls).toEqual(["read"]);
  });

  it("reuses an entry with the same bytes, read but not parsed, and stamps it anew", async () => {
    const root = tempTree({ "a.ts": A });
    const cache = options(root, { "a.ts": { stamp: { size: 1, mtime: "1", ctime: "1" }, hash: hashOf(A), extraction: stored } });
    const { result, calls, entry } = await through(cache);
    expect(result).toEqual({ extraction: stored });
    expect(calls).toEqual(["read"]);
    expect(entry?.stamp).toBeNull(); // just written: the stamp is not trusted yet
  });

  it("reuses the seed's extraction of the same path and bytes", async () => {
    const root = tempTree({ "a.ts": A });
    const cache = options(root, undefined, { "a.ts": { stamp: null, hash: hashOf(A), extraction: stored } });
    const { result, calls } = await through(cache);
    expect(result).toEqual({ extraction: stored });
    expect(calls).toEqual(["read"]);
  });

  it("parses a changed file and remembers what it got", async () => {
    const root = tempTree({ "a.ts": A });
    const cache = options(root, { "a.ts": { stamp: null, hash: "other bytes", extraction: stored } });
    const { result, calls, entry } = await through(cache);
    expect(calls).toEqual(["read", "parse"]);
    expect(entry).toEqual({ stamp: null, hash: hashOf(A), extraction: (result as { extraction: Extraction }).extraction });
  });

  it("keeps the entries of files not mapped this run while they exist", () => {
    const root = tempTree({ "kept.ts": "" });
    const entry: CachedFile = { stamp: null, hash: "h", extraction: stored };
    const cache = options(root, { "kept.ts": entry, "gone.ts": entry });
    expect(Object.keys(cache.entries([]))).toEqual(["kept.ts"]);
  });
});

describe("the stages with a memo", () => {
  it("extractAll counts what it parsed, what the memo answered and what it could not read", async () => {
    const root = tempTree({ "a.ts": A, "b.ts": "export {};\n", "c.ts": new Uint8Array([0, 1, 2, 0]) });
    const cache = extractionCache({ root, maxFileSize: 1000, stored: undefined, writes: false, seed: { "a.ts": { stamp: null, hash: hashOf(A), extraction: stored } } });
    const extracted = await extractAll(root, ["a.ts", "b.ts", "c.ts"], { maxFileSize: 1000, memo: cache });
    expect(extracted).toMatchObject({ parsed: 1, reused: 1, failed: 1 });
    expect(extracted.files.map((file) => Object.keys(file))).toEqual([
      ["file", "extraction"],
      ["file", "extraction"],
      ["file", "problem"],
    ]);
  });

  it("resolveAll loads no resolver while a holding memo answers every site, and gives its tsconfig diagnostics", async () => {
    const root = tempTree({ "a.ts": A, "b.ts": "" });
    const files: ExtractedFile[] = [{ file: "a.ts", extraction: stored }];
    const target = { id: "stored.ts", kind: "local" as const };
    const diagnostic = { file: "tsconfig.json", code: "tsconfig-error" as const, message: "as stored" };
    const memo = (answers: boolean): ResolutionMemo => ({
      holds: true,
      tsconfigDiagnostics: [diagnostic],
      recall: () => ({ target: () => (answers ? target : undefined), keepsTypeOnlyImports: null }),
    });
    const recalled = await resolveAll(root, files, { memo: memo(true) });
    expect(recalled).toEqual({
      files: [{ file: "a.ts", extraction: stored, targets: [target], keepsTypeOnlyImports: false }],
      resolvedSites: 0,
      sites: 1,
      tsconfigDiagnostics: [diagnostic],
      aliasDiagnostics: [],
      pythonDiagnostics: [],
      aliasTargets: [],
    });
    expect((recalled.files[0] as { targets: unknown[] }).targets[0]).toBe(target); // the very object: nothing to write

    const resolved = await resolveAll(root, files, { memo: memo(false) });
    expect(resolved).toMatchObject({ resolvedSites: 1, sites: 1, tsconfigDiagnostics: [] });
    expect(resolved.tsconfigFiles).toBeDefined(); // the resolver was loaded
    expect(resolved.files[0]).toMatchObject({ targets: [{ kind: "unresolved" }] });
  });
});
