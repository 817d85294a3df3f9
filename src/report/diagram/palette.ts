/** Colours of the diagrams: soft fills per layer, with a darker border of the same hue. */
const LAYERS = [
  { fill: "#dbeafe", border: "#60a5fa" },
  { fill: "#dcfce7", border: "#4ade80" },
  { fill: "#fef3c7", border: "#f59e0b" },
  { fill: "#fce7f3", border: "#f472b6" },
  { fill: "#ede9fe", border: "#a78bfa" },
  { fill: "#cffafe", border: "#22d3ee" },
  { fill: "#ffedd5", border: "#fb923c" },
  { fill: "#e0e7ff", border: "#818cf8" },
];
const NO_LAYER = { fill: "#f3f4f6", border: "#9ca3af" };
const EXTERNAL = { fill: "#fafafa", border: "#d1d5db" };

export const EDGE_COLOUR = "#4b5563";
export const VIOLATION_COLOUR = "#dc2626";
export const CYCLE_COLOUR = "#d97706";

export function clusterColours(colour: number): { fill: string; border: string } {
  if (colour === -1) return NO_LAYER;
  if (colour === -2) return EXTERNAL;
  return LAYERS[colour % LAYERS.length]!;
}
