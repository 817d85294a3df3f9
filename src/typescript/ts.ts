/**
 * The TypeScript compiler API for extract/ and resolve/: the copy ts-morph bundles, loaded once
 * per process by ./load-typescript.ts (see there why not through `import { ts } from "ts-morph"`).
 * Types come from ts-morph's declarations.
 */
import type { ts as TypeScript } from "ts-morph";
import { loadTypeScript } from "./load-typescript.js";

export const ts: typeof TypeScript = loadTypeScript();
