/**
 * Response: build status, headers and body as an object, then let it answer as an app.
 * Like Werkzeug's BaseResponse, a Response *is* a responder, so a handler can return it and
 * the glue calls `response.respond(environ, startResponse)`.
 */
import type { Chunk, Environ, Responder, ResponseBody, StartResponse } from "./wsgi.js";
import { type HeaderInit, Headers } from "./headers.js";
import { type CookieOptions, encodeChunk, escapeHtml, serializeCookie } from "./utils.js";
import { isBodyless, statusLine } from "./status.js";

export type BodyInit = Chunk | ResponseBody | null;

export interface ResponseInit {
  status?: number;
  headers?: HeaderInit;
  /** Shorthand for the Content-Type header. */
  contentType?: string;
}

export class Response implements Responder {
  status: number;
  readonly headers: Headers;
  body: BodyInit;

  constructor(body: BodyInit = "", init: ResponseInit = {}) {
    this.body = body;
    this.status = init.status ?? 200;
    this.headers = new Headers(init.headers);
    this.headers.setDefault("Content-Type", init.contentType ?? "text/plain; charset=utf-8");
  }

  static html(html: string, init: ResponseInit = {}): Response {
    return new Response(html, { contentType: "text/html; charset=utf-8", ...init });
  }

  static json(data: unknown, init: ResponseInit = {}): Response {
    return new Response(JSON.stringify(data), { contentType: "application/json", ...init });
  }

  get location(): string | undefined {
    return this.headers.get("Location");
  }

  setCookie(name: string, value: string, options?: CookieOptions): this {
    this.headers.add("Set-Cookie", serializeCookie(name, value, options));
    return this;
  }

  /** Browsers delete a cookie when it is re-set with an expiry in the past. */
  deleteCookie(name: string, options: Pick<CookieOptions, "path" | "domain"> = {}): this {
    return this.setCookie(name, "", { ...options, maxAge: 0, expires: new Date(0) });
  }

  respond(environ: Environ, startResponse: StartResponse): ResponseBody {
    const headers = new Headers(this.headers);
    let body: ResponseBody;
    if (this.body === null || typeof this.body === "string" || this.body instanceof Uint8Array) {
      // Fixed bodies get an exact Content-Length so clients can reuse the connection.
      const bytes = encodeChunk(this.body ?? "");
      headers.set("Content-Length", String(bytes.length));
      body = [bytes];
    } else {
      body = this.body;
    }
    if (isBodyless(this.status)) {
      headers.delete("Content-Length").delete("Content-Type");
      body = [];
    }
    startResponse(statusLine(this.status), headers.toList());
    // HEAD gets the same headers (length included) but never the body.
    return environ.REQUEST_METHOD === "HEAD" ? [] : body;
  }
}

/** A redirect with a tiny HTML body for clients that do not follow Location themselves. */
export function redirect(location: string, status = 302): Response {
  const safe = escapeHtml(location);
  return Response.html(
    `<!doctype html>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected to <a href="${safe}">${safe}</a>.</p>\n`,
    { status, headers: { Location: location } },
  );
}
