/**
 * The rules import-linter has beside layers and forbidden (#18): layers inside containers, ranks
 * of independent layers, forbidden and independent rules over chains, and acyclic siblings. The
 * graphs are shaped as the Python front end maps a package (ids are file paths, `__init__.py`
 * a package's own module), so the rules are checked on Python's ids before it lands; a real
 * TypeScript codebase (zod's sources, installed here) closes the file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { configSchema } from "../../src/config/config-schema.js";
import { createImportGraph, type ImportGraph } from "../../src/graph/import-graph.js";
import { assignLayers } from "../../src/layers/assign-layers.js";
import { chainText } from "../../src/report/check/paths.js";
import { forEachChain } from "../../src/rules/chains.js";
import { checkRules, type RulesOutcome } from "../../src/rules/check-rules.js";
import { forEachLayerBreak } from "../../src/rules/check-layers.js";
import type { Violation } from "../../src/model/violation.js";
import { tempTree } from "../helpers/temp-tree.js";

/** `"a.py:3 -> b.py"` per import, `"a.py:3 -> b.py type"` for a type-only one; `os` and other top-level names are builtins. */
function graphOf(edges: string[]): ImportGraph {
  const graph = createImportGraph();
  const node = (id: string): void => {
    if (!graph.hasNode(id)) graph.addNode(id, { kind: id.includes("/") || id.endsWith(".py") ? "local" : "builtin" });
  };
  for (const edge of edges) {
    const [, from, line, to, type] = /^(\S+):(\d+) -> (\S+)( type)?$/.exec(edge)!;
    node(from!);
    node(to!);
    const specifier = to!.replace(/(\/__init__)?\.py$/, "").replaceAll("/", ".");
    const site = { line: Number(line), specifier, kind: "static" as const, ...(type === undefined ? {} : { typeOnly: true as const }) };
    if (graph.hasEdge(from!, to!)) graph.getEdgeAttributes(from!, to!).sites.push(site);
    else graph.addDirectedEdge(from!, to!, { sites: [site] });
  }
  return graph;
}

function rulesOn(graph: ImportGraph, config: object): RulesOutcome {
  const parsed = configSchema.parse(config);
  return checkRules(graph, assignLayers(graph, parsed.layers), parsed);
}

const off = { layers: "off", cycles: "off" } as const;
const brief = (violations: Violation[]): string[] => violations.map((v) => `${v.rule} ${v.from}:${v.line} -> ${v.to}`);
const chain = (violation: Violation | undefined): string => chainText({ root: "." }, violation?.via ?? []);

// Two apps, each layered views → models → db, and a shared utility package between them.
const shop = [
  "shop/__init__.py:1 -> shop/views/__init__.py",
  "shop/views/__init__.py:2 -> shop/models.py",
  "shop/views/cart.py:3 -> shop/db.py",
  "shop/db.py:4 -> shop/views/cart.py", // up: db imports views
  "shop/models.py:5 -> shop/helpers.py", // helpers is in no layer of the container…
  "shop/helpers.py:6 -> shop/views/cart.py", // …so models reaches views through it
  "shop/db.py:7 -> blog/views.py", // another container's top layer: nothing is said between containers
  "blog/views.py:1 -> blog/models.py",
  "blog/models.py:2 -> blog/db.py",
  "blog/db.py:3 -> os",
];

describe("containers: layers repeated inside each folder (import-linter's layers with containers)", () => {
  const rule = { name: "apps-layered", containers: ["shop", "blog"], layers: ["views", "models", "db"] };

  it("applies the order inside each container, through modules in none of its layers, and says nothing between containers", () => {
    const { violations, problems } = rulesOn(graphOf(shop), { rules: { ...off, containers: [rule] } });
    expect(problems).toEqual([]);
    expect(brief(violations)).toEqual([
      "apps-layered shop/db.py:4 -> shop/views/cart.py",
      "apps-layered shop/models.py:5 -> shop/views/cart.py",
    ]);
    const [up, chained] = violations;
    expect(up).toMatchObject({ ruleKind: "containers", toKind: "local", specifier: "shop.views.cart", message: "in shop, db imports views: views is a higher layer" });
    expect(chained!.message).toBe("in shop, models, through 1 module in none of its layers, imports views: views is a higher layer");
    expect(chain(chained)).toBe("shop/models.py:5 → shop/helpers.py:6 → shop/views/cart.py");
  });

  it("names a child by folder or by file without its extension, and leaves the container's own __init__.py in no layer", () => {
    // views is a folder in shop and a file in blog; shop/__init__.py imports views without breaking anything.
    const { violations } = rulesOn(graphOf(["blog/db.py:9 -> blog/views.py", "shop/__init__.py:1 -> shop/db.py", "shop/db.py:2 -> shop/__init__.py"]), {
      rules: { ...off, containers: [{ ...rule, optional: true }] },
    });
    expect(brief(violations)).toEqual(["apps-layered blog/db.py:9 -> blog/views.py"]);
  });

  it("takes the containers from a glob, the root among them as `.`", () => {
    const graph = graphOf(["models.py:1 -> views.py", "apps/a/models.py:2 -> apps/a/views.py", "apps/b/views.py:3 -> apps/b/models.py"]);
    const { violations } = rulesOn(graph, { rules: { ...off, containers: [{ name: "every-app", containers: [".", "apps/*"], layers: ["views", "models"] }] } });
    expect(violations.map((v) => v.message)).toEqual(["in apps/a, models imports views: views is a higher layer", "in ., models imports views: views is a higher layer"]);
  });

  it("a list of names is one rank whose layers must not import each other; one glob naming several is one layer", () => {
    const graph = graphOf(["pkg/blue.py:1 -> pkg/green.py", "pkg/red.py:2 -> pkg/yellow.py", "pkg/high.py:3 -> pkg/blue.py", "pkg/green.py:4 -> pkg/low.py"]);
    const layers = ["high", ["blue", "green"], "{red,yellow}", "low"];
    const { violations } = rulesOn(graph, { rules: { ...off, containers: [{ name: "ranks", containers: "pkg", layers }] } });
    expect(brief(violations)).toEqual(["ranks pkg/blue.py:1 -> pkg/green.py"]);
    expect(violations[0]!.message).toBe("in pkg, blue imports green: blue and green share a rank and must not import each other");
  });

  it("strict mode allows only the layer directly below", () => {
    const { violations } = rulesOn(graphOf(["blog/views.py:1 -> blog/db.py", "blog/models.py:2 -> blog/db.py"]), {
      rules: { ...off, containers: [{ ...rule, containers: "blog", mode: "strict" }] },
    });
    expect(violations.map((v) => v.message)).toEqual(["in blog, views imports db: in strict mode views may import only itself and models"]);
  });

  it("leaves type-only imports out on the runtime plane", () => {
    const graph = graphOf(["blog/db.py:1 -> blog/views.py type"]);
    expect(rulesOn(graph, { rules: { ...off, containers: [{ ...rule, containers: "blog", optional: true }] } }).violations).toHaveLength(1);
    expect(rulesOn(graph, { rules: { ...off, containers: [{ ...rule, containers: "blog", optional: true, plane: "runtime" }] } }).violations).toEqual([]);
  });

  it("a container glob or a layer that matches nothing is a problem with its key path, unless the rule is optional", () => {
    const graph = graphOf(shop);
    expect(rulesOn(graph, { rules: { ...off, containers: [{ ...rule, containers: "shops" }] } }).problems).toEqual([
      { keyPath: "rules.containers[0].containers", message: 'rule "apps-layered": `containers` matches no folder of a module' },
    ]);
    expect(rulesOn(graph, { rules: { ...off, containers: [{ ...rule, layers: ["views", "modles", "db"] }] } }).problems).toEqual([
      { keyPath: "rules.containers[0].layers[1]", message: 'rule "apps-layered": layer "modles" is no child of any container' },
    ]);
    expect(rulesOn(graph, { rules: { ...off, containers: [{ ...rule, containers: "shops", optional: true }] } }).problems).toEqual([]);
  });

  it("rejects a layer with a slash, a name twice, or a rule name another rule has", () => {
    const issues = (containers: object[]): string[] => {
      const parsed = configSchema.safeParse({ rules: { containers, forbidden: [{ name: "apps-layered", from: { path: "x" }, to: { path: "y" } }] } });
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    };
    expect(issues([{ ...rule, name: "other", layers: ["views/admin"] }])).toEqual([
      'rules.containers.0.layers.0: "views/admin" is not a child\'s name: a container\'s layers are its children, named without a slash',
    ]);
    expect(issues([{ ...rule, name: "other", layers: ["views", ["models", "views"]] }])).toEqual(['rules.containers.0.layers.1: "views" is already a layer of this rule']);
    expect(issues([rule])).toEqual(['rules.containers.0.name: "apps-layered" is already the name of rules.forbidden[0]']);
  });
});

describe("forbidden and independent rules over chains (`indirect`, import-linter's default)", () => {
  const graph = graphOf([
    "app/api.py:1 -> app/service.py",
    "app/service.py:2 -> app/util.py",
    "app/util.py:3 -> app/db/session.py",
    "app/api.py:4 -> app/db/models.py type",
    "app/cli.py:5 -> app/api.py",
  ]);
  const forbidden = { name: "api-not-db", from: { path: ["app/api.py", "app/cli.py"] }, to: { path: "app/db/**" } };

  it("without `indirect`, only direct imports count, as before", () => {
    expect(brief(rulesOn(graph, { rules: { ...off, forbidden: [forbidden] } }).violations)).toEqual(["api-not-db app/api.py:4 -> app/db/models.py"]);
  });

  it("with `indirect`, a chain breaks the rule, reported with every step's file and line, once from the module where it leaves `from`", () => {
    const { violations } = rulesOn(graph, { rules: { ...off, forbidden: [{ ...forbidden, indirect: true }] } });
    expect(brief(violations)).toEqual(["api-not-db app/api.py:1 -> app/db/session.py", "api-not-db app/api.py:4 -> app/db/models.py"]);
    expect(violations[0]!.message).toBe("forbidden by api-not-db, through 2 modules");
    expect(chain(violations[0])).toBe("app/api.py:1 → app/service.py:2 → app/util.py:3 → app/db/session.py");
    expect(violations[1]!.via).toBeUndefined();
  });

  it("judges each step by the rule's import kinds and plane", () => {
    const staticOnly = { ...forbidden, indirect: true, to: { ...forbidden.to, importKinds: ["static"] } };
    expect(brief(rulesOn(graph, { rules: { ...off, forbidden: [staticOnly] } }).violations)).toEqual(["api-not-db app/api.py:1 -> app/db/session.py"]);
    const viaTypes = graphOf(["a/x.py:1 -> a/y.py type", "a/y.py:2 -> b/z.py"]);
    const rule = { name: "a-not-b", from: { path: "a/x.py" }, to: { path: "b/**" }, indirect: true };
    expect(rulesOn(viaTypes, { rules: { ...off, forbidden: [rule] } }).violations).toHaveLength(1);
    expect(rulesOn(viaTypes, { rules: { ...off, forbidden: [{ ...rule, plane: "runtime" }] } }).violations).toEqual([]);
  });

  it("reaches external and builtin targets through local modules", () => {
    const { violations } = rulesOn(graphOf(["core/a.py:1 -> core/b.py", "core/b.py:2 -> io/net.py", "io/net.py:3 -> socket"]), {
      rules: { ...off, forbidden: [{ name: "core-offline", from: { path: "core/a.py" }, to: { kind: "builtin" }, indirect: true }] },
    });
    expect(violations.map((v) => [v.to, v.toKind, chain(v)])).toEqual([["socket", "builtin", "core/a.py:1 → core/b.py:2 → io/net.py:3 → socket"]]);
  });

  it("independent units reaching each other through modules in no unit", () => {
    const units = graphOf(["plugins/a/main.py:1 -> shared/registry.py", "shared/registry.py:2 -> plugins/b/main.py", "plugins/b/main.py:3 -> plugins/b/util.py"]);
    const rule = { name: "plugins-apart", siblings: "plugins/*" };
    expect(rulesOn(units, { rules: { ...off, independent: [rule] } }).violations).toEqual([]);
    const { violations } = rulesOn(units, { rules: { ...off, independent: [{ ...rule, indirect: true }] } });
    expect(violations.map((v) => v.message)).toEqual(["plugins/a, through 1 module in no unit, imports plugins/b: they must stay independent"]);
    expect(chain(violations[0])).toBe("plugins/a/main.py:1 → shared/registry.py:2 → plugins/b/main.py");
  });

  it("keeps every direct import, and one chain per pair of units no direct import joins", () => {
    // A registry importing every plugin, imported by every plugin: a chain from each module of each
    // plugin to each module of the others, reported once per pair of plugins.
    const hub = graphOf([
      "core/registry.py:1 -> plugins/a/x.py",
      "core/registry.py:2 -> plugins/b/x.py",
      "core/registry.py:3 -> plugins/c/x.py",
      "plugins/a/x.py:4 -> core/registry.py",
      "plugins/a/y.py:5 -> core/registry.py",
      "plugins/b/x.py:6 -> core/registry.py",
      "plugins/c/y.py:7 -> plugins/a/y.py",
      "plugins/c/x.py:8 -> core/registry.py",
    ]);
    const { violations } = rulesOn(hub, { rules: { ...off, independent: [{ name: "apart", siblings: "plugins/*", indirect: true }] } });
    expect(violations.map((v) => `${v.from}:${v.line} -> ${v.to}${v.via === undefined ? "" : " (chain)"}`)).toEqual([
      "plugins/a/x.py:4 -> plugins/b/x.py (chain)",
      "plugins/a/x.py:4 -> plugins/c/x.py (chain)",
      "plugins/b/x.py:6 -> plugins/a/x.py (chain)",
      "plugins/b/x.py:6 -> plugins/c/x.py (chain)",
      "plugins/c/x.py:8 -> plugins/b/x.py (chain)",
      "plugins/c/y.py:7 -> plugins/a/y.py",
    ]);
  });

  it("forbidden with `indirect` reports every direct import and each module's shortest chain, once", () => {
    const hub = graphOf(["web/a.py:1 -> web/hub.py", "web/hub.py:2 -> db/x.py", "web/hub.py:3 -> db/y.py", "web/a.py:4 -> db/z.py"]);
    const rule = { name: "web-not-db", from: { path: "web/a.py" }, to: { path: "db/**" }, indirect: true };
    expect(brief(rulesOn(hub, { rules: { ...off, forbidden: [rule] } }).violations)).toEqual(["web-not-db web/a.py:1 -> db/x.py", "web-not-db web/a.py:4 -> db/z.py"]);
  });
});

describe("acyclicSiblings: no cycles between the children of a folder, at every level (import-linter's acyclic_siblings)", () => {
  // No module imports itself back, but blue → green → red → blue as packages; inside blue, one → two → one as modules' children.
  const graph = graphOf([
    "pkg/blue/one/a.py:1 -> pkg/green/x.py",
    "pkg/green/y.py:2 -> pkg/red.py",
    "pkg/red.py:3 -> pkg/blue/two.py",
    "pkg/blue/one/b.py:4 -> pkg/blue/two.py",
    "pkg/blue/two.py:5 -> pkg/blue/one/c.py",
    "pkg/blue/one/c.py:6 -> pkg/blue/one/d.py",
    "pkg/green/x.py:7 -> pkg/green/y.py",
  ]);
  const rule = { name: "no-sibling-cycles", parents: "pkg" };

  it("finds the cycle between children and the one a generation down, each step an import with its line", () => {
    const { violations, problems } = rulesOn(graph, { rules: { ...off, acyclicSiblings: [rule] } });
    expect(problems).toEqual([]);
    expect(violations.map((v) => v.message)).toEqual(["in pkg, blue → green → red → blue import each other in a cycle", "in pkg/blue, one → two → one import each other in a cycle"]);
    expect(brief(violations)).toEqual(["no-sibling-cycles pkg/blue/one/a.py:1 -> pkg/green/x.py", "no-sibling-cycles pkg/blue/one/b.py:4 -> pkg/blue/two.py"]);
    // Between children a cycle goes on from another module of the child it reached: both are named.
    expect(chain(violations[0])).toBe("pkg/blue/one/a.py:1 → pkg/green/x.py · pkg/green/y.py:2 → pkg/red.py:3 → pkg/blue/two.py");
    expect(violations[0]!.ruleKind).toBe("acyclic-siblings");
  });

  it("`depth` 0 checks only the children of the parents, and `skip` leaves a folder's children alone", () => {
    const topOnly = (extra: object): string[] => rulesOn(graph, { rules: { ...off, acyclicSiblings: [{ ...rule, ...extra }] } }).violations.map((v) => v.message.split(",")[0]!);
    expect(topOnly({ depth: 0 })).toEqual(["in pkg"]);
    expect(topOnly({})).toEqual(["in pkg", "in pkg/blue"]);
    expect(topOnly({ skip: "pkg/blue" })).toEqual(["in pkg"]);
    expect(topOnly({ skip: "pkg" })).toEqual([]);
  });

  it("a parent glob that matches no folder is a problem, unless optional", () => {
    expect(rulesOn(graph, { rules: { ...off, acyclicSiblings: [{ ...rule, parents: "pgk" }] } }).problems).toEqual([
      { keyPath: "rules.acyclicSiblings[0].parents", message: 'rule "no-sibling-cycles": `parents` matches no folder of a module' },
    ]);
    expect(rulesOn(graph, { rules: { ...off, acyclicSiblings: [{ ...rule, parents: "pgk", optional: true }] } }).problems).toEqual([]);
  });

  it("hostile names stay names: a child called __proto__ or constructor", () => {
    const odd = graphOf(["p/__proto__/a.py:1 -> p/constructor.py", "p/constructor.py:2 -> p/__proto__/b.py"]);
    expect(rulesOn(odd, { rules: { ...off, acyclicSiblings: [{ name: "odd", parents: "p" }] } }).violations.map((v) => v.message)).toEqual([
      "in p, __proto__ → constructor → __proto__ import each other in a cycle",
    ]);
  });
});

describe("ignoreImports: imports one rule does not see (import-linter's ignore_imports)", () => {
  const graph = graphOf(["app/api.py:1 -> app/service.py", "app/service.py:2 -> app/db.py", "app/api.py:3 -> app/db.py", "app/db.py:4 -> app/api.py"]);
  const forbidden = { name: "api-not-db", from: { path: "app/api.py" }, to: { path: "app/db.py" }, indirect: true };

  it("takes the imports out of that rule's graph, chains through them included, and leaves the other rules alone", () => {
    const ignoring = { ...forbidden, ignoreImports: [{ from: "app/api.py", to: "app/db.py" }] };
    const { violations, problems } = rulesOn(graph, { rules: { layers: "off", cycles: "error", forbidden: [ignoring] } });
    expect(problems).toEqual([]);
    // The direct import is ignored; the chain through service.py is not.
    expect(brief(violations).filter((v) => v.startsWith("api-not-db"))).toEqual(["api-not-db app/api.py:1 -> app/db.py"]);
    expect(brief(violations).filter((v) => v.startsWith("cycles"))).toEqual(["cycles app/api.py:3 -> app/db.py"]);
    const chainCut = { ...ignoring, ignoreImports: [{ from: "app/api.py", to: "app/db.py" }, { from: "app/*.py", to: "app/service.py" }] };
    expect(rulesOn(graph, { rules: { ...off, forbidden: [chainCut] } }).violations).toEqual([]);
  });

  it("works on the layers and cycles rules too, and an entry that matches no import is a problem with its key path", () => {
    const layers = [{ name: "api", paths: "app/api.py" }, { name: "db", paths: "app/db.py" }];
    expect(brief(rulesOn(graph, { layers, rules: { layers: "relaxed", cycles: "off" } }).violations)).toEqual(["layers app/db.py:4 -> app/api.py"]);
    const ignoring = { mode: "relaxed", ignoreImports: [{ from: "app/db.py", to: "app/api.py" }, { from: "app/db.py", to: "os" }] };
    const outcome = rulesOn(graph, { layers, rules: { layers: ignoring, cycles: { ignoreImports: [{ from: "app/db.py", to: "**" }] } } });
    expect(outcome.violations).toEqual([]);
    expect(outcome.problems).toEqual([{ keyPath: "rules.layers.ignoreImports[1]", message: "matches no import", hint: "(remove it: the import it named is gone)" }]);
  });
});

describe("the chain searches agree", () => {
  // Random graphs of up to 10 modules, each in layer 0–2 or none: forwards with dead ends cut,
  // forwards without, and backwards find the same breaks, each along a chain of the same length.
  const graphs = fc.record({
    layers: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 10, maxLength: 10 }),
    edges: fc.uniqueArray(fc.tuple(fc.nat(9), fc.nat(9)), { maxLength: 30, selector: ([a, b]) => `${a}>${b}` }),
  });
  it("forwards, forwards pruned and backwards", () => {
    fc.assert(
      fc.property(graphs, ({ layers, edges }) => {
        const graph = graphOf(edges.filter(([a, b]) => a !== b).map(([a, b], index) => `m/${a}.py:${index + 1} -> m/${b}.py`));
        const layerOf = new Map<string, string>();
        graph.forEachNode((id) => {
          const layer = layers[Number(/\d+/.exec(id)![0])]!;
          if (layer >= 0) layerOf.set(id, `l${layer}`);
        });
        const layering = { layerOf, rank: new Map([["l0", 0], ["l1", 1], ["l2", 2]]) };
        const run = (backwards: boolean): string[] => {
          const found: string[] = [];
          forEachLayerBreak(graph, layering, "relaxed", (steps) => found.push(`${steps[0]!.from}>${steps[steps.length - 1]!.to}:${steps.length}`), backwards);
          return found.sort();
        };
        const unpruned: string[] = [];
        const search = { isTarget: (id: string) => layerOf.has(id), mayPass: (id: string) => !layerOf.has(id) };
        for (const source of layerOf.keys()) {
          forEachChain(graph, source, search, (steps) => {
            const to = steps[steps.length - 1]!.to;
            if (Number(layerOf.get(to)!.slice(1)) < Number(layerOf.get(source)!.slice(1))) unpruned.push(`${source}>${to}:${steps.length}`);
          });
        }
        expect(run(false)).toEqual(unpruned.sort());
        expect(run(true)).toEqual(run(false));
      }),
      { numRuns: 300 },
    );
  });
});

describe("on real code: zod's sources (node_modules/zod/src)", () => {
  it("finds v4's core and locales importing each other, and core above locales breaking a container's order", async () => {
    const configFolder = tempTree({});
    const config = join(configFolder, "layermap.config.json");
    writeFileSync(
      config,
      JSON.stringify({
        exclude: ["**/tests/**", "**/*.test.ts"],
        rules: {
          layers: "off",
          cycles: "off",
          containers: [{ name: "v4-apis", containers: "v4", layers: [["classic", "mini"], "locales", "core"] }],
          acyclicSiblings: [{ name: "v4-acyclic", parents: "v4", depth: 0 }],
        },
      }),
    );
    const result = await check({ cwd: process.cwd(), root: "node_modules/zod/src", config });
    const line = readFileSync("node_modules/zod/src/v4/core/index.ts", "utf8").split("\n").findIndex((text) => text.includes('"../locales/index.js"')) + 1;
    expect(line).toBeGreaterThan(0);
    const container = result.violations.filter((v) => v.rule === "v4-apis");
    expect(container.map((v) => `${v.from}:${v.line} -> ${v.to} ${v.message}`)).toEqual([`v4/core/index.ts:${line} -> v4/locales/index.ts in v4, core imports locales: locales is a higher layer`]);
    const cycles = result.violations.filter((v) => v.rule === "v4-acyclic");
    expect(cycles.map((v) => v.message)).toEqual(["in v4, core → locales → core import each other in a cycle"]);
    expect(cycles[0]!.via!.map((step) => [step.from.split("/")[1], step.to.split("/")[1]])).toEqual([["core", "locales"], ["locales", "core"]]);
  });
});
