/**
 * Saved map documents that pass the JSON schema but whose parts disagree — an import of a module
 * not in the list, a module or an import listed twice — are bad input: `render` and every
 * explore command's `--graph` exit 2 with one line naming the file and the disagreement.
 */
import { describe, expect, it } from "vitest";
import { mapDocumentSchema, type ImportRecord, type MapDocument } from "../../src/model/document.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const summary = { files: 2, modules: 2, local: 2, external: 0, builtin: 0, unresolved: 0, imports: 1, failedFiles: 0 };
const edge = (from: string, to: string): ImportRecord => ({ from, to, kinds: ["static"], typeOnly: false, sites: [{ line: 1, specifier: `./${to}`, kind: "static" }] });
const a = { id: "a.ts", kind: "local" } as const;
const b = { id: "b.ts", kind: "local" } as const;
const document = (modules: MapDocument["modules"], imports: ImportRecord[]): MapDocument => ({ version: 1, root: ".", summary, modules, imports, diagnostics: [] });

const cases: [string, MapDocument, string][] = [
  ["an import to a module not in the list", document([a], [edge("a.ts", "b.ts")]), 'imports[0].to: "b.ts" is not in the module list'],
  ["an import from a module not in the list", document([b], [edge("a.ts", "b.ts")]), 'imports[0].from: "a.ts" is not in the module list'],
  ["a module listed twice", document([a, b, a], [edge("a.ts", "b.ts")]), 'modules[2]: module "a.ts" is listed twice'],
  ["an import listed twice", document([a, b], [edge("a.ts", "b.ts"), edge("a.ts", "b.ts")]), 'imports[1]: the import "a.ts" → "b.ts" is listed twice'],
  [
    "a site whose names lead to a module not in the list",
    { ...document([a, b], [{ ...edge("a.ts", "b.ts"), sites: [{ line: 1, specifier: "./b", kind: "static", through: [{ module: "c.ts", names: ["c"] }] }] }]), barrels: "transparent" },
    'imports[0].sites[0].through: "c.ts" is not in the module list',
  ],
];

describe.each(cases)("a document with %s", (_name, saved, problem) => {
  it("passes the schema (so only the consistency check can catch it)", () => {
    expect(mapDocumentSchema.safeParse(saved).success).toBe(true);
  });

  it.each([
    ["render", ["render", "map.json", "--format", "mermaid"]],
    ["cycles --graph", ["cycles", "--graph", "map.json"]],
    // One command per loader: render's (src/api/render.ts) and the explore commands' (read-map-document.ts).
  ])("%s exits 2 with one line naming it", (_command, args) => {
    const root = tempTree({ "map.json": JSON.stringify(saved) });
    const run = runBuiltCli(args, root);
    expect(run.stderr).not.toContain("internal error");
    expect(run.stderr.trimEnd().split("\n")).toEqual([`layermap: error: map.json: an inconsistent layermap document: ${problem}${problem.endsWith("twice") && problem.startsWith("imports") ? " (one record gathers all its sites)" : ""}`]);
    expect(run.status).toBe(2);
  });
});
