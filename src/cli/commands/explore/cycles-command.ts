import type { CommandModule } from "yargs";
import { EXIT_OK, EXIT_VIOLATIONS, type CliIo } from "../../io.js";
import { formatOption, formatOptions, toLoadOptions, withExploreOptions, type ExploreArguments } from "./explore-options.js";
import { COMMAND_LINES } from "../command-lines.js";

interface CyclesArguments extends ExploreArguments {
  format: "text" | "json";
}

export function cyclesCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, CyclesArguments> {
  return {
    ...COMMAND_LINES.cycles,
    builder: (yargs) =>
      withExploreOptions(yargs)
        .option("format", formatOption(["text", "json"] as const))
        .example("$0 cycles", "The cycles of the current folder, each as a chain of file:line steps")
        .example("$0 cycles --root packages/core --format json", "For a script: every component, its cycle and its breakers")
        .example("$0 map . --out graph.json && $0 cycles --graph graph.json", "From a saved map, without parsing again"),
    handler: async (args) => {
      const explore = await import("../../../api/explore.js");
      const loaded = await explore.loadGraph(toLoadOptions(args, io));
      const result = explore.findCycles(loaded.graph, { failPlane: loaded.config.rules.cycles.plane });
      const options = formatOptions(io, args, loaded.root, loaded.throughBarrels);
      io.stdout.write(args.format === "json" ? explore.cyclesJson(result, options) : explore.cyclesText(result, options));
      setExitCode(result.failing > 0 ? EXIT_VIOLATIONS : EXIT_OK);
    },
  };
}
