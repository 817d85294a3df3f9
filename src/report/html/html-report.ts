/** The `html` format: the diagram as SVG inside one self-contained interactive page. */
import { buildDiagram, type DiagramInput, type DiagramOptions } from "../diagram/build-diagram.js";
import { toDot } from "../diagram/to-dot.js";
import { dotToSvg } from "../diagram/to-svg.js";
import { drillDown } from "./drill-down.js";
import { toHtml } from "./to-html.js";

export async function htmlReport(input: DiagramInput, options: DiagramOptions): Promise<{ text: string; notes: string[] }> {
  const diagram = buildDiagram(input, options);
  const drill = drillDown(input, options, diagram);
  const svgs: string[] = [];
  for (const view of drill.views) svgs.push(await dotToSvg(toDot(view.diagram)));
  const notes = [...diagram.notes];
  if (drill.views.length > 1) {
    notes.push(`the HTML page opens ${drill.views.length - 1} of its folded boxes on a click` + (drill.closed.size > 0 ? ` (${drill.closed.size} left closed, too large or past the page's budget: selected, each says how to draw it with --focus)` : ""));
  }
  return { text: toHtml(drill, svgs, input.violations), notes };
}
