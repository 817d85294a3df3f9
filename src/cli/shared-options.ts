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
}

export function withMappingOptions<T>(yargs: Argv<T>) {
  return yargs
    .option("include", { type: "string", array: true, describe: "Only map files matching these globs (relative to the root)" })
    .option("exclude", { type: "string", array: true, describe: "Leave out files matching these globs (relative to the root)" })
    .option("tsconfig", { type: "string", describe: "The tsconfig for module resolution (default <root>/tsconfig.json)" })
    .option("config", { alias: "c", type: "string", describe: "The layermap config (default <root>/layermap.config.json)" })
    .option("include-dts", { type: "boolean", describe: "Parse .d.ts files too" });
}

export function toMapOptions(args: MappingArguments): MapOptions {
  return {
    root: args.root,
    ...(args.config === undefined ? {} : { config: args.config }),
    ...(args.include === undefined ? {} : { include: args.include }),
    ...(args.exclude === undefined ? {} : { exclude: args.exclude }),
    ...(args.tsconfig === undefined ? {} : { tsconfig: args.tsconfig }),
    ...(args["include-dts"] === undefined ? {} : { includeDeclarations: args["include-dts"] }),
  };
}
