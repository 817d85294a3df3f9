/**
 * Colours of the diagrams. Layers take Paul Tol's "light" scheme, made for filled areas behind
 * black text and distinct for colour-blind readers (https://personal.sron.nl/~pault/, "Colour
 * schemes", light), in an order that puts a light and a darker fill next to each other, since
 * neighbouring layers are drawn stacked. A layer's colour is its place in the config, so it is
 * the same in every picture; borders are the fill darkened.
 */
const LAYERS = [
  { fill: "#77AADD", border: "#3f6f9f" }, // light blue
  { fill: "#EEDD88", border: "#a8983f" }, // light yellow
  { fill: "#44BB99", border: "#23775f" }, // mint
  { fill: "#FFAABB", border: "#c2677a" }, // pink
  { fill: "#99DDFF", border: "#4f9cc2" }, // light cyan
  { fill: "#EE8866", border: "#a9502f" }, // orange
  { fill: "#BBCC33", border: "#7a8716" }, // pear
  { fill: "#AAAA00", border: "#6b6b00" }, // olive
];
const NO_LAYER = { fill: "#DDDDDD", border: "#9a9a9a" }; // pale grey, the scheme's neutral
const EXTERNAL = { fill: "#fafafa", border: "#bdbdbd" };

export const EDGE_COLOUR = "#4b5563";
export const VIOLATION_COLOUR = "#dc2626";
// Purple, not orange: it must stand out on the orange and pink layer fills, and from red for colour-blind readers.
export const CYCLE_COLOUR = "#7b3294";

/**
 * Runtime overlay: a call no import stands for is orange (the colour-blind-safe partner of the
 * cycles' purple, darker than the orange layer fill); an import never exercised fades to grey.
 */
export const CALL_COLOUR = "#e66100";
export const FAINT_COLOUR = "#c4c8cf";
/** The border of a box that never ran in the profile: lighter than the others. */
export const COLD_BORDER = "#d1d5db";

/** The fill and border of a palette index: a layer's place in the config, -1 no layer, -2 externals. */
export function clusterColours(colour: number): { fill: string; border: string } {
  if (colour === -1) return NO_LAYER;
  if (colour === -2) return EXTERNAL;
  return LAYERS[colour % LAYERS.length]!;
}
