/**
 * A case-insensitive, ordered, multi-valued header collection. It converts to and from the
 * plain `HeaderList` that crosses the app/server boundary.
 */
import type { Environ, HeaderList } from "./wsgi.js";

export type HeaderInit = HeaderList | Headers | Record<string, string | number | readonly string[]>;

export class Headers implements Iterable<[string, string]> {
  private items: HeaderList = [];

  constructor(init?: HeaderInit) {
    if (init instanceof Headers) this.items = init.toList();
    else if (Array.isArray(init)) for (const [name, value] of init) this.add(name, value);
    else if (init) {
      for (const [name, value] of Object.entries(init)) {
        for (const item of Array.isArray(value) ? value : [value]) this.add(name, String(item));
      }
    }
  }

  /** Rebuild request headers from CGI keys: HTTP_X_REAL_IP -> X-Real-Ip. */
  static fromEnviron(environ: Environ): Headers {
    const headers = new Headers();
    if (environ.CONTENT_TYPE) headers.add("Content-Type", environ.CONTENT_TYPE);
    if (environ.CONTENT_LENGTH) headers.add("Content-Length", environ.CONTENT_LENGTH);
    for (const [key, value] of Object.entries(environ)) {
      if (!key.startsWith("HTTP_") || typeof value !== "string") continue;
      const name = key.slice(5).toLowerCase().split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("-");
      headers.add(name, value);
    }
    return headers;
  }

  get(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.items.find(([key]) => key.toLowerCase() === lower)?.[1];
  }

  getAll(name: string): string[] {
    const lower = name.toLowerCase();
    return this.items.filter(([key]) => key.toLowerCase() === lower).map(([, value]) => value);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Append another value, keeping the existing ones (needed for Set-Cookie). */
  add(name: string, value: string): this {
    // A CR or LF in a value would let user input inject extra headers or split the response.
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new TypeError(`header ${name} contains a newline`);
    this.items.push([name, value]);
    return this;
  }

  /** Replace every value of `name` with one value. */
  set(name: string, value: string): this {
    this.delete(name);
    return this.add(name, value);
  }

  setDefault(name: string, value: string): this {
    return this.has(name) ? this : this.add(name, value);
  }

  delete(name: string): this {
    const lower = name.toLowerCase();
    this.items = this.items.filter(([key]) => key.toLowerCase() !== lower);
    return this;
  }

  toList(): HeaderList {
    return this.items.map(([name, value]) => [name, value]);
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return this.toList()[Symbol.iterator]();
  }
}
