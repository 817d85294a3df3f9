import type { CommandModule } from "yargs";
import { reportFormats, type ReportFormat } from "../../report/reporters.js";
import { toDiagramOptions, withDiagramOptions, type DiagramArguments } from "../diagram-options.js";
import { EXIT_OK, type CliIo } from "../io.js";
import { writeOutputs } from "../write-outputs.js";

interface RenderArguments extends DiagramArguments {
  input: string;
  out?: string[];
  format?: ReportFormat;
  config?: string;
}

export function renderCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, RenderArguments> {
  return {
    command: "render <input>",
    describe: "Draw a saved map document (or a folder, mapped first) as DOT, SVG or Mermaid",
    builder: (yargs) =>
      withDiagramOptions(yargs)
        .positional("input", { type: "string", demandOption: true, describe: "A document written by `layermap map`, or a folder to map" })
        .option("out", { alias: "o", type: "string", array: true, describe: "Write to this file (format from its ending; repeatable) instead of stdout" })
        .option("format", { alias: "f", choices: reportFormats, describe: "Output format (default: the --out file's ending)" })
        .option("config", { alias: "c", type: "string", describe: "Colour the violations of this config's rules (default: the document's layers, and cycles)" })
        .example("$0 render deps.json --out deps.svg", "Draw a saved map as SVG")
        .example("$0 render deps.json --collapse layer --out layers.svg", "One box per layer: the architecture picture")
        .example("$0 render deps.json --focus 'src/api/**' --depth 2 --format mermaid", "A neighbourhood, as Mermaid for a README")
        .example("$0 render src --format dot --rankdir LR", "Map src/ and print DOT, left to right"),
    handler: async (args) => {
      const { loadDiagramInput } = await import("../../api/render.js");
      const input = await loadDiagramInput({ source: args.input, ...(args.config === undefined ? {} : { config: args.config }) });
      await writeOutputs(input, args.out ?? [], args.format ?? (args.out === undefined ? "svg" : undefined), toDiagramOptions(args), io);
      setExitCode(EXIT_OK);
    },
  };
}
