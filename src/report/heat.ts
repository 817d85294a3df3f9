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
