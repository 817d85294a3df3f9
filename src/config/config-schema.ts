/**
 * `layermap.config.json`: one zod schema is the source of truth for the file's shape, the
 * TypeScript type and the published JSON Schema.
 */
import { z } from "zod";

const globs = z.array(z.string().min(1, "expected a non-empty glob"), "expected a list of globs");

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    include: globs.optional().describe("globs of files to map, relative to the root"),
    exclude: globs.optional().describe("globs of files to leave out, relative to the root"),
    tsconfig: z.string().optional().describe("the tsconfig used to resolve imports, relative to the root"),
    includeDeclarations: z.boolean().optional().describe("parse .d.ts files too"),
    // Layers and rules are read by `check`; `map` carries them through untouched.
    layers: z.unknown().optional(),
    rules: z.unknown().optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
