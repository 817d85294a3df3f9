/**
 * The contract `src/typescript/load-typescript.ts` relies on, checked against the installed
 * ts-morph so an upgrade that breaks it fails here, not in a user's run: the file it loads by
 * path is the TypeScript ts-morph itself uses — one compiler in the process, whichever loads
 * first. ts-morph re-exports it wrapped in a namespace object of its own, so the check is that
 * its functions and enums are the very same objects — and loading it through V8's code cache
 * gives the same compiler as a plain require.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const LOADER = fileURLToPath(new URL("../../dist/typescript/load-typescript.js", import.meta.url));
const require = createRequire(import.meta.url);
const home = mkdtempSync(join(tmpdir(), "layermap-ts-contract-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Runs a module script in a fresh Node, with the user cache folder in a temporary place. */
function run(script: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, XDG_CACHE_HOME: home } });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

describe("the TypeScript layermap loads", () => {
  it("is declared: @ts-morph/common is a dependency at the version ts-morph depends on", () => {
    const ours = require("../../package.json") as { dependencies: Record<string, string> };
    const tsMorph = require("ts-morph/package.json") as { dependencies: Record<string, string> };
    expect(ours.dependencies["@ts-morph/common"]).toBe(tsMorph.dependencies["@ts-morph/common"]);
  });

  it.each([
    ["loaded first", "const { loadTypeScript } = await import(LOADER); const ours = loadTypeScript(); const { ts } = await import('ts-morph');"],
    ["loaded after ts-morph", "const { ts } = await import('ts-morph'); const { loadTypeScript } = await import(LOADER); const ours = loadTypeScript();"],
  ])("is the very module ts-morph uses, %s", (_name, load) => {
    const result = run(`const LOADER = ${JSON.stringify(LOADER)}; ${load} console.log(JSON.stringify({ same: ours.createSourceFile === ts.createSourceFile && ours.SyntaxKind === ts.SyntaxKind && ours.sys === ts.sys, version: ours.version, parses: typeof ours.createSourceFile }));`);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ same: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/), parses: "function" });
  });

  it("through V8's code cache, is the same compiler as without it, and the second load uses the cache", () => {
    // The same script both times: the cache is keyed by Node's flags, \`-e\` and its text included.
    const script = () =>
      `const LOADER = ${JSON.stringify(LOADER)}; const m = await import(LOADER); m.useCompileCache(true); const ts = m.loadTypeScript(); const { ts: theirs } = await import('ts-morph'); const warning = m.saveCompileCache(); const out = ts.transpileModule('const a: number = 1; export { a };', { compilerOptions: { module: ts.ModuleKind.ESNext } }).outputText; console.log(JSON.stringify({ same: ts.createSourceFile === theirs.createSourceFile && ts.SyntaxKind === theirs.SyntaxKind, warning: warning ?? null, out }));`;
    const first = run(script());
    const caches = readdirSync(join(home, "layermap")).filter((name) => name.startsWith("v8-typescript-"));
    expect(caches).toHaveLength(1);
    const written = statSync(join(home, "layermap", caches[0]!)).mtimeMs;
    const second = run(script());
    // Accepted by V8, the cache is not written again.
    expect(statSync(join(home, "layermap", caches[0]!)).mtimeMs).toBe(written);
    expect(first.stderr).toBe("");
    expect(second.stderr).toBe("");
    const [a, b] = [JSON.parse(first.stdout), JSON.parse(second.stdout)];
    expect(a).toMatchObject({ same: true, warning: null });
    expect(b).toMatchObject({ same: true, warning: null });
    expect(b.out).toBe(a.out);
    expect(a.out).toContain("const a = 1;");
  });
});
