/**
 * `--no-config` on the commands that read a config: yargs gives every option a negated form, so
 * each command must take `false` for "no config" — render of a saved map or of a folder; the
 * callgraph command (test/cli/callgraph-command.test.ts), check and merge test their own.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const CONFIG = JSON.stringify({ layers: [{ name: "top", paths: "a.ts" }, { name: "bottom", paths: "b.ts" }] });

describe("--no-config", () => {
  it("render of a folder: the folder's config is not read (no layers drawn)", () => {
    const root = tempTree({ "a.ts": 'import "./b.js";\n', "b.ts": "", "layermap.config.json": CONFIG });
    const withConfig = runBuiltCli(["render", root, "--format", "mermaid"]);
    const without = runBuiltCli(["render", root, "--format", "mermaid", "--no-config"]);
    expect(withConfig.status).toBe(0);
    expect(without.status).toBe(0);
    expect(without.stderr).not.toMatch(/error/);
    expect(withConfig.stdout).toContain("top");
    expect(without.stdout).not.toContain("top");
  });

  it("render of a saved map: the document's own layers, as without --config", () => {
    const root = tempTree({ "a.ts": 'import "./b.js";\n', "b.ts": "", "layermap.config.json": CONFIG });
    const saved = join(root, "map.json");
    expect(runBuiltCli(["map", root, "--out", saved]).status).toBe(0);
    const plain = runBuiltCli(["render", saved, "--format", "mermaid"]);
    const without = runBuiltCli(["render", saved, "--format", "mermaid", "--no-config"]);
    expect(without.status).toBe(0);
    expect(without.stdout).toBe(plain.stdout);
    expect(without.stdout).toContain("top");
  });
});
