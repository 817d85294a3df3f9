/**
 * Run apps without a socket, like werkzeug.test: build an environ, call the app, collect the
 * status, headers and body. Middleware and routing can be tested this way in microseconds.
 */
import type { App, Environ, HeaderList } from "./wsgi.js";
import { Headers } from "./headers.js";
import { parseStatusLine } from "./status.js";
import { concatBytes, encodeChunk, toByteStream, urlEncode } from "./utils.js";

export interface EnvironOptions {
  method?: string;
  path?: string;
  query?: string | Record<string, string>;
  headers?: Record<string, string>;
  /** Strings and bytes are sent as is; other values as JSON with the matching content type. */
  body?: string | Uint8Array | object;
  scriptName?: string;
  remoteAddr?: string;
}

export function createEnviron(options: EnvironOptions = {}): Environ {
  const [path = "/", inlineQuery = ""] = (options.path ?? "/").split("?", 2);
  const query = typeof options.query === "object" ? urlEncode(options.query) : (options.query ?? inlineQuery);
  const headers: Record<string, string> = { Host: "localhost", ...options.headers };
  let body: Uint8Array = new Uint8Array();
  if (typeof options.body === "string" || options.body instanceof Uint8Array) body = encodeChunk(options.body);
  else if (options.body !== undefined) {
    body = encodeChunk(JSON.stringify(options.body));
    headers["Content-Type"] ??= "application/json";
  }
  const environ: Environ = {
    REQUEST_METHOD: (options.method ?? "GET").toUpperCase(),
    SCRIPT_NAME: options.scriptName ?? "",
    PATH_INFO: path,
    QUERY_STRING: query,
    CONTENT_LENGTH: String(body.length),
    SERVER_NAME: "localhost",
    SERVER_PORT: "80",
    SERVER_PROTOCOL: "HTTP/1.1",
    REMOTE_ADDR: options.remoteAddr ?? "127.0.0.1",
    "wsgi.url_scheme": "http",
    "wsgi.input": (async function* () {
      yield body;
    })(),
  };
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toUpperCase().replace(/-/g, "_");
    if (key === "CONTENT_TYPE") environ.CONTENT_TYPE = value;
    else if (key !== "CONTENT_LENGTH") environ[`HTTP_${key}`] = value;
  }
  return environ;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
  text: string;
}

/** Call an app once and enforce the contract: startResponse before (or with) the first byte. */
export async function runApp(app: App, environ: Environ): Promise<TestResponse> {
  let status: string | undefined;
  let headers: HeaderList = [];
  const body = await app(environ, (line, list) => {
    status = line;
    headers = list;
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of toByteStream(body)) {
    if (status === undefined) throw new Error("app yielded body data before calling startResponse");
    chunks.push(chunk);
  }
  if (status === undefined) throw new Error("app returned without calling startResponse");
  const bytes = concatBytes(chunks);
  return { status: parseStatusLine(status).code, headers: new Headers(headers), body: bytes, text: new TextDecoder().decode(bytes) };
}

/** Convenience: `await request(app, { method: "POST", path: "/notes", body: {...} })`. */
export function request(app: App, options: EnvironOptions = {}): Promise<TestResponse> {
  return runApp(app, createEnviron(options));
}
