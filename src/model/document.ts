/**
 * The map document: the one versioned, serialisable result of `map` that every later stage,
 * every reporter and every external tool reads ("map once, render many").
 *
 * The zod schema is the source of truth: the TypeScript types are inferred from it, `render`
 * validates saved documents with it, and `schema/map.schema.json` is generated from it.
 */
import { z } from "zod";

export const DOCUMENT_VERSION = 1;

export const moduleKinds = ["local", "external", "builtin", "unresolved"] as const;
export type ModuleKind = (typeof moduleKinds)[number];

/** How a file refers to another module. One edge gathers every kind seen between two modules. */
export const importKinds = [
  "static",
  "type-only",
  "side-effect",
  "re-export",
  "dynamic",
  "deferred",
  "require",
  "require-resolve",
  "import-equals",
  "triple-slash",
] as const;
export type ImportKind = (typeof importKinds)[number];

const diagnosticCodes = [
  "parse-error",
  "read-error",
  "not-text",
  "too-large",
  "symlink",
  "unresolved",
  "non-literal-import",
  "tsconfig-error",
  "package-json-error",
  "config-error",
  "unknown-export",
] as const;
export type DiagnosticCode = (typeof diagnosticCodes)[number];

/** A file (or folder) with one of these could not be read as source; a parse error keeps what was recovered. */
export const failureCodes: readonly DiagnosticCode[] = ["parse-error", "read-error", "not-text"];
/** A file with one of these was left out on purpose: above the size limit, or a symbolic link. */
export const skipCodes: readonly DiagnosticCode[] = ["too-large", "symlink"];

const moduleSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .describe(
        "POSIX path relative to the root for local files (always under it: never starting with ../ or /); the package name for externals; node:<name> for builtins; for unresolved, the specifier, or for a path (one that leads out of the root too) its POSIX path relative to the root, as written when absolute",
      ),
    kind: z.enum(moduleKinds),
    layer: z.string().optional(),
    lines: z.number().int().nonnegative().optional().describe("line count of a local file"),
  })
  .strict();

/** The syntactic forms of an import site; "type-only" is not a form but a plane (see typeOnly). */
export const importForms = importKinds.filter((kind): kind is Exclude<ImportKind, "type-only"> => kind !== "type-only");
export type ImportForm = Exclude<ImportKind, "type-only">;

const throughSchema = z
  .object({
    module: z
      .string()
      .min(1)
      .describe("a module id of this document: where these names are declared, or the site's own target for names it declares itself, cannot be followed (CommonJS, a namespace used whole) or does not export"),
    names: z
      .array(z.string())
      .min(1)
      .describe("the names imported from the site's target that lead to this module, sorted: an export name, \"default\", or \"*\" for a namespace used whole"),
  })
  .strict();

const siteSchema = z
  .object({
    line: z.number().int().positive(),
    specifier: z.string(),
    kind: z.enum(importForms as [ImportForm, ...ImportForm[]]),
    typeOnly: z
      .literal(true)
      .optional()
      .describe("present when the site vanishes at compile time (import type, export type, import(\"x\").T, or an elided import)"),
    elided: z
      .literal(true)
      .optional()
      .describe("a plain import that TypeScript drops because its bindings are used only as types"),
    optional: z
      .literal(true)
      .optional()
      .describe("present when the program runs on without the module: a Python import inside try whose handler catches ImportError"),
    through: z
      .array(throughSchema)
      .min(1)
      .optional()
      .describe("with barrels transparent: where the site's imported names are declared, sorted by module; absent when every name is declared by the site's target"),
  })
  .strict();

const importSchema = z
  .object({
    from: z.string().min(1),
    to: z.string().min(1),
    kinds: z.array(z.enum(importKinds)).min(1).describe("the forms of its sites, plus type-only when any site is type-only"),
    typeOnly: z.boolean().describe("true when every site is type-only: the edge vanishes at compile time"),
    sites: z.array(siteSchema).min(1),
  })
  .strict();

const diagnosticSchema = z
  .object({
    file: z.string(),
    line: z.number().int().positive().optional(),
    code: z.enum(diagnosticCodes),
    message: z.string(),
  })
  .strict();

const summarySchema = z
  .object({
    files: z.number().int().nonnegative(),
    modules: z.number().int().nonnegative(),
    local: z.number().int().nonnegative(),
    external: z.number().int().nonnegative(),
    builtin: z.number().int().nonnegative(),
    unresolved: z.number().int().nonnegative(),
    imports: z.number().int().nonnegative(),
    failedFiles: z.number().int().nonnegative(),
  })
  .strict();

export const mapDocumentSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(DOCUMENT_VERSION),
    root: z.string(),
    layers: z
      .array(z.string())
      .optional()
      .describe("the config's layer names, top to bottom, so a saved document can be drawn layer by layer"),
    barrels: z
      .literal("transparent")
      .optional()
      .describe("present when the map followed imported names through re-exports (map --through-barrels): sites carry through"),
    summary: summarySchema,
    modules: z.array(moduleSchema),
    imports: z.array(importSchema),
    diagnostics: z.array(diagnosticSchema),
  })
  .strict();

export type ModuleRecord = z.infer<typeof moduleSchema>;
export type ImportSiteRecord = z.infer<typeof siteSchema>;
export type ThroughRecord = z.infer<typeof throughSchema>;
export type ImportRecord = z.infer<typeof importSchema>;
export type Diagnostic = z.infer<typeof diagnosticSchema>;
export type MapSummary = z.infer<typeof summarySchema>;
export type MapDocument = z.infer<typeof mapDocumentSchema>;
