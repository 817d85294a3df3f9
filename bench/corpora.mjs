/**
 * The benchmark corpora: real, third-party code at pinned versions, fetched from the npm registry
 * by fetch-corpora.mjs and read by every benchmark script (compare-edges.mjs, …).
 *
 * Each entry:
 *   name      npm package name; also the folder under .cache/corpora/
 *   version   exact version (the latest of its major when it was pinned)
 *   sub       folder inside the unpacked package that the tools map (the "mapped root")
 *   tsconfig  tsconfig to honour, relative to the package folder, or null
 *   exclude   tar --exclude patterns applied when unpacking, to drop files the comparison should
 *             not see (optional)
 *   template  for an application a scaffolding package writes: { name, types, project }, written
 *             into `sub` by lib/template-corpus.mjs from the package's templates (optional)
 *   members   for a workspace monorepo assembled from several packs: their "name@version"s
 *             (lib/workspace-corpus.mjs); `version` is then the composition's own
 *   revDepArgs extra arguments rev-dep needs on this corpus (optional)
 *   depcruiseConfig  a dependency-cruiser config (relative to bench/) replacing --no-config (optional)
 *   layermapArgs extra arguments `layermap map` takes on this corpus in compare-edges.mjs (optional)
 *   oneRun    tools bench.mjs runs once on this corpus whatever --runs says (optional)
 *   notes     why the entry looks the way it does
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** bench/ itself. */
export const benchDir = path.dirname(fileURLToPath(import.meta.url));
/** Where fetch-corpora.mjs unpacks the packages: .cache/corpora/<name>/ holds the package's files. */
export const corporaDir = path.join(benchDir, ".cache", "corpora");
/** Where npm pack drops the tarballs. */
export const tarballDir = path.join(benchDir, ".cache", "tarballs");

export const corpora = [
  {
    name: "express",
    version: "4.22.3",
    sub: "lib",
    tsconfig: null,
    notes: "CommonJS: require() of relative paths, including a folder with index.js (./router).",
  },
  {
    name: "rxjs",
    version: "7.8.2",
    sub: "src",
    tsconfig: "src/tsconfig.esm.json",
    notes:
      "TypeScript sources ship in the tarball with their build tsconfigs; tsconfig.esm.json (extends " +
      "tsconfig.base.json → ../tsconfig.json) is the ESM build and includes all of src/**/*.ts. " +
      "Extension-less relative imports, moduleResolution node10, baseUrl + paths.",
  },
  {
    name: "three",
    version: "0.187.0",
    sub: "src",
    tsconfig: null,
    notes: "ESM JavaScript with explicit .js extensions.",
  },
  {
    name: "effect",
    version: "3.22.4",
    sub: "src",
    tsconfig: null,
    notes:
      "TypeScript sources ship in the tarball but no tsconfig does; imports are relative with .js " +
      "extensions that resolve to .ts files.",
  },
  {
    name: "zod",
    version: "4.6.7",
    sub: "src",
    tsconfig: null,
    notes:
      "The hono-sized TypeScript corpus (332 files, hono's repository has 289): hono's npm package " +
      "ships built JavaScript only, so a corpus of it would measure what three and date-fns already " +
      "do; zod 4 ships its TypeScript sources, tests included (v3, v4 classic/mini/core, locales). " +
      "Relative imports with .js specifiers; the tests' self-references (zod/v4) lead out of src/.",
  },
  {
    name: "date-fns",
    version: "4.4.0",
    sub: ".",
    tsconfig: null,
    // The tarball ships only built code, each module four times: ESM .js, CommonJS .cjs and the
    // declarations .d.ts / .d.cts. We keep the ESM .js build only, so each module is one file.
    exclude: ["*.cjs", "*.d.ts", "*.d.cts"],
    notes: "Built ESM JavaScript only (the package ships no sources); .cjs and .d.ts/.d.cts dropped.",
  },
  {
    name: "monorepo",
    // The composition's own version: bump it when `members` changes, so fetch-corpora rebuilds it.
    version: "1",
    sub: ".",
    tsconfig: null,
    // An npm workspace assembled from npm packs by lib/workspace-corpus.mjs: packages/<dir>/ with
    // each member's sources and package.json (entry points rewritten from build output to src),
    // node_modules/<name> links to them. Three families, each pinned to versions that depend on
    // one another: Effect 3's packages, LiveStore (built on them) and viem with its own
    // dependencies (ox, abitype, the noble and scure packages).
    members: [
      "effect@3.22.4",
      ...[
        "platform@0.97.2", "platform-node@0.108.2", "platform-node-shared@0.61.1", "platform-bun@0.91.2",
        "platform-browser@0.77.1", "sql@0.52.1", "sql-pg@0.53.0", "sql-mysql2@0.53.0", "sql-sqlite-node@0.53.0",
        "sql-sqlite-bun@0.50.2", "sql-sqlite-wasm@0.50.0", "sql-sqlite-do@0.29.0", "sql-sqlite-react-native@0.52.0",
        "sql-mssql@0.54.0", "sql-clickhouse@0.46.0", "sql-d1@0.47.0", "sql-libsql@0.42.0", "sql-drizzle@0.50.0",
        "sql-kysely@0.47.0", "cli@0.77.2", "rpc@0.76.2", "cluster@0.60.2", "experimental@0.61.1", "printer@0.51.0",
        "printer-ansi@0.51.0", "typeclass@0.41.0", "ai@0.37.0", "ai-openai@0.41.0", "ai-anthropic@0.27.0",
        "ai-amazon-bedrock@0.15.0", "ai-google@0.15.0", "opentelemetry@0.64.1", "vitest@0.30.0", "workflow@0.19.1",
      ].map((member) => `@effect/${member}`),
      ...[
        "livestore", "common", "utils", "webmesh", "adapter-web", "adapter-node", "adapter-expo", "react", "solid",
        "svelte", "graphql", "framework-toolkit", "sync-cf", "sync-electric", "sync-s2", "cli", "common-cf",
        "devtools-web-common", "sqlite-wasm", "wa-sqlite",
      ].map((member) => `@livestore/${member}@0.4.0`),
      "viem@2.57.20",
      "ox@0.14.67",
      "abitype@1.2.3",
      "@noble/curves@1.9.1",
      "@noble/hashes@1.8.0",
      "@noble/ciphers@1.3.0",
      "@scure/bip32@1.7.0",
      "@scure/bip39@1.6.0",
      "@scure/base@1.2.6",
    ],
    // rev-dep follows workspace packages only when asked to, and depcruise follows package.json
    // "exports" only when configured to (as its --init configures a project that uses them).
    revDepArgs: ["--follow-monorepo-packages"],
    depcruiseConfig: "configs/depcruise-exports.json",
    // bench.mjs runs these once here, not --runs times: 1.5–3 minutes a run on the 2-core machine.
    oneRun: ["madge", "skott"],
    notes:
      "A workspace monorepo of 3,000+ TypeScript files in 64 packages, assembled from npm packs: " +
      "Effect 3's packages (the last 3.x of each), LiveStore 0.4 and viem 2 with its dependencies. " +
      "Imports between packages go through package.json exports rewritten to src/.",
  },
];

/**
 * How compare-edges.mjs maps a published package that ships declarations beside its code and
 * refers to itself by name (`import "primevue/accordion"`): depcruise follows package.json
 * `exports` (as its --init configures a project using them) and reads `.d.ts` files whatever it
 * is told, so layermap reads them too (--include-dts): both tools then see every file shipped.
 */
const SHIPPED_PACKAGE = { depcruiseConfig: "configs/depcruise-exports.json", layermapArgs: ["--include-dts"] };

/**
 * Vue, Svelte and Astro components (#17): read by compare-components.mjs, which holds layermap's
 * script-block finder to the frameworks' own parsers, and by compare-edges.mjs (by name, or all
 * with --components), which holds layermap's edges to dependency-cruiser's where it reads the
 * format (.vue, .svelte); bench.mjs leaves them out (madge, skott and rev-dep skip components).
 */
export const componentCorpora = [
  {
    name: "primevue",
    version: "5.0.2",
    sub: ".",
    tsconfig: null,
    ...SHIPPED_PACKAGE,
    notes:
      "Vue: 416 .vue single-file components (<script> with the options API, JavaScript) shipped beside " +
      "their built .mjs entries; the components import each other by relative ./X.vue and @primevue/* packages.",
  },
  {
    name: "flowbite-svelte",
    version: "1.33.1",
    sub: "dist",
    tsconfig: null,
    ...SHIPPED_PACKAGE,
    notes: "Svelte 5: 183 .svelte components in dist/ (svelte-package keeps them as written: <script lang=\"ts\">, <script module>).",
  },
  {
    name: "bits-ui",
    version: "2.21.0",
    sub: "dist",
    tsconfig: null,
    ...SHIPPED_PACKAGE,
    notes: "Svelte 5: 226 .svelte components in dist/, TypeScript scripts, importing each other and .svelte.js runes modules.",
  },
  {
    name: "@astrojs/starlight",
    version: "0.42.4",
    sub: "dist",
    tsconfig: null,
    ...SHIPPED_PACKAGE,
    notes:
      "Astro: 53 .astro components (frontmatter, processed <script>s) in dist/; many imports are Vite virtual " +
      "modules (virtual:starlight/…, astro:assets), which no resolver outside Astro's build finds.",
  },
  {
    name: "@slidev/client",
    version: "53.0.0",
    sub: ".",
    tsconfig: null,
    ...SHIPPED_PACKAGE,
    notes:
      "A Vue application published as its source: Slidev's presentation client (main.ts, App.vue, pages/, " +
      "internals/, 109 .vue with <script setup lang=\"ts\">, 90 .ts), run by Slidev's Vite server as it ships; " +
      "its #slidev/* and server-reactive:* imports are Vite virtual modules that no tool here resolves.",
  },
  {
    name: "sv",
    version: "0.17.1",
    sub: "app",
    tsconfig: null,
    template: { name: "demo", types: "typescript", project: "sv-demo" },
    notes:
      "A SvelteKit application: the demo app `sv create --template demo --types ts` writes (Sverdle, a word " +
      "game that works without JavaScript, a counter, an about page), written from sv's own templates as a " +
      "fresh checkout holds it (no .svelte-kit/: $lib and ./$types stay unresolved for every tool).",
  },
];

/** The folder an entry is unpacked into. */
export function packageDir(corpus) {
  return path.join(corporaDir, corpus.name);
}

/** The folder the tools map for an entry. */
export function mappedRoot(corpus) {
  return path.resolve(packageDir(corpus), corpus.sub);
}

/** The absolute tsconfig path of an entry, or null. */
export function tsconfigPath(corpus) {
  return corpus.tsconfig ? path.join(packageDir(corpus), corpus.tsconfig) : null;
}

/** The absolute dependency-cruiser config of an entry, or null (then depcruise runs --no-config). */
export function depcruiseConfigPath(corpus) {
  return corpus.depcruiseConfig ? path.join(benchDir, corpus.depcruiseConfig) : null;
}

/** Look an entry up by name; throws with the known names when there is none. */
export function findCorpus(name) {
  const all = [...corpora, ...componentCorpora];
  const corpus = all.find((c) => c.name === name);
  if (!corpus) {
    throw new Error(`unknown corpus "${name}" (known: ${all.map((c) => c.name).join(", ")})`);
  }
  return corpus;
}
