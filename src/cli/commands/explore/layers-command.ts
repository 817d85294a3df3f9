import type { CommandModule } from "yargs";
import { planeChoices } from "../../../explore/choices.js";
import { EXIT_OK, type CliIo } from "../../io.js";
import { formatOption, formatOptions, toLoadOptions, withExploreOptions, type ExploreArguments } from "./explore-options.js";
import { COMMAND_LINES } from "../command-lines.js";

interface LayersArguments extends ExploreArguments {
  infer?: boolean;
  plane?: (typeof planeChoices)[number];
  format: "text" | "json";
}

export function layersCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, LayersArguments> {
  return {
    ...COMMAND_LINES.layers,
    builder: (yargs) =>
      withExploreOptions(yargs)
        .option("infer", { type: "boolean", describe: "Propose layers: the folder order that the fewest imports break" })
        .option("plane", { choices: planeChoices, describe: "Which imports the proposal must respect (default: the config's layers rule, all imports)" })
        .option("format", formatOption(["text", "json"] as const))
        .example("$0 layers", "The config's layers and how many modules each holds")
        .example("$0 layers --infer", "Propose layers for a codebase that has none")
        .example("$0 layers --infer --format json | jq .config", "Just the block for layermap.config.json"),
    handler: async (args) => {
      const explore = await import("../../../api/explore.js");
      const loaded = await explore.loadGraph(toLoadOptions(args, io));
      const options = formatOptions(io, args, loaded.root, loaded.throughBarrels);
      if (args.infer) {
        const result = explore.inferLayers(loaded.graph, { plane: args.plane ?? loaded.config.rules.layers.plane });
        io.stdout.write(args.format === "json" ? explore.inferredLayersJson(result, options) : explore.inferredLayersText(result, options));
      } else {
        const result = explore.configuredLayers(loaded.config, loaded.layers);
        io.stdout.write(args.format === "json" ? explore.configuredLayersJson(result, options) : explore.configuredLayersText(result, options));
      }
      setExitCode(EXIT_OK);
    },
  };
}
