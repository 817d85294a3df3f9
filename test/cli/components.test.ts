/**
 * `layermap map` on a project of Vue, Svelte and Astro components importing each other and
 * TypeScript modules (test/fixtures/components/app), end to end through the built CLI; and the
 * map cache on components.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { map } from "../../src/api/map.js";
import { jsonReport } from "../../src/report/json-report.js";
import type { MapDocument } from "../../src/model/document.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";

const app = fileURLToPath(new URL("../fixtures/components/app", import.meta.url));

// The map cache is signed with a key in the user's cache folder: this file's own.
const userCacheOfTests = mkdtempSync(join(tmpdir(), "layermap-user-cache-"));
process.env["XDG_CACHE_HOME"] = userCacheOfTests;
afterAll(() => rmSync(userCacheOfTests, { recursive: true, force: true }));

const edges = (document: MapDocument): string[] =>
  document.imports.flatMap((edge) => edge.sites.map((site) => `${edge.from}:${site.line} ${site.kind}${site.typeOnly === true ? " type" : ""} ${site.specifier} -> ${edge.to}`));

describe("map, on components", () => {
  it("maps each component as a module, with the component's own lines, and goes on past one that does not parse", () => {
    const run = runBuiltCli(["map", app, "--no-cache", "--quiet"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout) as MapDocument;
    expect(document.modules.filter((module) => module.kind === "local").map((module) => `${module.id} ${String(module.lines)}`)).toEqual([
      "src/App.vue 11",
      "src/Broken.vue 5",
      "src/Button.svelte 12",
      "src/Card.astro 14",
      "src/client.ts 3",
      "src/main.ts 4",
      "src/util.ts 2",
    ]);
    expect(edges(document)).toEqual([
      "src/App.vue:6 static ./Button.svelte -> src/Button.svelte",
      "src/App.vue:7 static ./util -> src/util.ts",
      "src/App.vue:8 static type ./util -> src/util.ts",
      "src/Broken.vue:3 static ./util -> src/util.ts",
      "src/Button.svelte:6 static ./util -> src/util.ts",
      "src/Card.astro:2 static ./App.vue -> src/App.vue",
      "src/Card.astro:3 static ./Button.svelte -> src/Button.svelte",
      // The processed <script>; the is:inline one (./not-bundled) is the browser's, not the build's.
      "src/Card.astro:10 side-effect ./client -> src/client.ts",
      "src/client.ts:1 static ./util -> src/util.ts",
      "src/main.ts:2 static ./App.vue -> src/App.vue",
      "src/main.ts:1 static vue -> vue",
    ]);
    // Button is used only by App's template: still a runtime import, never elided.
    expect(document.imports.find((edge) => edge.to === "src/Button.svelte" && edge.from === "src/App.vue")?.typeOnly).toBe(false);
    expect(document.diagnostics).toEqual([{ file: "src/Broken.vue", line: 4, code: "parse-error", message: "Variable declaration expected." }]);
    expect(document.summary).toMatchObject({ files: 7, failedFiles: 1 });
  });

  it("--strict makes the component that does not parse exit 2", () => {
    const run = runBuiltCli(["map", app, "--no-cache", "--quiet", "--strict", "--out", "/dev/null"]);
    expect(run.status).toBe(2);
  });

  it("reuses a cached component's extraction, and parses it again once it changes", async () => {
    const root = mkdtempSync(join(tmpdir(), "layermap-components-"));
    try {
      cpSync(app, root, { recursive: true });
      const cold = await map({ root, cache: false });
      const first = await map({ root });
      expect(first.cache).toMatchObject({ reusedFiles: 0, parsedFiles: 7 });
      const second = await map({ root });
      expect(second.cache?.reusedDocument === true || second.cache?.reusedFiles === 7).toBe(true);
      expect(jsonReport(second.document)).toBe(jsonReport(cold.document));

      writeFileSync(join(root, "src/Button.svelte"), '<script lang="ts">\n\n  import { sizes } from "./App.vue";\n</script>\n');
      const changed = await map({ root });
      expect(changed.cache).toMatchObject({ reusedFiles: 6, parsedFiles: 1 });
      expect(edges(changed.document)).toContain("src/Button.svelte:3 static ./App.vue -> src/App.vue");
      expect(jsonReport(changed.document)).toBe(jsonReport((await map({ root, cache: false })).document));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
