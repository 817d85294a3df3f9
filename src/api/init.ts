/**
 * `init`: a starter layermap.config.json for a codebase — layers proposed from its imports and
 * folders (the same inference as `layers --infer`), the usual rules, and comments that say what
 * each part does — so a first `check` has something real to check.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FILE_NAME } from "../config/load-config.js";
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
}

export async function proposeConfig(root: string, options: { force?: boolean } = {}): Promise<InitResult> {
  const path = join(root, CONFIG_FILE_NAME);
  if (existsSync(path) && !options.force) {
    throw new UserError(`${path}: a config already exists (use --force to replace it)`);
  }
  // Map without reading a config: the one there is about to be replaced, or there is none.
  // The layers are proposed for the files the written config will map: tests stay out.
  const mapped = await map({ root, exclude: STARTER_EXCLUDE, config: false });
  const proposal = inferLayers(mapped.graph);
  return { path, text: configText(proposal), proposal };
}

function configText(proposal: InferredLayers): string {
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
  "exclude": ${JSON.stringify(STARTER_EXCLUDE).replaceAll(",", ", ")},

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
