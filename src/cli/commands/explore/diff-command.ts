import type { CommandModule } from "yargs";
import { EXIT_OK, EXIT_VIOLATIONS, type CliIo } from "../../io.js";
import { stageLines } from "../../stage-lines.js";
import { toMapOptions, withMappingOptions, type MappingArguments } from "../../shared-options.js";
import { formatOption, formatOptions } from "./explore-options.js";
import { COMMAND_LINES } from "../command-lines.js";

interface DiffArguments extends MappingArguments {
  base: string;
  head?: string;
  format: "text" | "json" | "mermaid";
  title?: string;
  color?: boolean;
}

export function diffCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, DiffArguments> {
  return {
    ...COMMAND_LINES.diff,
    builder: (yargs) =>
      // Not withExploreOptions: a saved --graph is one revision, and a diff needs two.
      withMappingOptions(yargs)
        .positional("base", { type: "string", demandOption: true, describe: "The revision before the change: a branch, a tag, a commit, HEAD~3" })
        .positional("head", { type: "string", describe: "The revision after it (default: the working tree, uncommitted changes included)" })
        .option("root", { type: "string", default: ".", describe: "The folder to map (it may be inside the repository); module ids are paths relative to it" })
        .option("format", formatOption(["text", "json", "mermaid"] as const, "text for people, json for scripts, mermaid: the changed neighbourhood, for a pull request"))
        .option("title", { type: "string", describe: "With --format mermaid: the diagram's title" })
        .option("color", { type: "boolean", describe: "Colour the text output (default: on a terminal, unless NO_COLOR is set)" })
        .example("$0 diff main", "What my branch (with uncommitted changes) does to the architecture")
        .example("$0 diff origin/main HEAD --format mermaid > diff.mmd", "The changed neighbourhood for a pull request comment")
        .example("$0 diff HEAD~1 HEAD --root packages/core --format json", "One commit, one package, for a script"),
    handler: async (args) => {
      const explore = await import("../../../api/explore.js");
      const result = await explore.diffRevisions({
        // With --verbose, the stages of both mappings (the base's, then the head's).
        ...toMapOptions(args, io.cwd, (message) => io.stderr.write(`layermap: warning: ${message}\n`), stageLines(io.stderr, args.verbose)),
        cwd: io.cwd,
        base: args.base,
        ...(args.head === undefined ? {} : { head: args.head }),
      });
      const options = formatOptions(io, args, explore.describeRoot(args.root, io.cwd).root);
      const text =
        args.format === "mermaid"
          ? explore.diffMermaid(result, args.title === undefined ? {} : { title: args.title })
          : args.format === "json"
            ? explore.diffJson(result.diff, options)
            : explore.diffText(result.diff, options);
      io.stdout.write(text);
      setExitCode(explore.diffFails(result.diff) ? EXIT_VIOLATIONS : EXIT_OK);
    },
  };
}
