/**
 * URL converters: the `int` in `/u/<int:id>`. A converter contributes a regex for its part of
 * the path, turns the matched text into a value, and turns a value back into URL text.
 */

export interface Converter {
  /** Regex source for one placeholder. Must not contain capturing groups. */
  readonly regex: string;
  /** Matched text -> value; `undefined` means "this rule does not match after all". */
  toValue(raw: string): unknown;
  toUrl(value: unknown): string;
}

/** Arguments written in the rule, as in `<int(min=1):id>` or `<any(new, top):sort>`. */
export interface ConverterArgs {
  positional: string[];
  named: Record<string, string>;
}

export type ConverterFactory = (args: ConverterArgs) => Converter;

export function parseConverterArgs(source: string | undefined): ConverterArgs {
  const args: ConverterArgs = { positional: [], named: {} };
  for (const item of (source ?? "").split(",")) {
    const text = item.trim();
    if (text === "") continue;
    const eq = text.indexOf("=");
    if (eq === -1) args.positional.push(text);
    else args.named[text.slice(0, eq).trim()] = text.slice(eq + 1).trim();
  }
  return args;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The default: one path segment, optionally with length limits. */
const string: ConverterFactory = ({ named }) => {
  const min = named.length ?? named.minlength ?? "1";
  const max = named.length ?? named.maxlength ?? "";
  return { regex: `[^/]{${min},${max}}`, toValue: (raw) => raw, toUrl: (value) => encodeURIComponent(String(value)) };
};

/** Digits only; the value is a number, so handlers never parse ids themselves. */
const int: ConverterFactory = ({ named }) => {
  const min = named.min === undefined ? -Infinity : Number(named.min);
  const max = named.max === undefined ? Infinity : Number(named.max);
  return {
    regex: "\\d+",
    toValue: (raw) => {
      const value = Number(raw);
      return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
    },
    toUrl: (value) => String(Math.trunc(Number(value))),
  };
};

/** Like string but slashes allowed: `/files/<path:name>` matches `/files/a/b.txt`. */
const path: ConverterFactory = () => ({
  regex: "[^/].*?",
  toValue: (raw) => raw,
  toUrl: (value) => String(value).split("/").map(encodeURIComponent).join("/"),
});

/** One of a fixed set of words. */
const any: ConverterFactory = ({ positional }) => ({
  regex: `(?:${positional.map(escapeRegex).join("|")})`,
  toValue: (raw) => raw,
  toUrl: (value) => encodeURIComponent(String(value)),
});

const uuid: ConverterFactory = () => ({
  regex: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
  toValue: (raw) => raw.toLowerCase(),
  toUrl: (value) => String(value),
});

export const DEFAULT_CONVERTERS: Readonly<Record<string, ConverterFactory>> = { default: string, string, int, path, any, uuid };

/** Helper for apps defining their own converter from a regex alone. */
export function regexConverter(regex: string): ConverterFactory {
  return () => ({ regex, toValue: (raw) => raw, toUrl: (value) => encodeURIComponent(String(value)) });
}
