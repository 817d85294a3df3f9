/**
 * `init`: a starter layermap.config.json for a codebase — layers proposed from its imports and
 * folders (the same inference as `layers --infer`), the usual rules, and comments that say what
 * each part does — so a first `check` has something real to check.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parse } from "jsonc-parser";
import { CONFIG_FILE_NAME } from "../config/load-config.js";
import { displayPath } from "../model/display-path.js";
import { inferLayers, type InferredLayers } from "../explore/infer/infer-layers.js";
import { UserError } from "../model/errors.js";
import { map } from "./map.js";

/** Tests, specs and benchmarks are not part of the architecture a config describes. */
const STARTER_EXCLUDE = ["**/*.test.*", "**/*.spec.*", "**/__tests__/**", "**/test/**", "**/tests/**", "**/bench/**", "**/benchmarks/**"];

export interface InitResult {
  /** Where the config goes. */
  path: string;
  /** The file's text: JSON with comments. */
  text: string;
  proposal: InferredLayers;
  /**
   * One line when imports of the codebase's own scoped packages came out external while a
   * tsconfig above the root maps them with `paths`: on an aliased monorepo, `--tsconfig` is
   * what turns the one proposed layer `**` into real ones.
   */
  hint?: string;
}

export interface InitOptions {
  /** Replace an existing config. */
  force?: boolean;
  /** The tsconfig to resolve with (relative to the root, or absolute); written into the config. */
  tsconfig?: string;
  /** Globs of files to map, written into the config. */
  include?: readonly string[];
  /** Globs to leave out, besides tests; written into the config. */
  exclude?: readonly string[];
  /** The working folder paths in the hint are shown relative to (the CLI passes its own); default the process's. */
  cwd?: string;
}

export async function proposeConfig(root: string, options: InitOptions = {}): Promise<InitResult> {
  const path = join(root, CONFIG_FILE_NAME);
  if (existsSync(path) && !options.force) {
    throw new UserError(`${path}: a config already exists (use --force to replace it)`);
  }
  // Map without reading a config: the one there is about to be replaced, or there is none.
  // The layers are proposed for the files the written config will map: tests stay out.
  const exclude = [...STARTER_EXCLUDE, ...(options.exclude ?? [])];
  const mapped = await map({
    root,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    exclude,
    config: false,
    ...(options.include?.length ? { include: options.include } : {}),
    ...(options.tsconfig === undefined ? {} : { tsconfig: options.tsconfig }),
  });
  const proposal = inferLayers(mapped.graph);
  // The config sits in the root: its tsconfig is written relative to it.
  const tsconfig = options.tsconfig === undefined ? undefined : relative(resolve(root), resolve(root, options.tsconfig)).split(sep).join("/") || "tsconfig.json";
  const externals = mapped.document.modules.filter((module) => module.kind === "external").map((module) => module.id);
  const hint = options.tsconfig === undefined ? aliasHint(resolve(root), externals, options.cwd) : undefined;
  return { path, text: configText(proposal, exclude, options.include, tsconfig), proposal, ...(hint === undefined ? {} : { hint }) };
}

/** The hint line, when a tsconfig above the root maps scoped packages that came out external. */
function aliasHint(root: string, externals: readonly string[], cwd: string | undefined): string | undefined {
  const scoped = externals.filter((id) => id.startsWith("@"));
  if (scoped.length === 0) return undefined;
  for (let folder = dirname(root); ; folder = dirname(folder)) {
    for (const name of ["tsconfig.json", "tsconfig.base.json"]) {
      const file = join(folder, name);
      const aliases = pathAliases(file);
      const mapped = scoped.filter((id) => aliases.some((alias) => (alias.endsWith("*") ? id.startsWith(alias.slice(0, -1)) || `${id}/`.startsWith(alias.slice(0, -1)) : id === alias)));
      if (mapped.length > 0) {
        const shown = displayPath(file, cwd);
        return `${mapped.length} scoped package${mapped.length === 1 ? "" : "s"} (${mapped.slice(0, 3).join(", ")}${mapped.length > 3 ? ", …" : ""}) came out external, and ${shown} maps ${mapped.length === 1 ? "it" : "them"} with "paths": try --tsconfig ${shown}`;
      }
    }
    if (dirname(folder) === folder) return undefined;
  }
}

/** The keys of a tsconfig's `compilerOptions.paths` (not following `extends`), or none. */
function pathAliases(file: string): string[] {
  if (!existsSync(file)) return [];
  try {
    const json: unknown = parse(readFileSync(file, "utf8"), [], { allowTrailingComma: true });
    const paths = (json as { compilerOptions?: { paths?: unknown } } | undefined)?.compilerOptions?.paths;
    return paths !== null && typeof paths === "object" ? Object.keys(paths) : [];
  } catch {
    return [];
  }
}

function configText(proposal: InferredLayers, exclude: readonly string[], include: readonly string[] | undefined, tsconfig: string | undefined): string {
  const layers = proposal.layers.map((layer, index) => {
    const paths = layer.paths.map((path) => JSON.stringify(path)).join(", ");
    const comma = index === proposal.layers.length - 1 ? "" : ",";
    return `    { "name": ${JSON.stringify(layer.name)}, "paths": [${paths}] }${comma}   // ${layer.modules} module${layer.modules === 1 ? "" : "s"}`;
  });
  const breaks =
    proposal.breaks.length === 0
      ? "No current import breaks this order."
      : `${proposal.breaks.length} current import${proposal.breaks.length === 1 ? "" : "s"} break this order: \`layermap check\` lists them; adjust the layers, or accept them with --update-baseline.`;
  return `{
  "$schema": "./node_modules/layermap/schema/config.schema.json",
  // Which files to map (globs relative to this folder); tests usually stay out of the architecture.
${include?.length ? `  "include": ${JSON.stringify(include).replaceAll(",", ", ")},\n` : ""}  "exclude": ${JSON.stringify(exclude).replaceAll(",", ", ")},
${tsconfig === undefined ? "" : `  // The tsconfig that resolves imports (its "paths" aliases too), relative to this file.\n  "tsconfig": ${JSON.stringify(tsconfig)},\n`}
  // Layers, top to bottom: a module belongs to the first layer whose paths match it, and may
  // import its own layer and the layers below it. Proposed by \`layermap init\` from the imports
  // and the folders of this codebase. ${breaks}
  "layers": [
${layers.join("\n")}
  ],

  "rules": {
    // "relaxed": any layer below; "strict": only the one directly below; "off".
    "layers": "relaxed",
    // Import cycles among runtime imports (type-only imports vanish at compile time).
    "cycles": "error",
    // Imports that must never happen, e.g.
    // { "name": "no-http-in-core", "from": { "layer": "core" }, "to": { "path": ["node:http"] } }
    "forbidden": [],
    // Folders that must not import each other, e.g. { "name": "apps-stay-apart", "siblings": "apps/*" }
    "independent": []
  }
}
`;
}
