/** The options of every command that draws a diagram (`map --format svg`, `render`), declared once. */
import type { Argv } from "yargs";
import { UserError } from "../model/errors.js";
import type { Collapse } from "../report/diagram/collapse.js";
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
    .option("title", { type: "string", describe: "A title above the diagram" });
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

export function parseCollapse(text: string): Collapse {
  if (text === "none" || text === "layer") return { by: text };
  const match = /^folder(?::(\d+))?$/.exec(text);
  if (match !== null) return { by: "folder", depth: Math.max(1, Number(match[1] ?? 1)) };
  throw new UserError(`--collapse ${text}: expected none, layer, or folder:<depth> (like folder:2)`);
}
