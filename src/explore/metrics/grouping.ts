/** Grouping modules for the metrics, and ordering the rows by one metric. */
import { compareCodeUnits } from "../../model/compare.js";
import type { MetricKey } from "../choices.js";
import type { Coupling } from "./coupling.js";

/** The folder a module is in, `.` at the root. */
export function folderOf(id: string): string {
  const slash = id.lastIndexOf("/");
  return slash === -1 ? "." : id.slice(0, slash);
}

export function groupBy(ids: readonly string[], keyOf: (id: string) => string | undefined): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const key = keyOf(id);
    if (key === undefined) continue;
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [id]);
    else members.push(id);
  }
  return groups;
}

/** Biggest first for a number (no value last), A to Z for the name; ties by name. */
export function byMetric<T extends Coupling>(key: MetricKey, nameOf: (entry: T) => string): (a: T, b: T) => number {
  const field = { "fan-in": "fanIn", "fan-out": "fanOut", instability: "instability", depth: "depth", lines: "lines" } as const;
  return (a, b) => {
    if (key !== "name") {
      const x = a[field[key]] ?? -1;
      const y = b[field[key]] ?? -1;
      if (x !== y) return y - x;
    }
    return compareCodeUnits(nameOf(a), nameOf(b));
  };
}
