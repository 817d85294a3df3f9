/**
 * The speed goals of issue #16, in one place, and the pure function that holds measurements
 * against them (bench.mjs prints its rows; test/goals.test.mjs checks it).
 *
 * Every ratio is of median wall times from the same alternating runs (what a user waits for);
 * the CPU ratio is shown beside it, since the development machine is shared and CPU is steadier.
 * A goal not met carries its cause: where the layermap run it is about spent its time, from that
 * run's own `--verbose` stage lines (the largest stages, and Node's and the CLI's start-up).
 */

/**
 * Goals over a corpus's speed table. `ratio(tools, pick)` returns the goal's measure from the
 * tools' medians (`pick` is "wall" or "cpu"), or null when a tool it needs was not measured;
 * `run` names the layermap run whose stages explain a miss.
 */
export const CORPUS_GOALS = [
  {
    id: "cold-vs-depcruise",
    label: "cold vs dependency-cruiser",
    run: "layermap-cold",
    kind: "speed-up",
    atLeast: 5,
    ratio: (tools, pick) => divide(tools.depcruise?.[pick], tools["layermap-cold"]?.[pick]),
  },
  {
    id: "cold-vs-rev-dep",
    label: "cold vs rev-dep",
    run: "layermap-cold",
    kind: "times",
    atMost: 2,
    // "effect, hono-sized and three": zod is the hono-sized corpus (corpora.mjs says why).
    corpora: ["effect", "zod", "three"],
    ratio: (tools, pick) => divide(tools["layermap-cold"]?.[pick], tools["rev-dep"]?.[pick]),
  },
  {
    id: "warm-vs-rev-dep",
    label: "warm vs rev-dep cold",
    run: "layermap-warm",
    kind: "times",
    atMost: 1,
    ratio: (tools, pick) => divide(tools["layermap-warm"]?.[pick], tools["rev-dep"]?.[pick]),
  },
  {
    id: "warm-vs-cold",
    label: "warm vs cold",
    run: "layermap-warm",
    kind: "share",
    atMost: 0.1,
    ratio: (tools, pick) => divide(tools["layermap-warm"]?.[pick], tools["layermap-cold"]?.[pick]),
  },
  {
    id: "edit-vs-cold",
    label: "one file edited vs cold",
    run: "layermap-edit",
    kind: "share",
    atMost: 0.25,
    ratio: (tools, pick) => divide(tools["layermap-edit"]?.[pick], tools["layermap-cold"]?.[pick]),
  },
];

/** The largest generated project the scale goals are stated for. */
export const SCALE_MODULES = 50_000;
/**
 * "Linear": no size may cost more CPU per module than this multiple of the smallest size's. Not
 * 1.0: the shared machine's noise moves a single run by a tenth or so; and the JIT's warm-up,
 * spread over more files, makes a larger project cheaper per module, which is still linear.
 */
export const LINEAR_SLACK = 1.25;

/**
 * Goals over the generated projects (scale rows: { modules, wall, cpu, rss (MB), stages }).
 * `measure(rows)` returns { value, cpu?, row } or null when the size was not run.
 */
export const SCALE_GOALS = [
  {
    id: "scale-cpu",
    label: `cold CPU, ${SCALE_MODULES.toLocaleString("en-US")} modules`,
    kind: "seconds",
    atMost: 8,
    measure: (rows) => {
      const row = rows.find((r) => r.modules === SCALE_MODULES);
      return row ? { value: row.cpu, row } : null;
    },
  },
  {
    id: "scale-memory",
    label: `peak RSS, ${SCALE_MODULES.toLocaleString("en-US")} modules`,
    kind: "megabytes",
    atMost: 600,
    measure: (rows) => {
      const row = rows.find((r) => r.modules === SCALE_MODULES);
      return row?.rss == null ? null : { value: row.rss, row };
    },
  },
  {
    id: "scale-linear",
    label: "cold CPU per module vs the smallest size",
    kind: "times",
    atMost: LINEAR_SLACK,
    measure: (rows) => {
      if (rows.length < 2) return null;
      const sorted = [...rows].sort((a, b) => a.modules - b.modules);
      const perModule = (r) => r.cpu / r.modules;
      const base = perModule(sorted[0]);
      // The worst size decides; every size's ratio is shown.
      const ratios = sorted.slice(1).map((r) => ({ row: r, value: perModule(r) / base }));
      const worst = ratios.reduce((a, b) => (b.value > a.value ? b : a));
      return { value: worst.value, row: worst.row, detail: sorted.map((r) => `${(1000 * perModule(r)).toFixed(2)} ms`).join(" → ") + " a module" };
    },
  },
];

/**
 * Hold the measurements against the goals.
 *
 * @param {{ corpora: { name: string, tools: Record<string, { wall: number|null, cpu: number|null, stages?: Stage[] }> }[],
 *           scale?: { modules: number, wall: number, cpu: number, rss: number|null, stages?: Stage[] }[] }} measured
 *   Stage = { stage: string, ms: number } from a run's `--verbose` lines; stage "start-up" is the
 *   time before the command began.
 * @returns {{ scope: string, goal: string, measured: string, target: string, met: boolean|null, cause: string|null, line: string }[]}
 *   one row per goal and corpus it applies to; met is null when a tool it needs was not
 *   measured; line is the row as one sentence ("cold vs dependency-cruiser 4.1× (goal ≥ 5×) — not met").
 */
export function goalRows({ corpora, scale = [] }) {
  const rows = [];
  for (const corpus of corpora) {
    for (const goal of CORPUS_GOALS) {
      if (goal.corpora && !goal.corpora.includes(corpus.name)) continue;
      const wall = goal.ratio(corpus.tools, "wall");
      const cpu = goal.ratio(corpus.tools, "cpu");
      const run = corpus.tools[goal.run];
      rows.push(row(corpus.name, goal, wall, cpu, run?.stages, run ? `${goal.run} ${seconds(run.wall)}` : null));
    }
  }
  if (scale.length) {
    for (const goal of SCALE_GOALS) {
      const found = goal.measure(scale);
      const scope = "generated";
      if (!found) {
        rows.push(row(scope, goal, null, null, null, null));
        continue;
      }
      const what = `${found.row.modules.toLocaleString("en-US")} modules, cold ${seconds(found.row.cpu)} CPU`;
      const r = row(scope, goal, found.value, null, found.row.stages, what);
      if (found.detail) r.measured += ` (${found.detail})`;
      rows.push(r);
    }
  }
  return rows;
}

function row(scope, goal, value, cpu, stages, what) {
  const target = `${goal.atLeast !== undefined ? "≥" : "≤"} ${formatTarget(goal.kind, goal.atLeast ?? goal.atMost)}`;
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return { scope, goal: goal.label, measured: "not measured", target, met: null, cause: null, line: `${goal.label}: not measured (goal ${target})` };
  }
  const met = goal.atLeast !== undefined ? value >= goal.atLeast : value <= goal.atMost;
  let measured = format(goal.kind, value);
  if (cpu !== null && cpu !== undefined && Number.isFinite(cpu)) measured += ` (CPU ${format(goal.kind, cpu)})`;
  const cause = met ? null : explain(stages, what);
  return {
    scope,
    goal: goal.label,
    measured,
    target,
    met,
    cause,
    line: `${goal.label} ${format(goal.kind, value)} (goal ${target}) — ${met ? "met" : "not met"}`,
  };
}

/**
 * Where a run spent its time, largest stages first: "layermap-cold 2.50 s: parse 1.20 s,
 * resolve 0.62 s, start-up 0.41 s". Stages under 5% of the run are left out.
 */
export function explain(stages, what) {
  if (!stages?.length) return what ? `${what} (no stage timings)` : null;
  const total = stages.reduce((sum, s) => sum + s.ms, 0);
  const top = [...stages]
    .sort((a, b) => b.ms - a.ms || (a.stage < b.stage ? -1 : 1))
    .filter((s, i) => i === 0 || s.ms >= 0.05 * total)
    .slice(0, 4)
    .map((s) => `${s.stage} ${seconds(s.ms / 1000)}`);
  return `${what ?? "run"}: ${top.join(", ")}`;
}

/**
 * A run's `--verbose` stage lines (stderr) as [{ stage, ms, detail }], with the closing line's
 * start-up as a stage of its own and no total: the stages then add up to the run.
 */
export function parseStages(stderr) {
  const stages = [];
  for (const line of stderr.split("\n")) {
    const m = /^layermap: (\S+)\s+([\d,]+) ms(?: {2}(.*))?$/.exec(line.trimEnd());
    if (!m) continue;
    const ms = Number(m[2].replaceAll(",", ""));
    if (m[1] === "total") {
      const startUp = /of which ([\d,]+) ms start-up/.exec(m[3] ?? "");
      if (startUp) stages.unshift({ stage: "start-up", ms: Number(startUp[1].replaceAll(",", "")) });
      continue;
    }
    stages.push({ stage: m[1], ms, ...(m[3] ? { detail: m[3] } : {}) });
  }
  return stages;
}

function divide(a, b) {
  return a === null || a === undefined || !b ? null : a / b;
}

/** A value of a goal's kind, as the tables print it. */
export function format(kind, value) {
  switch (kind) {
    case "speed-up":
    case "times":
      return `${value >= 10 ? value.toFixed(0) : value.toFixed(value < 1 ? 2 : 1)}×`;
    case "share":
      return `${Math.round(100 * value)}%`;
    case "seconds":
      return seconds(value);
    case "megabytes":
      return `${Math.round(value)} MB`;
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

/** A goal's own number, exactly as stated: 1.25×, 10%, 8 s. */
function formatTarget(kind, value) {
  const units = { "speed-up": "×", times: "×", share: "%", seconds: " s", megabytes: " MB" };
  return `${kind === "share" ? Math.round(100 * value) : value}${units[kind]}`;
}

function seconds(s) {
  return s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`;
}
