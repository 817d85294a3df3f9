/**
 * zod's issues in the words of layermap's messages: a sentence about the key, not zod's
 * "Invalid input: expected object, received undefined", and a "did you mean" for a misspelt key
 * or value.
 */
import type { z } from "zod";
import { didYouMean } from "../model/nearest.js";

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

/** `issue` as the text after `file: key.path: `. `schema` and `input` let it name what was meant. */
export function issueText(issue: Issue, schema?: Schema, input?: unknown): string {
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = schema === undefined ? [] : keysAt(schema, issue.path);
      return issue.keys.map((key) => `unknown key "${key}"${didYouMean(key, known)}`).join(", ");
    }
    case "invalid_type": {
      const given = valueAt(input, issue.path);
      if (issue.message.startsWith("Invalid input: expected ")) {
        const received = /received (\w+)$/.exec(issue.message)?.[1] ?? (given === undefined ? "undefined" : typeof given);
        if (received === "undefined") return `missing (expected ${NOUNS[issue.expected] ?? issue.expected})`;
        return `expected ${NOUNS[issue.expected] ?? issue.expected}, not ${NOUNS[received] ?? received}${received === "string" && typeof given === "string" ? ` ("${given}")` : ""}`;
      }
      return issue.message;
    }
    case "invalid_value": {
      if (!issue.message.startsWith("Invalid option")) return issue.message;
      const given = valueAt(input, issue.path);
      const options = issue.values.filter((value): value is string => typeof value === "string");
      const near = typeof given === "string" ? didYouMean(given, options) : "";
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}${typeof given === "string" ? `, not "${given}"` : ""}${near}`;
    }
    default:
      return issue.message === "Invalid input" ? "not a value this key takes" : issue.message;
  }
}

const NOUNS: Record<string, string> = {
  array: "a list",
  object: "an object",
  record: "an object",
  string: "a string",
  number: "a number",
  boolean: "true or false",
  null: "null",
  undefined: "nothing",
  nonoptional: "a value",
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The keys an object at `path` may hold, found by walking the schema (through optionals, defaults, unions, transforms). */
function keysAt(schema: Schema, path: readonly PropertyKey[]): string[] {
  let current: Schema[] = [schema];
  for (const part of path) current = current.flatMap((one) => childrenAt(one, part));
  return [...new Set(current.flatMap((one) => objectsOf(one).flatMap((object) => Object.keys(object._zod.def.shape))))];
}

function unwrap(schema: Schema): Schema[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
    case "nonoptional":
    case "readonly":
      return unwrap(def["innerType"] as Schema);
    case "pipe":
      return unwrap(def["in"] as Schema);
    case "union":
      return (def["options"] as Schema[]).flatMap(unwrap);
    default:
      return [schema];
  }
}

function objectsOf(schema: Schema): z.core.$ZodObject[] {
  return unwrap(schema).filter((one): one is z.core.$ZodObject => one._zod.def.type === "object");
}

function childrenAt(schema: Schema, part: PropertyKey): Schema[] {
  return unwrap(schema).flatMap((one) => {
    const def = one._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === "array" && typeof part === "number") return [def["element"] as Schema];
    if (def.type === "object" && typeof part === "string") {
      const child = (def["shape"] as Record<string, Schema>)[part];
      return child === undefined ? [] : [child];
    }
    return [];
  });
}
