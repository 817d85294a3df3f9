import { resolve } from "node:path";
import type { CommandModule } from "yargs";
import { EXIT_OK, type CliIo } from "../io.js";
import { writeOutputAtomically } from "../write-output.js";
import { COMMAND_LINES } from "./command-lines.js";

interface InitArguments {
  root: string;
  tsconfig?: string;
  include?: string[];
  exclude?: string[];
  force?: boolean;
  "dry-run"?: boolean;
}

export function initCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, InitArguments> {
  return {
    ...COMMAND_LINES.init,
    builder: (yargs) =>
      yargs
        .positional("root", { type: "string", default: ".", describe: "The folder to set up" })
        .option("force", { type: "boolean", describe: "Replace an existing layermap.config.json" })
        .option("dry-run", { type: "boolean", describe: "Print the config instead of writing it" })
        .option("tsconfig", { type: "string", describe: "The tsconfig that resolves imports (its paths aliases), relative to the working folder; written into the config" })
        .option("include", { type: "string", array: true, describe: "Only map files matching these globs (relative to the root); written into the config" })
        .option("exclude", { type: "string", array: true, describe: "Also leave out files matching these globs; written into the config" })
        .example("$0 init", "Propose layers for the current folder and write layermap.config.json")
        .example("$0 init src --dry-run", "Show what it would write for src/"),
    handler: async (args) => {
      const { proposeConfig } = await import("../../api/init.js");
      const result = await proposeConfig(args.root, {
        force: args.force ?? false,
        // Paths on the command line are relative to the working folder, as for map and check.
        ...(args.tsconfig === undefined ? {} : { tsconfig: resolve(io.cwd, args.tsconfig) }),
        cwd: io.cwd,
        ...(args.include === undefined ? {} : { include: args.include }),
        ...(args.exclude === undefined ? {} : { exclude: args.exclude }),
      });
      if (result.hint !== undefined) io.stderr.write(`layermap: hint: ${result.hint}\n`);
      if (args["dry-run"]) {
        io.stdout.write(result.text);
      } else {
        writeOutputAtomically(result.path, result.text);
        const { layers, breaks } = result.proposal;
        io.stderr.write(
          `layermap: wrote ${result.path} with ${layers.length} layer${layers.length === 1 ? "" : "s"} (${layers.map((layer) => layer.name).join(" → ")}); ` +
            `${breaks.length} current import${breaks.length === 1 ? "" : "s"} break${breaks.length === 1 ? "s" : ""} the proposed order.\n` +
            `Next: review the layers and rules in it, then run \`layermap check ${args.root}\`, and \`layermap render ${args.root} --out architecture.svg\` for the picture.\n`,
        );
      }
      setExitCode(EXIT_OK);
    },
  };
}
