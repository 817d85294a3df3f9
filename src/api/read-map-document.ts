/**
 * Reads a saved `map` document for the explore commands (`--graph <file>`): a file that is not
 * a layermap document, one of another version, or one whose parts disagree (an import of a
 * module not in the list), is a UserError naming the file, never a crash halfway through a query.
 */
import { readFileSync } from "node:fs";
import { formatIssues } from "../config/load-config.js";
import { DOCUMENT_VERSION, mapDocumentSchema, type MapDocument } from "../model/document.js";
import { assertConsistent } from "../model/document-consistency.js";
import { UserError } from "../model/errors.js";

export function readMapDocument(path: string): MapDocument {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(`${path}: cannot read the graph: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version !== DOCUMENT_VERSION) {
    throw new UserError(`${path}: a layermap document of version ${version}; this layermap reads version ${DOCUMENT_VERSION} (map the code again)`);
  }
  const parsed = mapDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issues = formatIssues(path, parsed.error.issues.slice(0, 3));
    throw new UserError(`${issues}\n${path}: not a layermap map document (write one with \`layermap map <root> --out ${path}\`)`);
  }
  return assertConsistent(parsed.data, path);
}
