/**
 * The interactive HTML page, driven in a real browser: Debian's Chromium through playwright-core
 * (no browser download). `.ci/run` installs Chromium when it is missing; elsewhere install it with
 * `apt-get install chromium`, or set LAYERMAP_SKIP_BROWSER=1 to skip these tests knowingly.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDiagramInput } from "../../src/api/render.js";
import { htmlReport } from "../../src/report/html/html-report.js";
import { idsOf, openPage, skipBrowser } from "./open-page.js";

describe.skipIf(skipBrowser)("the HTML page in Chromium", () => {
  let browser: Browser | undefined; // undefined when beforeAll failed before opening it
  let page: Page;
  let errors: string[] = [];
  let html = "";
  let folder = "";

  beforeAll(async () => {
    html = (await htmlReport(await loadDiagramInput({ source: "test/fixtures/check/broken" }), { title: "broken" })).text;
    ({ browser, page, errors, folder } = await openPage(html, "broken"));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("is one self-contained file that loads without errors", () => {
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    expect(errors).toEqual([]);
  });

  it("finds a module by path and highlights what it imports and what imports it", async () => {
    await page.fill("#search", "core/request");
    await page.click("#matches button");
    const lit = (selector: string): Promise<string[]> => idsOf(page, selector);
    expect(await page.getAttribute("body", "data-selected")).toBe("core/request.ts");
    expect(await lit("g.node.selected")).toEqual(["module:core/request.ts"]);
    // request.ts imports headers.ts and apps/shop/cart.ts; six modules import it.
    expect(await lit("g.node.lit")).toEqual(
      [
        "module:apps/blog/post.ts",
        "module:apps/shop/cart.ts",
        "module:core/headers.ts",
        "module:core/request.ts",
        "module:middleware/logger.ts",
        "module:server/serve.ts",
        "module:util/decorate.ts",
      ].sort(),
    );
    expect(await lit("g.node.dim")).toEqual(["legend", "module:apps/shop/main.ts", "module:core/reason.ts", "module:core/status.ts"]);
    await page.screenshot({ path: join(folder, "selected.png") });
  });

  it("widens the highlight with the depth", async () => {
    await page.fill("#depth", "2");
    await page.dispatchEvent("#depth", "input");
    // Two steps away, apps/shop/main.ts is reached too; the status/reason pair never is.
    const dim = await page.locator("g.node.dim").evaluateAll((elements) => elements.map((element) => element.id).sort());
    expect(dim).toEqual(["legend", "module:core/reason.ts", "module:core/status.ts"]);
  });

  it("toggles a layer off and on", async () => {
    const box = page.locator("#layers label", { hasText: "core" }).locator("input");
    await box.uncheck();
    expect(await page.locator("g.node.hidden-layer").count()).toBe(4);
    await box.check();
    expect(await page.locator(".hidden-layer").count()).toBe(0);
  });

  it("lists the violations and lights a violation's arrows when clicked", async () => {
    const items = page.locator("#problems button");
    expect(await items.count()).toBe(6);
    await items.filter({ hasText: "through 1 module in no layer" }).click();
    const flashed = await page.locator("g.edge.flash").evaluateAll((elements) => elements.map((element) => element.id).sort());
    expect(flashed).toEqual(["import:server/serve.ts->util/decorate.ts", "import:util/decorate.ts->middleware/logger.ts"]);
  });
});
