/**
 * `layermap diff` through the built CLI, in a temporary git repository: exit codes (so it can
 * gate CI), the three formats, and one-line errors. The diff itself is tested in diff.test.ts.
 */
import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";
import { commitAll } from "./git-repo.js";

const FIXTURE = "test/fixtures/diff/layered-change";

/** The fixture's base committed (tag `base`) under project/, its head in the working tree. */
function fixtureRepository(): string {
  const repository = tempTree({ ".gitignore": "node_modules/\n" });
  cpSync(join(FIXTURE, "base"), join(repository, "project"), { recursive: true });
  commitAll(repository, "base", "base");
  rmSync(join(repository, "project"), { recursive: true });
  cpSync(join(FIXTURE, "head"), join(repository, "project"), { recursive: true });
  return repository;
}

describe("layermap diff", () => {
  it("exits 1 when the change adds an error-level violation or a runtime cycle, printing what expected.diff.txt holds", () => {
    const repository = fixtureRepository();
    const run = runBuiltCli(["diff", "base", "--root", "project"], repository);
    expect(run.status).toBe(1);
    expect(run.stdout.replace(/\([0-9a-f]{7}\)/, "(COMMIT)")).toBe(readFileSync(join(FIXTURE, "expected.diff.txt"), "utf8"));
  });

  it("exits 0 for a change that only fixes things, and for no change at all", () => {
    const repository = fixtureRepository();
    commitAll(repository, "head", "head");
    // The fix: shared/log.ts no longer imports the db, as in the base.
    cpSync(join(FIXTURE, "base/shared/log.ts"), join(repository, "project/shared/log.ts"));
    const fixing = runBuiltCli(["diff", "head", "--root", "project"], repository);
    expect(fixing.status).toBe(0);
    expect(fixing.stdout).toContain("\nImports: 0 added, 1 removed\n");
    expect(fixing.stdout).toContain("\nRule violations: 0 new (0 errors), 1 fixed\n");
    expect(fixing.stdout).toContain("\nCycles: 0 created, 0 changed, 1 broken\n");
    expect(fixing.stdout.trimEnd().split("\n").at(-1)).toBe("✔ no new error-level violation and no new runtime cycle");
    commitAll(repository, "fix");
    const none = runBuiltCli(["diff", "HEAD", "--root", "project"], repository);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain("\nImports: 0 added, 0 removed\n");
  });

  it("gives scripts JSON and pull requests Mermaid", () => {
    const repository = fixtureRepository();
    const json = runBuiltCli(["diff", "base", "--root", "project", "--format", "json"], repository);
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ root: "project", head: { workingTree: true }, fails: true, failing: { violations: 1, cycles: 1 } });
    expect(parsed.imports.added.map((change: { from: string; to: string }) => `${change.from} → ${change.to}`)).toEqual([
      "services/billing.ts → lodash",
      "services/billing.ts → services/orders.ts",
      "shared/log.ts → db/client.ts",
    ]);
    const mermaid = runBuiltCli(["diff", "base", "--root", "project", "--format", "mermaid", "--title", "PR 12"], repository);
    expect(mermaid.status).toBe(1);
    expect(mermaid.stdout.split("\n").slice(0, 4)).toEqual(["---", 'title: "PR 12"', "---", "flowchart TB"]);
  });

  it("exits 2 with one line when the root is not a git checkout or a revision does not exist", () => {
    const plain = runBuiltCli(["diff", "main", "--root", "."], tempTree({ "a.ts": "" }));
    expect([plain.status, plain.stderr]).toEqual([2, "layermap: error: .: not a git checkout (layermap diff compares git revisions)\n"]);
    const repository = fixtureRepository();
    const typo = runBuiltCli(["diff", "bsae", "--root", "project"], repository);
    expect([typo.status, typo.stderr]).toEqual([2, "layermap: error: bsae: no such git revision in project\n"]);
  });

  it("shows its formats and examples in --help", () => {
    const help = runBuiltCli(["diff", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('[choices: "text", "json", "mermaid"]');
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).not.toContain("--graph");
  });
});
