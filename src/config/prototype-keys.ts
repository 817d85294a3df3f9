/**
 * JSON keys that become an object's prototype. jsonc-parser (our config reader) and TypeScript
 * (tsconfig.json, package.json) build objects with `object[key] = value`, so a `"__proto__"`
 * key does not add a property: it replaces the prototype, and every key of its value is then
 * inherited by the object — `"rules": { "__proto__": { "layers": "off" } }` silenced the layer
 * rule without a word. Files read from the analysed repository are searched for one before
 * they are parsed; `JSON.parse` makes it an ordinary key, which the strict schemas reject.
 */
import { visit } from "jsonc-parser";
import { keyPathText } from "./key-path.js";

/** The key that would set a prototype. */
export const PROTOTYPE_KEY = "__proto__";

/** The path of the object holding the first `"__proto__"` key in `text`, or undefined when there is none. */
export function prototypeKeyPath(text: string): (string | number)[] | undefined {
  let found: (string | number)[] | undefined;
  visit(
    text,
    {
      onObjectProperty: (property, _offset, _length, _line, _column, pathSupplier) => {
        if (found === undefined && property === PROTOTYPE_KEY) found = pathSupplier();
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return found;
}

/** `"at rules.forbidden[0]"`, `"at the top level"`: where the key is, for a message. */
export function prototypeKeyPlace(path: readonly (string | number)[]): string {
  return path.length === 0 ? "at the top level" : `in ${keyPathText(path)}`;
}

/**
 * The text with each `"__proto__"` key renamed, so that TypeScript reads a package.json as Node
 * does: to Node's reader it is an ordinary key that nothing looks at.
 */
export function withoutPrototypeKeys(text: string): string {
  const spans: { offset: number; length: number }[] = [];
  visit(text, {
    onObjectProperty: (property, offset, length) => {
      if (property === PROTOTYPE_KEY) spans.push({ offset, length });
    },
  });
  let result = text;
  for (const { offset, length } of spans.reverse()) result = `${result.slice(0, offset)}"(${PROTOTYPE_KEY})"${result.slice(offset + length)}`;
  return result;
}
