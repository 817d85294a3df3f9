/** The options of every command that draws a diagram (`map --format svg`, `render`), declared once. */
import type { Argv } from "yargs";
import { UserError } from "../model/errors.js";
import type { Collapse } from "../report/diagram/diagram.js";
import type { DiagramOptions } from "../report/diagram/build-diagram.js";

export interface DiagramArguments {
  externals?: boolean;
  collapse?: string;
  focus?: string[];
  depth?: number;
  "include-only"?: string[];
  hide?: string[];
  rankdir?: "TB" | "LR";
  title?: string;
  profile?: string[];
  heat?: "total" | "self";
}

export function withDiagramOptions<T>(yargs: Argv<T>) {
  return yargs
    .option("collapse", { type: "string", describe: "Fold modules: none, layer, or folder:<depth> (default: an automatic overview above 50 modules or 100 imports)" })
    .option("focus", { type: "string", array: true, describe: "Draw only modules matching these globs and their neighbours" })
    .option("depth", { type: "number", describe: "With --focus: how many imports away a neighbour may be (default 1)" })
    .option("include-only", { type: "string", array: true, describe: "Draw only modules matching these globs" })
    .option("hide", { type: "string", array: true, describe: "Leave modules matching these globs out of the drawing" })
    .option("externals", { type: "boolean", describe: "Draw external packages and builtins, one box each" })
    .option("rankdir", { choices: ["TB", "LR"] as const, describe: "Layout direction: top to bottom or left to right (default TB)" })
    .option("title", { type: "string", describe: "A title above the diagram" })
    .option("profile", { type: "string", array: true, describe: "Draw this run over the map: CPU profiles (.cpuprofile, from `layermap profile`), merged; boxes filled by their time, arrows by the calls along them" })
    .option("heat", { choices: ["total", "self"] as const, describe: "With --profile: fill boxes by total time (on the stack, the default) or self time (on top of it)" });
}

export function toDiagramOptions(args: DiagramArguments): DiagramOptions {
  return {
    ...(args.externals === undefined ? {} : { externals: args.externals }),
    ...(args.collapse === undefined ? {} : { collapse: parseCollapse(args.collapse) }),
    ...(args.focus === undefined ? {} : { focus: args.focus }),
    ...(args.depth === undefined ? {} : { depth: args.depth }),
    ...(args["include-only"] === undefined ? {} : { includeOnly: args["include-only"] }),
    ...(args.hide === undefined ? {} : { exclude: args.hide }),
    ...(args.rankdir === undefined ? {} : { rankdir: args.rankdir }),
    ...(args.title === undefined ? {} : { title: args.title }),
  };
}

function parseCollapse(text: string): Collapse {
  if (text === "none" || text === "layer") return { by: text };
  const match = /^folder(?::(\d+))?$/.exec(text);
  if (match !== null) return { by: "folder", depth: Math.max(1, Number(match[1] ?? 1)) };
  throw new UserError(`--collapse ${text}: expected none, layer, or folder:<depth> (like folder:2)`);
}

/** Formats that draw a run over the map; the others (json, edges) leave a profile out. */
const DRAWN_FORMATS: readonly string[] = ["dot", "svg", "mermaid", "html"];

/**
 * Whether `--profile` is to be read for these formats: not when none of them draws it (a note
 * says so, rather than a profile read for nothing). `--heat` without a profile is a mistake.
 */
export function profileWanted(args: DiagramArguments, formats: readonly (string | undefined)[], note: (line: string) => void): boolean {
  if (args.profile === undefined || args.profile.length === 0) {
    if (args.heat !== undefined) throw new UserError("--heat chooses how a profile is drawn: give the profile with --profile <file>");
    return false;
  }
  if (formats.some((format) => format !== undefined && DRAWN_FORMATS.includes(format))) return true;
  // No format named: the default, json.
  const named = [...new Set(formats.filter((format) => format !== undefined))];
  note(`--profile is drawn only in ${DRAWN_FORMATS.join(", ")}; the ${named.length === 0 ? "json" : named.join(" and ")} output leaves it out`);
  return false;
}
