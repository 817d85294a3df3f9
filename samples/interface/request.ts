/**
 * Request: a read-only, lazily parsed view over an environ. Nothing is parsed until asked
 * for, and the body is read from `wsgi.input` at most once and then cached.
 */
import type { Environ } from "./wsgi.js";
import type { MultiDict } from "./datastructures.js";
import { Headers } from "./headers.js";
import { type CookieMap, concatBytes, parseCookies, parseQueryString } from "./utils.js";
import { BadRequest, RequestEntityTooLarge, UnsupportedMediaType } from "./errors.js";

const decoder = new TextDecoder();

export class Request {
  /** Bodies above this size are refused with 413 before they fill memory. */
  maxContentLength = 1024 * 1024;
  readonly headers: Headers;
  private cachedBody: Promise<Uint8Array> | undefined;
  private cachedArgs: MultiDict | undefined;

  constructor(readonly environ: Environ) {
    this.headers = Headers.fromEnviron(environ);
  }

  get method(): string {
    return this.environ.REQUEST_METHOD.toUpperCase();
  }

  /** The path inside this app (what routing sees). */
  get path(): string {
    return this.environ.PATH_INFO || "/";
  }

  /** Where this app is mounted; "" at the root. */
  get scriptRoot(): string {
    return this.environ.SCRIPT_NAME.replace(/\/+$/, "");
  }

  get host(): string {
    const { SERVER_NAME: name, SERVER_PORT: port } = this.environ;
    const defaultPort = this.scheme === "https" ? "443" : "80";
    return this.environ.HTTP_HOST ?? (port === defaultPort ? name : `${name}:${port}`);
  }

  get scheme(): string {
    return this.environ["wsgi.url_scheme"];
  }

  get hostUrl(): string {
    return `${this.scheme}://${this.host}`;
  }

  /** The full URL as the client asked for it, mount prefix included. */
  get url(): string {
    const query = this.environ.QUERY_STRING;
    return `${this.hostUrl}${this.scriptRoot}${this.path}${query ? `?${query}` : ""}`;
  }

  get remoteAddr(): string {
    return this.environ.REMOTE_ADDR;
  }

  /** Query-string arguments (Werkzeug calls them `args`). */
  get args(): MultiDict {
    return (this.cachedArgs ??= parseQueryString(this.environ.QUERY_STRING));
  }

  get cookies(): CookieMap {
    return parseCookies(this.headers.get("Cookie"));
  }

  /** Content type without parameters: "application/json; charset=utf-8" -> "application/json". */
  get mimetype(): string {
    return (this.environ.CONTENT_TYPE ?? "").split(";")[0]!.trim().toLowerCase();
  }

  get isJson(): boolean {
    return this.mimetype === "application/json" || this.mimetype.endsWith("+json");
  }

  /** Naive Accept check, good enough to choose between HTML and JSON. */
  accepts(mimetype: string): boolean {
    return (this.headers.get("Accept") ?? "").toLowerCase().includes(mimetype);
  }

  body(): Promise<Uint8Array> {
    return (this.cachedBody ??= this.readBody());
  }

  async text(): Promise<string> {
    return decoder.decode(await this.body());
  }

  async json<T = unknown>(): Promise<T> {
    if (!this.isJson) throw new UnsupportedMediaType("Expected an application/json body.");
    try {
      return JSON.parse(await this.text()) as T;
    } catch (error) {
      throw new BadRequest(`Invalid JSON body: ${(error as Error).message}`);
    }
  }

  /** Form fields of an urlencoded body; other content types yield an empty dict. */
  async form(): Promise<MultiDict> {
    const text = this.mimetype === "application/x-www-form-urlencoded" ? await this.text() : "";
    return parseQueryString(text);
  }

  private async readBody(): Promise<Uint8Array> {
    const declared = Number(this.environ.CONTENT_LENGTH ?? 0);
    if (declared > this.maxContentLength) throw new RequestEntityTooLarge();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of this.environ["wsgi.input"]) {
      total += chunk.length;
      // Count while reading too: chunked bodies carry no Content-Length to check up front.
      if (total > this.maxContentLength) throw new RequestEntityTooLarge();
      chunks.push(chunk);
    }
    return concatBytes(chunks);
  }
}
