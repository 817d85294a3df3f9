/**
 * The HTML page's state across views and clicks, in Chromium (issue 12, item 5): layer toggles
 * that hold when the view changes, listed in the config's order with module counts; search
 * results that always name where a module is; violations that switch to a view drawing them,
 * grouped by layer pair, and zoom to a readable arrow; a pan that keeps the selection; the
 * selection's neighbours as names to click; paths that wrap without splitting words.
 * Every wait is on the page's state (attributes, classes, sizes), never on time.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDiagramInput } from "../../src/api/render.js";
import { htmlReport } from "../../src/report/html/html-report.js";
import { tempTree } from "../helpers/temp-tree.js";
import { idsOf, openPage, skipBrowser } from "./open-page.js";

const view = (page: Page): Promise<string | null> => page.getAttribute("body", "data-view");
const selected = (page: Page): Promise<string | null> => page.getAttribute("body", "data-selected");
const texts = (page: Page, selector: string): Promise<string[]> => page.locator(selector).allTextContents();
/** A layer's toggle, found by the name its label starts with. */
const toggle = (page: Page, name: string) => page.locator("#layers label").filter({ hasText: new RegExp(`^\\s*${name.replace(/[()]/g, "\\$&")}\\s`) }).locator("input");

/** The toggles as the panel shows them: name, count, ticked. */
async function toggles(page: Page): Promise<string[]> {
  return page
    .locator("#layers label")
    .evaluateAll((labels) => labels.map((label) => `${label.querySelector("input")!.checked ? "☑" : "☐"}${String(label.textContent)}`));
}

/** Waits until the flashed shapes are drawn inside the diagram, at least `size` pixels across. */
async function waitUntilReadable(page: Page, size: number): Promise<void> {
  // A string: the test's TypeScript has no DOM types.
  await page.waitForFunction(
    `(() => {
      const shapes = [...document.querySelectorAll("#diagram .flash")];
      if (shapes.length === 0) return false;
      const frame = document.querySelector("#diagram").getBoundingClientRect();
      const boxes = shapes.map((shape) => shape.getBoundingClientRect());
      const left = Math.min(...boxes.map((box) => box.left)), right = Math.max(...boxes.map((box) => box.right));
      const top = Math.min(...boxes.map((box) => box.top)), bottom = Math.max(...boxes.map((box) => box.bottom));
      const inside = left >= frame.left - 1 && right <= frame.right + 1 && top >= frame.top - 1 && bottom <= frame.bottom + 1;
      return inside && Math.max(right - left, bottom - top) >= ${size};
    })()`,
    undefined,
    { timeout: 10_000 },
  );
}

/** Whether an element is drawn wholly inside the diagram's frame. */
async function inView(page: Page, selector: string): Promise<boolean> {
  const [frame, box] = await Promise.all([page.locator("#diagram").boundingBox(), page.locator(selector).boundingBox()]);
  return box !== null && frame !== null && box.x >= frame.x - 1 && box.y >= frame.y - 1 && box.x + box.width <= frame.x + frame.width + 1 && box.y + box.height <= frame.y + frame.height + 1;
}

describe.skipIf(skipBrowser)("layer toggles and search on the samples folded by layer", () => {
  let browser: Browser | undefined; // undefined when beforeAll failed before opening it
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    const input = await loadDiagramInput({ source: "samples", cache: false });
    const report = await htmlReport(input, { collapse: { by: "layer" }, autoCollapseAbove: 6 });
    ({ browser, page, errors } = await openPage(report.text, "samples-layers-state"));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("lists the layers in the config's order, each with its count of modules", async () => {
    // samples/layermap.config.json: app, middleware, server, core, top first; 14 + 4 + 2 + 13 modules.
    expect(await toggles(page)).toEqual(["☑ app 14 modules", "☑ middleware 4 modules", "☑ server 2 modules", "☑ core 13 modules"]);
    expect(errors).toEqual([]);
  });

  it("keeps a layer unticked, and hidden, across views until it is ticked again", async () => {
    await toggle(page, "server").uncheck();
    const hidden = ["import:app->server", "import:server->core", "layer:server"];
    expect(await idsOf(page, "#diagram .hidden-layer")).toEqual(hidden);
    await page.click('[id="layer:middleware"]');
    expect(await view(page)).toBe("middleware");
    await page.click("#crumbs button");
    expect(await view(page)).toBe("");
    expect(await toggle(page, "server").isChecked()).toBe(false);
    expect(await idsOf(page, "#diagram .hidden-layer")).toEqual(hidden);
    await toggle(page, "server").check();
    expect(await idsOf(page, ".hidden-layer")).toEqual([]);
  });

  it("a layer unticked in an opened view is hidden in the first view too", async () => {
    await page.click('[id="layer:middleware"]');
    expect(await view(page)).toBe("middleware");
    // The opened view draws middleware's modules one by one: the toggle hides all of them.
    await toggle(page, "middleware").uncheck();
    const drawn = await idsOf(page, '#diagram g.node[id^="module:interface/middleware/"]');
    expect(drawn.length).toBe(4);
    expect(await idsOf(page, '#diagram g.node.hidden-layer[id^="module:interface/middleware/"]')).toEqual(drawn);
    await page.click("#crumbs button");
    expect(await idsOf(page, "#diagram g.node.hidden-layer")).toEqual(["layer:middleware"]);
    await toggle(page, "middleware").check();
    expect(await idsOf(page, ".hidden-layer")).toEqual([]);
  });

  it("names the box that holds a module the opened view does not draw, never 'undefined'", async () => {
    await page.click('[id="layer:middleware"]');
    expect(await view(page)).toBe("middleware");
    // The middleware view draws neither server nor its modules.
    expect(await idsOf(page, '#diagram g.node[id="layer:server"]')).toEqual([]);
    await page.fill("#search", "interface/");
    const found = await texts(page, "#matches button");
    expect(found.length).toBeGreaterThan(10);
    for (const text of found) expect(text).not.toContain("undefined");
    await page.fill("#search", "serving");
    expect(await texts(page, "#matches button")).toEqual(["interface/server/serving.ts  (in server)"]);
    await page.click("#matches button");
    expect(await view(page)).toBe("server");
    expect(await selected(page)).toBe("interface/server/serving.ts");
    await page.fill("#search", "");
    expect(errors).toEqual([]);
  });
});

describe.skipIf(skipBrowser)("violations on the broken fixture folded by layer", () => {
  let browser: Browser | undefined; // undefined when beforeAll failed before opening it
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    const input = await loadDiagramInput({ source: "test/fixtures/check/broken", cache: false });
    ({ browser, page, errors } = await openPage((await htmlReport(input, { collapse: { by: "layer" } })).text, "broken-layers-state"));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const problem = (text: string) => page.locator("#problems button", { hasText: text });

  it("groups the violations by layer pair, in layer order, cycles last, each group collapsible", async () => {
    expect(await texts(page, "#problems summary")).toEqual([
      "app → app 1",
      "app → (external) 1",
      "server → middleware 1",
      "core → app 1",
      "core → (external) 1",
      "import cycles 1",
    ]);
    const group = page.locator('#problems details[data-group="core → app"]');
    expect(await group.locator("button").textContent()).toMatch(/^layers: core imports app/);
    await group.locator("summary").click();
    expect(await group.locator("button").isVisible()).toBe(false);
    await group.locator("summary").click();
    expect(await group.locator("button").isVisible()).toBe(true);
  });

  it("switches from a view that lacks a violation's modules to one that draws its arrow", async () => {
    await page.click('[id="layer:middleware"]');
    expect(await view(page)).toBe("middleware");
    // core/request.ts imports apps/shop/cart.ts: the middleware view has no arrow from core to app.
    await problem("core imports app").click();
    expect(await view(page)).toBe("");
    expect(await idsOf(page, "#diagram .flash")).toEqual(["import:core->app"]);
    // The side panel marks the violation shown.
    expect(await texts(page, "#problems button.current")).toEqual([await problem("core imports app").textContent()]);
    await waitUntilReadable(page, 80);
  });

  it("opens the box whose view draws both modules when the first view holds them in one box", async () => {
    // apps/shop/cart.ts imports apps/blog/post.ts: both in app, drawn one by one in app's view.
    await problem("they must stay independent").click();
    expect(await view(page)).toBe("app");
    expect(await idsOf(page, "#diagram .flash")).toEqual(["import:apps/shop/cart.ts->apps/blog/post.ts"]);
    await waitUntilReadable(page, 80);
    // Zoomed in, but the arrow's two ends stay in the window.
    expect(await inView(page, '[id="module:apps/shop/cart.ts"]')).toBe(true);
    expect(await inView(page, '[id="module:apps/blog/post.ts"]')).toBe(true);
    // A cycle inside core: core's view.
    await problem("import cycle").click();
    expect(await view(page)).toBe("core");
    expect(await idsOf(page, "#diagram .flash")).toEqual(["import:core/headers.ts->core/request.ts", "import:core/request.ts->core/headers.ts"]);
    expect(errors).toEqual([]);
  });

  it("stays in the current view when it draws the violation", async () => {
    await page.click("#crumbs button");
    await page.click('[id="layer:app"]');
    expect(await view(page)).toBe("app");
    // The app view draws app's modules and the core box: the arrow core → app is there.
    expect(await idsOf(page, '#diagram g.edge[id^="import:core->"]')).not.toEqual([]);
    await problem("core imports app").click();
    expect(await view(page)).toBe("app");
    expect(await idsOf(page, "#diagram .flash")).toEqual(["import:core->apps/shop/cart.ts"]);
  });
});

describe.skipIf(skipBrowser)("a violation that no view draws as an arrow", () => {
  it("lights the box that holds both ends, and says so in one line", async () => {
    const input = await loadDiagramInput({ source: "test/fixtures/check/broken", cache: false });
    // Opened views may hold two boxes at most here: none opens.
    const { browser, page, errors } = await openPage((await htmlReport(input, { collapse: { by: "layer" }, autoCollapseAbove: 1 })).text, "broken-closed");
    try {
      expect(await page.locator("template").count()).toBe(0);
      await page.locator("#problems button", { hasText: "they must stay independent" }).click();
      expect(await view(page)).toBe("");
      expect(await idsOf(page, "#diagram .flash")).toEqual(["layer:app"]);
      const lines = (await page.locator("#selection").textContent())!.split("\n");
      expect(lines.filter((line) => line.startsWith("No arrow"))).toEqual(["No arrow: both ends are inside app, which does not open."]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe.skipIf(skipBrowser)("a wide page of 82 modules, every one drawn", () => {
  let browser: Browser | undefined; // undefined when beforeAll failed before opening it
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    // 40 app modules, each importing its own core module and a shared one; core/c0.ts imports
    // back up into app (a violation). Drawn whole, the picture is many times the window's width.
    const files: Record<string, string> = {
      "layermap.config.json": JSON.stringify({ layers: [{ name: "app", paths: ["apps/**"] }, { name: "core", paths: ["core/**"] }], rules: { layers: "relaxed" } }),
      "core/shared.ts": "export const shared = 1;\n",
      "core/c0.ts": 'import { a } from "../apps/a0.js";\nexport const c = a;\n',
    };
    for (let index = 0; index < 40; index++) {
      files[`apps/a${index}.ts`] = `import { shared } from "../core/shared.js";\n${index === 0 ? "" : `import "../core/c${index}.js";\n`}export const a = shared;\n`;
      if (index > 0) files[`core/c${index}.ts`] = `export const c = ${index};\n`;
    }
    const input = await loadDiagramInput({ source: tempTree(files), cache: false });
    ({ browser, page, errors } = await openPage((await htmlReport(input, { collapse: { by: "none" } })).text, "wide"));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("zooms to a violation's arrow until it is more than a hairline", async () => {
    expect(errors).toEqual([]);
    // Fitted to the window, the arrow is small.
    const before = await page.locator('[id="import:core/c0.ts->apps/a0.ts"]').boundingBox();
    expect(Math.max(before!.width, before!.height)).toBeLessThan(80);
    await page.locator("#problems button", { hasText: "core imports app" }).click();
    expect(await idsOf(page, "#diagram .flash")).toEqual(["import:core/c0.ts->apps/a0.ts"]);
    await waitUntilReadable(page, 80);
    expect(await inView(page, '[id="module:core/c0.ts"]')).toBe(true);
    expect(await inView(page, '[id="module:apps/a0.ts"]')).toBe(true);
  });

  it("lists what a module imports and what imports it as names to click, sorted and capped", async () => {
    await page.evaluate('window.layermap.select("core/shared.ts")');
    const importers = page.locator('#neighbours [data-list="importers"]');
    expect(await importers.locator("h3").textContent()).toBe("Imported by (40)");
    const names = await importers.locator("button").allTextContents();
    expect(names).toEqual([...names].sort());
    expect(names.length).toBe(12);
    expect(names[0]).toBe("apps/a0.ts");
    expect(await importers.locator(".more").textContent()).toBe("… 28 more");
    expect(await page.locator('#neighbours [data-list="imports"]').count()).toBe(0);
    await importers.locator("button", { hasText: "apps/a1.ts" }).click();
    expect(await selected(page)).toBe("apps/a1.ts");
    expect(await texts(page, '#neighbours [data-list="imports"] button')).toEqual(["core/c1.ts", "core/shared.ts"]);
    expect(await texts(page, '#neighbours [data-list="importers"] button')).toEqual([]);
  });
});

describe.skipIf(skipBrowser)("the broken fixture drawn whole", () => {
  let browser: Browser | undefined; // undefined when beforeAll failed before opening it
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    const input = await loadDiagramInput({ source: "test/fixtures/check/broken", cache: false });
    ({ browser, page, errors } = await openPage((await htmlReport(input, { title: "broken" })).text, "broken-state"));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Presses at the centre of an element (or a point), drags by (dx, dy) in steps, releases. */
  async function drag(from: { x: number; y: number }, dx: number, dy: number): Promise<void> {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + dx, from.y + dy, { steps: 8 });
    await page.mouse.up();
  }

  async function centreOf(selector: string): Promise<{ x: number; y: number }> {
    const box = (await page.locator(selector).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  it("lists the layers in the config's order with module counts", async () => {
    expect(await toggles(page)).toEqual([
      "☑ app 3 modules",
      "☑ middleware 1 module",
      "☑ server 1 module",
      "☑ core 4 modules",
      "☑ (no layer) 1 module",
    ]);
  });

  it("lists the selection's imports and importers by name; a click selects that one", async () => {
    await page.fill("#search", "core/request");
    await page.click("#matches button");
    expect(await selected(page)).toBe("core/request.ts");
    expect(await texts(page, '#neighbours [data-list="imports"] button')).toEqual(["apps/shop/cart.ts", "core/headers.ts"]);
    expect(await texts(page, '#neighbours [data-list="importers"] button')).toEqual([
      "apps/blog/post.ts",
      "apps/shop/cart.ts",
      "core/headers.ts",
      "middleware/logger.ts",
      "server/serve.ts",
      "util/decorate.ts",
    ]);
    await page.locator('#neighbours [data-list="importers"] button', { hasText: "server/serve.ts" }).click();
    expect(await selected(page)).toBe("server/serve.ts");
    expect(await idsOf(page, "g.node.selected")).toEqual(["module:server/serve.ts"]);
    await page.locator('#neighbours [data-list="imports"] button', { hasText: "core/request.ts" }).click();
    expect(await selected(page)).toBe("core/request.ts");
  });

  it("keeps the selection when a drag pans the picture, from the background or from a module", async () => {
    await page.fill("#search", "core/request");
    await page.click("#matches button");
    await page.click("#svg-pan-zoom-reset-pan-zoom");
    expect(await selected(page)).toBe("core/request.ts");
    // From the background: a corner of the diagram, past the drawing.
    const frame = (await page.locator("#diagram").boundingBox())!;
    await drag({ x: frame.x + 20, y: frame.y + frame.height - 20 }, 120, -60);
    expect(await selected(page)).toBe("core/request.ts");
    // From a module: the press and the release both land on core/status.ts, which moved with the mouse.
    await drag(await centreOf('[id="module:core/status.ts"]'), 90, 40);
    expect(await selected(page)).toBe("core/request.ts");
    expect(await idsOf(page, "g.node.selected")).toEqual(["module:core/request.ts"]);
    // A click that does not move still selects, and one on the background clears.
    await page.click('[id="module:core/status.ts"]');
    expect(await selected(page)).toBe("core/status.ts");
    await page.mouse.click(frame.x + 20, frame.y + frame.height - 20);
    expect(await selected(page)).toBeNull();
    expect(errors).toEqual([]);
  });

  it("wraps long paths anywhere, and never splits words", async () => {
    await page.fill("#search", "core/");
    await page.locator("#problems button").first().click();
    const breakAll = await page.evaluate('[...document.querySelectorAll("*")].filter((element) => getComputedStyle(element).wordBreak === "break-all").length');
    expect(breakAll).toBe(0);
    const paths = await page.locator("#matches button, #problems small, #selection .path").evaluateAll((elements) => elements.map((element) => element.ownerDocument.defaultView!.getComputedStyle(element).overflowWrap));
    expect(paths.length).toBeGreaterThan(5);
    expect(new Set(paths)).toEqual(new Set(["anywhere"]));
    // Prose (a violation's message) wraps between words only.
    for (const prose of ["#problems button", "#selection"]) {
      const wrap = await page.locator(prose).first().evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).overflowWrap);
      expect(wrap).toBe("normal");
    }
  });
});
