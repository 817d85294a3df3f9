import type { ModuleKind } from "../../model/document.js";
import type { CheckReport } from "../../model/check-report.js";
import type { ImportStep } from "../../model/violation.js";

/** A module id as a path from the working folder, so terminals and CI can link to it. */
export function pathFrom(report: Pick<CheckReport, "root">, id: string, kind: ModuleKind = "local"): string {
  return report.root === "." || kind !== "local" ? id : `${report.root}/${id}`;
}

/** `a.ts:12 → b.ts:40 → a.ts`: each step with the line of its import. */
export function chainText(report: Pick<CheckReport, "root">, steps: readonly ImportStep[]): string {
  const last = steps[steps.length - 1];
  if (last === undefined) return "";
  return [...steps.map((step) => `${pathFrom(report, step.from)}:${step.line}`), pathFrom(report, last.to)].join(" → ");
}
