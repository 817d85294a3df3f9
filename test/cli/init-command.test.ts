import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

/** A copy of samples/ without its config, as a codebase that has none yet. */
function samplesWithoutConfig(): string {
  const root = tempTree({});
  cpSync("samples", root, { recursive: true });
  rmSync(join(root, "layermap.config.json"));
  return root;
}

describe("layermap init", () => {
  it("writes a commented config whose proposed layers check accepts", () => {
    const root = samplesWithoutConfig();
    const init = runBuiltCli(["init", root]);
    expect(init.status).toBe(0);
    expect(init.stderr).toMatch(/wrote .*layermap\.config\.json with 4 layers \(apps → .* → interface\); 0 current imports break/);
    const text = readFileSync(join(root, "layermap.config.json"), "utf8");
    expect(text).toContain("// Layers, top to bottom");
    expect(text).toContain('{ "name": "apps", "paths": ["apps/**"] }');
    const check = runBuiltCli(["check", root]);
    expect(check.stdout).toMatch(/^✔ no errors, 0 warnings, 33 modules in 4 layers \(0 unlayered\)\n$/);
    expect(check.status).toBe(0);
  });

  it("refuses to overwrite a config unless --force", () => {
    const root = samplesWithoutConfig();
    writeFileSync(join(root, "layermap.config.json"), "{}");
    const refused = runBuiltCli(["init", root]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/layermap\.config\.json: a config already exists \(use --force to replace it\)/);
    expect(readFileSync(join(root, "layermap.config.json"), "utf8")).toBe("{}");
    expect(runBuiltCli(["init", root, "--force"]).status).toBe(0);
    expect(readFileSync(join(root, "layermap.config.json"), "utf8")).toContain('"layers": [');
  });

  it("--force replaces a config that is broken, or that would hide part of the code: the one replaced is not read", () => {
    const root = samplesWithoutConfig();
    writeFileSync(join(root, "layermap.config.json"), '{ "include": ["apps/**"], "layers": 5 }');
    const init = runBuiltCli(["init", root, "--force"]);
    expect(init.stderr).toMatch(/with 4 layers/);
    expect(init.status).toBe(0);
    expect(runBuiltCli(["check", root]).status).toBe(0);
  });

  it("reads configs with comments and trailing commas, and names line and column of a syntax error", () => {
    const root = tempTree({ "a.ts": "export {};\n", "layermap.config.json": '{\n  // only the sources\n  "include": ["*.ts"],\n}\n' });
    expect(runBuiltCli(["map", root, "-q"]).status).toBe(0);
    writeFileSync(join(root, "layermap.config.json"), '{\n  "include": ["*.ts"]\n  "exclude": []\n}\n');
    const broken = runBuiltCli(["map", root]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/layermap\.config\.json:3:3: not valid JSON: CommaExpected\n$/);
  });
});

describe("layermap init on an aliased monorepo", () => {
  /** Packages importing each other as @acme/*, resolved only by the tsconfig above `packages`. */
  function monorepo(): string {
    return tempTree({
      "tsconfig.base.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@acme/*": ["packages/*/src/index.ts"] } } }),
      "packages/app/src/index.ts": 'import { db } from "@acme/db";\nexport const app = db;\n',
      "packages/db/src/index.ts": 'import { log } from "@acme/log";\nexport const db = log;\n',
      "packages/log/src/index.ts": "export const log = 1;\n",
      "packages/log/src/index.test.ts": 'import "./index.js";\n',
      "packages/log/src/scratch.ts": "",
    });
  }

  it("says in one line that scoped packages came out external and which tsconfig maps them", () => {
    const run = runBuiltCli(["init", "packages", "--dry-run"], monorepo());
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      'layermap: hint: 2 scoped packages (@acme/db, @acme/log) came out external, and tsconfig.base.json maps them with "paths": try --tsconfig tsconfig.base.json\n',
    );
  });

  it("--tsconfig (relative to the working folder), --include and --exclude are used and written into the config", () => {
    const top = monorepo();
    const run = runBuiltCli(["init", "packages", "--tsconfig", "tsconfig.base.json", "--include", "**/src/**", "--exclude", "**/scratch.ts"], top);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain("hint");
    const text = readFileSync(join(top, "packages/layermap.config.json"), "utf8");
    expect(text).toContain('"tsconfig": "../tsconfig.base.json"');
    expect(text).toContain('"include": ["**/src/**"]');
    expect(text).toMatch(/"exclude": \[.*"\*\*\/scratch\.ts"\]/);
    const check = runBuiltCli(["check", "packages", "--format", "json"], top);
    expect(check.status).toBe(0);
    const report = JSON.parse(check.stdout) as { summary: { modules: number; unlayered: number }; layers: { name: string }[] };
    expect(report.summary).toMatchObject({ modules: 3, unlayered: 0 });
    expect(report.layers.length).toBeGreaterThan(1);
  });
});

describe("layermap completion", () => {
  it("prints a shell completion script", () => {
    const run = runBuiltCli(["completion"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("###-begin-layermap-completions-###");
  });
});
