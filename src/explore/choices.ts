/**
 * The choices explore commands offer on the command line, in a module that loads nothing, so
 * `--help` stays instant (the queries pull in the mapper and TypeScript).
 */
import type { Plane } from "../config/config-schema.js";

/** `all`: every import; `runtime`: without type-only imports, which vanish at compile time. */
export const planeChoices = ["all", "runtime"] as const satisfies readonly Plane[];

export const metricKeys = ["fan-in", "fan-out", "instability", "depth", "lines", "name"] as const;
export type MetricKey = (typeof metricKeys)[number];
