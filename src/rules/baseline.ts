/**
 * A baseline of known violations lets a codebase adopt rules today and fail only on new
 * breaks. Entries are matched by rule, from and to — never by line — so moving code around
 * does not break the baseline; entries that no longer occur are reported so the file shrinks.
 */
import { z } from "zod";
import { compareCodeUnits } from "../model/compare.js";
import type { Violation } from "../model/violation.js";

const entrySchema = z.object({ rule: z.string(), from: z.string(), to: z.string() }).strict();
export const baselineSchema = z.object({ version: z.literal(1), violations: z.array(entrySchema) }).strict();
type BaselineEntry = z.infer<typeof entrySchema>;
export type Baseline = z.infer<typeof baselineSchema>;

export interface BaselineOutcome {
  /** Violations the baseline does not know: these fail the build. */
  fresh: Violation[];
  /** Violations the baseline accepts. */
  known: Violation[];
  /** Baseline entries that no longer occur: fixed, and ready to be removed from the file. */
  stale: BaselineEntry[];
}

const keyOf = (entry: BaselineEntry): string => `${entry.rule}\0${entry.from}\0${entry.to}`;

export function applyBaseline(violations: readonly Violation[], baseline: Baseline | undefined): BaselineOutcome {
  if (baseline === undefined) return { fresh: [...violations], known: [], stale: [] };
  const accepted = new Set(baseline.violations.map(keyOf));
  const seen = new Set<string>();
  const fresh: Violation[] = [];
  const known: Violation[] = [];
  for (const violation of violations) {
    const key = keyOf(violation);
    seen.add(key);
    (accepted.has(key) ? known : fresh).push(violation);
  }
  const stale = baseline.violations.filter((entry) => !seen.has(keyOf(entry)));
  return { fresh, known, stale };
}

export function baselineOf(violations: readonly Violation[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const { rule, from, to } of violations) entries.set(keyOf({ rule, from, to }), { rule, from, to });
  const sorted = [...entries.values()].sort(
    (a, b) => compareCodeUnits(a.rule, b.rule) || compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to),
  );
  return { version: 1, violations: sorted };
}
