/**
 * Hard inputs: globs crafted to make a backtracking matcher take exponential time. picomatch
 * compiles `**∕*a*a*a*a*a*a*a*a*a*a*a*a*b` to a regular expression that took 49 s against a name
 * of 32 `a`s (and for ever against 200): one config line in a pull request could hang CI.
 * Config globs are matched by glob-matcher.ts instead, with picomatch's answers.
 */
import fc from "fast-check";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { globMatcher, isSimpleGlob } from "../../src/config/glob-matcher.js";
import { globProblem } from "../../src/config/glob-problem.js";
import { runCli } from "../../src/cli/run-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const HOSTILE = "**/*a*a*a*a*a*a*a*a*a*a*a*a*b";

describe("glob matching cannot be made to run for ever", () => {
  // Before the fix each of these was a backtracking regular expression over 10^20 and more ways
  // to split the name: the test would never end. Now each is a handful of passes over the id.
  it.each([
    [HOSTILE, `src/${"a".repeat(200)}.ts`],
    ["*a*a/**/*a*a/*a*b", `${`${"a".repeat(200)}/`.repeat(20)}c`],
    ["**/a/**/a/**/a/**/a/**/b", `${"a/".repeat(2000)}c`],
  ])("%s against a long id matches nothing", (glob, id) => {
    expect(globMatcher([glob])(id)).toBe(false);
  });

  it("check with such a layer glob and such a file name answers", async () => {
    const root = tempTree({
      "layermap.config.json": JSON.stringify({ layers: [{ name: "evil", paths: HOSTILE, optional: true }, { name: "rest", paths: "**" }] }),
      [`src/${"a".repeat(200)}.ts`]: "export const x = 1;\n",
    });
    let stdout = "";
    const status = await runCli(["check", root, "--no-cache"], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true } });
    expect(status).toBe(0);
    expect(stdout).toContain("1 modules in 2 layers");
  });

  it("a workspace pattern in the analysed package.json is matched the same way, and the map answers", async () => {
    // The folder name is 200 `a`s: with the pattern compiled by picomatch, the crawl of workspace folders never ended.
    const root = tempTree({
      "package.json": JSON.stringify({ name: "root", private: true, workspaces: [HOSTILE, "packages/*"] }),
      [`${"a".repeat(200)}/x.ts`]: 'import { y } from "@s/y";\nexport const x = y;\n',
      "packages/y/package.json": JSON.stringify({ name: "@s/y", main: "index.ts" }),
      "packages/y/index.ts": "export const y = 1;\n",
    });
    let stdout = "";
    const status = await runCli(["map", root, "--no-cache", "--format", "edges"], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true } });
    expect(status).toBe(0);
    // The other pattern still finds the workspace package: the import is local.
    expect(stdout).toContain(`${"a".repeat(200)}/x.ts\tpackages/y/index.ts\n`);
  });

  it("a glob only picomatch can match may hold at most two wildcards: one line says so", () => {
    expect(globProblem("!(**/a/**/a/**/b)")).toBe(
      "a glob with ( ), a leading !, nested { } or a range may hold at most 2 wildcards, this one has 3 (matching it could take exponential time): split it, or use only * ** ? [ ] and {a,b}",
    );
    expect(globProblem("@(app|lib)/**")).toBeUndefined();
    expect(globProblem(HOSTILE)).toBeUndefined();
  });
});

describe("the linear matcher answers as picomatch does", () => {
  const piece = fc.constantFrom("a", "b", ".", "-", "*", "**", "?", "[ab]", "[^a]", "[a-c]", "/", "/", "/**/", "{a,b}", "{ab,b}", "*.*", "\\*", "x");
  const segment = fc.constantFrom("a", "b", "ab", "ba", "aa", "bab", ".a", "x", "*", "a-b", "a.b");
  const glob = fc.array(piece, { minLength: 1, maxLength: 7 }).map((pieces) => pieces.join(""));
  const id = fc.array(segment, { minLength: 1, maxLength: 5 }).map((segments) => segments.join("/"));

  it("on every glob it takes (property)", () => {
    fc.assert(
      fc.property(glob, fc.array(id, { minLength: 1, maxLength: 8 }), (pattern, ids) => {
        if (!isSimpleGlob(pattern)) return;
        const expected = picomatch(pattern, { dot: true });
        const actual = globMatcher([pattern]);
        for (const one of ids) expect(actual(one), `${pattern} against ${one}`).toBe(expected(one));
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    ["src/**", ["src", "src/a.ts", "src/a/b.ts"], ["srcx/a.ts", "lib/a.ts"]],
    ["src*/**", ["src/a.ts", "srcx/a.ts"], ["src"]],
    ["**/*.{ts,tsx}", ["a.ts", "x/y/a.tsx", ".hidden/a.ts"], ["a.js", "a.ts/b"]],
    ["packages/*/src/**", ["packages/a/src/x.ts"], ["packages/src/x.ts"]],
    ["a/**/b", ["a/b", "a/x/y/b"], ["a/xb"]],
  ])("%s", (pattern, matched, unmatched) => {
    const matches = globMatcher([pattern]);
    for (const one of matched) expect(matches(one), one).toBe(true);
    for (const one of unmatched) expect(matches(one), one).toBe(false);
  });

  it("globs with groups, negation or nested braces are still matched (by picomatch)", () => {
    expect(isSimpleGlob("@(app|lib)/**")).toBe(false);
    expect(globMatcher(["@(app|lib)/**"])("lib/x.ts")).toBe(true);
    expect(globMatcher(["!(test)/**"])("test/x.ts")).toBe(false);
  });
});
