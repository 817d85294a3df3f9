/** The `html` format: the diagram as SVG inside one self-contained interactive page. */
import { buildDiagram, type DiagramInput, type DiagramOptions } from "../diagram/build-diagram.js";
import { toDot } from "../diagram/to-dot.js";
import { dotToSvg } from "../diagram/to-svg.js";
import { toHtml } from "./to-html.js";

export async function htmlReport(input: DiagramInput, options: DiagramOptions): Promise<{ text: string; notes: string[] }> {
  const diagram = buildDiagram(input, options);
  return { text: toHtml(diagram, await dotToSvg(toDot(diagram)), input.violations), notes: diagram.notes };
}
