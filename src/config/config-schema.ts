/**
 * `layermap.config.json`: one zod schema is the source of truth for the file's shape, the
 * TypeScript types (inferred below) and the published JSON Schema (`schema/config.schema.json`).
 * Unknown keys are rejected everywhere: a misspelt key would otherwise disable a check silently.
 */
import { z } from "zod";
import { importKinds, moduleKinds } from "../model/document.js";
import { globProblem } from "./glob-problem.js";
import { didYouMean } from "../model/nearest.js";
import { aliasKeyProblem, aliasTargetProblem, toAliases } from "./aliases.js";

const glob = z
  .string()
  .min(1, "expected a non-empty glob")
  .superRefine((value, context) => {
    const problem = globProblem(value);
    if (problem !== undefined) context.addIssue({ code: "custom", message: `invalid glob "${value}": ${problem}` });
  });
/** One glob or a list of them; always a list after parsing. */
const globs = z
  .union([glob, z.array(glob).min(1, "expected at least one glob")], "expected a glob or a list of globs")
  .transform((value) => (typeof value === "string" ? [value] : value));

/**
 * `{ "@": "src", "~icons/*": false }`: aliases a bundler config defines (config/aliases.ts). Each
 * problem names its key; the parsed value is the checked list, sorted by key.
 */
const aliasesSchema = z
  .record(z.string(), z.union([z.string(), z.literal(false)], "expected a folder or file relative to the root, or false (a module no file holds)"))
  .superRefine((record, context) => {
    for (const [key, target] of Object.entries(record)) {
      const problem = aliasKeyProblem(key) ?? (target === false ? undefined : aliasTargetProblem(key, target));
      if (problem !== undefined) context.addIssue({ code: "custom", path: [key], message: problem });
    }
  })
  .transform(toAliases);

const severities = ["error", "warn", "off"] as const;
const severity = z.enum(severities);

/** Which imports a rule sees: `runtime` leaves out type-only imports, which vanish at compile time. */
const planes = ["runtime", "all"] as const;
export type Plane = (typeof planes)[number];
const plane = z.enum(planes);

/** Imports a rule does not see (import-linter's `ignore_imports`), by the ids at their two ends. */
const ignoreImports = z
  .array(
    z
      .object({
        from: globs.describe("globs of importing module ids"),
        to: globs.describe("globs of imported module ids (an external or builtin module by its id: `django`, `node:fs`)"),
      })
      .strict(),
  )
  .min(1)
  .optional()
  .describe("imports this rule does not see: taken out of its graph, so chains through them vanish too; an entry that matches no import is a config error");

const ruleName = z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, "expected a name of letters, digits and dashes");

const layerSchema = z
  .object({
    name: ruleName.describe("the layer's name, used by rules and diagrams"),
    paths: globs.describe("globs of module ids (paths relative to the root) in this layer"),
    comment: z.string().optional(),
    optional: z.boolean().optional().describe("allow the layer to match no module"),
  })
  .strict();

const layerModes = ["relaxed", "strict", "off"] as const;
export type LayerMode = (typeof layerModes)[number];

const layersRuleSchema = z
  .union(
    [
      z.enum(layerModes),
      z
        .object({
          mode: z.enum(layerModes).default("relaxed"),
          severity: severity.default("error"),
          plane: plane.default("all"),
          comment: z.string().optional(),
          ignoreImports,
        })
        .strict(),
    ],
    'expected "relaxed", "strict", "off", or { "mode", "severity", "plane" }',
  )
  .transform((value) => (typeof value === "string" ? { mode: value, severity: "error" as const, plane: "all" as const } : value));

const cyclesRuleSchema = z
  .union(
    [
      severity,
      z
        .object({
          severity: severity.default("error"),
          plane: plane.default("runtime"),
          comment: z.string().optional(),
          ignoreImports,
        })
        .strict(),
    ],
    'expected "error", "warn", "off", or { "severity", "plane" }',
  )
  .transform((value) => (typeof value === "string" ? { severity: value, plane: "runtime" as const } : value));

const layerNames = z
  .union([ruleName, z.array(ruleName).min(1)], "expected a layer name or a list of layer names")
  .transform((value) => (typeof value === "string" ? [value] : value));

const fromSchema = z
  .object({
    layer: layerNames.optional().describe("modules in this layer (or any of these layers)"),
    path: globs.optional().describe("module ids matching these globs"),
    pathNot: globs.optional().describe("except module ids matching these globs"),
  })
  .strict();

const toSchema = fromSchema
  .extend({
    kind: z
      .union([z.enum(moduleKinds), z.array(z.enum(moduleKinds)).min(1)], `expected a module kind (${moduleKinds.join(", ")}) or a list of them`)
      .transform((value) => (typeof value === "string" ? [value] : value))
      .optional()
      .describe("target module kinds: local, external, builtin, unresolved"),
    importKinds: z
      .array(z.enum(importKinds))
      .min(1)
      .optional()
      .describe("only imports of these kinds; a type-only site counts as `type-only`, not its form"),
  })
  .strict();

const forbiddenRuleSchema = z
  .object({
    name: ruleName,
    severity: severity.default("error"),
    comment: z.string().optional().describe("why the rule exists; printed with every violation"),
    from: fromSchema,
    to: toSchema,
    plane: plane.default("all"),
    optional: z.boolean().optional().describe("allow `from` to match no module"),
    ignoreImports,
    indirect: z
      .boolean()
      .optional()
      .describe("chains too: `from` → x → `to` breaks the rule through modules neither side matches, reported step by step (import-linter's default)"),
  })
  .strict();

const independentRuleSchema = z
  .object({
    name: ruleName,
    severity: severity.default("error"),
    comment: z.string().optional(),
    siblings: globs.describe("globs of folders; each matching folder is a unit that must not import another"),
    plane: plane.default("all"),
    optional: z.boolean().optional().describe("allow `siblings` to match no folder"),
    ignoreImports,
    indirect: z.boolean().optional().describe("chains too: a unit reaching another through modules in no unit, reported step by step (import-linter's independence)"),
  })
  .strict();

/** A child of a container, by name: a folder, or a file without its extension (`high` is `high/` and `high.py`). */
const childName = glob.superRefine((value, context) => {
  if (value.includes("/")) context.addIssue({ code: "custom", message: `"${value}" is not a child's name: a container's layers are its children, named without a slash` });
});

const containersRuleSchema = z
  .object({
    name: ruleName,
    severity: severity.default("error"),
    comment: z.string().optional(),
    containers: globs.describe("globs of folders; inside each, its children are layered as `layers` says, and nothing is said between containers"),
    layers: z
      .array(
        z.union(
          [childName, z.array(childName).min(2, "expected at least two children sharing a rank")],
          "expected a child's name (a glob: \"high\", \"{blue,green}\" for one layer of several children) or a list of names that share a rank and must not import each other",
        ),
      )
      .min(1)
      .superRefine((entries, context) => {
        const seen = new Set<string>();
        entries.forEach((entry, at) => {
          for (const name of typeof entry === "string" ? [entry] : entry) {
            if (seen.has(name)) context.addIssue({ code: "custom", path: [at], message: `"${name}" is already a layer of this rule` });
            seen.add(name);
          }
        });
      })
      .describe("the children of each container from top to bottom, by name (a folder, or a file without its extension); a list of names is one rank of children that must not import each other"),
    mode: z.enum(["relaxed", "strict"]).default("relaxed"),
    plane: plane.default("all"),
    optional: z.boolean().optional().describe("allow `containers` or a layer to match nothing"),
    ignoreImports,
  })
  .strict();

const acyclicSiblingsRuleSchema = z
  .object({
    name: ruleName,
    severity: severity.default("error"),
    comment: z.string().optional(),
    parents: globs.describe("globs of folders whose children (folders, and files without their extension) must not import each other in a cycle"),
    depth: z.number().int().min(0).default(10).describe("how many generations below each parent are checked the same way: 0 checks only its children"),
    skip: globs.optional().describe("folders whose children are not checked (their imports still count for the generations above)"),
    plane: plane.default("all"),
    optional: z.boolean().optional().describe("allow `parents` to match no folder"),
    ignoreImports,
  })
  .strict();

const rulesSchema = z
  .object({
    layers: layersRuleSchema.default({ mode: "relaxed", severity: "error", plane: "all" }),
    cycles: cyclesRuleSchema.default({ severity: "error", plane: "runtime" }),
    forbidden: z.array(forbiddenRuleSchema).default([]),
    independent: z.array(independentRuleSchema).default([]),
    containers: z.array(containersRuleSchema).optional().describe("layers repeated inside each of several folders (import-linter's layers with containers)"),
    acyclicSiblings: z.array(acyclicSiblingsRuleSchema).optional().describe("no cycles between sibling folders, at every level below a parent (import-linter's acyclic_siblings)"),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    include: globs.optional().describe("globs of files to map, relative to the root"),
    exclude: globs.optional().describe("globs of files to leave out, relative to the root"),
    tsconfig: z.string().optional().describe("the tsconfig used to resolve imports, relative to this file"),
    includeDeclarations: z.boolean().optional().describe("parse .d.ts files too"),
    aliases: aliasesSchema
      .optional()
      .describe('aliases a bundler config defines, applied before the tsconfig\'s paths: { "@": "src", "~icons/*": false } (false: a module no file holds, mapped as external)'),
    python: z
      .object({
        roots: z
          .array(z.string().min(1))
          .default([])
          .describe('folders where Python\'s absolute imports start (on sys.path), relative to the root, tried before pyproject.toml\'s and setup.cfg\'s package folders, "src" and the root'),
      })
      .strict()
      .optional()
      .describe("how Python files resolve"),
    barrels: z
      .enum(["opaque", "transparent"])
      .default("opaque")
      .describe("transparent: follow imported names through re-exports (index.ts barrels) to the modules that declare them; rules, explore commands and pictures then use those edges"),
    layers: z.array(layerSchema).default([]).describe("layers from top to bottom; a module takes the first layer that matches it"),
    rules: rulesSchema.default({
      layers: { mode: "relaxed", severity: "error", plane: "all" },
      cycles: { severity: "error", plane: "runtime" },
      forbidden: [],
      independent: [],
    }),
  })
  .strict()
  .superRefine((config, context) => {
    const seen = new Map<string, number>();
    config.layers.forEach((layer, index) => {
      const first = seen.get(layer.name);
      if (first !== undefined) {
        context.addIssue({ code: "custom", path: ["layers", index, "name"], message: `"${layer.name}" is already the name of layers[${first}]` });
      } else seen.set(layer.name, index);
    });
    const checkLayers = (names: unknown, path: (string | number)[]): void => {
      // Run on the raw value when the key itself is wrong: a string is one name (not one per
      // character), and a name that is not a name has had its own message.
      const list: unknown[] = typeof names === "string" ? [names] : Array.isArray(names) ? names : [];
      for (const name of list) {
        if (typeof name === "string" && ruleName.safeParse(name).success && !seen.has(name)) {
          context.addIssue({ code: "custom", path, message: `no layer is named "${name}"${didYouMean(name, seen.keys())}` });
        }
      }
    };
    const ruleNames = new Map<string, string>();
    const checkName = (name: string, path: (string | number)[]): void => {
      const other = ruleNames.get(name);
      if (other !== undefined) context.addIssue({ code: "custom", path, message: `"${name}" is already the name of ${other}` });
      else ruleNames.set(name, path.slice(0, 3).map((part, i) => (typeof part === "number" ? `[${part}]` : i ? `.${part}` : part)).join(""));
    };
    config.rules.forbidden.forEach((rule, index) => {
      checkName(rule.name, ["rules", "forbidden", index, "name"]);
      checkLayers(rule.from.layer, ["rules", "forbidden", index, "from", "layer"]);
      checkLayers(rule.to.layer, ["rules", "forbidden", index, "to", "layer"]);
    });
    config.rules.independent.forEach((rule, index) => checkName(rule.name, ["rules", "independent", index, "name"]));
    config.rules.containers?.forEach((rule, index) => checkName(rule.name, ["rules", "containers", index, "name"]));
    config.rules.acyclicSiblings?.forEach((rule, index) => checkName(rule.name, ["rules", "acyclicSiblings", index, "name"]));
  });

export type Config = z.output<typeof configSchema>;
export type LayerDefinition = Config["layers"][number];
export type ForbiddenRule = Config["rules"]["forbidden"][number];
export type IndependentRule = Config["rules"]["independent"][number];
export type ContainersRule = NonNullable<Config["rules"]["containers"]>[number];
export type AcyclicSiblingsRule = NonNullable<Config["rules"]["acyclicSiblings"]>[number];
export type RulesConfig = Config["rules"];
export type IgnoredImport = NonNullable<ForbiddenRule["ignoreImports"]>[number];
