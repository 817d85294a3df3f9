import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareCycles } from "../../src/explore/diff/compare-cycles.js";
import { compareImports } from "../../src/explore/diff/compare-imports.js";
import { compareLayerCrossings } from "../../src/explore/diff/compare-layer-crossings.js";
import { compareViolations } from "../../src/explore/diff/compare-violations.js";
import { diffFails, diffMaps } from "../../src/explore/diff/diff-maps.js";
import { diffMermaid } from "../../src/explore/diff/diff-mermaid.js";
import { diffRevisions } from "../../src/api/diff-revisions.js";
import { diffText } from "../../src/explore/diff/diff-text.js";
import { toDocument } from "../../src/graph/to-document.js";
import type { MapDocument } from "../../src/model/document.js";
import type { Violation } from "../../src/model/violation.js";
import { tempTree } from "../helpers/temp-tree.js";
import { commitAll, git } from "./git-repo.js";
import { inlineGraph } from "./inline-graph.js";

const FIXTURE = "test/fixtures/diff/layered-change";

/**
 * A document from an inline graph (see inline-graph.ts); a module whose first folder is one of
 * `layers` is in that layer, and the layers are in that order.
 */
function documentOf(imports: Record<string, readonly string[]>, layers: readonly string[] = []): MapDocument {
  const graph = inlineGraph(imports);
  graph.forEachNode((id, { kind }) => {
    const folder = id.split("/")[0]!;
    if (kind === "local" && layers.includes(folder)) graph.setNodeAttribute(id, "layer", folder);
  });
  return toDocument(graph, [], Object.keys(imports).length, layers);
}

function violation(rule: string, from: string, to: string, line: number, severity: Violation["severity"] = "error"): Violation {
  const ruleKind = rule === "layers" || rule === "cycles" ? rule : "forbidden";
  return { rule, ruleKind, severity, from, to, toKind: "local", line, specifier: `./${to}`, message: `${from} may not import ${to}` };
}

describe("comparing imports", () => {
  it("lists imports added (with the head's lines), removed (with the base's) and moved between planes", () => {
    const base = documentOf({ "a.ts": ["b.ts", "type:c.ts", "pkg:lodash"], "b.ts": ["c.ts"] });
    const head = documentOf({ "a.ts": ["b.ts", "c.ts", "node:fs", "node:fs"], "b.ts": [], "d.ts": ["type:a.ts"] });
    const diff = compareImports(base, head);
    expect(diff.added.map(({ from, to, toKind, typeOnly, lines }) => `${from} ${to} ${toKind} ${String(typeOnly)} ${lines.join(",")}`)).toEqual([
      "a.ts node:fs builtin false 3,4",
      "d.ts a.ts local true 1",
    ]);
    expect(diff.removed.map(({ from, to, lines }) => `${from} ${to} ${lines.join(",")}`)).toEqual(["a.ts lodash 3", "b.ts c.ts 1"]);
    expect(diff.retyped.map(({ from, to, typeOnly }) => `${from} ${to} now ${typeOnly ? "type-only" : "runtime"}`)).toEqual(["a.ts c.ts now runtime"]);
  });

  it("finds nothing between a map and itself", () => {
    const document = documentOf({ "a.ts": ["b.ts", "type:c.ts"] });
    expect(compareImports(document, document)).toEqual({ added: [], removed: [], retyped: [] });
  });
});

describe("comparing layer crossings", () => {
  it("counts imports between different layers, and reports the pairs that changed in the head's layer order", () => {
    const layers = ["app", "core", "util"];
    const base = documentOf({ "app/a.ts": ["core/c.ts", "util/u.ts"], "core/c.ts": ["util/u.ts", "core/d.ts"], "core/d.ts": ["util/u.ts"], "util/u.ts": [] }, layers);
    const head = documentOf(
      // core → util loses one import, app → util is gone, util → core is new; core → core and unlayered modules never count.
      { "app/a.ts": ["core/c.ts", "misc/m.ts"], "core/c.ts": ["util/u.ts", "core/d.ts"], "core/d.ts": [], "util/u.ts": ["core/d.ts"], "misc/m.ts": ["util/u.ts"] },
      layers,
    );
    expect(compareLayerCrossings(base, head)).toEqual([
      { fromLayer: "app", toLayer: "util", before: 1, after: 0 },
      { fromLayer: "core", toLayer: "util", before: 2, after: 1 },
      { fromLayer: "util", toLayer: "core", before: 0, after: 1 },
    ]);
  });
});

describe("comparing violations", () => {
  it("matches by rule, from and to — a violation that only moved lines is neither new nor fixed — and leaves cycles out", () => {
    const base = [violation("layers", "core/c.ts", "app/a.ts", 3), violation("no-fs", "core/c.ts", "node:fs", 1), violation("cycles", "a.ts", "b.ts", 1)];
    const head = [violation("layers", "core/c.ts", "app/a.ts", 9), violation("no-http", "core/c.ts", "node:http", 2, "warn"), violation("cycles", "x.ts", "y.ts", 1)];
    const diff = compareViolations(base, head);
    expect(diff.added.map((v) => `${v.rule} ${v.from} ${v.to} ${v.line}`)).toEqual(["no-http core/c.ts node:http 2"]);
    expect(diff.fixed.map((v) => `${v.rule} ${v.from} ${v.to} ${v.line}`)).toEqual(["no-fs core/c.ts node:fs 1"]);
  });
});

describe("comparing cycles", () => {
  const summary = (document: MapDocument, head: MapDocument, plane: "runtime" | "all" = "runtime") =>
    compareCycles(document, head, plane).map((change) => `${change.change} ${change.runtime ? "runtime" : "tangle"} ${change.modules.join(",")}${change.was ? ` was ${change.was.map((m) => m.join(",")).join(" + ")}` : ""}${change.adds ? " ADDS" : ""}`);

  it("a cycle where there was none is created and adds a failing cycle; one that is gone is broken", () => {
    const base = documentOf({ "a.ts": ["b.ts"], "b.ts": ["a.ts"], "c.ts": ["d.ts"], "d.ts": [] });
    const head = documentOf({ "a.ts": ["b.ts"], "b.ts": [], "c.ts": ["d.ts"], "d.ts": ["c.ts"] });
    expect(summary(base, head)).toEqual(["created runtime c.ts,d.ts ADDS", "broken runtime a.ts,b.ts"]);
    const change = compareCycles(base, head, "runtime")[0]!;
    expect(change.cycle.map((step) => `${step.from}:${step.line} → ${step.to}`)).toEqual(["c.ts:1 → d.ts", "d.ts:1 → c.ts"]);
  });

  it("a cycle that grows or merges with another is changed and adds; one that only shrinks adds nothing; one that stays is not listed", () => {
    const base = documentOf({ "a.ts": ["b.ts"], "b.ts": ["a.ts"], "c.ts": ["d.ts"], "d.ts": ["c.ts"], "e.ts": ["f.ts", "g.ts"], "f.ts": ["e.ts"], "g.ts": ["e.ts"], "x.ts": ["y.ts"], "y.ts": ["x.ts"] });
    const merged = documentOf({ "a.ts": ["b.ts"], "b.ts": ["a.ts", "c.ts"], "c.ts": ["d.ts"], "d.ts": ["c.ts", "a.ts"], "e.ts": ["f.ts"], "f.ts": ["e.ts"], "g.ts": [], "x.ts": ["y.ts"], "y.ts": ["x.ts"] });
    expect(summary(base, merged)).toEqual(["changed runtime a.ts,b.ts,c.ts,d.ts was a.ts,b.ts + c.ts,d.ts ADDS", "changed runtime e.ts,f.ts was e.ts,f.ts,g.ts"]);
  });

  it("a cycle broken while another is made through one of its modules is broken and created, not changed", () => {
    const base = documentOf({ "a.ts": ["b.ts"], "b.ts": ["c.ts"], "c.ts": ["a.ts"], "d.ts": [] });
    const head = documentOf({ "a.ts": ["b.ts"], "b.ts": ["c.ts"], "c.ts": ["d.ts"], "d.ts": ["c.ts"] });
    expect(summary(base, head)).toEqual(["created runtime c.ts,d.ts ADDS", "broken runtime a.ts,b.ts,c.ts"]);
  });

  it("a type-only tangle fails only when the cycles rule counts every import", () => {
    const base = documentOf({ "a.ts": ["b.ts"], "b.ts": [] });
    const head = documentOf({ "a.ts": ["b.ts"], "b.ts": ["type:a.ts"] });
    expect(summary(base, head)).toEqual(["created tangle a.ts,b.ts"]);
    expect(summary(base, head, "all")).toEqual(["created tangle a.ts,b.ts ADDS"]);
    // A runtime cycle that becomes type-only: broken at run time, still a tangle — which was there already.
    const runtime = documentOf({ "a.ts": ["b.ts"], "b.ts": ["a.ts"] });
    expect(summary(runtime, head, "all")).toEqual(["created tangle a.ts,b.ts", "broken runtime a.ts,b.ts"]);
  });
});

describe("diffMaps", () => {
  it("fails on new error-level violations and added failing cycles, never on warnings or fixes", () => {
    const base = { revision: { ref: "main", commit: "0".repeat(40) }, document: documentOf({ "a.ts": ["b.ts"], "b.ts": [] }), violations: [violation("layers", "b.ts", "c.ts", 1)] };
    const quiet = { revision: { workingTree: true as const }, document: base.document, violations: [violation("no-x", "a.ts", "b.ts", 1, "warn")] };
    expect(diffMaps(base, quiet).failing).toEqual({ violations: 0, cycles: 0 });
    expect(diffFails(diffMaps(base, quiet))).toBe(false);
    const loud = { revision: { workingTree: true as const }, document: documentOf({ "a.ts": ["b.ts"], "b.ts": ["a.ts"] }), violations: [violation("no-y", "a.ts", "b.ts", 1)] };
    expect(diffMaps(base, loud).failing).toEqual({ violations: 1, cycles: 1 });
    expect(diffFails(diffMaps(base, loud))).toBe(true);
  });
});

/** A repository holding the fixture's base under `project/`, committed and tagged `base`, with the head in the working tree. */
function fixtureRepository(): { repository: string; root: string } {
  // node_modules is ignored as in any real checkout: mapping the working tree may keep its cache there.
  const repository = tempTree({ ".gitignore": "node_modules/\n", "README.md": "outside the mapped root\n" });
  const root = join(repository, "project");
  cpSync(join(FIXTURE, "base"), root, { recursive: true });
  commitAll(repository, "base", "base");
  rmSync(root, { recursive: true });
  cpSync(join(FIXTURE, "head"), root, { recursive: true });
  return { repository, root };
}

/** The same diff, without which revisions it was between. */
const withoutRevisions = ({ base: _base, head: _head, ...rest }: ReturnType<typeof diffMaps>) => rest;

describe("diffRevisions (in a temporary git repository)", () => {
  it("prints what expected.diff.txt holds for the working tree against base, the root being a folder inside the repository", async () => {
    const { root } = fixtureRepository();
    const { diff } = await diffRevisions({ root, base: "base" });
    expect(diff.base).toMatchObject({ ref: "base", commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(diff.head).toEqual({ workingTree: true });
    const text = diffText(diff, { root: "project", colour: false }).replace(/\([0-9a-f]{7}\)/, "(COMMIT)");
    expect(text).toBe(readFileSync(join(FIXTURE, "expected.diff.txt"), "utf8"));
    expect(diffFails(diff)).toBe(true);
  });

  it("leaves the working tree, the index and the temporary folder as they were", async () => {
    const { repository, root } = fixtureRepository();
    git(repository, "add", "project/services/billing.ts");
    const status = git(repository, "status", "--porcelain=v1", "--untracked-files=all");
    const index = readFileSync(join(repository, ".git/index"));
    const scratch = mkdtempSync(join(tmpdir(), "layermap-tmpdir-"));
    const tmpdirBefore = process.env["TMPDIR"];
    process.env["TMPDIR"] = scratch;
    try {
      await diffRevisions({ root, base: "base", cache: false });
    } finally {
      if (tmpdirBefore === undefined) delete process.env["TMPDIR"];
      else process.env["TMPDIR"] = tmpdirBefore;
    }
    expect(readdirSync(scratch)).toEqual([]);
    rmSync(scratch, { recursive: true });
    expect(git(repository, "status", "--porcelain=v1", "--untracked-files=all")).toBe(status);
    expect(readFileSync(join(repository, ".git/index")).equals(index)).toBe(true);
    expect(git(repository, "worktree", "list").trim().split("\n")).toHaveLength(1);
  });

  it("parses in the base only the files the working tree's cache does not hold as they are", async () => {
    const { root } = fixtureRepository();
    const cache = tempTree({});
    const parses: string[] = [];
    const onStage = ({ stage, detail }: { stage: string; detail?: string }): void => {
      if (stage === "parse") parses.push(detail ?? "");
    };
    const cached = await diffRevisions({ root, base: "base", cache, onStage });
    // The head (working tree, 7 files) is parsed whole; in the base, app/main.ts, app/routes.ts
    // and services/users.ts are the head's bytes, and only db/client.ts, services/orders.ts and
    // shared/log.ts are parsed.
    expect(parses).toHaveLength(2);
    expect(parses[0]).toMatch(/^7 files parsed, 0 files from the cache\b/);
    expect(parses[1]).toMatch(/^3 files parsed, 3 files from the cache\b/);
    const uncached = await diffRevisions({ root, base: "base", cache: false });
    expect(cached.diff).toEqual(uncached.diff);
    expect(cached.base).toEqual(uncached.base);
  });

  it("compares two commits the same way, and finds nothing between a commit and itself", async () => {
    const { repository, root } = fixtureRepository();
    const fromWorkingTree = await diffRevisions({ root, base: "base" });
    commitAll(repository, "head", "head");
    writeFileSync(join(root, "shared/log.ts"), "export function log(): void {}\n"); // uncommitted: not in `head`
    const fromCommits = await diffRevisions({ root, base: "base", head: "head" });
    expect(fromCommits.diff.head).toMatchObject({ ref: "head" });
    expect(withoutRevisions(fromCommits.diff)).toEqual(withoutRevisions(fromWorkingTree.diff));
    const nothing = await diffRevisions({ root, base: "head", head: "head" });
    expect(withoutRevisions(nothing.diff)).toEqual({ imports: { added: [], removed: [], retyped: [] }, layerCrossings: [], violations: { added: [], fixed: [] }, cycles: [], failing: { violations: 0, cycles: 0 } });
  });

  it("judges both revisions by the head's config: without one in the head, the base's own does not count", async () => {
    const { root } = fixtureRepository();
    rmSync(join(root, "layermap.config.json"));
    const { diff } = await diffRevisions({ root, base: "base" });
    expect(diff.violations).toEqual({ added: [], fixed: [] });
    expect(diff.layerCrossings).toEqual([]);
    // The cycle still fails: the default cycles rule.
    expect(diff.failing).toEqual({ violations: 0, cycles: 1 });
    const explicit = await diffRevisions({ root, base: "base", config: join(FIXTURE, "head/layermap.config.json") });
    expect(explicit.diff.violations.added.map((v) => v.rule)).toEqual(["services-avoid-lodash", "layers"]);
  });

  it("maps a root the change creates as empty in the base", async () => {
    const { repository } = fixtureRepository();
    const fresh = join(repository, "fresh");
    mkdirSync(fresh);
    writeFileSync(join(fresh, "a.ts"), 'import { b } from "./b.js";\nexport const a = b;\n');
    writeFileSync(join(fresh, "b.ts"), "export const b = 1;\n");
    const { diff } = await diffRevisions({ root: fresh, base: "base" });
    expect(diff.imports.added.map(({ from, to }) => `${from} → ${to}`)).toEqual(["a.ts → b.ts"]);
    expect(diff.imports.removed).toEqual([]);
  });

  it("draws the changed neighbourhood as Mermaid: added green, removed red and dashed, new violations thick and named", async () => {
    const { root } = fixtureRepository();
    const mermaid = diffMermaid(await diffRevisions({ root, base: "base" }));
    expect(mermaid.split("\n").slice(0, 4)).toEqual(["---", 'title: "layermap diff: base → working tree"', "---", "flowchart TB"]);
    const node = new Map([...mermaid.matchAll(/^\s+(n\d+)\["([^"]+)"\]$/gm)].map(([, id, label]) => [label!, id!]));
    const arrows = [...mermaid.matchAll(/^ {2}(n\d+ .+ n\d+)$/gm)].map(([, line]) => line!);
    const styleOf = (index: number) => mermaid.match(new RegExp(`^  linkStyle ${index} (.*)$`, "m"))?.[1];
    const edge = (from: string, arrow: string, to: string): { index: number; style: string | undefined } => {
      const index = arrows.indexOf(`${String(node.get(from))} ${arrow} ${String(node.get(to))}`);
      expect(index, `${from} ${arrow} ${to} in\n${arrows.join("\n")}`).toBeGreaterThanOrEqual(0);
      return { index, style: styleOf(index) };
    };
    expect(edge("billing.ts", "-->|+|", "orders.ts").style).toBe("stroke:#16a34a,stroke-width:2px");
    expect(edge("db/client.ts", "-.->|−|", "app/routes.ts").style).toBe("stroke:#dc2626,stroke-width:1.5px,stroke-dasharray:5 4");
    expect(edge("shared/log.ts", "==>|layers|", "db/client.ts").style).toBe("stroke:#dc2626,stroke-width:3px");
    expect(edge("billing.ts", "==>|services-avoid-lodash|", "lodash").style).toBe("stroke:#ca8a04,stroke-width:3px");
    expect(edge("db/client.ts", "==>|cycle|", "shared/log.ts").style).toBe("stroke:#7b3294,stroke-width:3px");
    expect(edge("orders.ts", "-->|now runtime|", "users.ts").style).toBeUndefined();
    // Context: an import the change left alone, drawn plain.
    expect(edge("users.ts", "-->", "db/client.ts").style).toBeUndefined();
    // New modules (a new file, a new package) have a green border; app/main.ts, untouched, is not drawn.
    expect(mermaid).toContain(`  style ${node.get("billing.ts")!} stroke:#16a34a,stroke-width:2px\n`);
    expect(mermaid).toContain(`  style ${node.get("lodash")!} stroke:#16a34a,stroke-width:2px\n`);
    expect(node.has("app/main.ts") || node.has("main.ts")).toBe(false);
  });

  it("says so when the root is not a git checkout, or a revision does not exist", async () => {
    const plain = tempTree({ "a.ts": "" });
    await expect(diffRevisions({ root: plain, base: "main" })).rejects.toThrow(/: not a git checkout \(layermap diff compares git revisions\)$/);
    const { root } = fixtureRepository();
    await expect(diffRevisions({ root, base: "no-such-branch" })).rejects.toThrow(/^no-such-branch: no such git revision in /);
    await expect(diffRevisions({ root, base: "base", head: "nope" })).rejects.toThrow(/^nope: no such git revision in /);
    await expect(diffRevisions({ root, base: "--output=x" })).rejects.toThrow("--output=x: not a git revision");
  });
});
