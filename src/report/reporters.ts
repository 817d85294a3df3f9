/**
 * Every output format of `map` and `render`, registered by name: a reporter is a pure function
 * from the map document (and the rule violations, for diagrams) to the text of one file. The CLI
 * derives its `--format` choices from this map, and does the printing; reporters never print.
 */
import { buildDiagram, type DiagramInput, type DiagramOptions } from "./diagram/build-diagram.js";
import { toDot } from "./diagram/to-dot.js";
import { toMermaid } from "./diagram/to-mermaid.js";
import { dotToSvg } from "./diagram/to-svg.js";
import { edgesReport } from "./edges-report.js";
import { htmlReport } from "./html/html-report.js";
import { jsonReport } from "./json-report.js";

interface Rendered {
  text: string;
  /** Lines for the user (an automatic collapse, say), printed on stderr by the CLI. */
  notes: string[];
}

export type Reporter = (input: DiagramInput, options: DiagramOptions) => Promise<Rendered>;

export const reporters = {
  json: (input) => Promise.resolve({ text: jsonReport(input.document), notes: profileLeftOut(input, "json") }),
  /** One `from<TAB>to` line per import, for Unix pipes; `render -` reads it back. */
  edges: (input) => Promise.resolve({ text: edgesReport(input.document), notes: profileLeftOut(input, "edges") }),
  dot: (input, options) => {
    const diagram = buildDiagram(input, options);
    return Promise.resolve({ text: toDot(diagram), notes: diagram.notes });
  },
  mermaid: (input, options) => {
    const diagram = buildDiagram(input, options);
    return Promise.resolve({ text: toMermaid(diagram), notes: diagram.notes });
  },
  svg: async (input, options) => {
    const diagram = buildDiagram(input, options);
    return { text: await dotToSvg(toDot(diagram)), notes: diagram.notes };
  },
  /** One self-contained interactive page: the SVG with search, highlight, layer toggles, violations. */
  html: htmlReport,
} satisfies Record<string, Reporter>;

/** A format that does not draw the run says so when given one. */
function profileLeftOut(input: DiagramInput, format: string): string[] {
  return input.runtime === undefined ? [] : [`the ${format} output leaves the profile out: it is drawn in dot, svg, mermaid and html`];
}

export type ReportFormat = keyof typeof reporters;
export const reportFormats = Object.keys(reporters) as ReportFormat[];

const EXTENSIONS: Record<string, ReportFormat> = {
  json: "json",
  edges: "edges",
  tsv: "edges",
  dot: "dot",
  gv: "dot",
  mmd: "mermaid",
  mermaid: "mermaid",
  svg: "svg",
  html: "html",
  htm: "html",
};

/** The format a file name asks for (`graph.svg` → svg), if its ending names one. */
export function formatOfPath(path: string): ReportFormat | undefined {
  const dot = path.lastIndexOf(".");
  return dot === -1 ? undefined : EXTENSIONS[path.slice(dot + 1).toLowerCase()];
}
