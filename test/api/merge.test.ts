/**
 * The promise of `merge`: the maps of a monorepo's packages, each made on its own, merged, are
 * the map of the monorepo — the same bytes — on the fixture workspace (packages importing each
 * other by name, through their links, and by relative path) and on real code split into folders.
 */
import { cpSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { map, mergeMaps, type MapDocument, type MergeInput } from "../../src/index.js";
import { jsonReport } from "../../src/report/json-report.js";
import { tempTree } from "../helpers/temp-tree.js";
import { WORKSPACE_PACKAGES, workspaceCopy, writeUnder } from "../helpers/workspace-fixture.js";

async function mapped(root: string, options: { exclude?: string[] } = {}): Promise<MapDocument> {
  return (await map({ root, cache: false, ...options })).document;
}

async function perPackage(root: string, folders: readonly string[] = WORKSPACE_PACKAGES): Promise<MergeInput[]> {
  return Promise.all(folders.map(async (folder) => ({ name: `${folder}.json`, root: folder, document: await mapped(join(root, folder)) })));
}

const edgesOf = (document: MapDocument): string[] => document.imports.map((record) => `${record.from} -> ${record.to}`);

describe("merging per-package maps of a workspace", () => {
  it("gives the whole map, byte for byte", async () => {
    const root = workspaceCopy();
    const whole = await mapped(root);
    const parts = await perPackage(root);
    const merged = mergeMaps(parts, { cwd: root });
    expect(jsonReport(merged)).toBe(jsonReport(whole));

    // Not an empty promise: alone, app saw its siblings only as paths out of its root…
    const app = parts[0]!.document;
    expect(app.modules.filter((module) => module.kind === "unresolved").map((module) => module.id)).toEqual([
      "../../../shared/outside.ts",
      "../core/src/gone.js",
      "../core/src/index.ts",
      "../core/src/model.ts",
      "../util/data/settings.json",
      "../util/src/index.ts",
      "../util/src/strings.ts",
    ]);
    // …which are the whole map's cross-package imports, by package name and by relative path.
    expect(edgesOf(merged)).toEqual(
      expect.arrayContaining([
        "packages/app/src/main.ts -> packages/core/src/index.ts",
        "packages/app/src/main.ts -> packages/core/src/model.ts",
        "packages/app/src/main.ts -> packages/util/data/settings.json",
        "packages/app/src/main.ts -> packages/util/src/index.ts",
        "packages/app/src/main.ts -> packages/util/src/strings.ts",
        "packages/core/src/index.ts -> packages/util/src/index.ts",
      ]),
    );
    // The layers are the root config's, as the whole map's; the diagnostics the packages' own.
    expect(merged.layers).toEqual(["app", "core", "util"]);
    expect(merged.diagnostics.map((d) => `${d.file}:${String(d.line)} ${d.code}`)).toEqual([
      "packages/app/src/main.ts:4 unresolved",
      "packages/app/src/main.ts:6 unresolved",
      "packages/app/src/views/broken.ts:3 parse-error",
    ]);
    expect(merged.diagnostics[1]?.message).toBe('cannot resolve "../../../../shared/outside.js": it is ../shared/outside.ts, outside the root (map a folder that holds both to follow it)');
  });

  it("gives the whole map when merged in steps (a merged map merges again)", async () => {
    const root = workspaceCopy();
    const [app, core, util] = await perPackage(root);
    // app and core merged under packages/, then with util: nested roots that share no file.
    const packages = mergeMaps([{ ...app!, root: "app" }, { ...core!, root: "core" }], { root: join(root, "packages") });
    const merged = mergeMaps([{ name: "packages.json", root: "packages", document: packages }, util!], { cwd: root });
    expect(jsonReport(merged)).toBe(jsonReport(await mapped(root)));
  });

  it("keeps each package's own layers without a config at the root", async () => {
    const root = workspaceCopy();
    const merged = mergeMaps(await perPackage(root), { cwd: root, config: false });
    // packages/app has a layermap.config.json of its own; core and util have none.
    expect(merged.layers).toEqual(["views", "main"]);
    expect(merged.modules.filter((module) => module.layer !== undefined).map((module) => `${module.id} ${module.layer!}`)).toEqual([
      "packages/app/src/main.ts main",
      "packages/app/src/views/broken.ts views",
      "packages/app/src/views/page.ts views",
    ]);
  });

  it("cannot see what only the whole run sees: siblings before `npm install` stay packages (docs/monorepos.md)", async () => {
    const root = workspaceCopy({ installed: false });
    const merged = mergeMaps(await perPackage(root), { cwd: root });
    // The whole map knows the workspace from the root package.json and follows the import.
    expect(edgesOf(await mapped(root))).toContain("packages/app/src/views/page.ts -> packages/util/src/index.ts");
    // A package mapped alone knows no workspace: before the links exist, its sibling is a package.
    expect(edgesOf(merged)).toContain("packages/app/src/views/page.ts -> @fx/util");
  });

  it("takes an outer folder's map that leaves the packages out", async () => {
    const root = workspaceCopy();
    writeUnder(root, "scripts/release.ts", 'import { words } from "../packages/util/src/index.js";\n\nconsole.log(words("a b"));\n');
    const top = { name: "top.json", root: ".", document: await mapped(root, { exclude: ["packages/**"] }) };
    const merged = mergeMaps([top, ...(await perPackage(root))], { cwd: root });
    expect(jsonReport(merged)).toBe(jsonReport(await mapped(root)));
    expect(edgesOf(merged)).toContain("scripts/release.ts -> packages/util/src/index.ts");
  });
});

describe("merging real code split into folders", () => {
  it("gives the whole map of zod's sources, byte for byte (five folders and the files above them)", async () => {
    // Copied out of node_modules: a map whose root lies inside one calls every file outside it a package.
    const root = join(tempTree({}), "zod");
    cpSync(fileURLToPath(new URL("../../node_modules/zod/src", import.meta.url)), root, { recursive: true });
    const folders = ["locales", "mini", "v3", "v4", "v4-mini"];
    const top = { name: "top.json", root: ".", document: await mapped(root, { exclude: folders.map((folder) => `${folder}/**`) }) };
    const parts = [top, ...(await perPackage(root, folders))];
    const whole = await mapped(root);
    expect(jsonReport(mergeMaps(parts, { cwd: root }))).toBe(jsonReport(whole));
    // v4 alone could not see the files above it, nor mini those in v4.
    const crossing = parts.flatMap((part) => part.document.modules).filter((module) => module.kind === "unresolved" && module.id.startsWith("../"));
    expect(crossing.length).toBeGreaterThan(3);
    expect(whole.summary.local).toBeGreaterThan(300);
  });
});
