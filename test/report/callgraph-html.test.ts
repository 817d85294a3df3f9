/**
 * The call graph's HTML page in a browser: no network, no errors, no script from the data; the
 * search lights boxes and keeps their rows; a click on a column heading sorts; a click on a row
 * or a box selects the node in both.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallGraph } from "../../src/model/call-graph.js";
import { printable } from "../../src/model/printable.js";
import { renderCallGraph } from "../../src/report/callgraph/callgraph-reporters.js";
import { openPage, skipBrowser, type OpenedPage } from "../browser/open-page.js";
import { compare, fold, webAppTree } from "./callgraph-sample.js";

const HOSTILE = `<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>"\n`;

function graph(): CallGraph {
  const base = fold(webAppTree());
  const nodes = [...base.nodes, { id: HOSTILE, module: HOSTILE, kind: "local" as const, selfMs: 1, totalMs: 1 }].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...base, nodes, edges: [...base.edges, { from: "apps/router/router.ts:route:14", to: HOSTILE, ms: 1 }] };
}

describe.skipIf(skipBrowser)("the call graph's HTML page", () => {
  let opened: OpenedPage;

  beforeAll(async () => {
    opened = await openPage(await renderCallGraph(graph(), "html", { title: "wiki" }), "callgraph");
  }, 60_000);

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed before opening it
    await opened?.browser.close();
  });

  it("loads with no error, no request, and nothing run from the data", async () => {
    const { page, errors } = opened;
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    // The hostile id is a row's text, as written (printable).
    const texts = await page.locator("#profile td.id").allTextContents();
    expect(texts).toContain(printable(HOSTILE));
  });

  it("sorts the flat profile by a column on a click, and back the other way on a second", async () => {
    const { page } = opened;
    const column = async (index: number): Promise<string[]> => page.locator(`#profile tbody tr:not([hidden]) td:nth-child(${index})`).allTextContents();
    const initial = (await column(1)).map(Number);
    expect(initial).toEqual([...initial].sort((a, b) => b - a));
    await page.locator("#profile th", { hasText: "self ms" }).click();
    const descending = (await column(4)).map(Number);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).toBe(300);
    await page.locator("#profile th", { hasText: "self ms" }).click();
    const ascending = (await column(4)).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  });

  it("lights the boxes a search matches and keeps only their rows", async () => {
    const { page } = opened;
    await page.fill("#search", "markdown");
    expect((await page.locator("g.node.match").evaluateAll((nodes) => nodes.map((node) => node.id))).sort()).toEqual([
      "fn:apps/wiki/markdown.ts:(anonymous):77",
      "fn:apps/wiki/markdown.ts:parse:30",
    ]);
    expect(await page.locator("#profile tbody tr:not([hidden])").count()).toBe(2);
    expect(await page.locator("#count").textContent()).toBe("2 found");
    await page.fill("#search", "");
    expect(await page.locator("g.node.match").count()).toBe(0);
    expect(await page.locator("#profile tbody tr:not([hidden])").count()).toBe(graph().nodes.length);
  });

  it("selects a node in the picture on a click on its row, and its row on a click on the box", async () => {
    const { page } = opened;
    await page.locator("#profile tbody tr", { hasText: "apps/wiki/views.ts:renderPage:12" }).click();
    expect(await page.locator("g.node.selected").evaluateAll((nodes) => nodes.map((node) => node.id))).toEqual(["fn:apps/wiki/views.ts:renderPage:12"]);
    // The hostile node too: rows and boxes are tied by the DOT name, not the id.
    await page.locator("#profile tbody tr", { hasText: "window.pwned=2" }).click();
    expect(await page.locator("g.node.selected").evaluateAll((nodes) => nodes.map((node) => node.id))).toEqual([`fn:${HOSTILE}`]);
    // renderPage's row pans it to the middle; the box of parse, its callee, is then in view.
    await page.locator("#profile tbody tr", { hasText: "apps/wiki/views.ts:renderPage:12" }).click();
    await page.locator(`[id="fn:apps/wiki/markdown.ts:parse:30"]`).click();
    expect(await page.locator("#profile tr.selected td.id").textContent()).toBe("apps/wiki/markdown.ts:parse:30");
    expect(opened.errors).toEqual([]);
  });
});

describe.skipIf(skipBrowser)("the HTML page of two runs compared", () => {
  it("lists base %, now % and delta, the largest change first", async () => {
    const comparison = compare(fold(webAppTree({ database: 3 })), fold(webAppTree()));
    const { browser, page, errors } = await openPage(await renderCallGraph(comparison, "html", {}), "callgraph-compare");
    try {
      expect(await page.locator("#profile th").allTextContents()).toEqual(["base %", "now %", "delta", "id"]);
      expect(await page.locator("#profile tbody tr:first-child td.id").textContent()).toBe("apps/db/client.ts:query:50");
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
