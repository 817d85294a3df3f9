/**
 * Where TypeScript's resolution stops is often not the module a reader means: a `.d.ts` beside
 * its source (`x.d.ts` next to `x.js`), the types of an asset (`x.module.css.d.ts`,
 * `x.module.d.css.ts`), or the build output of a workspace package (`packages/a/dist/index.d.ts`,
 * whose source is `packages/a/src/index.ts`). This maps such a file to that module, so that
 * running a build never changes the map.
 */
import { dirname, join, relative, sep } from "node:path";
import type { FileSystem } from "./file-system.js";

const STANDARD_DECLARATION = /\.d\.([mc]?)ts$/;
/** `x.d.css.ts`: the declaration of `x.css` (TypeScript's allowArbitraryExtensions naming). */
const ARBITRARY_DECLARATION = /\.d(\.[^./\\]+)\.ts$/;
const CODE = /\.([mc]?)(tsx?|jsx?)$/;
const TYPESCRIPT_ENDINGS: Record<string, string[]> = { "": [".ts", ".tsx"], m: [".mts"], c: [".cts"] };
const JAVASCRIPT_ENDINGS: Record<string, string[]> = { "": [".js", ".jsx"], m: [".mjs"], c: [".cjs"] };
const BUILD_FOLDERS = ["dist", "lib", "build", "out", "types"];

/** A specifier that names a script by its ending (`./x.svelte.js`), not an asset (`./x.svelte`). */
const NAMES_SCRIPT = /\.[mc]?[jt]sx?$/;

/** `specifier`: what the import wrote, which tells `x.svelte.js` (a script) from `x.svelte` when both lead to `x.svelte.d.ts`. */
export function toSourceFile(path: string, host: FileSystem, specifier = ""): string {
  const exists = (candidate: string): boolean => host.fileExists(candidate);
  const standard = STANDARD_DECLARATION.exec(path);
  if (standard === null) {
    const arbitrary = ARBITRARY_DECLARATION.exec(path);
    if (arbitrary !== null) {
      const asset = path.slice(0, arbitrary.index) + arbitrary[1]!;
      return exists(asset) ? asset : path;
    }
    // Build output of a workspace package, resolved through its `main`.
    const code = CODE.exec(path);
    if (code === null || !/^js/.test(code[2]!)) return path;
    const stem = path.slice(0, code.index);
    return fromBuildFolder(stem, TYPESCRIPT_ENDINGS[code[1] ?? ""]!, host) ?? path;
  }
  const stem = path.slice(0, standard.index);
  // `x.module.css.d.ts` types the asset `x.module.css` itself — unless the import named a script:
  // `./x.svelte.js` (a Svelte 5 runes module beside the component x.svelte) is x.svelte.js.
  if (/\.[^./\\]+$/.test(stem) && exists(stem) && !NAMES_SCRIPT.test(specifier)) return stem;
  const flavour = standard[1] ?? "";
  const typescript = TYPESCRIPT_ENDINGS[flavour]!;
  const javascript = JAVASCRIPT_ENDINGS[flavour]!;
  return (
    typescript.map((ending) => stem + ending).find(exists) ??
    fromBuildFolder(stem, [...typescript, ...javascript], host) ??
    javascript.map((ending) => stem + ending).find(exists) ??
    path
  );
}

/** `<package>/dist/a/b` → `<package>/src/a/b.ts`, for the package that owns the file. */
function fromBuildFolder(stem: string, endings: readonly string[], host: FileSystem): string | undefined {
  let folder = dirname(stem);
  while (folder !== dirname(folder)) {
    if (host.fileExists(join(folder, "package.json"))) {
      const inside = relative(folder, stem).split(sep);
      if (inside.length < 2 || !BUILD_FOLDERS.includes(inside[0]!)) return undefined;
      const rest = inside.slice(1).join(sep);
      return endings.map((ending) => join(folder, "src", rest) + ending).find((candidate) => host.fileExists(candidate));
    }
    folder = dirname(folder);
  }
  return undefined;
}
