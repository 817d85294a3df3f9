import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { map } from "../../src/api/map.js";
import { parseMapDocument } from "../../src/api/saved-map.js";
import { fromDocument } from "../../src/graph/to-document.js";
import { transparentPlane } from "../../src/graph/transparent-plane.js";
import { changedFiles } from "../../src/explore/affected/changed-files.js";
import { affectedModules, findAffected } from "../../src/explore/affected/find-affected.js";
import { affectedList } from "../../src/explore/format/affected-report.js";
import { tempTree } from "../helpers/temp-tree.js";
import { commitAll, git } from "./git-repo.js";

/** A repository whose mapped root is a folder inside it, changed every way a developer changes files. */
function changedRepository(): { repository: string; root: string } {
  // node_modules is ignored as in any real checkout (mapping may keep a cache there).
  const repository = tempTree({ "notes.txt": "outside the mapped root\n", ".gitignore": "node_modules/\n" });
  const root = join(repository, "project");
  cpSync("test/fixtures/explore/layered", root, { recursive: true });
  commitAll(repository, "base", "base");
  appendFileSync(join(root, "services/orders.ts"), "// committed after base\n");
  commitAll(repository, "second");
  appendFileSync(join(root, "scripts/seed.ts"), "// staged\n");
  git(repository, "add", "project/scripts/seed.ts");
  appendFileSync(join(root, "legacy/old.ts"), "// not staged\n");
  writeFileSync(join(root, "app/extra file.ts"), "export const extra = 1;\n");
  writeFileSync(join(root, "README.md"), "new, untracked, not a module\n");
  appendFileSync(join(repository, "notes.txt"), "changed, but outside the root\n");
  return { repository, root };
}

describe("affected", () => {
  it("finds committed, staged, unstaged and untracked changes under the root, relative to it", () => {
    const { root } = changedRepository();
    expect(changedFiles(root, "project", "base").files).toEqual([
      "README.md",
      "app/extra file.ts",
      "legacy/old.ts",
      "scripts/seed.ts",
      "services/orders.ts",
    ]);
    expect(changedFiles(root, "project", "HEAD").files).toEqual(["README.md", "app/extra file.ts", "legacy/old.ts", "scripts/seed.ts"]);
  });

  it("adds every module that depends on a changed one, and lists them for a test runner", async () => {
    const { root } = changedRepository();
    const { graph } = await map({ root });
    const result = findAffected(graph, "base", changedFiles(root, "project", "base").files);
    expect(result.changed).toEqual(["app/extra file.ts", "legacy/old.ts", "scripts/seed.ts", "services/orders.ts"]);
    expect(result.otherFiles).toEqual(["README.md"]);
    expect(result.dependents.map(({ depth, id }) => `${depth} ${id}`)).toEqual(["1 app/routes.ts", "2 app/main.ts"]);
    expect(affectedModules(result)).toEqual(["app/extra file.ts", "app/main.ts", "app/routes.ts", "legacy/old.ts", "scripts/seed.ts", "services/orders.ts"]);
    expect(affectedList(result, { root: "project", colour: true })).toBe(
      ["app/extra file.ts", "app/main.ts", "app/routes.ts", "legacy/old.ts", "scripts/seed.ts", "services/orders.ts"].map((id) => `project/${id}\n`).join(""),
    );
  });

  it("says so when the root is not a git checkout, or the revision does not exist", () => {
    const folder = tempTree({ "a.ts": "" });
    expect(() => changedFiles(folder, "plain", "main")).toThrow("plain: not a git checkout (layermap affected needs git history)");
    const { root } = changedRepository();
    expect(() => changedFiles(root, "project", "no-such-branch")).toThrow("no-such-branch: no such git revision in project");
    expect(() => changedFiles(root, "project", "--output=x")).toThrow("--output=x: not a git revision");
    expect(() => changedFiles(join(folder, "missing"), "missing", "main")).toThrow("missing: no such folder");
  });

  it("treats a subfolder of the repository with nothing changed as nothing affected", () => {
    const { repository } = changedRepository();
    mkdirSync(join(repository, "quiet"));
    writeFileSync(join(repository, "quiet/a.ts"), "export const a = 1;\n");
    commitAll(repository, "quiet");
    expect(changedFiles(join(repository, "quiet"), "quiet", "HEAD").files).toEqual([]);
  });
});

describe("affected with barrels seen through", () => {
  const saved = parseMapDocument(readFileSync("test/fixtures/barrel-plane/transparent.json", "utf8"), "transparent.json");
  const plain = fromDocument(saved);
  const plane = transparentPlane(plain);
  const ids = (result: ReturnType<typeof findAffected>): string[] => result.dependents.map((dependent) => dependent.id);

  it("a changed definition affects the modules that use it, not every consumer of its barrel", () => {
    expect(ids(findAffected(plain, "HEAD", ["src/utils/format.ts"]))).toEqual(["src/utils/index.ts", "src/app/main.ts", "src/app/view.ts", "src/utils/parse.ts"]);
    expect(ids(findAffected(plane, "HEAD", ["src/utils/format.ts"], { plain }))).toEqual(["src/app/main.ts", "src/utils/index.ts", "src/utils/parse.ts", "src/app/view.ts"]);
    expect(ids(findAffected(plane, "HEAD", ["src/app/types.ts"], { plain }))).toEqual(["src/app/view.ts"]);
  });

  it("a changed barrel still affects every module importing it: what they get through it may have changed", () => {
    // On the plane alone, only main.ts (it takes VERSION, declared in the barrel) would be.
    expect(ids(findAffected(plane, "HEAD", ["src/utils/index.ts"]))).toEqual(["src/app/main.ts"]);
    expect(ids(findAffected(plane, "HEAD", ["src/utils/index.ts"], { plain }))).toEqual(["src/app/main.ts", "src/app/view.ts", "src/utils/parse.ts"]);
  });
});
