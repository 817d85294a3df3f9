/**
 * The formats `callgraph` writes and the file endings that ask for them: no import, so the CLI
 * can take its `--format` choices from here at start-up without loading a reporter.
 */
export const callGraphFormats = ["text", "json", "dot", "svg", "mermaid", "html"] as const;
export type CallGraphFormat = (typeof callGraphFormats)[number];

const EXTENSIONS: Readonly<Record<string, CallGraphFormat>> = {
  txt: "text",
  text: "text",
  json: "json",
  dot: "dot",
  gv: "dot",
  svg: "svg",
  mmd: "mermaid",
  mermaid: "mermaid",
  html: "html",
  htm: "html",
};

/** The format a file name asks for (`profile.svg` → svg), if its ending names one. */
export function callGraphFormatOfPath(path: string): CallGraphFormat | undefined {
  const dot = path.lastIndexOf(".");
  if (dot === -1 || dot < Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"))) return undefined;
  return EXTENSIONS[path.slice(dot + 1).toLowerCase()];
}
