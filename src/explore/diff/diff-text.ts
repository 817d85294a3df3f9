/**
 * `layermap diff` for people: the imports added and removed, the layer crossings that moved,
 * the rule violations added and fixed, the cycles created, changed and broken, and a last line
 * that says whether the change fails. Sections with nothing to say are left out.
 */
import type { Violation } from "../../model/violation.js";
import { printer, type FormatOptions, type Printer } from "../format/format-options.js";
import type { CycleChange } from "./compare-cycles.js";
import type { ImportChange } from "./compare-imports.js";
import type { LayerCrossingChange } from "./compare-layer-crossings.js";
import { diffFails, type ArchitectureDiff, type Revision } from "./diff-maps.js";

/** Changes of one kind are listed up to this many, then counted. */
const LISTED = 40;

export function diffText(diff: ArchitectureDiff, options: FormatOptions): string {
  const p = printer(options);
  const { c, plural } = p;
  const { imports, layerCrossings, violations, cycles } = diff;
  const lines = [c.bold(`Architecture diff of ${options.root}: ${revisionText(diff.base)} → ${revisionText(diff.head)}`)];

  const counts = [`${imports.added.length} added`, `${imports.removed.length} removed`];
  if (imports.retyped.length > 0) counts.push(`${imports.retyped.length} changed plane`);
  lines.push("", `${c.bold("Imports:")} ${counts.join(", ")}`);
  lines.push(...listed(imports.added, (change) => `  ${c.green("+")} ${importText(change, p)}`, p));
  lines.push(...listed(imports.removed, (change) => `  ${c.red("-")} ${importText(change, p)}`, p));
  lines.push(...listed(imports.retyped, (change) => `  ${c.yellow("~")} ${importText(change, p)}: ${planeText(change)}`, p));

  if (layerCrossings.length > 0) {
    lines.push("", c.bold("Layer crossings:"));
    lines.push(...layerCrossings.map((change) => `  ${crossingText(change, p)}`));
  }

  if (violations.added.length + violations.fixed.length > 0) {
    const errors = violations.added.filter((violation) => violation.severity === "error").length;
    lines.push("", `${c.bold("Rule violations:")} ${violations.added.length} new (${plural(errors, "error")}), ${violations.fixed.length} fixed`);
    lines.push(...listed(violations.added, (violation) => `  ${violationText(violation, p)}`, p));
    lines.push(...listed(violations.fixed, (violation) => `  ${c.green("✔ fixed")} ${violationBody(violation, p)}`, p));
  }

  if (cycles.length > 0) {
    const count = (change: CycleChange["change"]): number => cycles.filter((cycle) => cycle.change === change).length;
    lines.push("", `${c.bold("Cycles:")} ${count("created")} created, ${count("changed")} changed, ${count("broken")} broken`);
    for (const change of cycles) lines.push(...cycleLines(change, p));
  }

  lines.push("", verdict(diff, p));
  return `${lines.join("\n")}\n`;
}

function revisionText(revision: Revision): string {
  if ("workingTree" in revision) return "the working tree";
  const short = revision.commit.slice(0, 7);
  return revision.ref.startsWith(short) ? revision.ref : `${revision.ref} (${short})`;
}

function importText(change: ImportChange, p: Printer): string {
  const at = change.lines.length > 0 ? p.at(change.from, change.lines[0]!) : p.path(change.from);
  const more = change.lines.length > 1 ? p.c.dim(` (+${change.lines.length - 1} more)`) : "";
  const type = change.typeOnly ? p.c.yellow(" (type)") : "";
  const layers = change.fromLayer !== undefined && change.toLayer !== undefined && change.fromLayer !== change.toLayer
    ? p.c.dim(`  ${p.text(change.fromLayer)} → ${p.text(change.toLayer)}`)
    : "";
  return `${at}${more} → ${p.path(change.to, change.toKind)}${type}${layers}`;
}

function planeText(change: ImportChange): string {
  return change.typeOnly ? "now type-only (was runtime)" : "now runtime (was type-only)";
}

function crossingText(change: LayerCrossingChange, p: Printer): string {
  const { c, plural } = p;
  const pair = p.text(`${change.fromLayer} → ${change.toLayer}`);
  if (change.before === 0) return `${c.green("+")} ${c.bold(pair)}: new, ${plural(change.after, "import")}`;
  if (change.after === 0) return `${c.red("-")} ${pair}: gone (was ${plural(change.before, "import")})`;
  return `${c.yellow("~")} ${pair}: ${change.before} → ${change.after} imports`;
}

function violationText(violation: Violation, p: Printer): string {
  const mark = violation.severity === "error" ? p.c.red(p.c.bold("✖")) : p.c.yellow("▲");
  return `${mark} ${violationBody(violation, p)}`;
}

function violationBody(violation: Violation, p: Printer): string {
  const steps = violation.via ?? [{ from: violation.from, to: violation.to, line: violation.line, specifier: violation.specifier }];
  const chain = [...steps.map((step) => p.at(step.from, step.line)), p.path(violation.to, violation.toKind)].join(" → ");
  return `${p.c.bold(p.text(violation.rule))} ${chain}: ${p.text(violation.message)}`;
}

function cycleLines(change: CycleChange, p: Printer): string[] {
  const { c, plural } = p;
  const kind = change.runtime ? "runtime cycle" : "type-only tangle";
  const size = plural(change.modules.length, "module");
  const mark = change.adds ? c.red(c.bold("✖")) : change.change === "broken" ? c.green("✔") : c.yellow("◆");
  const was = change.was === undefined ? "" : c.dim(` (was ${change.was.map((modules) => plural(modules.length, "module")).join(" + ")})`);
  return [`  ${mark} ${kind} ${change.change}: ${size}${was}`, `    ${p.chain(change.cycle)}`];
}

function verdict(diff: ArchitectureDiff, p: Printer): string {
  const { c, plural } = p;
  if (!diffFails(diff)) return c.green(c.bold("✔ no new error-level violation and no new runtime cycle"));
  const parts = [
    ...(diff.failing.violations > 0 ? [plural(diff.failing.violations, "error-level violation")] : []),
    ...(diff.failing.cycles > 0 ? [plural(diff.failing.cycles, diff.cycles.every((cycle) => !cycle.adds || cycle.runtime) ? "runtime cycle" : "cycle")] : []),
  ];
  return `${c.red(c.bold("✖"))} the change adds ${parts.join(" and ")}`;
}

function listed<T>(items: readonly T[], line: (item: T) => string, p: Printer): string[] {
  const shown = items.slice(0, LISTED).map(line);
  if (items.length > LISTED) shown.push(p.c.dim(`  … and ${items.length - LISTED} more (--format json lists them all)`));
  return shown;
}
