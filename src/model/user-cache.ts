/**
 * The user's own cache folder (`$XDG_CACHE_HOME/layermap`, else `~/.cache/layermap`), for what must
 * not live in the analysed project, whose files a repository (or a restored CI cache) controls:
 * the compiler's code cache, and the secret that signs the map cache. Used only when it is a real
 * folder owned by this user that nobody else can write.
 */
import { createHmac, randomBytes } from "node:crypto";
import { linkSync, lstatSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { errorCode } from "./errors.js";
import { temporaryNameFor, writeNewFile } from "./replace-file.js";

/** The folder, made if need be; undefined when there is none this user alone can write. */
export function userCacheFolder(): string | undefined {
  const base = process.env["XDG_CACHE_HOME"] || join(homedir(), ".cache");
  const folder = join(base, "layermap");
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const entry = lstatSync(folder);
    const uid = process.getuid?.();
    if (!entry.isDirectory() || (uid !== undefined && entry.uid !== uid) || (entry.mode & 0o022) !== 0) return undefined;
    return folder;
  } catch {
    return undefined; // no home, a read-only one
  }
}

const SECRET_FILE = "signing-key";

/**
 * A random key made once per user (in the folder above, readable by the user alone), to sign
 * files layermap stores where others can write: undefined when there is no such folder.
 */
export function userSecret(): Buffer | undefined {
  const folder = userCacheFolder();
  if (folder === undefined) return undefined;
  const path = join(folder, SECRET_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const key = readFileSync(path);
      if (key.length >= 32 && (lstatSync(path).mode & 0o077) === 0) return key;
      return undefined; // someone else could read it, or it is not one of ours
    } catch (error) {
      if (errorCode(error) !== "ENOENT") return undefined;
    }
    // Made whole under another name, then linked into place: two runs starting at once agree on one key.
    const temporary = temporaryNameFor(path, ".tmp-");
    try {
      writeNewFile(temporary, randomBytes(32), 0o600);
      linkSync(temporary, path);
    } catch {
      // another run linked its key first: read that one
    } finally {
      rmSync(temporary, { force: true });
    }
  }
  return undefined;
}

/** HMAC-SHA256 of `data` under `key`, base64url. */
export function signatureOf(key: Buffer, data: string): string {
  return createHmac("sha256", key).update(data).digest("base64url");
}
