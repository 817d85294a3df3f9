import type { CommandModule } from "yargs";
import { UserError } from "../../model/errors.js";
import { formatOfPath, reportFormats, type ReportFormat } from "../../report/reporters.js";
import { resolve } from "node:path";
import { printable } from "../../model/printable.js";
import { profileWanted, toDiagramOptions, withDiagramOptions, type DiagramArguments } from "../diagram-options.js";
import { EXIT_OK, type CliIo } from "../io.js";
import { writeOutputs } from "../write-outputs.js";
import { stageLines } from "../stage-lines.js";
import { stopwatch } from "../../api/stopwatch.js";
import { counted } from "../../model/counted.js";
import { outputsDetail } from "./map-command.js";
import { COMMAND_LINES } from "./command-lines.js";
import { throughBarrelsOption } from "../shared-options.js";
import { isFolder } from "../../model/file-kind.js";

interface RenderArguments extends DiagramArguments {
  input: string;
  out?: string[];
  format?: ReportFormat;
  /** A file, or false for `--no-config`. */
  config?: string | false;
  verbose?: boolean;
  root?: string;
  "through-barrels"?: boolean;
}

export function renderCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, RenderArguments> {
  return {
    ...COMMAND_LINES.render,
    builder: (yargs) =>
      withDiagramOptions(yargs)
        .positional("input", {
          type: "string",
          demandOption: true,
          describe: "A document or edges list written by `layermap map`, - for stdin, or a folder to map",
        })
        .option("out", { alias: "o", type: "string", array: true, describe: "Write to this file (format from its ending; repeatable) instead of stdout" })
        .option("format", { alias: "f", choices: reportFormats, describe: "Output format (default: the --out file's ending)" })
        .option("config", { alias: "c", type: "string", describe: "Colour the violations of this config's rules (default: the document's layers, and cycles)" })
        .option("verbose", { alias: "v", type: "boolean", describe: "Print how long each stage took on stderr" })
        .option("through-barrels", throughBarrelsOption)
        .option("root", { type: "string", describe: "With --profile: the root the profile was recorded with, its frame paths relative to it (default: the folder drawn, else the current folder)" })
        .example("$0 render deps.json --out deps.svg", "Draw a saved map as SVG")
        .example("$0 render deps.json --collapse layer --out layers.svg", "One box per layer: the architecture picture")
        .example("$0 render deps.json --focus 'src/api/**' --depth 2 --format mermaid", "A neighbourhood, as Mermaid for a README")
        .example("$0 render src --format dot --rankdir LR", "Map src/ and print DOT, left to right")
        .example("$0 map . --format edges | grep -v test | $0 render - --out deps.svg", "Filter the imports with Unix tools, then draw them")
        .example("$0 render deps.json --profile run.cpuprofile --collapse layer --out heat.svg", "Which layers a recorded run's time went through")
        .example("$0 map src --through-barrels --out deps.json && $0 render deps.json --through-barrels --out deps.svg", "Consumers drawn pointing at the modules that declare what they import, not at index.ts"),
    handler: async (args) => {
      const onStage = stageLines(io.stderr, args.verbose);
      const loading = stopwatch(onStage);
      const { diagramInputFromText, loadDiagramInput } = await import("../../api/render.js");
      loading.lap("load", "layermap's modules");
      // Paths on the command line are relative to the working folder, as in every CLI.
      const config = {
        ...(args.config === undefined ? {} : { config: args.config === false ? (false as const) : resolve(io.cwd, args.config) }),
        ...(args["through-barrels"] === undefined ? {} : { throughBarrels: args["through-barrels"] }),
      };
      const clock = stopwatch(onStage);
      const format = args.format ?? (args.out === undefined ? "svg" : undefined);
      const formats = format !== undefined ? [format] : (args.out ?? []).map(formatOfPath);
      const withProfile = profileWanted(args, formats, (line) => io.stderr.write(`layermap: ${printable(line)}\n`));
      let input = isStdin(args.input)
        ? diagramInputFromText(await readStdin(), { name: "stdin", cwd: io.cwd, ...config })
        : await loadDiagramInput({ source: args.input, cwd: io.cwd, ...config, ...(onStage === undefined ? {} : { onStage }) });
      clock.lap("input", `${counted(input.document.summary.local, "module")}, ${counted(input.violations.length, "violation")} to draw`);
      if (withProfile) {
        const { withRuntime } = await import("../../api/render.js");
        // Module ids are relative to the folder mapped: a folder drawn is the profile's root too.
        const root = args.root ?? (!isStdin(args.input) && isFolder(args.input) ? args.input : ".");
        input = withRuntime(input, { profiles: args.profile!, root, ...(args.heat === undefined ? {} : { heat: args.heat }) });
        clock.lap("profile", counted(input.runtime!.tree.samples, "sample"));
      }
      await writeOutputs(input, args.out ?? [], format, toDiagramOptions(args), io);
      clock.lap("output", outputsDetail(args.out, [format]));
      setExitCode(EXIT_OK);
    },
  };
}

/**
 * `-` names stdin. yargs hands a lone `-` to a string positional as "" (yargs/yargs#1312), and
 * an empty path names no file, so both mean stdin.
 */
function isStdin(input: string): boolean {
  return input === "-" || input === "";
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UserError("render -: reads a map from stdin, and stdin is a terminal: pipe one in (layermap map . --format edges | layermap render -)");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
