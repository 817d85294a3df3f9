import type { CommandModule } from "yargs";
import { reportFormats, reporters, type ReportFormat } from "../../report/reporters.js";
import { EXIT_OK, type CliIo } from "../io.js";
import { toMapOptions, withMappingOptions, type MappingArguments } from "../shared-options.js";
import { summaryLine } from "../summary-line.js";
import { writeOutputAtomically } from "../write-output.js";

interface MapArguments extends MappingArguments {
  out?: string;
  format: ReportFormat;
  quiet?: boolean;
}

export function mapCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, MapArguments> {
  return {
    command: "map <root>",
    describe: "Map the imports of every source file under <root> into one JSON document",
    builder: (yargs) =>
      withMappingOptions(yargs)
        .positional("root", { type: "string", demandOption: true, describe: "The folder to map" })
        .option("out", { alias: "o", type: "string", describe: "Write to this file instead of stdout" })
        .option("format", { alias: "f", choices: reportFormats, default: "json" as ReportFormat, describe: "Output format" })
        .option("quiet", { alias: "q", type: "boolean", describe: "No summary line on stderr" })
        .example("$0 map .", "Map the current folder, print the JSON")
        .example("$0 map src --out deps.json", "Map src/ into deps.json")
        .example("$0 map . --include 'src/**' --exclude '**/*.test.ts'", "Only the sources, no tests"),
    handler: async (args) => {
      const started = performance.now();
      // Loaded here so that `--help` does not pay for TypeScript's start-up.
      const { map } = await import("../../api/map.js");
      const { document } = await map(toMapOptions(args));
      const text = reporters[args.format](document);
      if (args.out === undefined) io.stdout.write(text);
      else writeOutputAtomically(args.out, text);
      if (!args.quiet) {
        const seconds = (performance.now() - started) / 1000;
        io.stderr.write(`${summaryLine(document.summary, document.diagnostics.length, seconds)}\n`);
      }
      setExitCode(EXIT_OK);
    },
  };
}
