/**
 * The architecture diff of a change: two maps of the same root — the base revision's and the
 * head's, each with the violations of the rules it was checked with — compared. Pure: git and
 * mapping are diff-revisions.ts's business, so this is tested on documents written inline.
 */
import type { Plane } from "../../config/config-schema.js";
import type { MapDocument } from "../../model/document.js";
import type { Violation } from "../../model/violation.js";
import { compareCycles, type CycleChange } from "./compare-cycles.js";
import { compareImports, type ImportsDiff } from "./compare-imports.js";
import { compareLayerCrossings, type LayerCrossingChange } from "./compare-layer-crossings.js";
import { compareViolations, type ViolationsDiff } from "./compare-violations.js";

/** A revision as the user named it (with the full commit id it named), or the working tree. */
export type Revision = { ref: string; commit: string } | { workingTree: true };

export interface MappedRevision {
  revision: Revision;
  document: MapDocument;
  violations: readonly Violation[];
}

export interface ArchitectureDiff {
  base: Revision;
  head: Revision;
  imports: ImportsDiff;
  layerCrossings: LayerCrossingChange[];
  violations: ViolationsDiff;
  cycles: CycleChange[];
  /** What fails the change: new error-level violations, and cycles it adds that fail. */
  failing: { violations: number; cycles: number };
}

/** An architecture diff with the two maps it compares, for drawing the change in its context. */
export interface RevisionsDiff {
  diff: ArchitectureDiff;
  base: MapDocument;
  head: MapDocument;
}

export interface DiffMapsOptions {
  /** The plane of the cycles rule: runtime cycles fail, or (with "all") every cycle. */
  failPlane?: Plane;
}

export function diffMaps(base: MappedRevision, head: MappedRevision, options: DiffMapsOptions = {}): ArchitectureDiff {
  const violations = compareViolations(base.violations, head.violations);
  const cycles = compareCycles(base.document, head.document, options.failPlane ?? "runtime");
  return {
    base: base.revision,
    head: head.revision,
    imports: compareImports(base.document, head.document),
    layerCrossings: compareLayerCrossings(base.document, head.document),
    violations,
    cycles,
    failing: {
      violations: violations.added.filter((violation) => violation.severity === "error").length,
      cycles: cycles.filter((change) => change.adds).length,
    },
  };
}

/** The change makes the architecture worse in a way the rules fail: `diff` exits 1. */
export function diffFails(diff: ArchitectureDiff): boolean {
  return diff.failing.violations + diff.failing.cycles > 0;
}
