/**
 * The thin end-to-end tier: the built CLI, spawned as a shell would, for exit codes, formats and
 * flags. The queries themselves are tested on inline graphs and fixtures beside this file.
 */
import { appendFileSync, cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";
import { commitAll } from "./git-repo.js";

const repository = fileURLToPath(new URL("../../", import.meta.url));
const run = (...args: string[]) => runBuiltCli(args, repository);
const NESTED = "test/fixtures/explore/nested-cycles";
const LAYERED = "test/fixtures/explore/layered";

describe("layermap cycles", () => {
  it("exits 1 on a runtime cycle, printing what expected.cycles.txt holds", () => {
    const result = run("cycles", "--root", NESTED);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(readFileSync(join(repository, NESTED, "expected.cycles.txt"), "utf8"));
  });

  it("exits 0 when only type-only imports close a cycle, and when there is none", () => {
    const typeOnly = run("cycles", "--root", "test/fixtures/explore/type-only-cycle");
    expect(typeOnly.status).toBe(0);
    expect(typeOnly.stdout).toMatch(/✔ no runtime cycles, 1 type-only tangle \(2 modules in cycles\)\n$/);
    const none = run("cycles", "--root", "samples");
    expect([none.status, none.stdout]).toEqual([0, "✔ no cycles\n"]);
  });

  it("reads a saved map with --graph, and gives JSON for scripts", () => {
    const saved = join(tempTree({}), "graph.json");
    expect(run("map", NESTED, "--out", saved, "--quiet").status).toBe(0);
    const result = run("cycles", "--graph", saved, "--format", "json");
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.root).toBe(".");
    expect(json.components.map((component: { modules: string[] }) => component.modules.length)).toEqual([4, 2, 2]);
    const ignored = run("cycles", "--graph", saved, "--include", "core/**");
    expect([ignored.status, ignored.stderr.split("\n")[0]]).toEqual([2, "layermap: error: Arguments graph and include are mutually exclusive"]);
  });

  it("exits 2 naming the file when --graph is not a map document", () => {
    const folder = tempTree({ "x.json": "[]" });
    const result = run("cycles", "--graph", join(folder, "x.json"));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("x.json: not a layermap map document");
  });
});

describe("layermap why", () => {
  it("exits 0 with the chain, 1 when there is none, 2 when a module matches nothing", () => {
    const found = run("why", "app/main.ts", "shared/log.ts", "--root", LAYERED);
    expect(found.status).toBe(0);
    expect(found.stdout.split("\n")[0]).toBe(`${LAYERED}/app/main.ts:2 → ${LAYERED}/services/users.ts:2 → ${LAYERED}/shared/log.ts (2 imports)`);
    const none = run("why", "shared/log.ts", "app/**", "--root", LAYERED);
    expect(none.status).toBe(1);
    expect(none.stdout).toBe(`✖ ${LAYERED}/shared/log.ts does not depend on app/** (2 modules): no import chain leads there\n`);
    const typo = run("why", "app/mian.ts", "shared/log.ts", "--root", LAYERED);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe("layermap: error: app/mian.ts: matches no module (module ids are paths relative to the root, package names, or node:<name>)\n");
  });

  it("lists up to N chains with --all, and rejects a count that is not one", () => {
    const json = JSON.parse(run("why", "app/main.ts", "shared/log.ts", "--root", LAYERED, "--all", "3", "--format", "json").stdout);
    expect(json.chains.map((chain: unknown[]) => chain.length)).toEqual([2, 3, 3]);
    const bare = JSON.parse(run("why", "app/main.ts", "shared/log.ts", "--root", LAYERED, "--format", "json", "--all").stdout);
    expect(bare.chains).toHaveLength(8);
    const zero = run("why", "app/main.ts", "shared/log.ts", "--root", LAYERED, "--all", "0");
    expect([zero.status, zero.stderr]).toEqual([2, 'layermap: error: --all: expected a whole number of at least 1, got "0"\n']);
  });
});

describe("layermap deps and dependents", () => {
  it("lists direct imports, or everything with a bare --depth", () => {
    const direct = run("deps", "app/routes.ts", "--root", LAYERED, "--format", "json");
    expect(direct.status).toBe(0);
    expect(JSON.parse(direct.stdout).found.map((found: { id: string }) => found.id)).toEqual(["services/orders.ts", "services/users.ts"]);
    const all = run("dependents", "shared/log.ts", "--root", LAYERED, "--depth");
    expect(all.status).toBe(0);
    expect(all.stdout.split("\n")[0]).toBe(`6 modules import ${LAYERED}/shared/log.ts directly or not`);
  });
});

describe("layermap affected", () => {
  it("prints one path a line with --format list, from a temporary repository", () => {
    const root = tempTree({ ".gitignore": "node_modules/\n" });
    cpSync(join(repository, LAYERED), root, { recursive: true });
    commitAll(root, "base", "base");
    appendFileSync(join(root, "db/client.ts"), "// changed\n");
    const result = runBuiltCli(["affected", "base", "--format", "list"], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(["app/main.ts", "app/routes.ts", "db/client.ts", "scripts/seed.ts", "services/orders.ts", "services/users.ts", ""].join("\n"));
  });

  it("exits 2 with a clear error when the root is not a git checkout", () => {
    const folder = tempTree({ "a.ts": "export const a = 1;\n" });
    const result = runBuiltCli(["affected", "main"], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("layermap: error: .: not a git checkout (layermap affected needs git history)\n");
  });
});

describe("layermap metrics, orphans and layers", () => {
  it("metrics: --top and --sort", () => {
    const result = run("metrics", "--root", LAYERED, "--top", "2", "--sort", "fan-out", "--format", "json");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).modules.map((entry: { id: string }) => entry.id)).toEqual(["services/orders.ts", "app/main.ts"]);
  });

  it("orphans: the isolated module, and what the entry points never reach", () => {
    const result = run("orphans", "--root", LAYERED, "--unreachable-from", "app/main.ts");
    // Found: exit 1, as cycles does, so CI can fail on a dead file.
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`: 1\n  ${LAYERED}/legacy/old.ts\n`);
    expect(result.stdout).toContain(`: 2\n  ${LAYERED}/legacy/old.ts\n  ${LAYERED}/scripts/seed.ts\n`);
  });

  it("layers --infer: a block that parses as the config's layers", () => {
    const result = run("layers", "--infer", "--root", "samples", "--format", "json");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).config.layers.map((layer: { name: string }) => layer.name)).toEqual(["apps", "server", "middleware", "interface"]);
    const configured = run("layers", "--root", "samples");
    expect(configured.stdout).toContain("  core        13 modules  interface/**\n");
  });

  it("every explore command shows examples in --help", () => {
    for (const command of ["cycles", "why", "deps", "dependents", "affected", "metrics", "orphans", "layers"]) {
      const help = run(command, "--help");
      expect(help.status).toBe(0);
      expect(help.stdout).toContain("Examples:");
      expect(help.stdout).toContain("--format");
    }
  });
});
