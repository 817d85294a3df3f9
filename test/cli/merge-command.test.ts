/**
 * `layermap merge` as a task runner calls it: one `map` per package, then `merge` of the maps —
 * saved in each package's folder, or elsewhere with `<folder>=<file>` — gives what `map` of the
 * monorepo prints; bad input is one line and exit 2.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";
import { WORKSPACE_PACKAGES, workspaceCopy } from "../helpers/workspace-fixture.js";

function ok(args: readonly string[], cwd: string): string {
  const run = runBuiltCli(args, cwd);
  expect(run.stderr).not.toContain("error");
  expect(run.status).toBe(0);
  return run.stdout;
}

/** The run's one line on stderr, and its exit code. */
function failure(args: readonly string[], cwd: string): [string, number | null] {
  const run = runBuiltCli(args, cwd);
  return [run.stderr.trimEnd(), run.status];
}

describe("layermap merge", () => {
  it("merges maps saved in their packages' folders into the monorepo's map, its edges list too, for check and render", () => {
    const root = workspaceCopy();
    const whole = ok(["map", ".", "--no-cache", "--quiet"], root);
    for (const folder of WORKSPACE_PACKAGES) ok(["map", folder, "--no-cache", "--quiet", "--out", `${folder}/layermap.json`], root);
    const maps = WORKSPACE_PACKAGES.map((folder) => `${folder}/layermap.json`);
    const run = runBuiltCli(["merge", ...maps], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(whole);
    expect(run.stderr).toMatch(/^layermap: 7 files, 12 modules \(8 local, 1 external, 1 builtin, 2 unresolved\), 17 imports, 1 files failed to parse or read, 0 skipped, 3 diagnostics, [\d.]+ s\n$/);

    ok(["merge", ...maps, "--quiet", "--out", "merged.edges"], root);
    expect(readFileSync(join(root, "merged.edges"), "utf8")).toBe(ok(["map", ".", "--no-cache", "--format", "edges", "--quiet"], root));

    // What the recipe of docs/monorepos.md does next: check and draw the merged map. util imports
    // a type from core, a layer above it: one error, found in the merged map as in the whole.
    ok(["merge", ...maps, "--quiet", "--out", "map.json"], root);
    const checked = runBuiltCli(["check", ".", "--no-cache"], root);
    const merged = runBuiltCli(["check", "--graph", "map.json"], root);
    expect(checked.stdout).toContain('packages/util/src/strings.ts:1  imports "@fx/core" → packages/core/src/index.ts [util → core]');
    expect([merged.stdout, merged.status]).toEqual([checked.stdout, 1]);
    expect(checked.status).toBe(1);
    const drawn = ok(["render", "map.json", "--config", "layermap.config.json", "--format", "mermaid"], root);
    expect(drawn).toBe(ok(["render", ".", "--format", "mermaid"], root));
  });

  it("takes <folder>=<file> for maps saved elsewhere, from any working folder, with --root", () => {
    const root = workspaceCopy();
    const whole = ok(["map", ".", "--no-cache", "--quiet"], root);
    mkdirSync(join(root, ".layermap"));
    for (const folder of WORKSPACE_PACKAGES) ok(["map", folder, "--no-cache", "--quiet", "--out", `.layermap/${folder.replace("packages/", "")}.json`], root);
    const args = WORKSPACE_PACKAGES.map((folder) => `${folder}=.layermap/${folder.replace("packages/", "")}.json`);
    ok(["merge", ...args, "--quiet", "--out", "map.json"], root);
    expect(readFileSync(join(root, "map.json"), "utf8")).toBe(whole);
    // From the parent folder: every path is relative to the working folder, the merged root too.
    const fromAbove = args.map((arg) => arg.split("=").map((path) => `repo/${path}`).join("="));
    expect(ok(["merge", ...fromAbove, "--root", "repo", "--quiet"], join(root, ".."))).toBe(whole);
  });

  it("keeps each package's layers with --no-config", () => {
    const root = workspaceCopy();
    ok(["map", "packages/app", "--no-cache", "--quiet", "--out", "packages/app/layermap.json"], root);
    const merged = JSON.parse(ok(["merge", "packages/app/layermap.json", "--no-config", "--quiet"], root)) as { layers?: string[] };
    expect(merged.layers).toEqual(["views", "main"]);
    const configured = JSON.parse(ok(["merge", "packages/app/layermap.json", "--quiet"], root)) as { layers?: string[] };
    expect(configured.layers).toEqual(["app", "core", "util"]);
  });

  describe("bad input is one line and exit 2", () => {
    // merge reads documents only: a folder holding the maps is all it needs.
    let util = "";
    beforeAll(() => {
      const root = workspaceCopy();
      util = ok(["map", "packages/util", "--no-cache", "--quiet"], root);
    });
    const maps = (): string =>
      tempTree({
        "packages/util/layermap.json": util,
        "broken.json": util.slice(0, 100),
        "future.json": util.replace('"version": 1', '"version": 2'),
        "inconsistent.json": util.replace(/"to": "[^"]*"/, '"to": "nowhere.ts"'),
      });

    it.each<[string, string[], string]>([
      ["a map that is not JSON", ["packages/util=broken.json"], "layermap: error: broken.json: not valid JSON: "],
      ["a map of another version", ["packages/util=future.json"], "layermap: error: future.json: a layermap document of version 2; this layermap reads version 1"],
      ["a map whose parts disagree", ["packages/util=inconsistent.json"], 'layermap: error: inconsistent.json: an inconsistent layermap document: imports[0].to: "nowhere.ts" is not in the module list'],
      ["a map that is not there", ["packages/util=missing.json"], "layermap: error: missing.json: cannot read (ENOENT)"],
      [
        "the same package twice",
        ["packages/util/layermap.json", "packages/util=packages/util/layermap.json"],
        "layermap: error: packages/util/layermap.json and packages/util/layermap.json both map packages/util/src/index.ts: the maps to merge must not share a file",
      ],
      ["a folder outside the merged root", ["../util=packages/util/layermap.json"], "layermap: error: packages/util/layermap.json: it maps "],
      ["a folder left out", ["=packages/util/layermap.json"], "layermap: error: =packages/util/layermap.json: expected <folder>=<map.json> (or a map saved in the folder it maps)"],
      ["a picture asked of merge", ["packages/util/layermap.json", "--out", "map.svg"], "layermap: error: map.svg: merge writes the map document (json or edges); draw it with `layermap render <merged.json> --out map.svg`"],
    ])("%s", (_name, args, line) => {
      const [stderr, status] = failure(["merge", ...args], maps());
      expect(stderr.split("\n")).toHaveLength(1);
      expect(stderr.startsWith(line)).toBe(true);
      expect(status).toBe(2);
    });
  });
});
