/**
 * `layermap cycles` for people: each component with its shortest cycle as a chain of file:line
 * steps and its breakers; for scripts: the same as JSON, module ids relative to the root.
 */
import type { CycleComponent, CyclesResult } from "../cycles/find-cycles.js";
import { jsonHead, jsonText, printer, table, type FormatOptions, type Printer } from "./format-options.js";

/** A tangle's other members are listed up to this many. */
const LISTED = 12;

export function cyclesText(result: CyclesResult, options: FormatOptions): string {
  const p = printer(options);
  const { c, plural } = p;
  const lines: string[] = [];
  for (const component of result.components) lines.push(...componentLines(component, result, p), "");
  const runtime = result.components.filter((component) => component.runtime).length;
  const tangles = result.components.length - runtime;
  const inCycles = new Set(result.components.flatMap((component) => component.modules)).size;
  const modules = c.dim(`(${plural(inCycles, "module")} in cycles)`);
  const deferredTangles = result.components.filter((component) => component.deferred === true).length;
  const tangled = plural(tangles - deferredTangles, "type-only tangle") + (deferredTangles > 0 ? `, ${plural(deferredTangles, "tangle")} closed by deferred imports` : "");
  if (result.components.length === 0) lines.push(c.green(c.bold("✔ no cycles")) + p.plane);
  else if (result.failing > 0) {
    const counted = result.failPlane === "all" ? c.dim(" — the config's cycles rule counts type-only imports") : "";
    lines.push(`${c.red(c.bold("✖"))} ${plural(runtime, "runtime cycle")}, ${tangled} ${modules}${counted}${p.plane}`);
  } else lines.push(`${c.green(c.bold("✔ no runtime cycles"))}, ${tangled} ${modules}${p.plane}`);
  return `${lines.join("\n")}\n`;
}

function componentLines(component: CycleComponent, result: CyclesResult, p: Printer): string[] {
  const { c, plural } = p;
  const fails = component.runtime || result.failPlane === "all";
  const kind = component.runtime ? "runtime cycle" : component.deferred ? "tangle closed by deferred imports" : "type-only tangle";
  const closers = component.deferred ? "imports in a function body (or type-only ones), which never run while modules load" : "type-only imports, which vanish at compile time";
  const mark = fails ? c.red(c.bold("✖")) : c.yellow("◆");
  const members = new Set(component.modules);
  const around = component.runtime ? 0 : result.components.filter((other) => other.runtime && other.modules.every((id) => members.has(id))).length;
  const why = component.runtime
    ? ""
    : around === 0
      ? c.dim(` — it exists only through ${closers}`)
      : component.deferred
        ? c.dim(` — around ${plural(around, "runtime cycle")} listed on ${around === 1 ? "its" : "their"} own; imports that never run while modules load close the rest`)
        : c.dim(` — around ${plural(around, "runtime cycle")} listed on ${around === 1 ? "its" : "their"} own; type-only imports close the rest, which vanishes at compile time`);
  const lines = [`${mark} ${c.bold(kind)}: ${plural(component.modules.length, "module")}${why}`, `  ${p.chain(component.cycle)}`];
  const onCycle = new Set(component.cycle.map((step) => step.from));
  const others = component.modules.filter((id) => !onCycle.has(id));
  if (others.length > 0) {
    const listed = others.slice(0, LISTED).map((id) => p.path(id)).join(", ");
    lines.push(`  ${c.dim("also in it:")} ${listed}${others.length > LISTED ? `, and ${others.length - LISTED} more` : ""}`);
  }
  const how = component.fewest
    ? "the fewest that do"
    : component.minimal === false
      ? "greedy: too big a tangle to prune to a minimal set, so some may be needless"
      : "a small set; fewer may do";
  lines.push(`  ${c.dim(`breakers (${component.breakers.length}, ${how}):`)}`);
  const rows = component.breakers.map((breaker) => [
    c.cyan(`${p.path(breaker.from)}:${breaker.lines.join(",")}`),
    `${p.imports(breaker)}${breaker.deferred === true ? c.yellow(" (deferred)") : breaker.typeOnly ? c.yellow(" (type)") : ""}`,
  ]);
  return [...lines, ...table(rows, "    ")];
}

export function cyclesJson(result: CyclesResult, options: FormatOptions): string {
  return jsonText({ ...jsonHead(options), failPlane: result.failPlane, failing: result.failing, components: result.components });
}
