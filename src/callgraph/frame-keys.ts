/**
 * What a frame is drawn as under each `--by`: the static map's names, so the runtime picture and
 * the static one agree — a function (`module:function:line`), a module id, a folder (`src/api/`,
 * `./` for files at the root, as the folded map names it), or a configured layer.
 * Packages stay packages; Node's own modules are `node:…`, one `node:*` when folded further.
 * Native code (no file) folds into its caller: a `JSON.parse` is its caller's module's work.
 */
import type { CallGraphBy, FrameKey } from "../model/call-graph.js";
import { EXTERNALS, NO_LAYER, ROOT_FOLDER } from "../model/group-names.js";

const NODE = "node:*";

export function frameKey(by: CallGraphBy, layerOf: (moduleId: string) => string | undefined = () => undefined): FrameKey {
  return (frame) => {
    if (frame.kind === "special") return { id: frame.module, module: frame.module, kind: "special" };
    if (by === "function") {
      const name = frame.functionName === "" ? "(anonymous)" : frame.functionName;
      if (frame.kind === "native") return { id: `(native) ${name}`, module: "(native)", kind: "native" };
      return { id: `${frame.module}:${name}:${frame.line}`, module: frame.module, kind: frame.kind };
    }
    if (frame.kind === "native") return undefined;
    if (by === "module") return { id: frame.module, module: frame.module, kind: frame.kind };
    if (frame.kind === "builtin") return { id: NODE, module: NODE, kind: "builtin" };
    if (by === "folder") {
      if (frame.kind !== "local") return { id: frame.module, module: frame.module, kind: frame.kind };
      const slash = frame.module.lastIndexOf("/");
      const folder = slash === -1 ? ROOT_FOLDER : frame.module.slice(0, slash + 1);
      return { id: folder, module: folder, kind: "folder" };
    }
    if (frame.kind === "external") return { id: EXTERNALS, module: EXTERNALS, kind: "external" };
    if (frame.kind !== "local") return { id: frame.module, module: frame.module, kind: frame.kind };
    const layer = layerOf(frame.module) ?? NO_LAYER;
    return { id: layer, module: layer, kind: "layer" };
  };
}
