import type { CommandModule } from "yargs";
import { planeChoices } from "../../../explore/choices.js";
import { EXIT_OK, type CliIo } from "../../io.js";
import { formatOption, formatOptions, toLoadOptions, withExploreOptions, type ExploreArguments } from "./explore-options.js";
import { COMMAND_LINES } from "../command-lines.js";

interface AffectedArguments extends ExploreArguments {
  ref: string;
  plane: (typeof planeChoices)[number];
  format: "text" | "json" | "list";
}

export function affectedCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, AffectedArguments> {
  return {
    ...COMMAND_LINES.affected,
    builder: (yargs) =>
      withExploreOptions(yargs)
        .positional("ref", { type: "string", demandOption: true, describe: "A git revision: a branch, a tag, a commit, HEAD~3" })
        .option("plane", { choices: planeChoices, default: "all" as const, describe: "Follow every import, or only runtime ones" })
        .option("format", formatOption(["text", "json", "list"] as const, "text for people, json for scripts, list: one path a line"))
        .example("$0 affected main", "What my branch touches, and what depends on it")
        .example("npx vitest run $($0 affected origin/main --format list)", "Run only the tests the change can affect")
        .example("$0 affected HEAD --root packages/core", "Uncommitted changes in one package"),
    handler: async (args) => {
      const explore = await import("../../../api/explore.js");
      // Git first: a root that is not a checkout fails at once, not after mapping it.
      const where = explore.describeRoot(args.root, io.cwd);
      const { files } = explore.changedFiles(where.rootPath, where.root, args.ref);
      const loaded = await explore.loadGraph(toLoadOptions(args, io));
      const result = explore.findAffected(loaded.graph, args.ref, files, { plane: args.plane, plain: loaded.plain });
      const options = formatOptions(io, args, loaded.root, loaded.throughBarrels);
      const formatter = { text: explore.affectedText, json: explore.affectedJson, list: explore.affectedList }[args.format];
      io.stdout.write(formatter(result, options));
      setExitCode(EXIT_OK);
    },
  };
}
