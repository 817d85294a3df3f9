/**
 * What `diff` writes of a revision: the mapped root (submodules included) and the manifests and
 * tsconfigs resolution reads, nothing else; a blob it cannot write outside the root does not stop
 * it; and its temporary copy never outlives the run, even an interrupted or killed one.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkoutRevision, openRepository, resolveRevision } from "../../src/explore/diff/git-revisions.js";
import { CLI, runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";
import { commitAll, git } from "./git-repo.js";

const GENERATE = new URL("../../bench/generate.mjs", import.meta.url).pathname;

function filesUnder(folder: string): string[] {
  return (readdirSync(folder, { recursive: true, withFileTypes: true }) as { name: string; parentPath?: string; path?: string; isFile(): boolean }[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath ?? entry.path!, entry.name)).split("\\").join("/"))
    .sort();
}

const scratchFolders = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith("layermap-diff-"));

describe("the files diff writes of a revision", () => {
  it("the mapped root and the manifests and tsconfigs of the tree, not the rest of the repository", () => {
    const repository = tempTree({
      "package.json": "{}",
      "tsconfig.base.json": "{}",
      "apps/web/package.json": "{}",
      "apps/web/tsconfig.json": '{ "extends": "../../tsconfig.base.json" }',
      "apps/web/src/a.ts": 'import "./b.js";\n',
      "apps/web/src/b.ts": "",
      "apps/api/package.json": "{}",
      "apps/api/src/server.ts": "",
      "docs/big.txt": "x".repeat(10_000),
    });
    commitAll(repository, "base", "base");
    const root = join(repository, "apps/web");
    const opened = openRepository(root, "apps/web");
    const folder = join(tempTree({}), "base");
    const written = checkoutRevision(opened, resolveRevision(opened, "base", "apps/web"), folder);
    expect(written).toBe(join(folder, "apps/web"));
    expect(filesUnder(folder)).toEqual([
      "apps/api/package.json",
      "apps/web/package.json",
      "apps/web/src/a.ts",
      "apps/web/src/b.ts",
      "apps/web/tsconfig.json",
      "package.json",
      "tsconfig.base.json",
    ]);
  });

  it("an import that leaves the root resolves alike in the base: the file it reaches is written too", () => {
    const repository = tempTree({
      "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["apps/*", "packages/*"] }),
      "apps/web/package.json": '{ "name": "web" }',
      "apps/web/a.ts": 'import { x } from "@s/lib";\nimport "../../packages/lib/src/index.js";\nexport const y = x;\n',
      "packages/lib/package.json": JSON.stringify({ name: "@s/lib", main: "src/index.ts" }),
      "packages/lib/src/index.ts": "export const x = 1;\n",
      "packages/lib/src/unrelated.ts": "",
    });
    commitAll(repository, "base", "base");
    writeFileSync(join(repository, "apps/web/a.ts"), 'import { x } from "@s/lib";\nimport "../../packages/lib/src/index.js";\nexport const y = x; // changed\n');
    const run = runBuiltCli(["diff", "base", "--root", "apps/web", "--no-cache", "--format", "json"], repository);
    expect(run.stderr).toBe("");
    const diff = JSON.parse(run.stdout);
    expect([diff.imports.added, diff.imports.removed]).toEqual([[], []]);
  });

  it("a blob missing outside the root (a partial clone) is left out; the root is written", () => {
    const repository = tempTree({ "root/a.ts": "", "other/package.json": '{ "name": "other" }' });
    commitAll(repository, "base", "base");
    const blob = git(repository, "rev-parse", "base:other/package.json").trim();
    rmSync(join(repository, ".git/objects", blob.slice(0, 2), blob.slice(2)));
    const opened = openRepository(join(repository, "root"), "root");
    const folder = join(tempTree({}), "base");
    checkoutRevision(opened, resolveRevision(opened, "base", "root"), folder);
    expect(filesUnder(folder)).toEqual(["root/a.ts"]);
  });

  it("a checked-out submodule under the root is written at the revision's commit: its imports are not removed", () => {
    const library = tempTree({ "b.ts": 'import "./c.js";\n', "c.ts": "" });
    commitAll(library, "library", "base");
    const repository = tempTree({ "a.ts": 'import "./lib/b.js";\n' });
    commitAll(repository, "base", "base");
    git(repository, "-c", "protocol.file.allow=always", "submodule", "add", "--quiet", library, "lib");
    git(repository, "commit", "--quiet", "-m", "lib");
    git(repository, "tag", "with-lib");
    writeFileSync(join(repository, "d.ts"), 'import "./a.js";\n');
    const run = runBuiltCli(["diff", "with-lib", "--no-cache", "--format", "json"], repository);
    expect(run.stderr).toBe("");
    const diff = JSON.parse(run.stdout);
    expect(diff.imports.removed).toEqual([]);
    expect(diff.imports.added.map((i: { from: string; to: string }) => `${i.from} -> ${i.to}`)).toEqual(["d.ts -> a.ts"]);
  });
});

describe("the temporary copy", () => {
  it("is removed when the diff is interrupted (SIGINT), and a stale one of a dead run is removed by the next", async () => {
    const repository = tempTree({});
    execFileSync(process.execPath, [GENERATE, "2000", repository]);
    commitAll(repository, "base", "base");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const stale = join(tmpdir(), `layermap-diff-${dead}-stale`);
    mkdirSync(join(stale, "base"), { recursive: true });

    const child = spawn(process.execPath, [CLI, "diff", "base", "--no-cache", "--verbose"], { cwd: repository, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let sent = false;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      // The first map has begun: both revisions' copies are written by then.
      if (!sent && /^layermap: discover/m.test(stderr)) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    const [code] = await new Promise<[number | null]>((resolve) => child.on("exit", (exitCode) => resolve([exitCode])));
    expect(code).toBe(130);
    expect(scratchFolders().filter((name) => name.startsWith(`layermap-diff-${child.pid!}-`))).toEqual([]);
    expect(existsSync(stale)).toBe(false);
  });
});
