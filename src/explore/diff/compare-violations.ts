/**
 * The rule violations a change adds and fixes. Violations are matched as the baseline matches
 * them — by rule, from and to, never by line — so code that merely moves within a file is
 * neither new nor fixed. Cycles are left to compare-cycles.ts: a cycle's identity is its
 * modules, not the import its chain happens to start with.
 */
import type { Violation } from "../../model/violation.js";

export interface ViolationsDiff {
  /** In the head and not in the base, with the head's lines. */
  added: Violation[];
  /** In the base and not in the head, with the base's lines. */
  fixed: Violation[];
}

export function compareViolations(base: readonly Violation[], head: readonly Violation[]): ViolationsDiff {
  const before = new Set(base.filter(notCycle).map(keyOf));
  const after = new Set(head.filter(notCycle).map(keyOf));
  return {
    added: head.filter((violation) => notCycle(violation) && !before.has(keyOf(violation))),
    fixed: base.filter((violation) => notCycle(violation) && !after.has(keyOf(violation))),
  };
}

const notCycle = (violation: Violation): boolean => violation.ruleKind !== "cycles";

const keyOf = (violation: Violation): string => `${violation.rule}\0${violation.from}\0${violation.to}`;
