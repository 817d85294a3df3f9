/**
 * svg-pan-zoom's own minified build, inlined by the HTML pages (the map's and the call graph's)
 * so that a page needs no network. Read once, from the installed package.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let source: string | undefined;

export function panZoomScript(): string {
  source ??= readFileSync(require.resolve("svg-pan-zoom/dist/svg-pan-zoom.min.js"), "utf8");
  return source;
}
