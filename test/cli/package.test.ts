/**
 * What a user installs: `npm pack`, installed into a fresh project, must run `npx layermap map .`
 * there and import the programmatic API; installed globally, `layermap` runs on any project.
 * Slow (it packs and installs), so it is one test.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempTree } from "../helpers/temp-tree.js";

describe("the npm package", () => {
  it("installs from its tarball and runs `npx layermap map .` and the API, and globally `layermap`", () => {
    const folder = tempTree({});
    // --ignore-scripts: `prepare` would rebuild dist/ while other test files run it (npm test builds first).
    const packed = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", folder], { encoding: "utf8" }).trim().split("\n").pop()!;
    const project = join(folder, "project");
    mkdirSync(join(project, "src"), { recursive: true });
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "demo", version: "7.7.7", private: true, type: "module" }));
    writeFileSync(join(project, "src/a.ts"), 'import { b } from "./b.js";\nexport const a = b;\n');
    writeFileSync(join(project, "src/b.ts"), "export const b = 1;\n");
    // Offline: the tarball's dependencies are the ones this checkout already has in npm's cache.
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(folder, packed)], { cwd: project, stdio: "pipe" });
    // layermap's version, not the project's (yargs looks for a package.json above its own install).
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(execFileSync("npx", ["layermap", "--version"], { cwd: project, encoding: "utf8" })).toBe(`${version}\n`);
    const output = execFileSync("npx", ["layermap", "map", ".", "--quiet"], { cwd: project, encoding: "utf8" });
    const document = JSON.parse(output);
    expect(document.imports).toEqual([
      expect.objectContaining({ from: "src/a.ts", to: "src/b.ts", kinds: ["static"] }),
    ]);
    writeFileSync(join(project, "use.mjs"), 'import { map } from "layermap";\nconst { document } = await map({ root: "src" });\nconsole.log(document.summary.imports);\n');
    expect(execFileSync("node", ["use.mjs"], { cwd: project, encoding: "utf8" }).trim()).toBe("1");
    // The README's route while layermap is not on a registry: `npm install --global <tarball>`,
    // then `layermap` on any project. Into a prefix of the test's own, not the machine's.
    const prefix = join(folder, "global");
    execFileSync("npm", ["install", "--global", "--prefix", prefix, "--no-audit", "--no-fund", "--prefer-offline", join(folder, packed)], { stdio: "pipe" });
    const global = execFileSync(join(prefix, "bin", "layermap"), ["map", "src", "--format", "edges", "--quiet"], { cwd: project, encoding: "utf8" });
    expect(global).toBe("a.ts\tb.ts\n");
  }, 240_000);

  it("runs as `npx layermap` in a checkout: the build leaves the CLI executable", () => {
    // npm marks a bin executable when it installs a package, but a checkout runs dist/cli.js as built.
    expect(statSync("dist/cli.js").mode & 0o111).not.toBe(0);
    expect(execFileSync("npx", ["--no-install", "layermap", "--version"], { encoding: "utf8" }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
