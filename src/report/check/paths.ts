import type { ModuleKind } from "../../model/document.js";
import type { CheckReport } from "../../model/check-report.js";
import type { BarrelPassage, ImportStep } from "../../model/violation.js";

/** A module id as a path from the working folder, so terminals and CI can link to it. */
export function pathFrom(report: Pick<CheckReport, "root">, id: string, kind: ModuleKind = "local"): string {
  return report.root === "." || kind !== "local" ? id : `${report.root}/${id}`;
}

/**
 * `a.ts:12 → b.ts:40 → a.ts`: each step with the line of its import; a step through a barrel
 * (barrels transparent) names it: `a.ts:12 (via src/index.ts) → b.ts:40`.
 */
export function chainText(report: Pick<CheckReport, "root">, steps: readonly ImportStep[]): string {
  const last = steps[steps.length - 1];
  if (last === undefined) return "";
  const at = (step: ImportStep): string => `${pathFrom(report, step.from)}:${step.line}${step.barrel === undefined ? "" : ` (via ${pathFrom(report, step.barrel.module)})`}`;
  // Steps join where one's module is the next one's importer; where they do not (a cycle between
  // sibling folders goes on from another module of the same folder), both modules are named,
  // parted by a `·`.
  let text = "";
  steps.forEach((step, index) => {
    const next = steps[index + 1];
    text += `${at(step)} → ${next === undefined || next.from === step.to ? "" : `${pathFrom(report, step.to)} · `}`;
  });
  return text + pathFrom(report, last.to);
}

/** How many imported names a line shows before `…`: a barrel import can name dozens. */
const NAMES_SHOWN = 4;

/** `{ a, b }`, or `{ a, b, c, d, … 3 more }`: the names an import takes from a barrel. */
export function namesText(names: readonly string[]): string {
  const shown = names.length <= NAMES_SHOWN ? names : [...names.slice(0, NAMES_SHOWN), `… ${names.length - NAMES_SHOWN} more`];
  return `{ ${shown.join(", ")} }`;
}

/** ` via src/utils/index.ts { format }`: the barrel an import went through, or nothing. */
export function viaText(report: Pick<CheckReport, "root">, barrel: BarrelPassage | undefined): string {
  return barrel === undefined ? "" : ` via ${pathFrom(report, barrel.module)} ${namesText(barrel.names)}`;
}
