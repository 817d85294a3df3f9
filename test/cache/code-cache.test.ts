/**
 * V8's code cache of TypeScript is bytecode that Node runs: it never comes from the analysed
 * repository, and a damaged one is compiled afresh. And no cache file is written through a link
 * that leads out of the project.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

/** The built CLI with its own user cache folder. */
function run(args: string[], cwd: string, userCache: string) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: userCache } });
}

const codeCaches = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder).filter((name) => /^v8-typescript-.*\.bin$/.test(name)) : []);

/** A file oxc rejects (a syntax error): TypeScript's parser reads it, so TypeScript is loaded, through its code cache. */
const BROKEN = "const = ;\n";

describe("the compiler's code cache", () => {
  it("lives in the user's cache folder, never in the analysed project's", () => {
    const folder = tempTree({ "project/package.json": "{}", "project/a.ts": 'import "./b.js";\n', "project/b.ts": "", "project/broken.ts": BROKEN });
    const userCache = join(folder, "user-cache");
    expect(run(["map", "project", "--quiet"], folder, userCache).status).toBe(0);
    expect(codeCaches(join(folder, "project/node_modules/.cache/layermap"))).toEqual([]);
    expect(codeCaches(join(userCache, "layermap"))).toHaveLength(1);
  });

  it("flipped bytes in it are caught before V8 sees them: the run maps as usual and replaces it", () => {
    const folder = tempTree({ "project/package.json": "{}", "project/a.ts": 'import "./b.js";\n', "project/b.ts": "", "project/broken.ts": BROKEN });
    const userCache = join(folder, "user-cache");
    const first = run(["map", "project"], folder, userCache);
    expect(first.status).toBe(0);
    const [name] = codeCaches(join(userCache, "layermap"));
    const file = join(userCache, "layermap", name!);
    const bytes = readFileSync(file);
    for (let at = 1000; at < bytes.length; at += 997) bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(file, bytes);
    // A change oxc rejects (a syntax error): TypeScript's parser reads the file, so TypeScript is loaded.
    appendFileSync(join(folder, "project/a.ts"), "const = ;\n");
    const damaged = run(["map", "project"], folder, userCache);
    expect(damaged.stderr).not.toMatch(/Fatal|Deserializer/);
    expect(damaged.status).toBe(0);
    expect(JSON.parse(damaged.stdout).imports).toEqual(JSON.parse(first.stdout).imports);
    expect(readFileSync(file).equals(bytes)).toBe(false); // rewritten whole
  });

  it("is not used from a folder others can write", () => {
    const folder = tempTree({ "project/package.json": "{}", "project/a.ts": "", "project/broken.ts": BROKEN });
    const userCache = join(folder, "user-cache");
    mkdirSync(join(userCache, "layermap"), { recursive: true, mode: 0o777 });
    spawnSync("chmod", ["0777", join(userCache, "layermap")]);
    expect(run(["map", "project", "--quiet"], folder, userCache).status).toBe(0);
    expect(codeCaches(join(userCache, "layermap"))).toEqual([]);
  });
});

describe("a node_modules link that leads out of the project", () => {
  it("gets no cache file written through it: one warning, the map as without a cache", () => {
    const folder = tempTree({ "project/package.json": "{}", "project/a.ts": 'import "./b.js";\n', "project/b.ts": "", "outside/keep": "" });
    symlinkSync("../outside", join(folder, "project/node_modules"));
    const userCache = join(folder, "user-cache");
    const cached = run(["map", "project"], folder, userCache);
    const cold = run(["map", "project", "--no-cache"], folder, userCache);
    expect(cached.status).toBe(0);
    expect(cached.stdout).toBe(cold.stdout);
    expect(readdirSync(join(folder, "outside"))).toEqual(["keep"]);
    expect(cached.stderr).toMatch(/^layermap: warning: not using the cache folder .*: a symbolic link on the way leads out of project .*; mapping without the cache/m);
  });
});
