/**
 * The options every explore command takes, declared once: where the graph comes from (`--root`,
 * mapped as `map` and `check` map it, or a saved `--graph`), the output format and colour.
 */
import type { Argv } from "yargs";
import type { LoadGraphOptions } from "../../../api/load-graph.js";
import type { FormatOptions } from "../../../explore/format/format-options.js";
import { UserError } from "../../../model/errors.js";
import type { CliIo } from "../../io.js";
import { stageLines } from "../../stage-lines.js";
import { toMapOptions, withMappingOptions, type MappingArguments } from "../../shared-options.js";

export interface ExploreArguments extends MappingArguments {
  graph?: string;
  color?: boolean;
}

export function withExploreOptions<T>(yargs: Argv<T>) {
  return withMappingOptions(yargs)
    .option("root", { type: "string", default: ".", describe: "The folder to map; module ids are paths relative to it" })
    .option("graph", { alias: "g", type: "string", describe: "Read a saved `layermap map` document instead of mapping the root" })
    .option("color", { type: "boolean", describe: "Colour the text output (default: on a terminal, unless NO_COLOR is set)" })
    // A saved map is already mapped: flags that shape mapping would be silently ignored.
    .conflicts("graph", ["include", "exclude", "tsconfig", "include-dts"]);
}

/** `--format`, the first choice by default. */
export function formatOption<F extends string>(formats: readonly [F, ...F[]], describe = "text for people, json for scripts") {
  return { alias: "f", choices: formats, default: formats[0], describe };
}

export function toLoadOptions(args: ExploreArguments, io: CliIo): LoadGraphOptions {
  return {
    ...toMapOptions(args, io.cwd, undefined, stageLines(io.stderr, args.verbose)),
    cwd: io.cwd,
    ...(args.graph === undefined ? {} : { graph: args.graph }),
  };
}

/** `throughBarrels`: the result is of the transparent plane (`LoadedGraph.throughBarrels`), which the output says. */
export function formatOptions(io: CliIo, args: ExploreArguments, root: string, throughBarrels = false): FormatOptions {
  return { root, colour: args.color ?? (io.stdout.isTTY === true && !process.env["NO_COLOR"]), ...(throughBarrels ? { throughBarrels } : {}) };
}

/**
 * `--depth` / `--all` given bare (or as `all`) mean no limit / the default count; else a whole
 * number. Checked in the handler, not by a yargs coerce, whose errors would not be UserErrors.
 */
export function countArgument(name: string, value: string | undefined, bare: number): number | undefined {
  if (value === undefined) return undefined;
  if (value === "" || value === "all") return bare;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new UserError(`--${name}: expected a whole number of at least 1, got "${value}"`);
  return count;
}
