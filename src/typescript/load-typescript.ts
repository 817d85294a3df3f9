/**
 * Loads the TypeScript compiler — the copy ts-morph bundles, `@ts-morph/common/dist/typescript.js`,
 * the module whose functions and enums `import { ts } from "ts-morph"` re-exports (in a namespace
 * object of ts-morph's own) — once per process, for extract/ and
 * resolve/ (through `./ts.ts`): one TypeScript in the process, without ts-morph's own
 * 4 MB on top (measured: 0.24 s of CPU for this file against 0.44 s for `import { ts } from
 * "ts-morph"`).
 *
 * V8's code cache of that 9 MB file is kept (see `useCompileCache`), so a run that must parse one
 * changed file does not compile the compiler again: loading drops from about 0.20 s to 0.07 s of
 * CPU (wall time on a 2-core machine at load 10–15: 0.6–1.0 s instead of 0.9–2.2 s). V8 checks the cached data
 * against its version and flags and rejects a mismatch, which is then compiled afresh and replaced;
 * but it does not check the bytes themselves — flipped bytes crash Node (exit 133) on every run —
 * and bytecode is code. So the cache:
 * - starts with the SHA-256 of the bytes after it, checked before V8 sees them (a mismatch is
 *   compiled afresh and replaced), which makes a damaged file harmless;
 * - lives in the user's own cache folder (`$XDG_CACHE_HOME/layermap`, else `~/.cache/layermap`),
 *   used only when it is a real folder owned by this user that nobody else can write — never in
 *   the analysed project's `node_modules/.cache`, where a repository could commit a crafted one
 *   (the hash would not stop a writer who can recompute it). It holds only TypeScript's compiled
 *   code, nothing of any project.
 * The module is registered in `require.cache` under its own path, so ts-morph, if something loads
 * it, gets the same compiler. That contract — the path is declared (`@ts-morph/common` at the
 * version ts-morph depends on), and it is ts-morph's compiler either way round — is checked
 * against the installed ts-morph by test/typescript/load-typescript.test.ts.
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import type { ts as TypeScript } from "ts-morph";
import { createHash } from "node:crypto";
import { replaceFile } from "../model/replace-file.js";
import { userCacheFolder } from "../model/user-cache.js";
import { errorCode } from "../model/errors.js";

const require = createRequire(import.meta.url);
const TYPESCRIPT = require.resolve("@ts-morph/common/dist/typescript.js");
const CODE_CACHE_PREFIX = "v8-typescript-";
const DIGEST_BYTES = 32;

let compileCacheDir: string | undefined;
let unsaved: { script: Script; file: string } | undefined;

/** Keep V8's code cache of TypeScript in the user's cache folder, or not. Call before loading. */
export function useCompileCache(enabled: boolean): void {
  compileCacheDir = enabled ? userCacheFolder() : undefined;
}

/** Is TypeScript loaded in this process (by this module, or by ts-morph)? */
export function isTypeScriptLoaded(): boolean {
  return require.cache[TYPESCRIPT] !== undefined;
}

/** The TypeScript module, loaded on the first call. */
export function loadTypeScript(): typeof TypeScript {
  const loaded = require.cache[TYPESCRIPT];
  if (loaded !== undefined) return loaded.exports as typeof TypeScript;
  const folder = compileCacheDir;
  if (folder === undefined) return require(TYPESCRIPT) as typeof TypeScript;

  const stats = statSync(TYPESCRIPT);
  const key = [TYPESCRIPT, stats.size, stats.mtimeMs, process.version, process.arch, process.execArgv.join(" ")].join("\0");
  const file = join(folder, `${CODE_CACHE_PREFIX}${createHash("sha256").update(key).digest("hex").slice(0, 16)}.bin`);
  let cachedData: Buffer | undefined;
  try {
    const stored = readFileSync(file);
    const data = stored.subarray(DIGEST_BYTES);
    if (stored.length > DIGEST_BYTES && createHash("sha256").update(data).digest().equals(stored.subarray(0, DIGEST_BYTES))) cachedData = data;
  } catch {
    // none yet
  }
  const script = new Script(Module.wrap(readFileSync(TYPESCRIPT, "utf8")), {
    filename: TYPESCRIPT,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const module = new Module(TYPESCRIPT);
  module.filename = TYPESCRIPT;
  require.cache[TYPESCRIPT] = module;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(
      module.exports,
      module.exports,
      createRequire(TYPESCRIPT),
      module,
      TYPESCRIPT,
      dirname(TYPESCRIPT),
    );
  } catch (error) {
    // require.cache is Node's table of loaded modules by path: taking the half-loaded entry out
    // is how a failed load is undone, so the next require tries again.
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- see above
    delete require.cache[TYPESCRIPT];
    throw error;
  }
  module.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected === true) unsaved = { script, file };
  return module.exports as typeof TypeScript;
}

/**
 * Write the code cache if this process made a new one — after the work, so that it holds the
 * functions the parser and resolver compiled too. Returns a warning instead of throwing.
 */
export function saveCompileCache(): string | undefined {
  if (unsaved === undefined) return undefined;
  const { script, file } = unsaved;
  unsaved = undefined;
  try {
    const data = script.createCachedData();
    replaceFile(file, Buffer.concat([createHash("sha256").update(data).digest(), data]), ".tmp-");
    for (const name of readdirSync(dirname(file))) {
      // Left by another TypeScript, Node or flags: never read again.
      if (name.startsWith(CODE_CACHE_PREFIX) && name.endsWith(".bin") && join(dirname(file), name) !== file) rmSync(join(dirname(file), name), { force: true });
    }
    return undefined;
  } catch (error) {
    return `cannot write the compiler's code cache ${file} (${errorCode(error) ?? (error as Error).message})`;
  }
}
