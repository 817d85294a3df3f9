import type { CommandModule } from "yargs";
import { UserError } from "../../model/errors.js";
import { formatOfPath, type ReportFormat } from "../../report/reporters.js";
import { EXIT_OK, type CliIo } from "../io.js";
import { writeOutputs } from "../write-outputs.js";
import { stageLines } from "../stage-lines.js";
import { summaryLine } from "../summary-line.js";
import { stopwatch } from "../../api/stopwatch.js";
import type { MapFile } from "../../api/merge.js";
import { outputsDetail } from "./map-command.js";

/** The document's own formats: a picture of the merged map is `render`'s business. */
const MERGE_FORMATS = ["json", "edges"] as const satisfies readonly ReportFormat[];
type MergeFormat = (typeof MERGE_FORMATS)[number];

interface MergeArguments {
  maps: string[];
  root: string;
  config?: string | false;
  out?: string[];
  format?: MergeFormat;
  quiet?: boolean;
  verbose?: boolean;
}

export function mergeCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, MergeArguments> {
  return {
    command: "merge <maps..>",
    describe: "Merge the maps of folders under one root (a monorepo's packages, mapped one by one) into the map of that root",
    builder: (yargs) =>
      yargs
        .positional("maps", {
          type: "string",
          array: true,
          demandOption: true,
          // No `[default: []]` in --help: yargs gives array positionals an empty default otherwise.
          default: undefined,
          describe: "Map documents written by `layermap map`: <folder>=<map.json>, or <map.json> alone for a map saved in the folder it maps",
        })
        .option("root", { type: "string", default: ".", describe: "The folder the merged map is of; every map's folder lies under it" })
        .option("config", {
          alias: "c",
          type: "string",
          describe: "Assign this config's layers over the merged map (default <root>/layermap.config.json when present; --no-config keeps each map's own)",
        })
        .option("out", { alias: "o", type: "string", array: true, describe: "Write to this file (format from its ending; repeatable) instead of stdout" })
        .option("format", { alias: "f", choices: MERGE_FORMATS, describe: "Output format (default json, or the --out file's ending)" })
        .option("quiet", { alias: "q", type: "boolean", describe: "No summary line on stderr" })
        .option("verbose", { alias: "v", type: "boolean", describe: "Print how long each stage took on stderr" })
        .example("$0 merge packages/*/layermap.json --out map.json", "Merge maps each saved in its package's folder")
        .example("$0 merge packages/a=.layermap/a.json packages/b=.layermap/b.json --out map.json", "Maps saved elsewhere: say which folder each maps")
        .example("$0 check --graph map.json", "Then check the merged map against the root's layermap.config.json (render and --graph read it too)"),
    handler: async (args) => {
      const started = performance.now();
      const onStage = stageLines(io.stderr, args.verbose);
      stopwatch(onStage, started).lap("load", "layermap's modules");
      for (const out of args.out ?? []) checkFormat(args.format ?? formatOfPath(out), out);
      const { mergeMapFiles } = await import("../../api/merge.js");
      const document = mergeMapFiles(args.maps.map(mapFile), {
        root: args.root,
        cwd: io.cwd,
        ...(args.config === undefined ? {} : { config: args.config }),
        ...(onStage === undefined ? {} : { onStage }),
      });
      const clock = stopwatch(onStage);
      await writeOutputs({ document, violations: [] }, args.out ?? [], args.format, {}, io);
      clock.lap("output", outputsDetail(args.out, [args.format]));
      if (!args.quiet) io.stderr.write(`${summaryLine(document.summary, document.diagnostics, (performance.now() - started) / 1000)}\n`);
      setExitCode(EXIT_OK);
    },
  };
}

/**
 * `packages/a=maps/a.json` names the folder the map is of; a bare `packages/a/layermap.json` maps
 * the folder it is saved in. The first `=` splits, so a file whose name holds one is given whole
 * after a folder.
 */
function mapFile(argument: string): MapFile {
  const equals = argument.indexOf("=");
  if (equals === -1) return { file: argument };
  const folder = argument.slice(0, equals);
  const file = argument.slice(equals + 1);
  if (folder === "" || file === "") throw new UserError(`${argument}: expected <folder>=<map.json> (or a map saved in the folder it maps)`);
  return { file, folder };
}

function checkFormat(format: ReportFormat | undefined, out: string): void {
  if (format === undefined || (MERGE_FORMATS as readonly string[]).includes(format)) return;
  throw new UserError(`${out}: merge writes the map document (${MERGE_FORMATS.join(" or ")}); draw it with \`layermap render <merged.json> --out ${out}\``);
}
