/**
 * Where Graphviz put things, read back from its SVG: each cluster, node and edge is a flat
 * `<g id=… class=…>` whose first shape's coordinates give its extent, and whose first fill and
 * stroke give its colours. Tests use it to check the layout itself, not only the DOT asked for.
 */

export interface Shape {
  id: string;
  kind: "cluster" | "node" | "edge";
  /** Smallest and largest y of the shape's outline (SVG y grows downwards). */
  top: number;
  bottom: number;
  left: number;
  right: number;
  fill: string | undefined;
  stroke: string | undefined;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, code: string) => {
    if (code.startsWith("#x") || code.startsWith("#X")) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith("#")) return String.fromCodePoint(Number(code.slice(1)));
    return ENTITIES[code] ?? entity;
  });
}

/** Every cluster, node and edge of a Graphviz SVG, by element id. */
export function shapesOf(svg: string): Map<string, Shape> {
  const shapes = new Map<string, Shape>();
  for (const match of svg.matchAll(/<g id="([^"]*)" class="(cluster|node|edge)">([\s\S]*?)<\/g>/g)) {
    const [, rawId, kind, body] = match;
    const outline = /<(?:path|polygon|ellipse)\b[^>]*?(?:\sd="([^"]*)"|\spoints="([^"]*)"|\scx="([^"]*)")/.exec(body!);
    const numbers = (outline?.[1] ?? outline?.[2] ?? "").match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
    const xs = numbers.filter((_, index) => index % 2 === 0);
    const ys = numbers.filter((_, index) => index % 2 === 1);
    const fill = /<(?:path|polygon|ellipse)\b[^>]*?\sfill="([^"]*)"/.exec(body!)?.[1];
    const stroke = /<(?:path|polygon|ellipse)\b[^>]*?\sstroke="([^"]*)"/.exec(body!)?.[1];
    shapes.set(decode(rawId!), {
      id: decode(rawId!),
      kind: kind as Shape["kind"],
      top: Math.min(...ys),
      bottom: Math.max(...ys),
      left: Math.min(...xs),
      right: Math.max(...xs),
      fill,
      stroke,
    });
  }
  return shapes;
}
