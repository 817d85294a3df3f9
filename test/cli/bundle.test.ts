/**
 * The CLI as `npm run build` ships it: esbuild's bundle (scripts/bundle.mjs) in dist/cli/, loaded
 * by dist/cli.js. Every file the code finds relative to its own module — package.json, the
 * profiler's preload, svg-pan-zoom's script, yargs' locales — is found from the bundle; a run
 * loads only what its command needs; and stack traces and profiles still name src/.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { CLI, runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const MAIN = join(repo, "dist/cli/main.js");
const SAMPLES = join(repo, "samples");
// Written when the repository was checked out: old enough for the cache to trust their stamps.
const BASIC = join(repo, "test/fixtures/map/basic");
const { version } = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { version: string };

/**
 * Runs the built CLI with a preload whose loader hooks record every module Node loads, and
 * returns their URLs with the run.
 */
function runRecorded(args: readonly string[]): { status: number | null; stderr: string; loaded: string[] } {
  const folder = tempTree({});
  const log = join(folder, "loaded.txt");
  writeFileSync(log, "");
  const hooks = join(folder, "hooks.mjs");
  writeFileSync(hooks, `import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + "\\n");\n  return next(url, context);\n}\n`);
  const preload = join(folder, "record.mjs");
  writeFileSync(preload, `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const run = spawnSync(process.execPath, ["--import", pathToFileURL(preload).href, CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: run.status, stderr: run.stderr, loaded: readFileSync(log, "utf8").split("\n").filter(Boolean) };
}

/** The sources (as its source map names them) of every chunk of the bundle a run loaded. */
function sourcesLoaded(loaded: readonly string[]): string[] {
  return loaded
    .filter((url) => url.startsWith(pathToFileURL(dirname(MAIN)).href) && url.includes("/bundle-"))
    .flatMap((url) => (JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, "utf8")) as { sources: string[] }).sources);
}

const fromPackage = (name: string) => (url: string) => url.includes(`/node_modules/${name}/`);

describe("the bundled CLI", () => {
  it("is one esbuild bundle with a source map, over tsc's output of src/cli/main.ts", () => {
    const text = readFileSync(MAIN, "utf8");
    expect(text).toMatch(/\/\/# sourceMappingURL=main\.js\.map\n$/);
    expect(text).not.toMatch(/from "\.\.\/(api|model|report)\//); // tsc's output imports its neighbours; the bundle, its chunks
    const map = JSON.parse(readFileSync(`${MAIN}.map`, "utf8")) as { sources: string[] };
    expect(map.sources).toContain("../../src/cli/main.ts");
  });

  it("finds its own files: the version, the preload, svg-pan-zoom, yargs' locales", () => {
    expect(runBuiltCli(["--version"]).stdout).toBe(`${version}\n`);
    const folder = tempTree({ "main.js": "let n = 0;\nfor (let i = 0; i < 2e6; i++) n += i % 7;\nconsole.log(n > 0);\n" });
    // The profiler's preload, started by URL (new URL("./profiler-preload.js", import.meta.url)).
    const profiled = runBuiltCli(["profile", "--out", "run.cpuprofile", "--", process.execPath, "main.js"], folder);
    expect(profiled.stderr).toMatch(/profile written to run\.cpuprofile/);
    expect(profiled.status).toBe(0);
    const drawn = runBuiltCli(["callgraph", join(folder, "run.cpuprofile"), "--root", folder, "--out", join(folder, "calls.html")]);
    expect(drawn.status).toBe(0);
    // svg-pan-zoom's own build, found through createRequire from the module that reads it.
    const page = readFileSync(join(folder, "calls.html"), "utf8");
    expect(page).toContain("svgPanZoom");
    const map = runBuiltCli(["map", SAMPLES, "--no-cache", "--quiet", "--out", join(folder, "map.json"), "--out", join(folder, "map.html"), "--out", join(folder, "map.svg")]);
    expect(map.status).toBe(0);
    expect(readFileSync(join(folder, "map.svg"), "utf8")).toMatch(/^<\?xml|^<svg/);
    expect(readFileSync(join(folder, "map.html"), "utf8")).toContain("svgPanZoom");
    const rendered = runBuiltCli(["render", join(folder, "map.json"), "--collapse", "layer", "--config", join(SAMPLES, "layermap.config.json"), "--out", join(folder, "layers.svg")]);
    expect(rendered.status).toBe(0);
    expect(existsSync(join(folder, "layers.svg"))).toBe(true);
    // yargs' messages in the user's language, read from yargs' own locales folder.
    const german = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8", env: { ...process.env, LANG: "de_DE.UTF-8", LC_ALL: "", LC_MESSAGES: "" } });
    expect(german.stdout).toContain("Kommandos:");
  });

  it("names src/ in the stack traces of --debug", () => {
    const run = runBuiltCli(["--debug", "map"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/src\/cli\/run-cli\.ts:\d+:\d+/);
  });
});

describe("what a run loads", () => {
  it("--version: no command's module, no zod, no parser", () => {
    const run = runRecorded(["--version"]);
    expect(run.status).toBe(0);
    const sources = sourcesLoaded(run.loaded);
    expect(sources.some((source) => source.includes("/node_modules/yargs/"))).toBe(true);
    expect(sources.filter((source) => /\/node_modules\/zod\/|\/src\/cli\/commands\/[^/]+-command\.ts$|\/src\/api\//.test(source))).toEqual([]);
    expect(run.loaded.filter(fromPackage("oxc-parser"))).toEqual([]);
  });

  it("a JSON map draws nothing: Graphviz's WebAssembly is not loaded, and a warm run loads no parser or resolver", () => {
    const cache = tempTree({});
    const out = join(cache, "map.json");
    const cold = runRecorded(["map", BASIC, "--quiet", "--cache", cache, "--out", out]);
    expect(cold.status).toBe(0);
    expect(cold.loaded.filter(fromPackage("oxc-parser")).length).toBeGreaterThan(0); // the recorder sees packages
    expect(cold.loaded.filter(fromPackage("@hpcc-js/wasm-graphviz"))).toEqual([]);
    const warm = runRecorded(["map", BASIC, "--quiet", "--cache", cache, "--out", out, "--verbose"]);
    expect(warm.stderr).toMatch(/nothing changed: the last run's document/);
    expect(warm.loaded.filter((url) => ["oxc-parser", "@ts-morph/common", "typescript", "@hpcc-js/wasm-graphviz"].some((name) => fromPackage(name)(url)))).toEqual([]);
    // The stages' entries (a constant or two of their folders may be: the size limit, what a relative specifier is).
    expect(sourcesLoaded(warm.loaded).filter((source) => /\/src\/(extract\/extract-all|extract\/oxc\/|resolve\/resolve-all|resolve\/module-resolver)/.test(source))).toEqual([]);
    const drawn = runRecorded(["map", BASIC, "--quiet", "--cache", cache, "--out", join(cache, "map.svg")]);
    expect(drawn.status).toBe(0);
    expect(drawn.loaded.filter(fromPackage("@hpcc-js/wasm-graphviz")).length).toBeGreaterThan(0);
  });
});
