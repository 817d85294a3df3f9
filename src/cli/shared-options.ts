/** The options every command that maps a codebase takes, declared once. */
import type { Argv } from "yargs";
import type { MapOptions } from "../api/map.js";

export interface MappingArguments {
  root: string;
  include?: string[];
  exclude?: string[];
  tsconfig?: string;
  config?: string;
  "include-dts"?: boolean;
  /** A folder, or false for `--no-cache` (an array when given more than once). */
  cache?: string | boolean | (string | boolean)[];
}

export function withMappingOptions<T>(yargs: Argv<T>) {
  return yargs
    .option("include", { type: "string", array: true, describe: "Only map files matching these globs (relative to the root)" })
    .option("exclude", { type: "string", array: true, describe: "Leave out files matching these globs (relative to the root)" })
    .option("tsconfig", { type: "string", describe: "The tsconfig for module resolution (default <root>/tsconfig.json)" })
    .option("config", { alias: "c", type: "string", describe: "The layermap config (default <root>/layermap.config.json)" })
    .option("include-dts", { type: "boolean", describe: "Parse .d.ts files too" })
    .option("cache", {
      type: "string",
      describe: "The cache folder (default node_modules/.cache/layermap of the project); --no-cache maps without reading or writing it",
    });
}

/** `warn` receives the run's warnings (a corrupt cache file, say) as they happen. */
export function toMapOptions(args: MappingArguments, warn?: (message: string) => void): MapOptions {
  return {
    root: args.root,
    ...(args.config === undefined ? {} : { config: args.config }),
    ...(args.include === undefined ? {} : { include: args.include }),
    ...(args.exclude === undefined ? {} : { exclude: args.exclude }),
    ...(args.tsconfig === undefined ? {} : { tsconfig: args.tsconfig }),
    ...(args["include-dts"] === undefined ? {} : { includeDeclarations: args["include-dts"] }),
    ...cacheOption(args.cache),
    ...(warn === undefined ? {} : { onWarning: warn }),
  };
}

/** `--cache <dir>` → that folder; `--no-cache` → false; neither → the default folder; the last one given wins. */
function cacheOption(given: string | boolean | (string | boolean)[] | undefined): Pick<MapOptions, "cache"> {
  const cache = Array.isArray(given) ? given.at(-1) : given;
  if (cache === undefined || cache === true || cache === "") return {};
  if (cache === false || cache === "false") return { cache: false };
  return { cache };
}
