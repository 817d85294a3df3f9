// @ts-check
/**
 * `npm run build`, after tsc: bundles each module a Node process starts from — the executable
 * (src/cli.ts), the CLI it loads (src/cli/main.ts) and every module the code starts by URL
 * (`new URL("./x.js", import.meta.url)`: the profiler's preload, a child process's entry) — with
 * what it imports, written over tsc's output of that module, at the same path. A run then reads a
 * few files instead of some 250 modules, which Node's compile cache keeps compiled
 * (src/cli/compile-cache.ts). The rest of tsc's dist/ stays as it is: the library (dist/index.js
 * and its .d.ts) is tsc's.
 *
 * What must stay a real module is left out of the bundle (EXTERNAL): TypeScript, loaded by path
 * with V8's code cache (src/typescript/load-typescript.ts); native addons; Graphviz's and tree-sitter's
 * WebAssembly.
 *
 * `import.meta.url` in a bundled source file is the bundle's, not the module's: each is rewritten
 * to the URL tsc's output of that module has (`new URL("../model/version.js", import.meta.url)`
 * from dist/cli/main.js), so every path the code finds relative to itself — package.json, the
 * profiler's preload, a forked child's entry, packages found through `createRequire` — is the one
 * it is without the bundle. In node_modules, only the uses listed in PACKAGE_URLS are allowed; a
 * new one fails the build, to be looked at.
 *
 * Each bundle has a source map beside it (`.map`, mappings only), so `layermap profile` places
 * layermap's own frames on src/, and `--debug` stack traces name src/ lines (src/cli.ts turns
 * Node's source maps on for it). `--metafile` writes each bundle's esbuild metafile beside it
 * (`<bundle>.meta.json`): what it holds, and which imports stayed dynamic.
 */
import { build } from "esbuild";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(repo, "src");
const dist = join(repo, "dist");

/** The executable, and the CLI's process it loads; the other entries are found in the sources (startedByUrl). */
const EXECUTABLE = "src/cli.ts";
const CLI_ENTRY = "src/cli/main.ts";
/** The CLI bundle's chunks, in dist/cli/ beside its entry (and tsc's output: no module of src/ is named so). */
const CHUNK_PREFIX = "bundle-";

/** Loaded as real modules at run time, never bundled. */
const EXTERNAL = [
  // TypeScript, by path, with V8's code cache (src/typescript/load-typescript.ts); ts-morph re-exports it.
  "typescript",
  "ts-morph",
  "@ts-morph/common",
  // Native addons (.node files) and their platform packages.
  "oxc-parser",
  "oxc-resolver",
  "@oxc-parser/*",
  "@oxc-resolver/*",
  // Graphviz compiled to WebAssembly, loaded only when a picture is drawn.
  "@hpcc-js/wasm-graphviz",
  // tree-sitter's WebAssembly runtime, loaded on the first Python file: its Emscripten glue reads
  // import.meta.url and finds its files from there (layermap hands it their paths, found by
  // package name, src/extract/python/load-python-parser.ts).
  "web-tree-sitter",
];

/**
 * `import.meta.url` in node_modules, by package path: "keep" where the bundle's URL does as well
 * (a `createRequire` that only finds packages by name, which resolve from dist/ as from the
 * package), or the file's path inside its package where the package reads files of its own.
 */
const PACKAGE_URLS = {
  // createRequire, for config files yargs-parser is told to load (layermap tells it none).
  "yargs-parser/build/lib/index.js": "keep",
  // createRequire, to load picomatch when globbing (layermap's fdir walk does not glob).
  "fdir/dist/index.mjs": "keep",
  // import.meta.resolve of a config's `extends` (layermap passes yargs no config).
  "yargs/build/lib/utils/apply-extends.js": "keep",
  // yargs' locales (its translated messages: LANG=de gives German help) and where it looks for
  // a package.json: found from where yargs is installed, as without the bundle.
  "yargs/lib/platform-shims/esm.mjs": { package: "yargs" },
};

const metafile = process.argv.includes("--metafile");
const started = Date.now();
const processes = startedByUrl();
await Promise.all([bundleExecutable(), bundleCli(), ...processes.map((entry) => bundleProcess(entry))]);
console.error(`bundled ${[EXECUTABLE, CLI_ENTRY, ...processes].join(", ")} in ${Date.now() - started} ms`);

/**
 * The executable, dist/cli.js: the few modules it runs before Node's compile cache is on, in one
 * file; the CLI (dist/cli/main.js) stays the module it imports.
 */
async function bundleExecutable() {
  const keepCli = {
    name: "keep-cli",
    /** @param {import("esbuild").PluginBuild} build */
    setup(build) {
      build.onResolve({ filter: /^\.\/cli\/main\.js$/ }, (args) => ({ path: args.path, external: true }));
    },
  };
  await bundle(EXECUTABLE, { outfile: outputOf(join(repo, EXECUTABLE)) }, [keepCli]);
}

/**
 * The CLI: its entry over tsc's dist/cli/main.js, and one chunk beside it (`bundle-<hash>.js`)
 * per part loaded by `await import()` — the commands' API, the reporters, … — so that a part
 * is read, and the packages it imports loaded, only when a command needs it: `--version` builds
 * no zod schema and loads no parser, and a JSON map loads no reporter of pictures.
 */
async function bundleCli() {
  const outdir = join(dist, "cli");
  for (const name of readdirSync(outdir)) if (name.startsWith(CHUNK_PREFIX)) rmSync(join(outdir, name));
  await bundle(CLI_ENTRY, { outdir, entryNames: "[name]", splitting: true, chunkNames: `${CHUNK_PREFIX}[hash]` });
}

/** A process started by URL: one file, at the path tsc gives its module. */
async function bundleProcess(entry) {
  await bundle(entry, { outfile: outputOf(join(repo, entry)) });
}

/**
 * @param {string} entry
 * @param {import("esbuild").BuildOptions} where
 * @param {import("esbuild").Plugin[]} plugins
 */
async function bundle(entry, where, plugins = []) {
  const folder = where.outdir ?? dirname(/** @type {string} */ (where.outfile));
  const result = await build({
    ...where,
    entryPoints: [join(repo, entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    external: EXTERNAL,
    // A package's ES module build where it has one: jsonc-parser's CommonJS one is a UMD wrapper
    // whose `require`s esbuild cannot follow.
    mainFields: ["module", "main"],
    sourcemap: "linked",
    sourcesContent: false,
    legalComments: "none",
    logLevel: "warning",
    metafile,
    // CommonJS packages inside the bundle call `require` for Node's builtins; the rewritten URLs
    // of PACKAGE_URLS use it under a name no module of the bundle declares.
    banner: {
      js: [
        `import { createRequire as __layermapCreateRequire } from "node:module";`,
        `import { pathToFileURL as __layermapFileUrl } from "node:url";`,
        `const __layermapRequire = __layermapCreateRequire(import.meta.url);`,
        `const require = __layermapRequire;`,
      ].join("\n"),
    },
    plugins: [...plugins, moduleUrls(folder)],
  });
  if (result.metafile !== undefined) writeFileSync(join(folder, `${basename(entry, ".ts")}.meta.json`), JSON.stringify(result.metafile, null, 1));
}

/** src/a/b.ts → dist/a/b.js: where tsc writes it. */
function outputOf(sourceFile) {
  return join(dist, relative(src, sourceFile)).replace(/\.ts$/, ".js");
}

/**
 * Modules the sources start by URL (`new URL("./x.js", import.meta.url)` naming a `.js` module of
 * src/): each is the entry of a process (a child, a preload), bundled on its own.
 */
function startedByUrl() {
  const found = new Set();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, "utf8");
    for (const [, path] of text.matchAll(/new URL\(\s*["'](\.\.?\/[^"']+\.js)["']\s*,\s*import\.meta\.url\s*\)/g)) {
      const module = resolve(dirname(file), path).replace(/\.js$/, ".ts");
      if (readdirSync(dirname(module)).includes(module.slice(dirname(module).length + 1))) found.add(relative(repo, module).split(sep).join("/"));
    }
  }
  return [...found].sort();
}

function* sourceFiles(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) yield path;
  }
}

/** @returns {import("esbuild").Plugin} */
function moduleUrls(folder) {
  return {
    name: "module-urls",
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        const text = await readFile(args.path, "utf8");
        if (!text.includes("import.meta")) return undefined;
        const inSources = args.path.startsWith(src + sep);
        if (inSources) {
          const other = /import\.meta\.(?!url\b)\w+/.exec(text);
          if (other !== null) return { errors: [{ text: `${other[0]} in a bundled module: only import.meta.url is rewritten (scripts/bundle.mjs)` }] };
          const target = posix(relative(folder, outputOf(args.path)));
          const url = `new URL(${JSON.stringify(target.startsWith(".") ? target : `./${target}`)}, import.meta.url).href`;
          return { contents: text.replaceAll("import.meta.url", url), loader: "ts" };
        }
        const inPackage = posix(args.path).split("/node_modules/").at(-1);
        const rule = inPackage === undefined ? undefined : PACKAGE_URLS[/** @type {keyof typeof PACKAGE_URLS} */ (inPackage)];
        if (rule === undefined) {
          return { errors: [{ text: `import.meta in ${inPackage ?? args.path}, bundled: say in scripts/bundle.mjs (PACKAGE_URLS) whether the bundle's URL does for it` }] };
        }
        if (rule === "keep") return undefined;
        const within = inPackage.slice(rule.package.length + 1);
        const url = `new URL(${JSON.stringify(within)}, __layermapFileUrl(__layermapRequire.resolve(${JSON.stringify(`${rule.package}/package.json`)}))).href`;
        return { contents: text.replaceAll("import.meta.url", url), loader: "js" };
      });
    },
  };
}

function posix(path) {
  return path.split(sep).join("/");
}
