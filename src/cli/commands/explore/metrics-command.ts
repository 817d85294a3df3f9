import type { CommandModule } from "yargs";
import { metricKeys, planeChoices, type MetricKey } from "../../../explore/choices.js";
import { UserError } from "../../../model/errors.js";
import { EXIT_OK, type CliIo } from "../../io.js";
import { formatOption, formatOptions, toLoadOptions, withExploreOptions, type ExploreArguments } from "./explore-options.js";
import { COMMAND_LINES } from "../command-lines.js";

interface MetricsArguments extends ExploreArguments {
  sort: MetricKey;
  top?: number;
  plane: (typeof planeChoices)[number];
  format: "text" | "json";
}

export function metricsCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, MetricsArguments> {
  return {
    ...COMMAND_LINES.metrics,
    builder: (yargs) =>
      withExploreOptions(yargs)
        .option("sort", { alias: "s", choices: metricKeys, default: "fan-in" as const, describe: "Sort modules and folders by this (biggest first; name: A to Z)" })
        .option("top", { alias: "n", type: "number", describe: "Show only the first N modules and folders" })
        .option("plane", { choices: planeChoices, default: "all" as const, describe: "Count every import, or only runtime ones" })
        .option("format", formatOption(["text", "json"] as const))
        .example("$0 metrics --top 10", "The ten modules most depended on, and the folders and layers")
        .example("$0 metrics --sort instability --top 20", "The least stable modules")
        .example("$0 metrics --format json", "Every number, for a dashboard"),
    handler: async (args) => {
      if (args.top !== undefined && (!Number.isInteger(args.top) || args.top < 1)) throw new UserError(`--top: expected a whole number of at least 1, got ${args.top}`);
      const explore = await import("../../../api/explore.js");
      const loaded = await explore.loadGraph(toLoadOptions(args, io));
      const result = explore.computeMetrics(loaded.graph, loaded.layers, {
        sort: args.sort,
        plane: args.plane,
        ...(args.top === undefined ? {} : { top: args.top }),
      });
      const options = formatOptions(io, args, loaded.root, loaded.throughBarrels);
      io.stdout.write(args.format === "json" ? explore.metricsJson(result, options) : explore.metricsText(result, options));
      setExitCode(EXIT_OK);
    },
  };
}
