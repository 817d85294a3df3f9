/**
 * The interface itself: a TypeScript take on PEP 3333 (WSGI).
 *
 * An application is a plain function `app(environ, startResponse)`. It reads the request from
 * `environ`, calls `startResponse(status, headers)` once, and returns the body as an iterable of
 * chunks. Servers, middleware and frameworks only ever agree on this contract, so any of them
 * can be swapped without the others noticing. This file is types only: it imports nothing.
 */

/** A response header list, in order, duplicates allowed (several Set-Cookie lines, say). */
export type HeaderList = Array<[name: string, value: string]>;

/** One piece of a response body; strings are sent as UTF-8. */
export type Chunk = string | Uint8Array;

/** The body an app returns. Async iterables let an app stream without buffering everything. */
export type ResponseBody = Iterable<Chunk> | AsyncIterable<Chunk>;

/** `status` is a full status line such as "404 Not Found", exactly like WSGI. */
export type StartResponse = (status: string, headers: HeaderList) => void;

/** The request, as CGI-style variables plus namespaced extension keys. */
export interface Environ {
  REQUEST_METHOD: string;
  /** The part of the URL path that routed to this app (set by mounting middleware). */
  SCRIPT_NAME: string;
  /** The rest of the path, which the app routes on. Percent-decoded. */
  PATH_INFO: string;
  QUERY_STRING: string;
  CONTENT_TYPE?: string;
  CONTENT_LENGTH?: string;
  SERVER_NAME: string;
  SERVER_PORT: string;
  SERVER_PROTOCOL: string;
  REMOTE_ADDR: string;
  "wsgi.url_scheme": string;
  /** The request body; it can be read once, so wrappers such as Request cache it. */
  "wsgi.input": AsyncIterable<Uint8Array>;
  /** Request headers, CGI style: `X-Forwarded-For` arrives as `HTTP_X_FORWARDED_FOR`. */
  [header: `HTTP_${string}`]: string | undefined;
  /** Extension keys belong to whoever sets them, e.g. "proxy_fix.orig". */
  [extension: `${string}.${string}`]: unknown;
}

/** An application callable: the one thing servers run and middleware wrap. */
export type App = (environ: Environ, startResponse: StartResponse) => ResponseBody | Promise<ResponseBody>;

/** Anything that can answer as an app: responses and HTTP exceptions both do. */
export interface Responder {
  respond(environ: Environ, startResponse: StartResponse): ResponseBody;
}
