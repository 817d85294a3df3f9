import type { CommandModule } from "yargs";
import { planeChoices } from "../../../explore/choices.js";
import type { Direction } from "../../../explore/reach/find-neighbours.js";
import { EXIT_OK, type CliIo } from "../../io.js";
import { COMMAND_LINES } from "../command-lines.js";
import { countArgument, formatOption, formatOptions, toLoadOptions, withExploreOptions, type ExploreArguments } from "./explore-options.js";

interface NeighboursArguments extends ExploreArguments {
  module: string;
  depth?: string;
  plane: (typeof planeChoices)[number];
  format: "text" | "json";
}

/** `deps` and `dependents`: one command each, the same shape, opposite directions. */
export function neighboursCommand(direction: Direction, io: CliIo, setExitCode: (code: number) => void): CommandModule<object, NeighboursArguments> {
  const deps = direction === "deps";
  return {
    ...COMMAND_LINES[direction],
    builder: (yargs) =>
      withExploreOptions(yargs)
        .positional("module", { type: "string", demandOption: true, describe: "A module id, a package name, or a glob" })
        .option("depth", { type: "string", describe: "Follow imports up to N steps (no limit when bare); default 1: direct only" })
        .option("plane", { choices: planeChoices, default: "all" as const, describe: "Follow every import, or only runtime ones" })
        .option("format", formatOption(["text", "json"] as const))
        .example(`$0 ${direction} src/api/map.ts`, deps ? "What map.ts imports directly" : "Who imports map.ts directly")
        .example(`$0 ${direction} src/api/map.ts --depth`, deps ? "Everything map.ts needs, nearest first" : "Everything a change to map.ts can reach")
        .example(`$0 ${direction} '${deps ? "src/cli/**" : "src/model/**"}' --depth 2 --format json`, "Two steps out from a whole folder, for a script"),
    handler: async (args) => {
      const maxDepth = countArgument("depth", args.depth, Infinity) ?? 1;
      const explore = await import("../../../api/explore.js");
      const loaded = await explore.loadGraph(toLoadOptions(args, io));
      const modules = explore.matchModules(loaded.graph, args.module, { root: loaded.root });
      const found = explore.findNeighbours(loaded.graph, modules, { direction, maxDepth, plane: args.plane });
      const depth = Number.isFinite(maxDepth) ? maxDepth : null;
      const report = { direction, pattern: args.module, modules: explore.moduleRefs(loaded.graph, modules), depth, plane: args.plane, found };
      const options = formatOptions(io, args, loaded.root, loaded.throughBarrels);
      io.stdout.write(args.format === "json" ? explore.neighboursJson(report, options) : explore.neighboursText(report, options));
      setExitCode(EXIT_OK);
    },
  };
}
