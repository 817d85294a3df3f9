/**
 * Node's compile cache (`module.enableCompileCache`, Node 22.1 and later): V8's compiled code of
 * every module loaded after it is on — the CLI's bundle, and what it loads from node_modules — is
 * kept on disk, so a run does not compile layermap again. It lives in the user's own cache folder
 * (model/user-cache.ts), beside the compiler's code cache, for the same reason: it is code V8
 * runs, so never in the analysed project, where a repository could put a crafted one. Node checks
 * each entry against the source's hash and its own checksum, and keeps one subfolder per Node
 * version, architecture and V8 flags.
 *
 * Never a reason for a run to fail: on an older Node, without a private cache folder, or when
 * Node cannot use the folder, the run compiles as it always did. `--no-cache` (which means no
 * cache read or written) leaves it off too, as does Node's own NODE_DISABLE_COMPILE_CACHE=1.
 */
import * as module from "node:module";
import { join } from "node:path";
import { userCacheFolder } from "../model/user-cache.js";

/** Its folder inside the user's cache folder. */
const COMPILE_CACHE_FOLDER = "node-compile-cache";

type EnableCompileCache = (directory?: string) => unknown;

/** `enable`: Node's (a test passes its own). */
export function enableCompileCache(argv: readonly string[], enable: EnableCompileCache | undefined = nodeCompileCache()): void {
  if (enable === undefined || argv.includes("--no-cache")) return;
  const folder = userCacheFolder();
  if (folder === undefined) return;
  try {
    enable(join(folder, COMPILE_CACHE_FOLDER));
  } catch {
    // Node reports a folder it cannot use in its return value; anything thrown is as harmless.
  }
}

/** Node's own, where it has one: looked up, not imported, so that Node 20 (without it, and without it in its types) runs this file too. */
function nodeCompileCache(): EnableCompileCache | undefined {
  return (module as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
}
