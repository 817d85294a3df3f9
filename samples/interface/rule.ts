/**
 * One URL rule such as `/u/<int:id>`: compiled to a regex from its converters, it matches a
 * path into values and builds a path back from values. UrlMap (routing.ts) holds a list of them.
 */
import { type Converter, type ConverterFactory, parseConverterArgs } from "./converters.js";

export type RouteValues = Record<string, unknown>;

export interface RuleOptions<E extends string> {
  endpoint: E;
  /** Defaults to GET. GET always implies HEAD. */
  methods?: readonly string[];
}

type Part = { text: string } | { name: string; converter: Converter };

const PLACEHOLDER = /<(?:([a-zA-Z_]\w*)(?:\(([^)]*)\))?:)?([a-zA-Z_]\w*)>/g;

export class Rule<E extends string = string> {
  readonly endpoint: E;
  readonly methods: ReadonlySet<string>;
  private parts: Part[] = [];
  private regex: RegExp | undefined;

  constructor(readonly pattern: string, options: RuleOptions<E>) {
    if (!pattern.startsWith("/")) throw new Error(`rule must start with a slash: ${pattern}`);
    this.endpoint = options.endpoint;
    const methods = (options.methods ?? ["GET"]).map((m) => m.toUpperCase());
    if (methods.includes("GET")) methods.push("HEAD");
    this.methods = new Set(methods);
  }

  /** Compile against the map's converters; called by UrlMap.add. */
  compile(converters: Readonly<Record<string, ConverterFactory>>): void {
    this.parts = [];
    let last = 0;
    for (const m of this.pattern.matchAll(PLACEHOLDER)) {
      if (m.index > last) this.parts.push({ text: this.pattern.slice(last, m.index) });
      const factory = converters[m[1] ?? "default"];
      if (!factory) throw new Error(`unknown converter "${m[1]}" in ${this.pattern}`);
      this.parts.push({ name: m[3]!, converter: factory(parseConverterArgs(m[2])) });
      last = m.index + m[0].length;
    }
    if (last < this.pattern.length) this.parts.push({ text: this.pattern.slice(last) });
    const source = this.parts
      .map((p) => ("text" in p ? p.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : `(${p.converter.regex})`))
      .join("");
    this.regex = new RegExp(`^${source}$`);
  }

  get argNames(): string[] {
    return this.parts.flatMap((p) => ("name" in p ? [p.name] : []));
  }

  /** Values for `path`, or undefined when the path (or a converter) rejects it. */
  match(path: string): RouteValues | undefined {
    const m = this.regex?.exec(path);
    if (!m) return undefined;
    const values: RouteValues = {};
    let group = 1;
    for (const part of this.parts) {
      if (!("name" in part)) continue;
      const value = part.converter.toValue(m[group++]!);
      if (value === undefined) return undefined;
      values[part.name] = value;
    }
    return values;
  }

  /** The path for `values`, or undefined if one of this rule's arguments is missing. */
  build(values: RouteValues): string | undefined {
    let path = "";
    for (const part of this.parts) {
      if ("text" in part) path += part.text;
      else if (values[part.name] === undefined) return undefined;
      else path += part.converter.toUrl(values[part.name]);
    }
    return path;
  }
}
