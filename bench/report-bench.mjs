// Time of each `check` report format on a synthetic report of many violations (60,000 by
// default: a large codebase checked for the first time, without a baseline). Every reporter must
// stay linear in the number of violations; this is where a copy-per-item list shows.
// Run after `npm run build`:
//   node bench/report-bench.mjs [violations] [format…]
// Peak memory of one format alone:  /usr/bin/time -v node bench/report-bench.mjs 60000 text
import { checkReporters } from "../dist/report/check/reporters.js";

const count = Number(process.argv[2] ?? 60_000);
const formats = process.argv.slice(3).length > 0 ? process.argv.slice(3) : Object.keys(checkReporters);

/** A deterministic report: most violations in the layers rule, as on a first check, some in the others. */
function syntheticReport(total) {
  const rules = [
    { name: "layers", kind: "layers", severity: "error", description: "a module may import its own layer and the layers below it, never one above (app → core)" },
    { name: "cycles", kind: "cycles", severity: "error", description: "no import cycles among runtime imports" },
    { name: "no-http-in-core", kind: "forbidden", severity: "warn", description: "a forbidden import", comment: "The core stays transport-free." },
  ];
  const violations = [];
  for (let index = 0; index < total; index++) {
    const rule = index % 10 < 8 ? rules[0] : index % 10 === 8 ? rules[1] : rules[2];
    const from = `core/f${index % 300}/m${index}.ts`;
    const to = `app/f${(index * 7) % 300}/m${(index * 13) % total}.ts`;
    violations.push({
      rule: rule.name,
      ruleKind: rule.kind,
      severity: rule.severity,
      from,
      to,
      toKind: "local",
      line: 1 + (index % 40),
      specifier: `../../${to}`,
      fromLayer: "core",
      toLayer: "app",
      ...(rule.kind === "cycles" ? { via: [{ from, to, line: 1, specifier: `../../${to}` }, { from: to, to: from, line: 2, specifier: `../../${from}` }] } : {}),
      message: rule.kind === "cycles" ? "import cycle through 2 modules" : "core imports app: app is a higher layer",
      ...(rule.comment === undefined ? {} : { comment: rule.comment }),
    });
  }
  const errors = violations.filter((violation) => violation.severity === "error").length;
  return {
    root: ".",
    violations,
    known: [],
    stale: [],
    unlayered: [],
    layers: [{ name: "app", modules: total }, { name: "core", modules: total }],
    rules: rules.map(({ name, kind, severity, description, comment }) => ({ name, kind, severity, description, ...(comment ? { comment } : {}) })),
    summary: { modules: 2 * total, layered: 2 * total, unlayered: 0, errors, warnings: total - errors, known: 0, stale: 0 },
  };
}

const report = syntheticReport(count);
console.log(`${count.toLocaleString("en-US")} violations`);
console.log("format    time (s)   output (MB)   RSS after (MB)");
for (const format of formats) {
  const reporter = checkReporters[format];
  if (reporter === undefined) throw new Error(`unknown format ${format}: ${Object.keys(checkReporters).join(", ")}`);
  const started = performance.now();
  const text = reporter(report, { color: false, verbose: false });
  const seconds = (performance.now() - started) / 1000;
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`${format.padEnd(8)}  ${seconds.toFixed(2).padStart(8)}   ${(text.length / 2 ** 20).toFixed(1).padStart(11)}   ${rss.toFixed(0).padStart(14)}`);
}
