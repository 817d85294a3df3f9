/**
 * Heat colours for runtime pictures: gprof2dot's classic temperature map, so a call graph reads
 * the way a generation of profiler users learned it — dark blue for a cold share of the run,
 * through cyan, green and yellow, to saturated red for the hottest. A weight is a share of the
 * run from 0 to 1; the hue, saturation and lightness are interpolated between the two ends and
 * turned into RGB as gprof2dot's Theme.color and hsl_to_rgb do (gamma 1).
 */

/** gprof2dot's TEMPERATURE_COLORMAP: (hue, saturation, lightness) at weight 0 and at 1. */
const COLD = [2 / 3, 0.8, 0.25] as const;
const HOT = [0, 1, 0.5] as const;

/** The fill (and arrow colour) of a share of the run, `#rrggbb`. */
export function heatColour(weight: number): string {
  const w = Math.min(Math.max(Number.isFinite(weight) ? weight : 0, 0), 1);
  const [h, s, l] = [0, 1, 2].map((i) => COLD[i]! + w * (HOT[i]! - COLD[i]!)) as [number, number, number];
  return hslToHex(h, s, l);
}

/** Arrow width for a share of the run, as gprof2dot draws it (0.5 to 4 points). */
export function heatPenwidth(weight: number): number {
  return Math.max(Math.min(Math.max(weight, 0), 1) * 4, 0.5);
}

/** Arrowhead size that goes with heatPenwidth. */
export function heatArrowsize(weight: number): number {
  return 0.5 * Math.sqrt(heatPenwidth(weight));
}

/** The text colour on a heat fill: white, as gprof2dot writes on its filled nodes. */
export const HEAT_TEXT = "#ffffff";

/**
 * The text colour for a heat fill: white (gprof2dot's), except on the light band between green
 * and orange, where white text is hard to read and a dark one is used.
 */
export function heatTextColour(fill: string): string {
  return luminance(fill) > 0.45 ? DARK_TEXT : HEAT_TEXT;
}

/** WCAG relative luminance of `#rrggbb`, 0 (black) to 1 (white). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const h = ((hue % 1) + 1) % 1;
  const m2 = lightness <= 0.5 ? lightness * (saturation + 1) : lightness + saturation - lightness * saturation;
  const m1 = lightness * 2 - m2;
  const channels = [h + 1 / 3, h, h - 1 / 3].map((part) => hueToChannel(m1, m2, part));
  return `#${channels.map((value) => Math.round(Math.min(Math.max(value, 0), 1) * 255).toString(16).padStart(2, "0")).join("")}`;
}

function hueToChannel(m1: number, m2: number, hue: number): number {
  const h = hue < 0 ? hue + 1 : hue > 1 ? hue - 1 : hue;
  if (h * 6 < 1) return m1 + (m2 - m1) * h * 6;
  if (h * 2 < 1) return m2;
  if (h * 3 < 2) return m1 + (m2 - m1) * (2 / 3 - h) * 6;
  return m1;
}

/**
 * Colours of a change between two runs, diverging from grey: reds for a node that takes a larger
 * share of the run now, blues for a smaller, light for a small change and deep for the largest.
 * `change` is in points of the run, `largest` the largest |change| drawn; a change that rounds
 * to 0.0 points is grey. Returns the fill and the text colour that reads on it.
 */
export function changeColour(change: number, largest: number): { fill: string; text: string } {
  if (!Number.isFinite(change) || Math.abs(change) < 0.05 || !(largest > 0)) return { fill: UNCHANGED_FILL, text: DARK_TEXT };
  const weight = Math.min(Math.abs(change) / largest, 1);
  const lightness = 0.88 - 0.46 * weight;
  return { fill: hslToHex(change > 0 ? 0 : 0.6, 0.85, lightness), text: lightness < 0.64 ? HEAT_TEXT : DARK_TEXT };
}

/** The colour of an arrow whose share changed by `change` points: as changeColour, a shade darker, so a small change still shows on white. */
export function changeStroke(change: number, largest: number): string {
  if (!Number.isFinite(change) || Math.abs(change) < 0.05 || !(largest > 0)) return UNCHANGED_STROKE;
  const weight = Math.min(Math.abs(change) / largest, 1);
  return hslToHex(change > 0 ? 0 : 0.6, 0.85, 0.7 - 0.32 * weight);
}

/**
 * The fill of an unchanged node in a comparison.
 * @internal Exported for its unit tests (knip --production ignores the tag).
 */
export const UNCHANGED_FILL = "#d1d5db";
/** The colour of an unchanged arrow in a comparison. */
const UNCHANGED_STROKE = "#9ca3af";
const DARK_TEXT = "#111827";
