/**
 * No code from the analysed repository is executed. The config is JSON and nothing else: a
 * `layermap.config.js` (or .mjs, .cjs, .ts) in the root is neither loaded nor run, and neither is
 * any source file, package or script the map reads. Each file here would leave a marker file
 * behind if it ran.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

/** JavaScript that writes `<root>/ran-<name>` when it runs, as CommonJS or as an ES module. */
const marker = (name: string, esm = false): string =>
  `${esm ? 'import { writeFileSync } from "node:fs";' : 'const { writeFileSync } = require("node:fs");'}\nwriteFileSync(${JSON.stringify(`ran-${name}`)}, "");\n` +
  `${esm ? "export default" : "module.exports ="} { layers: [{ name: "from-js", paths: "**" }] };\n`;

describe("no code of the analysed repository runs", () => {
  it("config files in JavaScript or TypeScript are ignored; sources, packages and scripts are read, never run", () => {
    const root = tempTree({
      "layermap.config.js": marker("config-js"),
      "layermap.config.cjs": marker("config-cjs"),
      "layermap.config.mjs": marker("config-mjs", true),
      "layermap.config.ts": marker("config-ts", true),
      ".layermaprc.js": marker("rc"),
      "package.json": JSON.stringify({ name: "victim", type: "module", scripts: { prepare: "node -e \"require('fs').writeFileSync('ran-script','')\"", postinstall: "touch ran-postinstall" } }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { plugins: [{ name: "./plugin.cjs" }] } }),
      "plugin.cjs": marker("ts-plugin"),
      "src/main.ts": `${marker("source", true)}import "pkg";\nimport "./side-effect.js";\n`,
      "src/side-effect.js": marker("side-effect", true),
      "node_modules/pkg/package.json": JSON.stringify({ name: "pkg", main: "index.js" }),
      "node_modules/pkg/index.js": marker("package"),
    });
    const before = readdirSync(root).sort();
    for (const args of [["map", root], ["check", root], ["cycles", "--root", root], ["render", root, "--format", "dot"], ["init", root, "--dry-run"]]) {
      const run = runBuiltCli(args, root);
      expect(run.status, `${args.join(" ")}: ${run.stderr}`).toBe(0);
    }
    expect(readdirSync(root).filter((name) => name.startsWith("ran-"))).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(before);
    expect(existsSync(join(root, "src", "ran-source"))).toBe(false);
    // The JavaScript config's layer ("from-js") was never seen: check found no layers.
    expect(runBuiltCli(["check", root, "--format", "json"]).stdout).not.toContain("from-js");
  });
});
