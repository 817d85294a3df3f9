import { resolve } from "node:path";
import type { CommandModule } from "yargs";
import type { CallGraphBy } from "../../model/call-graph.js";
import { UserError } from "../../model/errors.js";
import { printable } from "../../model/printable.js";
import { callGraphFormatOfPath, callGraphFormats, type CallGraphFormat } from "../../report/callgraph/callgraph-formats.js";
import { EXIT_OK, type CliIo } from "../io.js";
import { writeOutputAtomically } from "../write-output.js";
import { COMMAND_LINES } from "./command-lines.js";

const BY = ["function", "module", "folder", "layer"] as const satisfies readonly CallGraphBy[];

interface CallGraphArguments {
  profiles: string[];
  root?: string;
  by: CallGraphBy;
  /** A file, or false for `--no-config`. */
  config?: string | false;
  "node-threshold"?: number;
  "edge-threshold"?: number;
  focus?: string[];
  compare?: string[];
  format?: CallGraphFormat;
  out?: string[];
  title?: string;
}

/**
 * `layermap callgraph <profile…>`: what gprof2dot is to cProfile — the call graph of a run, each
 * node's and call's share of the time, coloured by heat, on the static map's names.
 */
export function callgraphCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, CallGraphArguments> {
  return {
    ...COMMAND_LINES.callgraph,
    builder: (yargs) =>
      yargs
        .positional("profiles", { type: "string", array: true, demandOption: true, describe: ".cpuprofile files (several: one run's processes, added up)" })
        .option("root", { type: "string", describe: "The folder the profile was recorded with (layermap profile --root; default: the working folder)" })
        .option("by", { choices: BY, default: "module" as const, describe: "What a node is: a function, a module, a folder, or a configured layer" })
        .option("config", { alias: "c", type: "string", describe: "The config whose layers --by layer uses (default: <root>/layermap.config.json)" })
        .option("node-threshold", { alias: "n", type: "number", describe: "Leave out nodes under this percentage of the run (default 0.5, as gprof2dot)" })
        .option("edge-threshold", { alias: "e", type: "number", describe: "Leave out calls under this percentage of the run (default 0.1)" })
        .option("focus", { type: "string", array: true, describe: "Keep only the call paths through nodes matching these globs" })
        .option("compare", { type: "string", array: true, describe: "Profiles of another run: draw what got hotter and colder" })
        .option("format", { alias: "f", choices: callGraphFormats, describe: "Output format (default: the --out file's ending, else text)" })
        .option("out", { alias: "o", type: "string", array: true, describe: "Write to this file (format from its ending; repeatable) instead of stdout" })
        .option("title", { type: "string", describe: "A title for the picture" })
        .example("$0 callgraph layermap.cpuprofile", "The flat profile and who calls whom, by module, as text")
        .example("$0 callgraph run.cpuprofile --by function --out calls.svg", "gprof2dot's picture: functions coloured by heat")
        .example("$0 callgraph run.cpuprofile --by layer --out layers.svg", "Which layers the time goes through")
        .example("$0 callgraph refresh.cpuprofile --compare idle.cpuprofile --out diff.svg", "What got hotter and colder"),
    handler: async (args) => {
      const [{ callGraph }, { renderCallGraph }] = await Promise.all([import("../../api/callgraph.js"), import("../../report/callgraph/callgraph-reporters.js")]);
      const outs = args.out ?? [];
      const formats = outs.map((path) => {
        const format = args.format ?? callGraphFormatOfPath(path);
        if (format === undefined) throw new UserError(`${printable(path)}: cannot tell the format from the ending: use .txt, .json, .dot, .svg, .mmd or .html, or give --format`);
        return format;
      });
      const { graph, notes } = callGraph({
        profiles: args.profiles,
        cwd: io.cwd,
        by: args.by,
        ...(args.root === undefined ? {} : { root: args.root }),
        ...(args.config === undefined ? {} : { config: args.config === false ? false : resolve(io.cwd, args.config) }),
        ...(args["node-threshold"] === undefined ? {} : { nodeThreshold: args["node-threshold"] }),
        ...(args["edge-threshold"] === undefined ? {} : { edgeThreshold: args["edge-threshold"] }),
        ...(args.focus === undefined ? {} : { focus: args.focus }),
        ...(args.compare === undefined ? {} : { compare: args.compare }),
      });
      const options = args.title === undefined ? {} : { title: args.title };
      if (outs.length === 0) {
        io.stdout.write(await renderCallGraph(graph, args.format ?? "text", options));
      } else {
        for (const [index, path] of outs.entries()) writeOutputAtomically(path, await renderCallGraph(graph, formats[index]!, options));
      }
      for (const note of notes) io.stderr.write(`layermap: ${note}\n`);
      setExitCode(EXIT_OK);
    },
  };
}
