/**
 * Hard inputs: what a file system holds besides plain files — paths that cannot be read, files
 * that vanish mid-run, symbolic links (broken, looping, leading out of the root), pipes, deep
 * trees and odd names. Symbolic links are never followed: each one that would have been mapped is
 * a `symlink` diagnostic saying where it points, and the summary counts it as skipped.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { map } from "../../src/api/map.js";
import type { MapDocument } from "../../src/model/document.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";
import { openToOthers, permissionsUntestable, runCliUnprivileged } from "../helpers/unprivileged.js";

/** A file discovery finds but that is gone by the time it is read: the race, made certain. */
const ghost = vi.hoisted(() => ({ file: undefined as string | undefined }));
vi.mock("../../src/discover/discover-files.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/discover/discover-files.js")>();
  return {
    ...original,
    discoverSources: (options: Parameters<typeof original.discoverSources>[0]) => {
      const found = original.discoverSources(options);
      return ghost.file === undefined ? found : { ...found, files: [...found.files, ghost.file].sort() };
    },
  };
});

async function mapped(root: string): Promise<MapDocument> {
  return (await map({ root, cache: false })).document;
}

function diagnostics(document: MapDocument): string[] {
  return document.diagnostics.map((d) => `${d.file}${d.line === undefined ? "" : `:${d.line}`} ${d.code}: ${d.message}`);
}

const localIds = (document: MapDocument): string[] => document.modules.filter((m) => m.kind === "local").map((m) => m.id);

describe("paths that cannot be read", () => {
  it.skipIf(permissionsUntestable)("an unreadable file (chmod 000) is a read-error; the rest is mapped", () => {
    const root = tempTree({ "secret.ts": 'import "./a.js";\n', "a.ts": "", "main.ts": 'import "./secret.js";\n' });
    openToOthers(root);
    chmodSync(join(root, "secret.ts"), 0o000);
    const run = runCliUnprivileged(["map", root, "--no-cache"]);
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout) as MapDocument;
    expect(diagnostics(document)).toEqual(["secret.ts read-error: permission denied (EACCES)"]);
    expect(document.imports.map((i) => `${i.from} → ${i.to}`)).toEqual(["main.ts → secret.ts"]);
    expect(run.stderr).toMatch(/, 1 files failed to parse or read, 0 skipped, 1 diagnostics/);
  });

  it.skipIf(permissionsUntestable)("an unreadable folder (chmod 000) is a read-error naming the folder; the walk goes on", () => {
    const root = tempTree({ "locked/inside.ts": "", "open/a.ts": 'import "../locked/inside.js";\n' });
    openToOthers(root);
    chmodSync(join(root, "locked"), 0o000);
    try {
      const run = runCliUnprivileged(["map", root, "--no-cache"]);
      expect(run.status).toBe(0);
      const document = JSON.parse(run.stdout) as MapDocument;
      expect(diagnostics(document)).toEqual([
        "locked read-error: permission denied (EACCES): the folder is not mapped",
        'open/a.ts:1 unresolved: cannot resolve "../locked/inside.js": no such file',
      ]);
      expect(localIds(document)).toEqual(["open/a.ts"]);
      expect(run.stderr).toMatch(/, 1 files failed to parse or read, /);
    } finally {
      chmodSync(join(root, "locked"), 0o755);
    }
  });

  it.skipIf(permissionsUntestable)("an unreadable root exits 2 with one line", () => {
    const root = tempTree({ "a.ts": "" });
    chmodSync(root, 0o000);
    try {
      const run = runCliUnprivileged(["map", root, "--no-cache"]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^layermap: error: .+: (cannot list the folder \(EACCES\)|no such folder)\n$/);
    } finally {
      chmodSync(root, 0o755);
    }
  });

  it("a file that disappears between discovery and reading is a read-error that says so", async () => {
    const root = tempTree({ "main.ts": 'import "./gone.js";\n' });
    ghost.file = "gone.ts";
    try {
      const document = await mapped(root);
      expect(diagnostics(document)).toEqual([
        "gone.ts read-error: the file disappeared after it was found (ENOENT)",
        'main.ts:1 unresolved: cannot resolve "./gone.js": no such file',
      ]);
      expect(document.summary.failedFiles).toBe(1);
    } finally {
      ghost.file = undefined;
    }
  });
});

describe("symbolic links are not followed, and each is reported", () => {
  it("a broken symbolic link says so, not ENOENT", async () => {
    const root = tempTree({ "a.ts": "" });
    symlinkSync("missing.ts", join(root, "broken.ts"));
    const document = await mapped(root);
    expect(diagnostics(document)).toEqual(["broken.ts symlink: broken symbolic link (to missing.ts, which does not exist): not mapped"]);
    expect(localIds(document)).toEqual(["a.ts"]);
  });

  it("a symbolic link loop (a link to itself, two links to each other) ends, reported", async () => {
    const root = tempTree({ "a.ts": "" });
    symlinkSync("self.ts", join(root, "self.ts"));
    symlinkSync("pong.ts", join(root, "ping.ts"));
    symlinkSync("ping.ts", join(root, "pong.ts"));
    const document = await mapped(root);
    expect(diagnostics(document)).toEqual([
      "ping.ts symlink: symbolic link loop (to pong.ts): not followed",
      "pong.ts symlink: symbolic link loop (to ping.ts): not followed",
      "self.ts symlink: symbolic link loop (to self.ts): not followed",
    ]);
  });

  it("a link to a file outside the root is not followed: the outside file's imports are not in the map", async () => {
    const outside = tempTree({ "elsewhere.ts": 'import "node:fs";\n' });
    const root = tempTree({ "a.ts": "" });
    symlinkSync(join(outside, "elsewhere.ts"), join(root, "linked.ts"));
    const document = await mapped(root);
    expect(diagnostics(document)).toEqual([`linked.ts symlink: symbolic link to a file outside the root (${join(outside, "elsewhere.ts")}): not followed`]);
    expect(document.modules.map((m) => m.id)).toEqual(["a.ts"]);
  });

  it("a link to a folder outside the root is not descended into", async () => {
    const outside = tempTree({ "lib/x.ts": "", "lib/y.ts": "" });
    const root = tempTree({ "src/a.ts": "" });
    symlinkSync(join(outside, "lib"), join(root, "src/vendor"));
    const document = await mapped(root);
    expect(diagnostics(document)).toEqual([`src/vendor symlink: symbolic link to a folder outside the root (${join(outside, "lib")}): not followed`]);
    expect(localIds(document)).toEqual(["src/a.ts"]);
  });

  it("a link to a file inside the root: the file is mapped once, under its own path, and an import through the link reaches it", async () => {
    const root = tempTree({ "src/real.ts": "export const r = 1;\n", "src/main.ts": 'import { r } from "./alias.js";\nvoid r;\n' });
    symlinkSync("real.ts", join(root, "src/alias.ts"));
    const document = await mapped(root);
    expect(diagnostics(document)).toEqual(["src/alias.ts symlink: symbolic link to src/real.ts: not followed (the file itself is mapped under its own path)"]);
    expect(localIds(document)).toEqual(["src/main.ts", "src/real.ts"]);
    expect(document.imports.map((i) => `${i.from} → ${i.to}`)).toEqual(["src/main.ts → src/real.ts"]);
  });

  it("pointing a link elsewhere moves an import through it, with the cache as without", async () => {
    const root = tempTree({ "src/one.ts": "", "src/two.ts": "", "src/main.ts": 'import "./alias.js";\n' });
    symlinkSync("one.ts", join(root, "src/alias.ts"));
    expect((await map({ root })).document.imports.map((i) => i.to)).toEqual(["src/one.ts"]);
    rmSync(join(root, "src/alias.ts"));
    symlinkSync("two.ts", join(root, "src/alias.ts"));
    const warm = await map({ root });
    expect(warm.cache?.reusedFiles).toBeGreaterThan(0);
    expect(warm.document.imports.map((i) => i.to)).toEqual(["src/two.ts"]);
  });

  it("a folder link that loops back up the tree is not descended: the walk ends", async () => {
    const root = tempTree({ "src/a.ts": "" });
    symlinkSync("..", join(root, "src/up"));
    const document = await mapped(root);
    expect(diagnostics(document)).toEqual(["src/up symlink: symbolic link to the folder .: not followed (its files are mapped under their own paths)"]);
    expect(localIds(document)).toEqual(["src/a.ts"]);
  });

  it("links that discovery would not have mapped anyway (other endings, excluded, ignored) are not reported", async () => {
    const root = tempTree({ "a.ts": "", ".gitignore": "ignored.ts\n", "notes.md": "" });
    symlinkSync("missing.md", join(root, "README.md"));
    symlinkSync("missing.ts", join(root, "ignored.ts"));
    symlinkSync("missing.ts", join(root, "a.test.ts"));
    const document = (await map({ root, cache: false, exclude: ["**/*.test.ts"] })).document;
    expect(diagnostics(document)).toEqual([]);
  });

  it("the summary line counts symbolic links as skipped", () => {
    const root = tempTree({ "a.ts": "" });
    symlinkSync("missing.ts", join(root, "broken.ts"));
    const run = runBuiltCli(["map", root, "--no-cache"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^layermap: 1 files, 1 modules .*, 0 files failed to parse or read, 1 skipped, 1 diagnostics, /);
  });
});

describe("other things a tree can hold", () => {
  const hasMkfifo = spawnSync("mkfifo", ["--version"]).status === 0;

  it.skipIf(!hasMkfifo)("a named pipe under a source extension is not a file: skipped, and the run does not hang on it", async () => {
    const root = tempTree({ "a.ts": "" });
    expect(spawnSync("mkfifo", [join(root, "pipe.ts")]).status).toBe(0);
    const document = await mapped(root);
    expect(localIds(document)).toEqual(["a.ts"]);
  });

  it("a tree 200 folders deep is walked without recursion", async () => {
    const deep = Array.from({ length: 200 }, (_, index) => `d${index}`).join("/");
    const root = tempTree({ [`${deep}/leaf.ts`]: 'import "../leaf-sibling.js";\n', [`${deep.slice(0, deep.lastIndexOf("/"))}/leaf-sibling.ts`]: "" });
    const document = await mapped(root);
    expect(document.diagnostics).toEqual([]);
    expect(document.imports).toHaveLength(1);
  });

  it("names with spaces, accents, #, % and brackets are ids like any other", async () => {
    const files = { "my folder/a file.ts": 'import "./#hash.js";\nimport "./100%.js";\nimport "./[id].js";\nimport "./naïve.js";\n', "my folder/#hash.ts": "", "my folder/100%.ts": "", "my folder/[id].ts": "", "my folder/naïve.ts": "" };
    const document = await mapped(tempTree(files));
    expect(document.diagnostics).toEqual([]);
    expect(document.imports.map((i) => i.to)).toEqual(["my folder/#hash.ts", "my folder/100%.ts", "my folder/[id].ts", "my folder/naïve.ts"]);
  });

  it("an empty root maps to an empty document", async () => {
    const root = tempTree({});
    mkdirSync(join(root, "empty-folder"));
    const document = await mapped(root);
    expect(document.summary).toMatchObject({ files: 0, modules: 0, imports: 0 });
  });
});
