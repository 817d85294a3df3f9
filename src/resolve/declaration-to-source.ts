/**
 * A `.d.ts` is where TypeScript's resolution stops, but the module a reader means is the source
 * beside it (`x.d.ts` next to `x.js`), or, for a workspace package that publishes built types,
 * the source its tsconfig compiles into them (`packages/a/dist/index.d.ts` → `packages/a/src/index.ts`).
 */
import { dirname, join, relative, sep } from "node:path";
import type { CachedHost } from "./cached-host.js";

const DECLARATION = /\.d\.([mc]?)ts$/;
const SOURCE_ENDINGS: Record<string, string[]> = {
  "": [".ts", ".tsx", ".js", ".jsx"],
  m: [".mts", ".mjs"],
  c: [".cts", ".cjs"],
};
const BUILD_FOLDERS = ["dist", "lib", "build", "out", "types"];

export function toSourceFile(path: string, host: CachedHost): string {
  const match = DECLARATION.exec(path);
  if (match === null) return path;
  const stem = path.slice(0, match.index);
  const endings = SOURCE_ENDINGS[match[1] ?? ""] ?? [];
  const sibling = endings.map((ending) => stem + ending).find((candidate) => host.fileExists(candidate));
  if (sibling !== undefined) return sibling;
  return fromBuildFolder(stem, endings, host) ?? path;
}

/** `<package>/dist/a/b.d.ts` → `<package>/src/a/b.ts`, for the package that owns the file. */
function fromBuildFolder(stem: string, endings: string[], host: CachedHost): string | undefined {
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
