/**
 * The cache is never stale: after every kind of change, a run with the cache gives exactly the
 * bytes a run without it gives — and it does reuse what it can.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { check } from "../../src/api/check.js";
import { map, type MapOptions, type MapResult } from "../../src/api/map.js";
import { jsonReport } from "../../src/report/json-report.js";
import type { CachePayload } from "../../src/cache/map-cache.js";
import { signatureOf, userSecret } from "../../src/model/user-cache.js";
import { openToOthers, permissionsUntestable, runCliUnprivileged } from "../helpers/unprivileged.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

// The map cache is signed with a key in the user's cache folder: this file's own.
const userCacheOfTests = mkdtempSync(join(tmpdir(), "layermap-user-cache-"));
process.env["XDG_CACHE_HOME"] = userCacheOfTests;
afterAll(() => rmSync(userCacheOfTests, { recursive: true, force: true }));

const cacheDirOf = (root: string): string => join(root, "node_modules", ".cache", "layermap");

/** Map with the cache, then without it, and require the same bytes. Returns the cached run. */
async function warmEqualsCold(root: string, options: Omit<MapOptions, "root"> = {}): Promise<MapResult> {
  const warm = await map({ root, ...options });
  const cold = await map({ root, ...options, cache: false });
  expect(jsonReport(warm.document)).toBe(jsonReport(cold.document));
  expect(cold.cache).toBeUndefined();
  return warm;
}

/** A project with a tsconfig path alias, an extensionless import, a JSON import, CommonJS and types. */
function project(): string {
  return tempTree({
    "package.json": JSON.stringify({ name: "p", type: "module", imports: { "#util": "./src/util.ts" } }),
    "tsconfig.json": JSON.stringify({ extends: "./config/base.json", compilerOptions: { module: "esnext", moduleResolution: "bundler" } }),
    "config/base.json": JSON.stringify({ compilerOptions: { baseUrl: "..", paths: { "@lib/*": ["src/lib/*"] } } }),
    "src/main.ts": [
      'import { helper } from "@lib/helper";',
      'import { util } from "#util";',
      'import { thing } from "./thing";',
      'import type { Shape } from "./types";',
      'import { Kind } from "./types";',
      'import data from "./data.json";',
      'import missing from "./missing";',
      "export const run = (s: Shape): Kind => helper(util(thing + data.n + missing + s));",
    ].join("\n"),
    "src/thing.js": "export const thing = 1;\n",
    "src/types.ts": "export interface Shape { n: number }\nexport type Kind = number;\n",
    "src/util.ts": "export const util = (x: unknown) => x;\n",
    "src/data.json": '{ "n": 1 }\n',
    "src/lib/helper.ts": 'import { util } from "../util.js";\nexport const helper = (x: unknown) => util(x) as number;\n',
    "src/lib2/helper.ts": "export const helper = (x: unknown) => Number(x);\n",
    "src/legacy.cjs": 'const fs = require("fs");\nmodule.exports = require("./util.ts");\n',
  });
}

/** Write a file and push its mtime back, as an old file has: stamps are only trusted then. */
function writeOld(path: string, text: string, secondsAgo = 60): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  age(path, secondsAgo);
}

function age(path: string, secondsAgo = 60): void {
  const then = Date.now() / 1000 - secondsAgo;
  utimesSync(path, then, then);
}

function ageTree(root: string): void {
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) age(join(entry.parentPath, entry.name), 120);
  }
}

/**
 * The clocks the reuse and staleness tests run under. With the real one, the files a test has
 * just written are racy (changed within the last 3 s: their status-change time cannot be set
 * back), so no stamp is trusted and no document is kept. Ten seconds ahead, every stamp is
 * trusted, and each warm run is offered the last document (document-cache.ts): it must take it
 * only when nothing changed.
 */
const CLOCKS = [
  { clock: "the real clock", ahead: false },
  { clock: "a clock ten seconds ahead (the last document in play)", ahead: true },
];

/** Date.now() ten seconds on, for the tests of the enclosing describe. */
function clockAhead(): void {
  let restore: (() => void) | undefined;
  beforeAll(() => {
    const now = Date.now.bind(Date);
    const spy = vi.spyOn(Date, "now").mockImplementation(() => now() + 10_000);
    restore = () => spy.mockRestore();
  });
  afterAll(() => restore?.());
}

describe.each(CLOCKS)("under $clock", ({ ahead }) => {
  if (ahead) clockAhead();

  describe("map cache: reuse", () => {
    it("reuses every extraction and resolution when nothing changed, without loading TypeScript", async () => {
      const root = project();
      ageTree(root);
      const first = await warmEqualsCold(root);
      // oxc parses every file and oxc-resolver resolves every site (the tsconfig's extends and paths,
      // #imports, a .cjs require): a cold run does not load TypeScript either.
      expect(first.cache).toMatchObject({ reusedFiles: 0, resolutionsHeld: false, loadedTypeScript: false });
      const written = statSync(first.cache!.file, { bigint: true }).mtimeNs;
      const second = await warmEqualsCold(root);
      expect(second.cache).toMatchObject({ reusedFiles: 7, parsedFiles: 0, resolvedSites: 0, resolutionsHeld: true, loadedTypeScript: false });
      // Nothing new: not rewritten. (Under the real clock the files may have left the racy
      // window since the first run, and their newly trusted stamps are worth writing.)
      if (ahead) expect(statSync(first.cache!.file, { bigint: true }).mtimeNs).toBe(written);
      expect(second.warnings).toEqual([]);
      expect(existsSync(second.cache!.file)).toBe(true);
      expect(second.cache!.file.startsWith(cacheDirOf(root))).toBe(true);
    });

    it("re-extracts only the file that changed, and resolves only its new sites", async () => {
      const root = project();
      ageTree(root);
      await map({ root });
      writeOld(join(root, "src/util.ts"), 'import "./types";\nexport const util = (x: unknown) => x;\n');
      const warm = await warmEqualsCold(root);
      expect(warm.cache).toMatchObject({ reusedFiles: 6, parsedFiles: 1, resolvedSites: 1, resolutionsHeld: true });
      // A comment-only change re-parses the file but resolves nothing.
      writeOld(join(root, "src/util.ts"), 'import "./types"; // now with a comment\nexport const util = (x: unknown) => x;\n');
      expect((await warmEqualsCold(root)).cache).toMatchObject({ parsedFiles: 1, resolvedSites: 0 });
    });

    it("writes nothing with cache: false", async () => {
      const root = project();
      await map({ root, cache: false });
      expect(existsSync(cacheDirOf(root))).toBe(false);
    });

    it("uses the folder given, shared by several roots", async () => {
      const tree = tempTree({ "a/x.ts": 'import "./y";\n', "a/y.ts": "", "b/z.ts": 'import "../a/x";\n' });
      const cache = join(tree, "shared-cache");
      await warmEqualsCold(join(tree, "a"), { cache });
      await warmEqualsCold(join(tree, "b"), { cache });
      expect(readdirSync(cache).filter((name) => name.endsWith(".json"))).toHaveLength(2);
      expect((await warmEqualsCold(join(tree, "a"), { cache })).cache?.resolutionsHeld).toBe(true);
    });
  });

  describe("map cache: never stale", () => {
    const change = async (edit: (root: string) => void, options: Omit<MapOptions, "root"> = {}): Promise<MapResult> => {
      const root = project();
      ageTree(root);
      await warmEqualsCold(root, options);
      const fullyWarm = await warmEqualsCold(root, options);
      expect(fullyWarm.cache?.reusedDocument).toBe(ahead);
      edit(root);
      const changed = await warmEqualsCold(root, options);
      expect(changed.cache?.reusedDocument).toBe(false);
      return changed;
    };

    it("sees an edit", async () => {
      await change((root) => writeOld(join(root, "src/types.ts"), 'import "./thing";\nexport interface Shape { n: number }\nexport type Kind = string;\n'));
    });

    it("sees an edit that keeps the size and the modification time", async () => {
      const warm = await change((root) => {
        const path = join(root, "src/lib/helper.ts");
        const before = statSync(path);
        const text = readFileSync(path, "utf8").replace('"../util.js"', '"./../types"');
        expect(text.length).toBe(before.size);
        writeFileSync(path, text);
        utimesSync(path, before.atime, before.mtime);
      });
      expect(warm.document.imports.some((i) => i.from === "src/lib/helper.ts" && i.to === "src/types.ts")).toBe(true);
    });

    // Under a clock ahead, no stamp is ever racy: this one is about the real clock.
    it.skipIf(ahead)("sees an edit made within the same second as the run before it", async () => {
      const root = project();
      const path = join(root, "src/util.ts");
      const before = await warmEqualsCold(root); // every file just written: no stamp is trusted yet
      expect(before.cache?.reusedFiles).toBe(0);
      const text = readFileSync(path, "utf8");
      writeFileSync(path, text.replace("(x: unknown) => x", "(y: unknown) => y"));
      const warm = await warmEqualsCold(root);
      expect(warm.cache).toMatchObject({ reusedFiles: 6, parsedFiles: 1 });
    });

    it("sees a rename", async () => {
      const warm = await change((root) => renameSync(join(root, "src/thing.js"), join(root, "src/thing2.js")));
      expect(warm.document.diagnostics.some((d) => d.message.includes('"./thing"'))).toBe(true);
    });

    it("sees a deletion", async () => {
      await change((root) => rmSync(join(root, "src/types.ts")));
    });

    it("sees a new file that changes what an extensionless specifier means", async () => {
      const warm = await change((root) => writeOld(join(root, "src/thing.ts"), "export const thing = 2;\n"));
      expect(warm.document.imports.some((i) => i.from === "src/main.ts" && i.to === "src/thing.ts")).toBe(true);
    });

    it("sees a new file that is not a source file (a missing import appears)", async () => {
      const warm = await change((root) => writeOld(join(root, "src/missing.json"), "{}\n"));
      expect(warm.document.diagnostics.some((d) => d.message.includes('"./missing"'))).toBe(false);
    });

    it("sees a new folder with an index file", async () => {
      await change((root) => writeOld(join(root, "src/missing/index.ts"), "export default 1;\n"));
    });

    it("watches what a site resolved in a warm run depends on, outside the root too", async () => {
      const tree = tempTree({ "proj/a.ts": "export {};\n", "outside/data.json": "{}\n" });
      ageTree(tree);
      const root = join(tree, "proj");
      await warmEqualsCold(root);
      writeOld(join(root, "a.ts"), 'import data from "../outside/data.json";\nexport { data };\n');
      const edited = await warmEqualsCold(root);
      expect(edited.cache).toMatchObject({ resolutionsHeld: true, resolvedSites: 1 });
      rmSync(join(tree, "outside/data.json"));
      const warm = await warmEqualsCold(root);
      expect(warm.document.diagnostics.map((d) => d.code)).toEqual(["unresolved"]);
    });

    it("sees a changed tsconfig path alias, in a file the tsconfig extends", async () => {
      const warm = await change((root) =>
        writeOld(join(root, "config/base.json"), JSON.stringify({ compilerOptions: { baseUrl: "..", paths: { "@lib/*": ["src/lib2/*"] } } })),
      );
      expect(warm.cache?.resolutionsHeld).toBe(false);
      expect(warm.document.imports.some((i) => i.from === "src/main.ts" && i.to === "src/lib2/helper.ts")).toBe(true);
    });

    it("sees a tsconfig outside the mapped root change", async () => {
      const root = project();
      ageTree(root);
      const src = join(root, "src");
      const options = { tsconfig: "../tsconfig.json" };
      await warmEqualsCold(src, options);
      writeOld(join(root, "config/base.json"), JSON.stringify({ compilerOptions: { baseUrl: "..", paths: { "@lib/*": ["src/lib2/*"] } } }));
      const warm = await warmEqualsCold(src, options);
      expect(warm.document.imports.some((i) => i.from === "main.ts" && i.to === "lib2/helper.ts")).toBe(true);
    });

    it("sees a changed package.json `imports` entry", async () => {
      await change((root) => writeOld(join(root, "package.json"), JSON.stringify({ name: "p", type: "module", imports: { "#util": "./src/lib/helper.ts" } })));
    });

    it("sees a new tsconfig.json where there was none", async () => {
      const root = tempTree({ "a.ts": 'import "@x/b";\n', "b.ts": "" });
      ageTree(root);
      await warmEqualsCold(root);
      writeOld(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { paths: { "@x/*": ["./*"] } } }));
      const warm = await warmEqualsCold(root);
      expect(warm.document.imports.some((i) => i.from === "a.ts" && i.to === "b.ts")).toBe(true);
    });

    it("sees a changed layermap config", async () => {
      const root = project();
      ageTree(root);
      await warmEqualsCold(root);
      writeOld(join(root, "layermap.config.json"), JSON.stringify({ exclude: ["src/lib/**"], layers: [{ name: "all", paths: "src/**" }] }));
      const warm = await warmEqualsCold(root);
      expect(warm.document.modules.some((m) => m.id === "src/lib/helper.ts" && m.kind === "local")).toBe(true); // still imported, not mapped
      expect(warm.document.summary.files).toBe(6);
    });

    it("sees a changed alias in the layermap config, and holds while it is unchanged", async () => {
      const root = tempTree({
        "layermap.config.json": JSON.stringify({ aliases: { "@": "src" } }),
        "app/main.ts": 'import { helper } from "@/lib/helper";\nimport Nav from "@/Nav.vue";\nexport const all = [helper, Nav];\n',
        "src/lib/helper.ts": "export const helper = 1;\n",
        "src/Nav.vue": "<template><nav /></template>\n",
        "next/lib/helper.ts": "export const helper = 2;\n",
        "next/Nav.vue": "<template><nav /></template>\n",
      });
      ageTree(root);
      await warmEqualsCold(root);
      const held = await warmEqualsCold(root);
      expect(held.cache).toMatchObject({ resolutionsHeld: true, resolvedSites: 0, reusedDocument: ahead });
      writeOld(join(root, "layermap.config.json"), JSON.stringify({ aliases: { "@": "next" } }));
      const warm = await warmEqualsCold(root);
      expect(warm.cache).toMatchObject({ resolutionsHeld: false, reusedDocument: false });
      expect(warm.document.imports.map((i) => i.to)).toEqual(["next/Nav.vue", "next/lib/helper.ts"]);
    });

    it("sees the target of an alias appear, in a folder the inputs do not list (a dot-folder)", async () => {
      const root = tempTree({
        "layermap.config.json": JSON.stringify({ aliases: { "#gen": ".generated" } }),
        "a.ts": 'import "./b";\n',
        "b.ts": "",
      });
      ageTree(root);
      await warmEqualsCold(root);
      const before = await warmEqualsCold(root);
      expect(before.cache?.reusedDocument).toBe(ahead);
      expect(before.document.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(["layermap.config.json config-error"]);
      mkdirSync(join(root, ".generated"));
      const after = await warmEqualsCold(root);
      expect(after.cache?.reusedDocument).toBe(false);
      expect(after.document.diagnostics).toEqual([]);
    });

    it("sees changed options", async () => {
      const root = project();
      ageTree(root);
      await warmEqualsCold(root);
      await warmEqualsCold(root, { exclude: ["**/*.cjs"] });
      await warmEqualsCold(root, { include: ["src/lib/**"] });
      expect((await warmEqualsCold(root)).cache?.reusedFiles).toBe(7);
    });

    it("sees a package installed into node_modules", async () => {
      // Installed as npm and pnpm install a workspace package: a link to its folder. Before, `dep/sub`
      // is an external package and `#internal` (an `imports` entry naming it) does not resolve.
      const root = tempTree({
        "a.ts": 'import "dep/sub";\nimport "#internal";\n',
        "package.json": JSON.stringify({ name: "a", imports: { "#internal": "dep/sub" } }),
        "libs/dep/package.json": JSON.stringify({ name: "dep", exports: { "./sub": "./sub.ts" } }),
        "libs/dep/sub.ts": "",
      });
      ageTree(root);
      const importsOf = (result: MapResult): string[] => result.document.imports.filter((i) => i.from === "a.ts").map((i) => i.to);
      await warmEqualsCold(root);
      const before = await warmEqualsCold(root); // fully warm
      expect(importsOf(before)).toEqual(["#internal", "dep"]);
      expect(before.cache?.resolutionsHeld).toBe(true);
      symlinkSync("../libs/dep", join(root, "node_modules/dep"));
      const after = await warmEqualsCold(root);
      expect(importsOf(after)).toEqual(["libs/dep/sub.ts"]);
      expect(after.cache?.resolutionsHeld).toBe(false);
    });

    it("keeps reporting files that cannot be read or are not text", async () => {
      const root = project();
      writeFileSync(join(root, "src/binary.ts"), Buffer.from([0x69, 0x00, 0x01]));
      ageTree(root);
      await warmEqualsCold(root);
      const warm = await warmEqualsCold(root);
      expect(warm.document.diagnostics.some((d) => d.file === "src/binary.ts" && d.code === "not-text")).toBe(true);
    });
  });
});

describe("map cache: a bad cache file is ignored with a warning, never trusted", () => {
  const corrupt = async (damage: (text: string) => string, warning: RegExp | null): Promise<void> => {
    const root = project();
    ageTree(root);
    const first = await map({ root });
    const file = first.cache!.file;
    writeFileSync(file, damage(readFileSync(file, "utf8")));
    const warnings: string[] = [];
    const warm = await warmEqualsCold(root, { onWarning: (message) => warnings.push(message) });
    if (warning === null) expect(warnings).toEqual([]);
    else {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(warning);
      expect(warnings[0]).not.toContain("\n");
    }
    expect(warm.warnings).toEqual(warnings);
    expect(warm.cache?.reusedFiles).toBe(0);
    // And it was rebuilt: the next run is warm again, without a warning.
    const again = await warmEqualsCold(root);
    expect(again.warnings).toEqual([]);
    expect(again.cache?.reusedFiles).toBe(7);
  };

  it("garbage", () => corrupt(() => "\u0000\u0001garbage", /not a layermap cache file/));
  it("truncated", () => corrupt((text) => text.slice(0, text.length >> 1), /not signed by this user's key/));
  it("someone else's JSON", () => corrupt(() => JSON.stringify({ hello: "world" }), /not a layermap cache file/));
  it("a changed byte", () => corrupt((text) => text.replace('"lines":', '"lines" :'), /not signed by this user's key/));
  it("a payload of the wrong shape, signed with the user's key", async () => {
    await corrupt((text) => {
      const header = JSON.parse(text.slice(0, text.indexOf("\n")));
      const body = JSON.stringify({ root: JSON.parse(text.slice(text.indexOf("\n") + 1)).root, files: { "src/main.ts": { nonsense: true } }, resolution: null });
      header.signature = signatureOf(userSecret()!, body);
      return `${JSON.stringify(header)}\n${body}`;
    }, /bad entry for src\/main\.ts/);
  });
  it("one written by another layermap version (silently)", () =>
    corrupt((text) => text.replace(/"layermap":"[^"]*"/, '"layermap":"0.0.0-other"'), null));

  it("a cache folder that cannot be written", async () => {
    const root = project();
    const blocked = join(root, "not-a-folder");
    writeFileSync(blocked, "");
    const warm = await warmEqualsCold(root, { cache: blocked });
    expect(warm.warnings).toHaveLength(1);
    expect(warm.warnings[0]).toMatch(/cannot write the cache file/);
  });

  it.skipIf(permissionsUntestable !== undefined)("a cache file that cannot be read", () => {
    // Run as a user whom permissions bind (nobody, when the tests run as root), with a cache folder
    // and a private user cache folder of that user's.
    const root = project();
    openToOthers(root);
    const cacheDir = join(root, "cache");
    mkdirSync(cacheDir);
    chmodSync(cacheDir, 0o777);
    const userCache = mkdtempSync(join(tmpdir(), "layermap-user-cache-"));
    if (process.getuid?.() === 0) chownSync(userCache, 65534, 65534);
    const saved = process.env["XDG_CACHE_HOME"];
    process.env["XDG_CACHE_HOME"] = userCache;
    try {
      const first = runCliUnprivileged(["map", root, "--quiet", "--cache", cacheDir]);
      expect(first.stderr).toBe("");
      const [file] = readdirSync(cacheDir);
      chmodSync(join(cacheDir, file!), 0o000);
      const unreadable = runCliUnprivileged(["map", root, "--quiet", "--cache", cacheDir]);
      expect(unreadable.status).toBe(0);
      expect(unreadable.stdout).toBe(first.stdout);
      expect(unreadable.stderr).toMatch(/^layermap: warning: cannot read the cache file .* \(EACCES\): mapping without it\n/);
    } finally {
      process.env["XDG_CACHE_HOME"] = saved;
      rmSync(userCache, { recursive: true, force: true });
    }
  });
});

describe("map cache: untrusted input, signed with the user's own key", () => {
  /** Edit the payload of a cache file and sign it with `key` (an attacker's, or the user's). */
  const edit = (file: string, change: (payload: CachePayload) => void, key: Buffer): void => {
    const text = readFileSync(file, "utf8");
    const header = JSON.parse(text.slice(0, text.indexOf("\n")));
    const payload = JSON.parse(text.slice(text.indexOf("\n") + 1)) as CachePayload;
    change(payload);
    const body = JSON.stringify(payload);
    header.signature = signatureOf(key, body);
    writeFileSync(file, `${JSON.stringify(header)}\n${body}`);
  };
  const dropSites = (payload: CachePayload): void => {
    payload.files["src/lib/helper.ts"]!.extraction.sites = [];
    payload.resolution!.files["src/lib/helper.ts"]!.targets = [];
  };

  it("cached sites edited by someone without the key (stamps kept, payload re-signed) are ignored with a warning", async () => {
    const root = project();
    ageTree(root);
    const first = await warmEqualsCold(root);
    await warmEqualsCold(root);
    edit(first.cache!.file, dropSites, randomBytes(32));
    const warnings: string[] = [];
    const warm = await warmEqualsCold(root, { onWarning: (message) => warnings.push(message) });
    expect(warnings).toEqual([expect.stringMatching(/^ignoring the cache file .*: not signed by this user's key .*; it will be rebuilt$/)]);
    expect(warm.document.imports.some((i) => i.from === "src/lib/helper.ts" && i.to === "src/util.ts")).toBe(true);
  });

  it("what a writer of the user's cache folder can do: sign anything, which is then trusted", async () => {
    // The documented limit: the key is the user's, so whoever can read it can forge the cache.
    const root = project();
    ageTree(root);
    const first = await warmEqualsCold(root);
    edit(first.cache!.file, dropSites, userSecret()!);
    const forged = await map({ root });
    expect(forged.warnings).toEqual([]);
    expect(forged.document.imports.some((i) => i.from === "src/lib/helper.ts")).toBe(false);
  });

  it("an older cache file this user wrote, put back: nothing stale comes of it", async () => {
    const root = project();
    ageTree(root);
    const first = await warmEqualsCold(root);
    const old = readFileSync(first.cache!.file);
    writeOld(join(root, "src/util.ts"), 'import "./lib2/helper";\nexport const util = (x: unknown) => x;\n');
    await warmEqualsCold(root);
    writeFileSync(first.cache!.file, old);
    const replayed = await warmEqualsCold(root);
    expect(replayed.document.imports.some((i) => i.from === "src/util.ts" && i.to === "src/lib2/helper.ts")).toBe(true);
  });
});

describe("map cache: from the command line", () => {
  const repo = fileURLToPath(new URL("../../", import.meta.url));
  const cli = join(repo, "dist", "cli.js");

  it("--no-cache writes no cache, --cache <dir> writes there, and a corrupt one is one warning line", () => {
    const root = project();
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, "map", root, "--quiet", ...args], { encoding: "utf8" });
    const cold = run("--no-cache");
    expect(cold.status).toBe(0);
    expect(existsSync(cacheDirOf(root))).toBe(false);
    const dir = join(root, "elsewhere");
    expect(run("--cache", dir).stdout).toBe(cold.stdout);
    const [file] = readdirSync(dir).filter((name) => name.endsWith(".json"));
    writeFileSync(join(dir, file!), "{}");
    const warned = run("--cache", dir);
    expect(warned.stdout).toBe(cold.stdout);
    expect(warned.stderr).toMatch(/^layermap: warning: ignoring the cache file .*: not a layermap cache file; it will be rebuilt\n$/);
    expect(run("--cache", dir).stderr).toBe("");
  });

  it("a warm run in a fresh process does not load TypeScript", () => {
    const root = project();
    // A file oxc rejects: TypeScript's parser reads it on the cold run, so TypeScript is loaded then.
    writeOld(join(root, "src/broken.ts"), 'import "./util";\nconst = ;\n');
    ageTree(root);
    const script = [
      `import { createRequire } from "node:module";`,
      `const { map } = await import(${JSON.stringify(join(repo, "dist", "api", "map.js"))});`,
      `const result = await map({ root: ${JSON.stringify(root)} });`,
      `const loaded = Object.keys(createRequire(import.meta.url).cache).filter((p) => /typescript|ts-morph/.test(p));`,
      `console.log(JSON.stringify({ loaded, stats: result.cache }));`,
    ].join("\n");
    const once = () => JSON.parse(spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }).stdout);
    expect(once().loaded.length).toBeGreaterThan(0);
    const warm = once();
    expect(warm.stats.loadedTypeScript).toBe(false);
    expect(warm.loaded).toEqual([]);
  });
});

describe("map cache: the last document, re-emitted when nothing changed", () => {
  clockAhead();

  /** project() with layers and rules that the code breaks, and a runtime cycle. */
  const layered = (): string => {
    const root = project();
    writeFileSync(join(root, "src/util.ts"), 'import { helper } from "./lib/helper.js";\nexport const util = (x: unknown) => x ?? helper;\n');
    writeFileSync(
      join(root, "layermap.config.json"),
      JSON.stringify({ layers: [{ name: "app", paths: "src/*.ts" }, { name: "lib", paths: "src/lib*/**" }], rules: { cycles: "error" } }),
    );
    return root;
  };
  /** A graph as a list: nodes and edges in order, with every attribute. */
  const listed = ({ graph, layers }: MapResult) => ({
    nodes: graph.mapNodes((node, attributes) => [node, attributes]),
    edges: graph.mapEdges((_edge, attributes, source, target) => [source, target, attributes]),
    layerOf: [...layers.layerOf],
    unlayered: layers.unlayered,
  });

  it("gives the same bytes, and the graph and layers the run that made it built", async () => {
    const root = layered();
    const first = await map({ root });
    expect(first.cache?.reusedDocument).toBe(false);
    const stages: string[] = [];
    const reused = await map({ root, onStage: ({ stage }) => stages.push(stage) });
    expect(reused.cache).toMatchObject({ reusedDocument: true, parsedFiles: 0, resolvedSites: 0, loadedTypeScript: false });
    expect(stages).toEqual(["config", "discover", "cache"]);
    const cold = await map({ root, cache: false });
    expect(jsonReport(reused.document)).toBe(jsonReport(cold.document));
    expect(listed(reused)).toEqual(listed(cold));
    expect(listed(reused).edges.length).toBeGreaterThan(5);
    // check builds on the graph: the same violations, cycle chain included.
    const checked = await check({ root });
    expect(checked.violations.length).toBeGreaterThan(0);
    expect(checked.violations).toEqual((await check({ root, cache: false })).violations);
  });

  it("is not kept when a site may come to resolve with no watched input changed", async () => {
    // An unresolved bare specifier is resolved again on every run (resolution-cache.ts).
    const root = tempTree({ "a.ts": 'import "#nowhere";\nimport "./b.js";\n', "b.ts": "", "package.json": "{}" });
    await warmEqualsCold(root);
    const warm = await warmEqualsCold(root);
    expect(warm.cache).toMatchObject({ reusedDocument: false, parsedFiles: 0 });
  });

  it("is rebuilt after each kind of change", async () => {
    // A workspace package linked into node_modules, as npm and pnpm install one.
    const root = tempTree({
      "a.ts": 'import "dep/sub";\nimport "./b.js";\n',
      "b.ts": "export {};\n",
      "package.json": JSON.stringify({ name: "a" }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { module: "nodenext" } }),
      "libs/dep/package.json": JSON.stringify({ name: "dep", exports: { "./sub": "./sub.ts" } }),
      "libs/dep/sub.ts": "",
      "libs/dep/other.ts": "",
    });
    mkdirSync(join(root, "node_modules"));
    symlinkSync("../libs/dep", join(root, "node_modules/dep"));
    const changes: [string, () => void][] = [
      ["a file edited", () => writeFileSync(join(root, "b.ts"), 'import "./a.js";\nexport {};\n')],
      ["a file added", () => writeFileSync(join(root, "c.ts"), 'import "./b.js";\n')],
      ["a file removed", () => rmSync(join(root, "c.ts"))],
      ["a file that is not source added beside one", () => writeFileSync(join(root, "b.json"), "{}\n")],
      ["the layermap config edited", () => writeFileSync(join(root, "layermap.config.json"), JSON.stringify({ layers: [{ name: "all", paths: "**" }] }))],
      ["the tsconfig edited", () => writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "nodenext", paths: { "x/*": ["./*"] } } }))],
      ["the linked package's package.json sending a subpath elsewhere", () => writeFileSync(join(root, "libs/dep/package.json"), JSON.stringify({ name: "dep", exports: { "./sub": "./other.ts" } }))],
      ["an install (npm's marker in node_modules rewritten)", () => writeFileSync(join(root, "node_modules/.package-lock.json"), "{}\n")],
    ];
    await warmEqualsCold(root);
    expect((await warmEqualsCold(root)).cache?.reusedDocument).toBe(true);
    for (const [change, make] of changes) {
      make();
      const changed = await warmEqualsCold(root);
      expect({ change, reused: changed.cache?.reusedDocument }).toEqual({ change, reused: false });
      expect({ change, reused: (await warmEqualsCold(root)).cache?.reusedDocument }).toEqual({ change, reused: true });
    }
    const imports = (await map({ root })).document.imports.map((i) => `${i.from} ${i.to}`);
    expect(imports).toContain("a.ts libs/dep/other.ts");
  });

  describe("a bad document in a cache file signed with the user's key is ignored with a warning, and rebuilt", () => {
    const damaged = async (damage: (payload: CachePayload) => void, warning: RegExp): Promise<void> => {
      const root = project();
      const first = await map({ root });
      const text = readFileSync(first.cache!.file, "utf8");
      const header = JSON.parse(text.slice(0, text.indexOf("\n")));
      const payload = JSON.parse(text.slice(text.indexOf("\n") + 1)) as CachePayload;
      expect(payload.document).not.toBeNull();
      damage(payload);
      const body = JSON.stringify(payload);
      header.signature = signatureOf(userSecret()!, body);
      writeFileSync(first.cache!.file, `${JSON.stringify(header)}\n${body}`);
      const warnings: string[] = [];
      const warm = await warmEqualsCold(root, { onWarning: (message) => warnings.push(message) });
      expect(warnings).toEqual([expect.stringMatching(warning)]);
      expect(warm.cache?.reusedDocument).toBe(false);
      expect((await warmEqualsCold(root)).cache?.reusedDocument).toBe(true);
    };

    it("a module of an unknown kind", () =>
      damaged((payload) => {
        payload.document!.document.modules[0]!.kind = "nonsense" as "local";
      }, /corrupt \(bad document: bad modules\)/));
    it("an import of a module not in the list", () =>
      damaged((payload) => {
        payload.document!.document.imports[0]!.to = "nowhere.ts";
      }, /corrupt \(bad document: .*"nowhere\.ts" is not in the module list\)/));
    it("an unknown key", () =>
      damaged((payload) => {
        (payload.document!.document as unknown as Record<string, unknown>)["extra"] = 1;
      }, /corrupt \(bad document: not a map document\)/));
    it("a stamp that is not one", () =>
      damaged((payload) => {
        payload.document!.stamps["src/main.ts"] = { size: "1" } as never;
      }, /corrupt \(bad document: bad stamps\)/));
  });

  it("from the command line: a second run writes the same bytes, and says it reused the document", () => {
    // The fixture's files were written when the repository was checked out: their stamps are trusted.
    const basic = fileURLToPath(new URL("../fixtures/map/basic", import.meta.url));
    const cache = tempTree({});
    const cold = runBuiltCli(["map", basic, "--no-cache", "--quiet"]);
    const first = runBuiltCli(["map", basic, "--cache", cache, "--quiet", "--verbose"]);
    const second = runBuiltCli(["map", basic, "--cache", cache, "--quiet", "--verbose"]);
    expect(first.stdout).toBe(cold.stdout);
    expect(second.stdout).toBe(cold.stdout);
    expect(first.stderr).toMatch(/^layermap: cache +[\d,]+ ms {2}written to /m);
    expect(second.stderr).toMatch(/^layermap: cache +[\d,]+ ms {2}nothing changed: the last run's document, 5 files unchanged$/m);
    expect(second.stderr).not.toMatch(/^layermap: (parse|resolve|graph|layers|document) /m);
  });
});
