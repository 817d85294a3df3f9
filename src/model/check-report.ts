/** The outcome of `check` as plain data: what every check reporter reads, and nothing more. */
import type { Violation } from "./violation.js";

interface CheckSummary {
  /** Local modules mapped. */
  modules: number;
  layered: number;
  unlayered: number;
  /** New error-level violations: any fails the check. */
  errors: number;
  warnings: number;
  /** Violations the baseline accepts. */
  known: number;
  /** Baseline entries that no longer occur. */
  stale: number;
}

interface StaleEntry {
  rule: string;
  from: string;
  to: string;
}

/** A rule the check ran, for reporters that list rules (SARIF, JUnit). */
export interface RuleInfo {
  name: string;
  kind: Violation["ruleKind"];
  severity: Violation["severity"];
  description: string;
  comment?: string;
}

export interface CheckReport {
  /** The mapped root as the user named it (POSIX, relative to the working folder): reporters prefix paths with it. */
  root: string;
  /** New violations, sorted. */
  violations: Violation[];
  known: Violation[];
  stale: StaleEntry[];
  /** Local modules in no layer, sorted. */
  unlayered: string[];
  /** Each layer, top first, with its module count. */
  layers: { name: string; modules: number }[];
  /** Every rule that ran (severity not "off"), in config order. */
  rules: RuleInfo[];
  /** Present when the rules judged the transparent plane: imports through barrels lead to the modules that declare the names. */
  throughBarrels?: true;
  summary: CheckSummary;
}
