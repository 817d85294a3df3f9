import { createRequire } from "node:module";

/** layermap's own version, from its package.json (one level above both src/ and dist/). */
export const LAYERMAP_VERSION: string = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
