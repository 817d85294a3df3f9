import type { CommandModule } from "yargs";
import { planeChoices } from "../../../explore/choices.js";
import { EXIT_OK, EXIT_VIOLATIONS, type CliIo } from "../../io.js";
import { countArgument, formatOption, formatOptions, toLoadOptions, withExploreOptions, type ExploreArguments } from "./explore-options.js";
import { COMMAND_LINES } from "../command-lines.js";

interface WhyArguments extends ExploreArguments {
  from: string;
  to: string;
  all?: string;
  plane: (typeof planeChoices)[number];
  format: "text" | "json";
}

/** `--all` without a number lists this many chains. */
const DEFAULT_CHAINS = 10;

export function whyCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, WhyArguments> {
  return {
    ...COMMAND_LINES.why,
    builder: (yargs) =>
      withExploreOptions(yargs)
        .positional("from", { type: "string", demandOption: true, describe: "The importing module: an id or a glob" })
        .positional("to", { type: "string", demandOption: true, describe: "The imported module: an id, a package, or a glob" })
        .option("all", { type: "string", describe: `List up to N distinct chains, shortest first (N = ${DEFAULT_CHAINS} when bare)` })
        .option("plane", { choices: planeChoices, default: "all" as const, describe: "Follow every import, or only runtime ones" })
        .option("format", formatOption(["text", "json"] as const))
        .example("$0 why src/cli.ts src/model/document.ts", "Why does the CLI depend on the document model?")
        .example("$0 why 'src/api/**' ts-morph --all 3", "Three ways the API reaches ts-morph")
        .example("$0 why src/a.ts src/b.ts --plane runtime", "Only imports that survive compilation"),
    handler: async (args) => {
      const limit = countArgument("all", args.all, DEFAULT_CHAINS) ?? 1;
      const explore = await import("../../../api/explore.js");
      const loaded = await explore.loadGraph(toLoadOptions(args, io));
      const from = explore.matchModules(loaded.graph, args.from, { root: loaded.root });
      const to = explore.matchModules(loaded.graph, args.to, { root: loaded.root });
      const chains = explore.findChains(loaded.graph, from, to, { limit, plane: args.plane });
      const report = {
        from: { pattern: args.from, modules: explore.moduleRefs(loaded.graph, from) },
        to: { pattern: args.to, modules: explore.moduleRefs(loaded.graph, to) },
        plane: args.plane,
        chains,
        limit,
      };
      const options = formatOptions(io, args, loaded.root, loaded.throughBarrels);
      io.stdout.write(args.format === "json" ? explore.chainsJson(report, options) : explore.chainsText(report, options));
      setExitCode(chains.length > 0 ? EXIT_OK : EXIT_VIOLATIONS);
    },
  };
}
