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
    name: "date-fns",
    version: "4.4.0",
    sub: ".",
    tsconfig: null,
    // The tarball ships only built code, each module four times: ESM .js, CommonJS .cjs and the
    // declarations .d.ts / .d.cts. We keep the ESM .js build only, so each module is one file.
    exclude: ["*.cjs", "*.d.ts", "*.d.cts"],
    notes: "Built ESM JavaScript only (the package ships no sources); .cjs and .d.ts/.d.cts dropped.",
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

/** Look an entry up by name; throws with the known names when there is none. */
export function findCorpus(name) {
  const corpus = corpora.find((c) => c.name === name);
  if (!corpus) {
    throw new Error(`unknown corpus "${name}" (known: ${corpora.map((c) => c.name).join(", ")})`);
  }
  return corpus;
}
