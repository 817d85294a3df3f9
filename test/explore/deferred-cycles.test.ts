/**
 * Python's deferred imports (in a function body) run when the function is called, not while the
 * module loads: they are how Python code breaks an import cycle, so they close no runtime cycle —
 * in `cycles` (a tangle of their own, named so) and in the cycles rule of `check` — while every
 * other rule still sees them.
 */
import { describe, expect, it } from "vitest";
import { findCycles } from "../../src/explore/cycles/find-cycles.js";
import { cyclesText } from "../../src/explore/format/cycles-report.js";
import { assignLayers } from "../../src/layers/assign-layers.js";
import { checkRules } from "../../src/rules/check-rules.js";
import { configSchema } from "../../src/config/config-schema.js";
import { inlineGraph } from "./inline-graph.js";

describe("deferred imports and cycles", () => {
  const graph = inlineGraph({
    "app/models.py": ["app/db.py"],
    "app/db.py": ["deferred:app/models.py"],
    "app/views.py": ["app/forms.py"],
    "app/forms.py": ["app/views.py"],
  });

  it("are not runtime cycles: a tangle closed by deferred imports, its breaker marked", () => {
    const result = findCycles(graph);
    expect(result.components.map((component) => [component.modules.join(" "), component.runtime, component.deferred ?? false])).toEqual([
      ["app/forms.py app/views.py", true, false],
      ["app/db.py app/models.py", false, true],
    ]);
    expect(result.failing).toBe(1);
    const text = cyclesText(result, { root: ".", colour: false });
    expect(text).toContain("tangle closed by deferred imports: 2 modules — it exists only through imports in a function body");
    expect(text).toContain("app/db.py:1 (deferred) → app/models.py:1 → app/db.py");
    expect(text).toMatch(/app\/db\.py:1 +"\.\/app\/models\.py" → app\/models\.py \(deferred\)/);
    expect(text).toContain("1 runtime cycle, 0 type-only tangles, 1 tangle closed by deferred imports");
  });

  it("fail the cycles rule on the all plane only; a forbidden rule still sees them", () => {
    const config = configSchema.parse({
      layers: [{ name: "app", paths: "app/**" }],
      rules: { forbidden: [{ name: "db-is-below-models", from: { path: "app/db.py" }, to: { path: "app/models.py" } }] },
    });
    const layers = assignLayers(graph, config.layers);
    const runtime = checkRules(graph, layers, config).violations;
    expect(runtime.map((violation) => `${violation.rule} ${violation.from} -> ${violation.to}`).sort()).toEqual([
      "cycles app/forms.py -> app/views.py",
      "db-is-below-models app/db.py -> app/models.py",
    ]);
    const all = checkRules(graph, layers, { ...config, rules: { ...config.rules, cycles: { severity: "error", plane: "all" } } }).violations;
    expect(all.filter((violation) => violation.rule === "cycles")).toHaveLength(2);
  });
});
