/**
 * A Python file's extraction goes through the extraction cache like any other: remembered after
 * the first run (kinds and flags as extracted), answered from it in the next without a parse.
 */
import { describe, expect, it } from "vitest";
import { extractionCache } from "../../../src/cache/extraction-cache.js";
import type { CachedFile } from "../../../src/cache/map-cache.js";
import { extractAll } from "../../../src/extract/extract-all.js";
import { tempTree } from "../../helpers/temp-tree.js";
import { describeSites, python } from "./python-helpers.js";

describe("Python in the extraction cache", () => {
  it("stores deferred, type-only and optional sites and the file's problems, and reuses them", async () => {
    const source = python("from typing import TYPE_CHECKING", "if TYPE_CHECKING:", "    import a", "try:", "    import b", "except ImportError:", "    b = None", "def f():", "    import c", "print 'x'");
    const root = tempTree({ "m.py": source });
    const first = extractionCache({ root, maxFileSize: 1 << 20, stored: undefined, writes: true, seed: undefined });
    const parsed = await extractAll(root, ["m.py"], { maxFileSize: 1 << 20, memo: first });
    expect(parsed).toMatchObject({ parsed: 1, reused: 0 });
    const stored = JSON.parse(JSON.stringify(first.entries(["m.py"]))) as Record<string, CachedFile>;
    const second = extractionCache({ root, maxFileSize: 1 << 20, stored, writes: false, seed: undefined });
    const reused = await extractAll(root, ["m.py"], { maxFileSize: 1 << 20, memo: second });
    expect(reused).toMatchObject({ parsed: 0, reused: 1 });
    const extraction = "extraction" in reused.files[0]! ? reused.files[0].extraction : undefined;
    expect(extraction).toEqual("extraction" in parsed.files[0]! ? parsed.files[0].extraction : undefined);
    expect(describeSites(extraction!)).toEqual(["1 static typing [TYPE_CHECKING]", "3 static a type", "5 static b optional", "9 deferred c"]);
    expect(extraction!.problems.map((problem) => `${problem.line} ${problem.code}`)).toEqual(["10 parse-error"]);
  });
});
