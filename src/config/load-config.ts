/**
 * Finds and validates the config: `--config <file>`, else `<root>/layermap.config.json`, else none.
 * A bad file is a UserError with one line per problem, each naming the file and the key path.
 */
import { existsSync, readFileSync } from "node:fs";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { join, resolve } from "node:path";
import { displayPath } from "../model/display-path.js";
import type { z } from "zod";
import { errorCode, UserError } from "../model/errors.js";
import { configSchema, type Config } from "./config-schema.js";
import { keyPathText } from "./key-path.js";
import { issueText } from "./issue-text.js";
import { PROTOTYPE_KEY, prototypeKeyPath } from "./prototype-keys.js";

export const CONFIG_FILE_NAME = "layermap.config.json";

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file read, if any. */
  path: string | undefined;
}

/**
 * `explicitPath`: a config file to read instead of `<root>/layermap.config.json`; false: none, the
 * defaults. `cwd`: the working folder errors name the file relative to (absolute without it).
 */
export function loadConfig(root: string, explicitPath?: string | false, cwd?: string): LoadedConfig {
  if (explicitPath === false) return { config: configSchema.parse({}), path: undefined };
  const path = explicitPath === undefined ? join(root, CONFIG_FILE_NAME) : resolve(explicitPath);
  if (!existsSync(path)) {
    if (explicitPath !== undefined) throw new UserError(`${displayPath(path, cwd)}: config file not found`);
    return { config: configSchema.parse({}), path: undefined };
  }
  const shown = displayPath(path, cwd);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(`${shown}: cannot read the config (${errorCode(error) ?? "unknown error"})`);
  }
  const json = parseJsonWithComments(withoutByteOrderMark(text), shown);
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) throw new UserError(formatIssues(shown, parsed.error.issues, configSchema, json));
  return { config: parsed.data, path };
}

/** One line per issue: the file, the key path and a sentence; `schema` and `input` add a "did you mean". */
export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[], schema?: z.core.$ZodType, input?: unknown): string {
  return issues.map((issue) => `${file}: ${keyPath(issue.path) || "(top level)"}: ${issueText(issue, schema, input)}`).join("\n");
}

/** `["layers", 1, "paths"]` → `layers[1].paths`. */
const keyPath = keyPathText;

/** Editors on Windows start UTF-8 files with a byte-order mark, which tsc accepts in tsconfig.json too. */
function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The config is JSON with comments and trailing commas, like tsconfig.json: `layermap init`
 * writes one with comments. A syntax error names the file, line and column.
 */
function parseJsonWithComments(text: string, file: string): unknown {
  // Looked for before parsing: jsonc-parser would make its value the object's prototype.
  const holder = prototypeKeyPath(text);
  if (holder !== undefined) throw new UserError(`${file}: ${keyPath(holder) || "(top level)"}: unknown key "${PROTOTYPE_KEY}"`);
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first !== undefined) {
    const before = text.slice(0, first.offset);
    const line = before.split("\n").length;
    const column = first.offset - before.lastIndexOf("\n");
    throw new UserError(`${file}:${line}:${column}: not valid JSON: ${printParseErrorCode(first.error)}`);
  }
  return value;
}
