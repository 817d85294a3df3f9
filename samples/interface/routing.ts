/**
 * URL routing in the Werkzeug style: a UrlMap holds Rules such as `/u/<int:id>`; binding it to
 * an environ gives a MapAdapter that matches the request path (raising NotFound or
 * MethodNotAllowed) and builds URLs back from endpoint names, mount prefix included.
 *
 * Rules are tried in the order they were added, so list static rules before catch-alls.
 */
import type { Environ } from "./wsgi.js";
import { type ConverterFactory, DEFAULT_CONVERTERS } from "./converters.js";
import { MethodNotAllowed, NotFound, RequestRedirect } from "./errors.js";
import { urlEncode } from "./utils.js";
import type { Rule, RouteValues } from "./rule.js";

// Re-exported so apps get everything routing-related from one module.
export { Rule, type RouteValues, type RuleOptions } from "./rule.js";

export class UrlMap<E extends string = string> {
  readonly rules: Rule<E>[] = [];
  readonly converters: Readonly<Record<string, ConverterFactory>>;

  constructor(rules: Rule<E>[] = [], options: { converters?: Record<string, ConverterFactory> } = {}) {
    this.converters = { ...DEFAULT_CONVERTERS, ...options.converters };
    for (const rule of rules) this.add(rule);
  }

  add(rule: Rule<E>): this {
    rule.compile(this.converters);
    this.rules.push(rule);
    return this;
  }

  bind(environ: Environ): MapAdapter<E> {
    return new MapAdapter(this, environ.SCRIPT_NAME, environ.PATH_INFO || "/", environ.REQUEST_METHOD, environ.QUERY_STRING);
  }
}

export class MapAdapter<E extends string = string> {
  constructor(
    private readonly map: UrlMap<E>,
    readonly scriptName: string,
    readonly pathInfo: string,
    readonly method: string,
    readonly queryString = "",
  ) {}

  match(path = this.pathInfo, method = this.method): [E, RouteValues] {
    const allowed = new Set<string>();
    for (const rule of this.map.rules) {
      const values = rule.match(path);
      if (!values) continue;
      if (rule.methods.has(method.toUpperCase())) return [rule.endpoint, values];
      for (const m of rule.methods) allowed.add(m);
    }
    // The path exists, only the method is wrong: that is a 405, not a 404.
    if (allowed.size > 0) throw new MethodNotAllowed([...allowed].sort());
    // `/wiki` for a rule `/wiki/`: redirect to the canonical URL instead of a 404.
    if (!path.endsWith("/") && this.map.rules.some((r) => r.pattern.endsWith("/") && r.match(`${path}/`))) {
      const query = this.queryString ? `?${this.queryString}` : "";
      throw new RequestRedirect(`${this.scriptName.replace(/\/+$/, "")}${path}/${query}`);
    }
    throw new NotFound();
  }

  /** Build a URL for an endpoint. Values not used by the rule become the query string. */
  build(endpoint: E, values: RouteValues = {}): string {
    for (const rule of this.map.rules) {
      if (rule.endpoint !== endpoint) continue;
      const path = rule.build(values);
      if (path === undefined) continue;
      const used = new Set(rule.argNames);
      const extra = Object.fromEntries(
        Object.entries(values)
          .filter(([key, value]) => !used.has(key) && value !== undefined)
          .map(([key, value]) => [key, String(value)]),
      );
      const query = urlEncode(extra);
      return `${this.scriptName.replace(/\/+$/, "")}${path}${query ? `?${query}` : ""}`;
    }
    throw new Error(`cannot build a URL for endpoint "${endpoint}" with ${JSON.stringify(Object.keys(values))}`);
  }
}
