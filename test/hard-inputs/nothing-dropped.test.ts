/**
 * Nothing silently dropped: the summary line counts the files that failed and those skipped;
 * `check` says when it checked without them; `--strict` turns any diagnostic into exit 2 for
 * teams that want that, with a line saying how many and the first of them.
 */
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const config = JSON.stringify({ layers: [{ name: "app", paths: "app/**" }, { name: "core", paths: "core/**" }] });

/** One file that does not parse, one unresolved import, one binary, one broken link. */
function troubled(): string {
  const root = tempTree({
    "layermap.config.json": config,
    "app/main.ts": 'import "../core/db.js";\nimport "./missing.js";\n',
    "app/broken.ts": "export function (\n",
    "core/db.ts": "",
    "core/blob.ts": Uint8Array.from([0, 1, 2, 3]),
  });
  symlinkSync("gone.ts", join(root, "core/link.ts"));
  return root;
}

function clean(extra: Record<string, string> = {}): string {
  return tempTree({ "layermap.config.json": config, "app/main.ts": 'import "../core/db.js";\n', "core/db.ts": "", ...extra });
}

describe("the summary line counts what failed and what was skipped", () => {
  it("map", () => {
    const run = runBuiltCli(["map", troubled(), "--no-cache"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /^layermap: 4 files, 5 modules \(4 local, 0 external, 0 builtin, 1 unresolved\), 2 imports, 2 files failed to parse or read, 1 skipped, 4 diagnostics, \d+\.\d\d s\n$/,
    );
  });

  it("check says it checked without them", () => {
    const run = runBuiltCli(["check", troubled(), "--no-cache"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "layermap: note: 2 files failed to parse or read and 1 skipped; imports that could not be read are not checked (layermap map lists why; --strict fails on it)\n",
    );
  });

  it("check on a clean tree says nothing more", () => {
    expect(runBuiltCli(["check", clean(), "--no-cache"]).stderr).toBe("");
  });
});

describe("--strict", () => {
  it("map --strict exits 2 on any diagnostic, says how many, lists the first, and still writes the document", () => {
    const root = troubled();
    const run = runBuiltCli(["map", root, "--no-cache", "--strict", "--quiet"]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).diagnostics).toHaveLength(4);
    expect(run.stderr).toBe(
      [
        "layermap: --strict: 4 diagnostics (1 not-text, 1 parse-error, 1 symlink, 1 unresolved), so exit 2:",
        "  app/broken.ts:1  parse-error: Identifier expected. (and 1 more)",
        '  app/main.ts:2  unresolved: cannot resolve "./missing.js": no such file',
        "  core/blob.ts  not-text: binary content under a source extension: not parsed",
        "  core/link.ts  symlink: broken symbolic link (to gone.ts, which does not exist): not mapped",
        "",
      ].join("\n"),
    );
  });

  it("check --strict exits 2 on any diagnostic, ahead of the violations' 1", () => {
    const root = troubled();
    const run = runBuiltCli(["check", root, "--no-cache", "--strict", "--format", "json"]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).summary.errors).toBe(0);
    expect(run.stderr).toMatch(/\nlayermap: --strict: 4 diagnostics \(1 not-text, 1 parse-error, 1 symlink, 1 unresolved\), so exit 2:\n/);
  });

  it("lists at most ten and counts the rest", () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`app/m${i}.ts`, `import "./nope${i}.js";\n`]));
    const run = runBuiltCli(["map", clean(files), "--no-cache", "--strict", "--quiet"]);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")).toHaveLength(1 + 10 + 1 + 1);
    expect(run.stderr).toContain("  … and 2 more (layermap map lists them all in the document's diagnostics)\n");
  });

  it("without diagnostics, --strict changes nothing", () => {
    const root = clean();
    expect(runBuiltCli(["map", root, "--no-cache", "--strict", "--quiet"]).status).toBe(0);
    expect(runBuiltCli(["check", root, "--no-cache", "--strict"]).status).toBe(0);
    const violating = clean({ "core/db.ts": 'import "../app/main.js";\n' });
    expect(runBuiltCli(["check", violating, "--no-cache", "--strict"]).status).toBe(1);
  });
});
