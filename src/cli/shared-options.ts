/** The options every command that maps a codebase takes, declared once. */
import { resolve } from "node:path";
import type { Argv } from "yargs";
import type { MapOptions } from "../api/map.js";
import type { StageListener } from "../api/stopwatch.js";
import { UserError } from "../model/errors.js";

export interface MappingArguments {
  root: string;
  include?: string[];
  exclude?: string[];
  tsconfig?: string;
  /** A file, or false for `--no-config` (yargs negates any option). */
  config?: string | false;
  "include-dts"?: boolean;
  "max-file-size"?: string;
  /** A folder, or false for `--no-cache` (an array when given more than once). */
  cache?: string | boolean | (string | boolean)[];
  verbose?: boolean;
  /** `--through-barrels`, or false for `--no-through-barrels`. */
  "through-barrels"?: boolean;
}

export function withMappingOptions<T>(yargs: Argv<T>) {
  return yargs
    .option("include", { type: "string", array: true, describe: "Only map files matching these globs (relative to the root)" })
    .option("exclude", { type: "string", array: true, describe: "Leave out files matching these globs (relative to the root)" })
    .option("tsconfig", { type: "string", describe: "The tsconfig for module resolution, relative to the working folder (default <root>/tsconfig.json)" })
    .option("config", { alias: "c", type: "string", describe: "The layermap config, relative to the working folder (default <root>/layermap.config.json; --no-config: none)" })
    .option("include-dts", { type: "boolean", describe: "Parse .d.ts files too" })
    .option("max-file-size", {
      type: "string",
      describe: "Do not parse files larger than this (bytes, or with kb/mb/gb); they are reported as too-large (default 4mb)",
    })
    .option("cache", {
      type: "string",
      describe: "The cache folder (default node_modules/.cache/layermap of the project); --no-cache maps without reading or writing it",
    })
    .option("verbose", { alias: "v", type: "boolean", describe: "Print how long each stage took on stderr" })
    .option("through-barrels", throughBarrelsOption);
}

/**
 * `--through-barrels` / `--no-through-barrels`, for every command that reads imports: follow
 * imported names through re-exports (index.ts barrels) to the modules that declare them.
 */
export const throughBarrelsOption = {
  type: "boolean",
  describe: "See through barrels: an import from an index.ts that re-exports counts as one of the modules declaring the names it takes (default: the config's \"barrels\"; --no-through-barrels: as written)",
} as const;

/**
 * `cwd`: the working folder the paths on the command line are read from. `warn` receives the run's warnings (a corrupt cache file, say) as they happen; `onStage` each
 * stage's timing (`stageLines` when --verbose).
 */
export function toMapOptions(args: MappingArguments, cwd: string, warn?: (message: string) => void, onStage?: StageListener): MapOptions {
  return {
    root: args.root,
    cwd,
    ...(args.config === undefined ? {} : { config: args.config === false ? false : resolve(cwd, args.config) }),
    ...(args.include === undefined ? {} : { include: args.include }),
    ...(args.exclude === undefined ? {} : { exclude: args.exclude }),
    // Paths on the command line are relative to the working folder, as in every CLI.
    ...(args.tsconfig === undefined ? {} : { tsconfig: resolve(cwd, args.tsconfig) }),
    ...(args["include-dts"] === undefined ? {} : { includeDeclarations: args["include-dts"] }),
    ...(args["max-file-size"] === undefined ? {} : { maxFileSize: parseSize(args["max-file-size"]) }),
    ...(args["through-barrels"] === undefined ? {} : { throughBarrels: args["through-barrels"] }),
    ...cacheOption(args.cache),
    ...(warn === undefined ? {} : { onWarning: warn }),
    ...(onStage === undefined ? {} : { onStage }),
  };
}

/** `--cache <dir>` → that folder; `--no-cache` → false; neither → the default folder; the last one given wins. */
function cacheOption(given: string | boolean | (string | boolean)[] | undefined): Pick<MapOptions, "cache"> {
  const cache = Array.isArray(given) ? given.at(-1) : given;
  if (cache === undefined || cache === true || cache === "") return {};
  if (cache === false || cache === "false") return { cache: false };
  return { cache };
}

const UNITS: Record<string, number> = { "": 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `--max-file-size 20mb` → 20,971,520 bytes. Checked here rather than in a yargs coerce, whose errors are not UserErrors. */
function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(text);
  const unit = match === null ? undefined : UNITS[match[2]!.toLowerCase().replace(/^([kmg])$/, "$1b")];
  const bytes = match === null || unit === undefined ? NaN : Math.floor(Number(match[1]) * unit);
  if (!(bytes > 0)) throw new UserError(`--max-file-size ${text}: expected a size such as 500kb, 20mb or 1000000 (bytes)`);
  return bytes;
}
