/**
 * Serve files from folders under URL prefixes, like Werkzeug's SharedDataMiddleware.
 * Requests it cannot answer from disk fall through to the wrapped app, so an app can keep
 * its own routes next to the static ones.
 */
import { readFile, stat } from "node:fs/promises";
import * as path from "node:path";
import type { App, Environ } from "../wsgi.js";
import { Response } from "../response.js";

const MIME_TYPES: Readonly<Record<string, string>> = {
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticOptions {
  /** Cache-Control max-age in seconds. */
  maxAge?: number;
}

/** The absolute file for a request, or undefined if it is outside every exported folder. */
function resolveFile(environ: Environ, exports: ReadonlyArray<readonly [string, string]>): string | undefined {
  const urlPath = environ.PATH_INFO || "/";
  for (const [prefix, root] of exports) {
    if (!urlPath.startsWith(`${prefix}/`)) continue;
    const file = path.resolve(root, `.${urlPath.slice(prefix.length)}`);
    // "/static/../../etc/passwd" resolves outside the root: refuse rather than serve it.
    if (file.startsWith(root + path.sep)) return file;
  }
  return undefined;
}

export function staticFiles(app: App, folders: Readonly<Record<string, string>>, options: StaticOptions = {}): App {
  const exports = Object.entries(folders).map(([prefix, root]) => [prefix.replace(/\/+$/, ""), path.resolve(root)] as const);

  return async (environ, startResponse) => {
    const method = environ.REQUEST_METHOD;
    const file = method === "GET" || method === "HEAD" ? resolveFile(environ, exports) : undefined;
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) return app(environ, startResponse);

    // A weak validator from size and mtime is enough for a dev server and costs no hashing.
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers = {
      "Content-Type": MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": `public, max-age=${options.maxAge ?? 3600}`,
      "Last-Modified": info.mtime.toUTCString(),
      ETag: etag,
    };
    if (environ.HTTP_IF_NONE_MATCH === etag) {
      return new Response(null, { status: 304, headers }).respond(environ, startResponse);
    }
    return new Response(await readFile(file), { headers }).respond(environ, startResponse);
  };
}
