import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const repository = fileURLToPath(new URL("../../", import.meta.url));
const broken = "test/fixtures/check/broken";

describe("layermap check (the built CLI)", () => {
  it("exits 1 on error-level violations and prints them with file and line", () => {
    const run = runBuiltCli(["check", broken], repository);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(readFileSync(join(repository, broken, "expected.txt"), "utf8").replace(/\nModules in no layer:\n.*\n/, ""));
  });

  it("exits 0 on the samples, whose layering is clean", () => {
    const run = runBuiltCli(["check", "samples"], repository);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^✔ no errors, 0 warnings, 33 modules in 4 layers \(0 unlayered\)\n$/);
  });

  it("checks cycles only with --no-config, as without a config file", () => {
    const run = runBuiltCli(["check", broken, "--no-config", "--no-cache"], repository);
    expect(run.stderr).not.toContain("internal error");
    expect(run.stderr).toContain("layermap: --no-config: checking cycles only\n");
    expect(run.stdout).toMatch(/ 0 layers /);
  });

  it("exits 0 when only warnings remain", () => {
    const root = tempTree({
      "layermap.config.json": JSON.stringify({
        layers: [{ name: "app", paths: "app/**" }],
        rules: { forbidden: [{ name: "no-lodash", severity: "warn", from: { layer: "app" }, to: { path: "lodash" } }] },
      }),
      "app/main.ts": 'import "lodash";\n',
    });
    const run = runBuiltCli(["check", root, "--format", "json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ errors: 0, warnings: 1 });
  });

  it("writes a baseline with --update-baseline, then passes against it", () => {
    const root = tempTree({});
    cpSync(join(repository, broken), root, { recursive: true });
    const update = runBuiltCli(["check", root, "--update-baseline"]);
    expect(update.status).toBe(0);
    expect(update.stderr).toMatch(/wrote 6 accepted violations to .*layermap\.baseline\.json/);
    const baselinePath = join(root, "layermap.baseline.json");
    expect(JSON.parse(readFileSync(baselinePath, "utf8")).violations).toHaveLength(6);
    const again = runBuiltCli(["check", root, "--baseline", baselinePath]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/✔ no errors, 0 warnings, .*baseline: 6 known, 0 stale/);
  });

  it("exits 2 with one line per problem on a bad config", () => {
    const root = tempTree({
      "layermap.config.json": JSON.stringify({
        layers: [{ name: "app", paths: [] }, { name: "app", paths: "x/**" }, { name: "core" }],
        rules: { layers: "sideways", forbidden: [{ name: "f", from: { layer: "nope" }, to: {} }] },
      }),
      "a.ts": "",
    });
    const run = runBuiltCli(["check", root]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines.every((line) => line.startsWith("layermap: error: ") || line.includes("layermap.config.json: "))).toBe(true);
    expect(run.stderr).toContain("layermap.config.json: layers[0].paths: expected at least one glob");
    expect(run.stderr).toContain("layermap.config.json: layers[2].paths: ");
    expect(run.stderr).toContain("layermap.config.json: rules.layers: ");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("passes on layermap's own source, and fails naming file and line when a stage imports the CLI", () => {
    expect(runBuiltCli(["check", "."], repository).status).toBe(0);
    const copy = tempTree({});
    cpSync(join(repository, "src"), join(copy, "src"), { recursive: true });
    cpSync(join(repository, "layermap.config.json"), join(copy, "layermap.config.json"));
    const file = join(copy, "src/extract/count-lines.ts");
    writeFileSync(file, `import { runCli } from "../cli/run-cli.js";\nvoid runCli;\n${readFileSync(file, "utf8")}`);
    const run = runBuiltCli(["check", "."], copy);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('src/extract/count-lines.ts:1  imports "../cli/run-cli.js" → src/cli/run-cli.ts [extract → cli]');
    expect(existsSync(join(copy, "layermap.baseline.json"))).toBe(false);
  });
});
