/** Small, dependency-free helpers shared by the request/response wrappers and the servers. */
import type { Chunk, ResponseBody } from "./wsgi.js";
import { MultiDict } from "./datastructures.js";

const encoder = new TextEncoder();

/** Decode one query-string component; malformed escapes are kept verbatim rather than thrown. */
export function unquote(text: string): string {
  const spaced = text.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** `a=1&b=2&a=3` -> MultiDict; also used for urlencoded form bodies. */
export function parseQueryString(query: string): MultiDict {
  const dict = new MultiDict();
  for (const part of query.replace(/^\?/, "").split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? "" : part.slice(eq + 1);
    dict.add(unquote(key), unquote(value));
  }
  return dict;
}

/** The inverse of parseQueryString; arrays become repeated keys, undefined values are skipped. */
export function urlEncode(values: Record<string, string | number | readonly (string | number)[] | undefined>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
    }
  }
  return parts.join("&");
}

export type CookieMap = Readonly<Record<string, string>>;

/** Parse a Cookie header. The first occurrence of a name wins, as browsers send the most specific first. */
export function parseCookies(header: string | undefined): CookieMap {
  const cookies: Record<string, string> = {};
  for (const pair of (header ?? "").split(";")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    if (!(name in cookies)) cookies[name] = unquote(pair.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1"));
  }
  return cookies;
}

export interface CookieOptions {
  maxAge?: number;
  expires?: Date;
  path?: string;
  domain?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: "Strict" | "Lax" | "None";
}

/** Build a Set-Cookie value. Path defaults to "/" so a cookie set on /a/b is visible app-wide. */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) throw new TypeError(`invalid cookie name: ${name}`);
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? "/"}`];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAge)}`);
  if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`);
  if (options.domain) parts.push(`Domain=${options.domain}`);
  if (options.secure) parts.push("Secure");
  if (options.httpOnly) parts.push("HttpOnly");
  if (options.sameSite) parts.push(`SameSite=${options.sameSite}`);
  return parts.join("; ");
}

/** Escape text for HTML element and attribute contexts. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function encodeChunk(chunk: Chunk): Uint8Array {
  return typeof chunk === "string" ? encoder.encode(chunk) : chunk;
}

/** Join byte chunks into one array (the core avoids Node's Buffer to stay runtime-agnostic). */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Normalise any app body (sync or async iterable of strings or bytes) to a stream of bytes. */
export async function* toByteStream(body: ResponseBody): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    const bytes = encodeChunk(chunk);
    if (bytes.length > 0) yield bytes;
  }
}
