/** An import as a pair of module ids, the unit cycle breakers are counted in. */
import { compareCodeUnits } from "../../model/compare.js";

export type Arc = [from: string, to: string];

export function compareArcs(a: Arc, b: Arc): number {
  return compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]);
}
