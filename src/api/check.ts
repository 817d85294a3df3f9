/**
 * `check`: map (or read a saved map), then judge the graph against the config's layers and
 * rules, then set the violations against a baseline. The result is plain data for the check reporters.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { displayPath } from "../model/display-path.js";
import { formatIssues, loadConfig } from "../config/load-config.js";
import { UserError } from "../model/errors.js";
import { applyBaseline, baselineOf, baselineSchema, type Baseline } from "../rules/baseline.js";
import { checkRules } from "../rules/check-rules.js";
import { ruleInfos } from "../rules/rule-infos.js";
import type { CheckReport } from "../model/check-report.js";
import { counted } from "../model/counted.js";
import { map, type MapOptions, type MapResult } from "./map.js";
import { loadSavedMap, readMapDocument } from "./saved-map.js";
import { stopwatch } from "./stopwatch.js";
import { planeGraph, throughBarrelsWanted } from "./barrel-plane.js";

export interface CheckOptions extends MapOptions {
  /** A baseline file of accepted violations. */
  baseline?: string;
  /**
   * A saved map document to check instead of mapping the root (the map `merge` makes of a
   * monorepo's packages, say): judged by the config found for the root, as the explore commands'
   * `--graph` is; without one, by the layers the document records. Relative to `cwd`.
   */
  graph?: string;
  /** The working folder the root and the config are shown relative to (the CLI passes its own); default the process's. */
  cwd?: string;
}

export interface CheckResult extends CheckReport {
  /** The baseline that would accept every current violation (for --update-baseline). */
  nextBaseline: Baseline;
  map: MapResult;
}

export async function check(options: CheckOptions): Promise<CheckResult> {
  const mapped = options.graph === undefined ? await map(options) : savedMapResult(options.graph, options);
  const clock = stopwatch(options.onStage);
  const throughBarrels = throughBarrelsWanted(options.throughBarrels, mapped.config);
  const where = options.graph ?? displayPath(resolve(options.root), options.cwd);
  const graph = planeGraph(mapped.document, mapped.graph, throughBarrels, where);
  const { violations, problems } = checkRules(graph, mapped.layers, mapped.config);
  clock.lap("rules", `${counted(violations.length, "violation")} of ${counted(ruleInfos(mapped.config).length, "rule")}`);
  if (problems.length > 0) {
    const file = mapped.configPath === undefined ? "config" : displayPath(mapped.configPath, options.cwd);
    throw new UserError(
      problems.map((problem) => `${file}: ${problem.keyPath}: ${problem.message} ${problem.hint ?? '(mark it "optional": true if that is intended)'}`).join("\n"),
    );
  }
  const baseline = options.baseline === undefined ? undefined : readBaseline(options.baseline);
  const { fresh, known, stale } = applyBaseline(violations, baseline);
  if (baseline !== undefined) clock.lap("baseline", `${counted(known.length, "violation")} accepted, ${stale.length} stale`);
  const count = new Map<string, number>();
  for (const layer of mapped.layers.layerOf.values()) count.set(layer, (count.get(layer) ?? 0) + 1);
  return {
    root: displayPath(resolve(options.root), options.cwd),
    violations: fresh,
    known,
    stale,
    unlayered: mapped.layers.unlayered,
    layers: mapped.config.layers.map((layer) => ({ name: layer.name, modules: count.get(layer.name) ?? 0 })),
    rules: ruleInfos(mapped.config),
    ...(throughBarrels ? { throughBarrels } : {}),
    summary: {
      modules: mapped.document.summary.local,
      layered: mapped.layers.layerOf.size,
      unlayered: mapped.layers.unlayered.length,
      errors: fresh.filter((violation) => violation.severity === "error").length,
      warnings: fresh.filter((violation) => violation.severity === "warn").length,
      known: known.length,
      stale: stale.length,
    },
    nextBaseline: baselineOf(violations),
    map: mapped,
  };
}

/** A saved document, as `map` would have returned it for the root: the same rules judge it. */
function savedMapResult(path: string, options: CheckOptions): MapResult {
  const clock = stopwatch(options.onStage);
  const fromCwd = (relative: string): string => (options.cwd === undefined ? resolve(relative) : resolve(options.cwd, relative));
  const document = readMapDocument(fromCwd(path), path);
  const root = fromCwd(options.root);
  const { config, path: configPath } = loadConfig(root, options.config, options.cwd);
  const saved = loadSavedMap(document, configPath === undefined ? undefined : config);
  clock.lap("input", `${counted(document.summary.modules, "module")} from ${path}`);
  return { document: saved.document, graph: saved.graph, config, configPath, layers: saved.layers, warnings: [] };
}

/** A missing baseline file is an empty baseline: `--update-baseline` is how one starts. */
function readBaseline(path: string): Baseline | undefined {
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UserError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) throw new UserError(`${formatIssues(path, parsed.error.issues)}\n${path}: not a layermap baseline`);
  return parsed.data;
}
