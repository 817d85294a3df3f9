import type { CommandModule } from "yargs";
import { formatOfPath, reportFormats, type ReportFormat } from "../../report/reporters.js";
import { profileWanted, toDiagramOptions, withDiagramOptions, type DiagramArguments } from "../diagram-options.js";
import { EXIT_OK, EXIT_USAGE, type CliIo } from "../io.js";
import { terminalProgress } from "../progress.js";
import { toMapOptions, withMappingOptions, type MappingArguments } from "../shared-options.js";
import { strictFailure, withStrictOption } from "../strict-diagnostics.js";
import { summaryLine } from "../summary-line.js";
import { stageLines } from "../stage-lines.js";
import { stopwatch } from "../../api/stopwatch.js";
import { counted } from "../../model/counted.js";
import { writeOutputs } from "../write-outputs.js";
import { printable } from "../../model/printable.js";
import { COMMAND_LINES } from "./command-lines.js";

interface MapArguments extends MappingArguments, DiagramArguments {
  out?: string[];
  format?: ReportFormat;
  quiet?: boolean;
  strict?: boolean;
  "through-barrels"?: boolean;
}

export function mapCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, MapArguments> {
  return {
    ...COMMAND_LINES.map,
    builder: (yargs) =>
      withStrictOption(withDiagramOptions(withMappingOptions(yargs)))
        .positional("root", { type: "string", demandOption: true, describe: "The folder to map" })
        .option("out", { alias: "o", type: "string", array: true, describe: "Write to this file (format from its ending; repeatable) instead of stdout" })
        .option("format", { alias: "f", choices: reportFormats, describe: "Output format (default json, or the --out file's ending)" })
        .option("quiet", { alias: "q", type: "boolean", describe: "No summary line on stderr" })
        .option("through-barrels", {
          type: "boolean",
          describe: 'Follow imported names through re-exports (index.ts barrels) to the modules that declare them: sites gain "through" (default: the config\'s "barrels")',
        })
        .example("$0 map .", "Map the current folder, print the JSON")
        .example("$0 map src --out deps.json", "Map src/ into deps.json")
        .example("$0 map . --include 'src/**' --exclude '**/*.test.ts'", "Only the sources, no tests")
        .example("$0 map src --out deps.json --out deps.svg", "The JSON and an SVG diagram in one run")
        .example("$0 map . --profile run.cpuprofile --out heat.svg", "The map with a recorded run drawn over it: where the time went"),
    handler: async (args) => {
      const started = performance.now();
      // Loaded here so that `--help` does not pay for TypeScript's start-up.
      const { map } = await import("../../api/map.js");
      const progress = terminalProgress(io.stderr, !args.quiet);
      const onStage = stageLines(io.stderr, args.verbose, progress.finish);
      stopwatch(onStage, started).lap("load", "layermap's modules");
      const warn = (message: string): void => {
        progress.finish();
        io.stderr.write(`layermap: warning: ${printable(message)}\n`);
      };
      const mapped = await map({
        ...toMapOptions(args, io.cwd, warn, onStage),
        ...(args["through-barrels"] === undefined ? {} : { throughBarrels: args["through-barrels"] }),
        ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
      });
      progress.finish();
      const clock = stopwatch(onStage);
      // Only a diagram colours rule violations: plain JSON does not pay for checking them.
      const formats = args.format !== undefined ? [args.format] : (args.out ?? []).map(formatOfPath);
      const drawn = formats.some((format) => format !== undefined && format !== "json" && format !== "edges");
      const withProfile = profileWanted(args, formats, (line) => io.stderr.write(`layermap: ${printable(line)}\n`));
      const render = drawn ? await import("../../api/render.js") : undefined;
      // Pictures of the transparent plane when barrels are seen through; the JSON is the map as made.
      let input = render !== undefined ? render.diagramInputOf(mapped, args["through-barrels"], args.root) : { document: mapped.document, violations: [] };
      if (drawn) clock.lap("check", counted(input.violations.length, "violation") + " to draw");
      if (render !== undefined && withProfile) {
        // The profile's frame paths are relative to the root it was recorded with: this one.
        input = render.withRuntime(input, { profiles: args.profile!, root: args.root, ...(args.heat === undefined ? {} : { heat: args.heat }) });
        clock.lap("profile", counted(input.runtime!.tree.samples, "sample"));
      }
      await writeOutputs(input, args.out ?? [], args.format, toDiagramOptions(args), io);
      clock.lap("output", outputsDetail(args.out, formats));
      if (!args.quiet) {
        const seconds = (performance.now() - started) / 1000;
        io.stderr.write(`${summaryLine(input.document.summary, input.document.diagnostics, seconds)}\n`);
        if (mapped.aliasHint !== undefined) io.stderr.write(`layermap: ${printable(mapped.aliasHint)}\n`);
      }
      const { diagnostics } = input.document;
      if (args.strict && diagnostics.length > 0) {
        io.stderr.write(strictFailure(diagnostics));
        setExitCode(EXIT_USAGE);
      } else setExitCode(EXIT_OK);
    },
  };
}

/** What the output stage wrote: the files, or the format sent to stdout. */
export function outputsDetail(outs: readonly string[] | undefined, formats: readonly (string | undefined)[]): string {
  return outs?.length ? outs.join(", ") : `${formats[0] ?? "json"} to stdout`;
}
