import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { map } from "../../src/api/map.js";
import { findCycles } from "../../src/explore/cycles/find-cycles.js";
import { loadGraph } from "../../src/api/load-graph.js";
import { tempTree } from "../helpers/temp-tree.js";

const LAYERED = "test/fixtures/explore/layered";

/** A saved `map` document of the layered fixture. */
async function savedMap(): Promise<string> {
  const { document } = await map({ root: LAYERED });
  const file = join(tempTree({}), "graph.json");
  writeFileSync(file, JSON.stringify(document));
  return file;
}

describe("loadGraph", () => {
  it("maps the root with its config, and names the root as the user would write it", async () => {
    const loaded = await loadGraph({ root: LAYERED, cwd: process.cwd() });
    expect(loaded.root).toBe(LAYERED);
    expect(loaded.graph.order).toBe(9);
    expect(loaded.layers.layerOf.get("scripts/seed.ts")).toBe("app");
    expect(loaded.layers.unlayered).toEqual(["legacy/old.ts"]);
  });

  it("reads a saved map instead, judged by the config beside the root", async () => {
    const file = await savedMap();
    const loaded = await loadGraph({ root: LAYERED, graph: file });
    const fresh = await loadGraph({ root: LAYERED });
    expect(loaded.graph.size).toBe(fresh.graph.size);
    expect([...loaded.layers.layerOf]).toEqual([...fresh.layers.layerOf]);
    expect(findCycles(loaded.graph)).toEqual(findCycles(fresh.graph));
  });

  it("keeps the layers saved in the document when no config is found", async () => {
    const file = await savedMap();
    const loaded = await loadGraph({ root: tempTree({}), graph: file });
    expect(loaded.layers.layerOf.get("db/client.ts")).toBe("db");
    expect(loaded.config.layers).toEqual([]);
  });

  it("rejects a file that is not a layermap document, or of another version, naming the file", async () => {
    const folder = tempTree({
      "broken.json": "{ not json",
      "other.json": JSON.stringify({ nodes: [], edges: [] }),
      "future.json": JSON.stringify({ version: 2, modules: [] }),
    });
    await expect(loadGraph({ root: ".", graph: join(folder, "broken.json") })).rejects.toThrow(/broken\.json: not valid JSON/);
    await expect(loadGraph({ root: ".", graph: join(folder, "other.json") })).rejects.toThrow(/other\.json: not a layermap map document/);
    await expect(loadGraph({ root: ".", graph: join(folder, "future.json") })).rejects.toThrow(
      /future\.json: a layermap document of version 2; this layermap reads version 1/,
    );
    await expect(loadGraph({ root: ".", graph: join(folder, "missing.json") })).rejects.toThrow(/missing\.json: cannot read \(ENOENT\)/);
  });
});
