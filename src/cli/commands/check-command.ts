import { join, resolve } from "node:path";
import { displayPath } from "../../model/display-path.js";
import type { CommandModule } from "yargs";
import { checkFormats, checkReporters, type CheckFormat } from "../../report/check/reporters.js";
import { EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS, type CliIo } from "../io.js";
import { terminalProgress } from "../progress.js";
import { toMapOptions, withMappingOptions, type MappingArguments } from "../shared-options.js";
import { strictFailure, unmappedNote, withStrictOption } from "../strict-diagnostics.js";
import { signalsHeard, writeOutputAtomically } from "../write-output.js";
import { stageLines } from "../stage-lines.js";
import { stopwatch } from "../../api/stopwatch.js";
import { printable } from "../../model/printable.js";
import { COMMAND_LINES } from "./command-lines.js";

interface CheckArguments extends MappingArguments {
  format: CheckFormat;
  out?: string;
  baseline?: string;
  "update-baseline"?: boolean;
  verbose?: boolean;
  color?: boolean;
  strict?: boolean;
  graph?: string;
}

const DEFAULT_BASELINE = "layermap.baseline.json";

export function checkCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, CheckArguments> {
  return {
    ...COMMAND_LINES.check,
    builder: (yargs) =>
      withStrictOption(withMappingOptions(yargs))
        .positional("root", { type: "string", default: ".", describe: "The folder to check" })
        .option("format", { alias: "f", choices: checkFormats, default: "text" as const, describe: "Report format" })
        .option("out", { alias: "o", type: "string", describe: "Write the report to this file instead of stdout" })
        .option("baseline", { type: "string", describe: `Accept the violations listed in this file; fail only on new ones` })
        .option("update-baseline", { type: "boolean", describe: `Write every current violation to the baseline (default <root>/${DEFAULT_BASELINE})` })
        .option("verbose", { alias: "v", type: "boolean", describe: "Also list unlayered modules and known violations, and time each stage on stderr" })
        .option("color", { type: "boolean", describe: "Colour the text report (default: on a terminal, unless NO_COLOR is set)" })
        .option("graph", { alias: "g", type: "string", describe: "Check a saved map document (from `layermap map` or `layermap merge`) instead of mapping the root" })
        .conflicts("graph", ["include", "exclude", "tsconfig", "include-dts"])
        .example("$0 check", "Check the current folder against its layermap.config.json")
        .example("$0 check --format github", "Annotate the pull request in GitHub Actions")
        .example("$0 check --format sarif --out layermap.sarif", "For GitHub code scanning")
        .example("$0 check --baseline layermap.baseline.json", "Fail only on violations the baseline does not list")
        .example("$0 check --update-baseline", "Accept every current violation into layermap.baseline.json")
        .example("$0 check --graph map.json", "Check a saved map (one `layermap merge` made of a monorepo's packages) against ./layermap.config.json"),
    handler: async (args) => {
      const started = performance.now();
      const { check } = await import("../../api/check.js");
      const baselinePath = args.baseline ?? (args["update-baseline"] ? join(args.root, DEFAULT_BASELINE) : undefined);
      const warn = (message: string): void => void io.stderr.write(`layermap: warning: ${printable(message)}\n`);
      const progress = terminalProgress(io.stderr, true);
      const onStage = stageLines(io.stderr, args.verbose, progress.finish);
      stopwatch(onStage, started).lap("load", "layermap's modules");
      const result = await check({
        ...toMapOptions(
          args,
          io.cwd,
          (message) => {
            progress.finish();
            warn(message);
          },
          onStage,
        ),
        ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
        ...(baselinePath === undefined ? {} : { baseline: baselinePath }),
        ...(args.graph === undefined ? {} : { graph: args.graph }),
        cwd: io.cwd,
      });
      progress.finish();
      // Without a config only the default cycle rule runs: a check that passes must not look like one of layers.
      if (result.map.configPath === undefined && args.config === false) io.stderr.write("layermap: --no-config: checking cycles only\n");
      else if (result.map.configPath === undefined) {
        io.stderr.write(`layermap: no layermap.config.json in ${displayPath(resolve(io.cwd, args.root), io.cwd)}: checking cycles only (\`layermap init\` writes one)\n`);
      }
      const clock = stopwatch(onStage);
      const { summary, diagnostics } = result.map.document;
      // Said on every run, so that a check never passes quietly over files it could not read.
      const note = unmappedNote(summary, diagnostics);
      const strictExit = (): boolean => {
        if (!args.strict || diagnostics.length === 0) return false;
        io.stderr.write(strictFailure(diagnostics));
        setExitCode(EXIT_USAGE);
        return true;
      };
      if (args["update-baseline"] && baselinePath !== undefined) {
        await signalsHeard();
        writeOutputAtomically(baselinePath, `${JSON.stringify(result.nextBaseline, null, 2)}\n`);
        io.stderr.write(`layermap: wrote ${result.nextBaseline.violations.length} accepted violations to ${baselinePath}\n`);
        if (note !== undefined) io.stderr.write(note);
        if (!strictExit()) setExitCode(EXIT_OK);
        return;
      }
      const colour = args.color ?? (args.out === undefined && io.stdout.isTTY === true && !process.env["NO_COLOR"]);
      const text = checkReporters[args.format](result, { colour, verbose: args.verbose ?? false });
      await signalsHeard();
      if (args.out === undefined) io.stdout.write(text);
      else writeOutputAtomically(args.out, text);
      clock.lap("report", `${args.format} to ${args.out ?? "stdout"}`);
      if (note !== undefined) io.stderr.write(note);
      if (!strictExit()) setExitCode(result.summary.errors > 0 ? EXIT_VIOLATIONS : EXIT_OK);
    },
  };
}
