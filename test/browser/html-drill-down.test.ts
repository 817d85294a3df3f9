/**
 * A folded HTML page in a real browser: clicking a folded box opens it (its view replaces the
 * picture, the crumbs lead back), search reaches modules inside boxes, and a box too large to
 * open says so. The samples folded by layer, with the readable limit lowered (autoCollapseAbove 6:
 * an opened view holds 12 boxes at most) so that the two big layers (app: 14 modules, core: 13)
 * stay closed and the two small ones open.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDiagramInput } from "../../src/api/render.js";
import { htmlReport } from "../../src/report/html/html-report.js";
import { idsOf, openPage, skipBrowser } from "./open-page.js";

describe.skipIf(skipBrowser)("the folded HTML page in Chromium", () => {
  let browser: Browser | undefined; // undefined when beforeAll failed before opening it
  let page: Page;
  let errors: string[] = [];
  let folder = "";
  let notes: string[] = [];

  beforeAll(async () => {
    const input = await loadDiagramInput({ source: "samples", cache: false });
    const report = await htmlReport(input, { collapse: { by: "layer" }, autoCollapseAbove: 6 });
    notes = report.notes;
    ({ browser, page, errors, folder } = await openPage(report.text, "samples-layers"));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const view = (): Promise<string | null> => page.getAttribute("body", "data-view");

  it("shows the layers folded, and says which open", async () => {
    expect(errors).toEqual([]);
    expect(notes).toEqual(["the HTML page opens 2 of its folded boxes on a click (2 left closed, too large or past the page's budget: selected, each says how to draw it with --focus)"]);
    expect(await view()).toBe("");
    expect(await idsOf(page, "#diagram g.node")).toEqual(["layer:app", "layer:core", "layer:middleware", "layer:server", "legend"]);
    expect(await page.locator("#crumbs").textContent()).toBe("all");
    // A layer folded into a box has its toggle too.
    const server = page.locator("#layers label", { hasText: "server" }).locator("input");
    await server.uncheck();
    expect(await idsOf(page, ".hidden-layer")).toEqual(["import:app->server", "import:server->core", "layer:server"]);
    await server.check();
    expect(await idsOf(page, ".hidden-layer")).toEqual([]);
  });

  it("opens a layer when its box is clicked: its modules, among the layers they touch", async () => {
    await page.click('[id="layer:middleware"]');
    expect(await view()).toBe("middleware");
    expect(await idsOf(page, "#diagram g.node")).toEqual([
      "layer:app",
      "layer:core",
      "legend",
      "module:interface/middleware/dispatcher.ts",
      "module:interface/middleware/profiler.ts",
      "module:interface/middleware/proxy-fix.ts",
      "module:interface/middleware/static-files.ts",
    ]);
    // Every arrow touches the opened layer.
    const arrows = await idsOf(page, "#diagram g.edge");
    expect(arrows.length).toBeGreaterThan(0);
    for (const arrow of arrows) expect(arrow).toMatch(/^import:(interface\/middleware\/.*->|.*->interface\/middleware\/)/);
    expect(await page.locator("#crumbs").textContent()).toBe("all › middleware");
    await page.screenshot({ path: join(folder, "middleware.png") });
  });

  it("lights a module of the opened layer, then goes back with the crumbs", async () => {
    await page.click('[id="module:interface/middleware/profiler.ts"]');
    expect(await page.getAttribute("body", "data-selected")).toBe("interface/middleware/profiler.ts");
    expect(await idsOf(page, "g.node.selected")).toEqual(["module:interface/middleware/profiler.ts"]);
    await page.click("#crumbs button");
    expect(await view()).toBe("");
    expect(await page.getAttribute("body", "data-selected")).toBeNull();
  });

  it("finds a module folded inside a box, opens the box and selects it", async () => {
    await page.fill("#search", "serving");
    expect(await page.locator("#matches button").first().textContent()).toBe("interface/server/serving.ts  (in server)");
    expect(await idsOf(page, "g.node.match")).toEqual(["layer:server"]);
    await page.click("#matches button");
    expect(await view()).toBe("server");
    expect(await page.getAttribute("body", "data-selected")).toBe("interface/server/serving.ts");
    await page.screenshot({ path: join(folder, "serving.png") });
  });

  it("selects a box too large to open, and says how to draw it", async () => {
    await page.click("#crumbs button");
    await page.fill("#search", "interface/request.ts");
    await page.click("#matches button");
    expect(await view()).toBe("");
    expect(await page.getAttribute("body", "data-selected")).toBe("core");
    expect(await page.locator("#selection").textContent()).toMatch(/Not opened in this page: opened, it would be 16 boxes and \d+ arrows, more than one readable diagram holds/);
    // core's modules are all under interface/ (the samples' layers are not folders).
    expect(await page.locator("#selection").textContent()).toMatch(/Draw it on its own: --focus 'interface\/\*\*'$/);
    // Selecting zoomed in on core: the control's reset shows the whole view again.
    await page.click("#svg-pan-zoom-reset-pan-zoom");
    await page.click('[id="layer:app"]');
    expect(await view()).toBe("");
    expect(await page.getAttribute("body", "data-selected")).toBe("app");
  });

  it("lights a box with shift-click instead of opening it", async () => {
    await page.click('[id="layer:server"]', { modifiers: ["Shift"] });
    expect(await view()).toBe("");
    expect(await page.getAttribute("body", "data-selected")).toBe("server");
    expect(await idsOf(page, "g.node.lit")).toEqual(["layer:app", "layer:core", "layer:server"]);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(skipBrowser)("violations on a folded page", () => {
  it("light the arrows between the boxes that hold their modules", async () => {
    const input = await loadDiagramInput({ source: "test/fixtures/check/broken", cache: false });
    const { browser, page, errors } = await openPage((await htmlReport(input, { collapse: { by: "layer" } })).text, "broken-layers");
    try {
      // core/request.ts imports apps/shop/cart.ts: drawn as the arrow from core to app.
      await page.locator("#problems button", { hasText: "core imports app" }).click();
      expect(await idsOf(page, "g.edge.flash")).toEqual(["import:core->app"]);
      // The chain server/serve.ts → util/decorate.ts (no layer) → middleware/logger.ts.
      await page.locator("#problems button", { hasText: "through 1 module in no layer" }).click();
      expect(await idsOf(page, "g.edge.flash")).toEqual(["import:(no layer)->middleware", "import:server->(no layer)"]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
