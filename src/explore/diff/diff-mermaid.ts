/**
 * `layermap diff --format mermaid`: the changed neighbourhood as a Mermaid flowchart for a pull
 * request comment (GitHub renders it): added imports green, removed ones red and dashed, imports
 * that newly break a rule thick and labelled with the rule's name (red for an error, yellow for a
 * warning), steps of a new cycle thick purple, imports that changed plane labelled so; new
 * modules with a green border, deleted ones with a red dashed one. The layout —
 * which boxes, clusters per layer, labels — is the diagrams' own (report/diagram); only the
 * colouring by change is drawn here.
 */
import { buildDiagram } from "../../report/diagram/build-diagram.js";
import type { DiagramEdge } from "../../report/diagram/diagram.js";
import { CYCLE_COLOUR, VIOLATION_COLOUR } from "../../report/diagram/palette.js";
import { text, writeMermaidBoxes } from "../../report/diagram/to-mermaid.js";
import { changedNeighbourhood } from "./changed-neighbourhood.js";
import { pairKey } from "./compare-imports.js";
import type { ArchitectureDiff, Revision, RevisionsDiff } from "./diff-maps.js";

const ADDED_COLOUR = "#16a34a";
const WARNING_COLOUR = "#ca8a04";

type Change = "added" | "removed" | "retyped" | "error" | "warning" | "cycle";

export function diffMermaid({ diff, base, head }: RevisionsDiff, options: { title?: string } = {}): string {
  const document = changedNeighbourhood(diff, base, head);
  const title = options.title ?? `layermap diff: ${revisionName(diff.base)} → ${revisionName(diff.head)}`;
  const lines = ["---", `title: ${JSON.stringify(title)}`, "---", "flowchart TB"];
  if (document.modules.length === 0) return `${[...lines, `  n0["no import added or removed"]`].join("\n")}\n`;

  const diagram = buildDiagram({ document, violations: [] }, { externals: true, collapse: { by: "none" } });
  const ids = new Map([...diagram.nodes.keys()].map((id, index) => [id, `n${index}`]));
  const styles: string[] = [];
  writeMermaidBoxes(diagram, ids, lines, styles);

  const before = new Set(base.modules.map((module) => module.id));
  const after = new Set(head.modules.map((module) => module.id));
  for (const [id, short] of ids) {
    if (!before.has(id)) styles.push(`  style ${short} stroke:${ADDED_COLOUR},stroke-width:2px`);
    else if (!after.has(id)) styles.push(`  style ${short} stroke:${VIOLATION_COLOUR},stroke-width:2px,stroke-dasharray:4 3`);
  }

  const changes = changesByPair(diff);
  diagram.edges.forEach((edge, index) => {
    const change = changes.get(pairKey(edge.from, edge.to));
    lines.push(`  ${ids.get(edge.from)!} ${arrow(edge, change)} ${ids.get(edge.to)!}`);
    const style = change === undefined ? undefined : LINK_STYLES[change.kind];
    if (style !== undefined) styles.push(`  linkStyle ${index} ${style}`);
  });
  return `${[...lines, ...styles].join("\n")}\n`;
}

const LINK_STYLES: Record<Change, string | undefined> = {
  added: `stroke:${ADDED_COLOUR},stroke-width:2px`,
  removed: `stroke:${VIOLATION_COLOUR},stroke-width:1.5px,stroke-dasharray:5 4`,
  retyped: undefined,
  error: `stroke:${VIOLATION_COLOUR},stroke-width:3px`,
  warning: `stroke:${WARNING_COLOUR},stroke-width:3px`,
  cycle: `stroke:${CYCLE_COLOUR},stroke-width:3px`,
};

/** What the change did to each import drawn; a new violation outranks a new cycle, which outranks the import's own change. */
function changesByPair(diff: ArchitectureDiff): Map<string, { kind: Change; label: string }> {
  const changes = new Map<string, { kind: Change; label: string }>();
  for (const change of diff.imports.added) changes.set(pairKey(change.from, change.to), { kind: "added", label: "+" });
  for (const change of diff.imports.removed) changes.set(pairKey(change.from, change.to), { kind: "removed", label: "−" });
  for (const change of diff.imports.retyped) {
    changes.set(pairKey(change.from, change.to), { kind: "retyped", label: change.typeOnly ? "now type-only" : "now runtime" });
  }
  for (const cycle of diff.cycles.filter((change) => change.adds)) {
    for (const step of cycle.cycle) changes.set(pairKey(step.from, step.to), { kind: "cycle", label: "cycle" });
  }
  // Warnings first, so that an import breaking two rules shows the error.
  const added = [...diff.violations.added].sort((a, b) => Number(a.severity === "error") - Number(b.severity === "error"));
  for (const violation of added) {
    const kind = violation.severity === "error" ? "error" : "warning";
    for (const step of violation.via ?? [violation]) changes.set(pairKey(step.from, step.to), { kind, label: violation.rule });
  }
  return changes;
}

function arrow(edge: DiagramEdge, change: { kind: Change; label: string } | undefined): string {
  const thick = change?.kind === "error" || change?.kind === "warning" || change?.kind === "cycle";
  const shaft = thick ? "==>" : change?.kind === "removed" || edge.typeOnly ? "-.->" : "-->";
  return change === undefined ? shaft : `${shaft}|${text(change.label)}|`;
}

function revisionName(revision: Revision): string {
  return "workingTree" in revision ? "working tree" : revision.ref;
}

