/**
 * Paths given on the command line are relative to the working folder, as in every CLI (`--config`
 * always was; `--tsconfig` was relative to the root); paths inside the config file are relative
 * to the file; and each "not found" names the path it tried.
 */
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

/** A monorepo whose tsconfig at the top maps `@acme/core` onto a package's source. */
function monorepo(extra: Record<string, string> = {}): string {
  return tempTree({
    "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@acme/core": ["packages/core/index.ts"] } } }),
    "packages/app/main.ts": 'import "@acme/core";\n',
    "packages/core/index.ts": "export const core = 1;\n",
    ...extra,
  });
}

function imports(stdout: string): string[] {
  return (JSON.parse(stdout) as { imports: { from: string; to: string }[] }).imports.map(({ from, to }) => `${from} → ${to}`);
}

describe("paths on the command line and in the config", () => {
  it("--tsconfig is relative to the working folder: map packages --tsconfig tsconfig.json from the top", () => {
    const top = monorepo();
    const run = runBuiltCli(["map", "packages", "--no-cache", "--tsconfig", "tsconfig.json"], top);
    expect(run.stderr).not.toMatch(/error/);
    expect(imports(run.stdout)).toEqual(["app/main.ts → core/index.ts"]);
  });

  it("a --tsconfig that does not exist names the path tried", () => {
    const top = monorepo();
    const run = runBuiltCli(["map", "packages", "--no-cache", "--tsconfig", "./x/../packages/tsconfig.json"], top);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("layermap: error: packages/tsconfig.json: tsconfig not found\n");
  });

  it("the config's tsconfig is relative to the config file", () => {
    const top = monorepo({
      "config/layermap.config.json": '{ "tsconfig": "tsconfig.app.json" }',
      "config/tsconfig.app.json": JSON.stringify({ compilerOptions: { baseUrl: "..", paths: { "@acme/core": ["packages/core/index.ts"] } } }),
    });
    const run = runBuiltCli(["map", "packages", "--no-cache", "--config", "config/layermap.config.json"], top);
    expect(run.stderr).not.toMatch(/error/);
    expect(imports(run.stdout)).toEqual(["app/main.ts → core/index.ts"]);
  });

  it("a config's tsconfig that does not exist names the path tried, from the working folder", () => {
    const top = monorepo({ "config/layermap.config.json": '{ "tsconfig": "tsconfig.json" }' });
    const run = runBuiltCli(["map", "packages", "--no-cache", "--config", "config/layermap.config.json"], top);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("layermap: error: config/tsconfig.json: tsconfig not found\n");
  });

  it("a --config that does not exist names the path tried", () => {
    const top = monorepo();
    const run = runBuiltCli(["check", "packages", "--no-cache", "--config", "./config/../missing.json"], top);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("layermap: error: missing.json: config file not found\n");
  });
});
