import type { CommandModule } from "yargs";
import { planeChoices } from "../../../explore/choices.js";
import { EXIT_OK, EXIT_VIOLATIONS, type CliIo } from "../../io.js";
import { formatOption, formatOptions, toLoadOptions, withExploreOptions, type ExploreArguments } from "./explore-options.js";
import { COMMAND_LINES } from "../command-lines.js";
import { UserError } from "../../../model/errors.js";

interface OrphansArguments extends ExploreArguments {
  "unreachable-from"?: string[];
  plane: (typeof planeChoices)[number];
  format: "text" | "json";
}

export function orphansCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, OrphansArguments> {
  return {
    ...COMMAND_LINES.orphans,
    builder: (yargs) =>
      withExploreOptions(yargs)
        .option("unreachable-from", { type: "string", array: true, describe: "Entry points (ids or globs): also list the modules none of them reaches" })
        .option("plane", { choices: planeChoices, default: "all" as const, describe: "Follow every import, or only runtime ones" })
        .option("format", formatOption(["text", "json"] as const))
        .example("$0 orphans", "Files nothing imports and that import nothing")
        .example("$0 orphans --unreachable-from src/cli.ts src/index.ts", "Files neither the CLI nor the public API ever loads")
        .example("$0 orphans --unreachable-from 'apps/*/main.ts' --plane runtime", "Dead at runtime, even if a type still points at them"),
    handler: async (args) => {
      if (args["through-barrels"] === true) {
        throw new UserError(
          "orphans --through-barrels: orphans are files nothing loads, and a barrel is loaded by every module importing it even when none of the names it takes is declared there: orphans reads the imports as written",
        );
      }
      const explore = await import("../../../api/explore.js");
      // As written whatever the config's "barrels" says (see above): the document's own graph.
      const loaded = await explore.loadGraph({ ...toLoadOptions(args, io), throughBarrels: false });
      const patterns = args["unreachable-from"];
      const entries = patterns === undefined ? undefined : [...new Set(patterns.flatMap((pattern) => explore.matchModules(loaded.graph, pattern, { root: loaded.root })))];
      const result = explore.findOrphans(loaded.graph, { plane: args.plane, ...(entries === undefined ? {} : { entries }) });
      const options = formatOptions(io, args, loaded.root);
      io.stdout.write(args.format === "json" ? explore.orphansJson(result, options) : explore.orphansText(result, options));
      // Exit 1 when it finds what it looks for, as `cycles` does: CI can fail on a dead file.
      const found = result.orphans.length + (result.unreachable?.modules.length ?? 0);
      setExitCode(found > 0 ? EXIT_VIOLATIONS : EXIT_OK);
    },
  };
}
