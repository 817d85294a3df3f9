/**
 * Every output format of `callgraph`, by name: a reporter is a function from one run's call
 * graph, or two runs compared, to the text of one file. The CLI derives its `--format` choices
 * from `callGraphFormats` (callgraph-formats.ts, light enough to load at start-up), and does the
 * printing.
 */
import type { CallGraph, CallGraphComparison } from "../../model/call-graph.js";
import { dotToSvg } from "../diagram/to-svg.js";
import { callGraphHtml } from "./callgraph-html.js";
import { callGraphJson, comparisonJson } from "./callgraph-json.js";
import { isComparison } from "./callgraph-common.js";
import { callGraphText, comparisonText } from "./callgraph-text.js";
import { callGraphToDot, comparisonToDot, type CallGraphDrawOptions } from "./to-callgraph-dot.js";
import { callGraphToMermaid, comparisonToMermaid } from "./to-callgraph-mermaid.js";
import type { CallGraphFormat } from "./callgraph-formats.js";

/** The DOT of one run or of two compared. */
function anyCallGraphToDot(graph: CallGraph | CallGraphComparison, options: CallGraphDrawOptions = {}): string {
  return isComparison(graph) ? comparisonToDot(graph, options) : callGraphToDot(graph, options);
}

/** The picture as SVG, laid out by Graphviz (WebAssembly, in process). */
async function callGraphToSvg(graph: CallGraph | CallGraphComparison, options: CallGraphDrawOptions = {}): Promise<string> {
  return dotToSvg(anyCallGraphToDot(graph, options));
}

export async function renderCallGraph(graph: CallGraph | CallGraphComparison, format: CallGraphFormat, options: CallGraphDrawOptions = {}): Promise<string> {
  switch (format) {
    case "text":
      return isComparison(graph) ? comparisonText(graph) : callGraphText(graph);
    case "json":
      return isComparison(graph) ? comparisonJson(graph) : callGraphJson(graph);
    case "dot":
      return anyCallGraphToDot(graph, options);
    case "svg":
      return callGraphToSvg(graph, options);
    case "mermaid":
      return isComparison(graph) ? comparisonToMermaid(graph, options) : callGraphToMermaid(graph, options);
    case "html":
      return callGraphHtml(graph, await callGraphToSvg(graph, options), options);
  }
}
