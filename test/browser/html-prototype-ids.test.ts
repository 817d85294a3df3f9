/**
 * The HTML page's script keys its tables by module id: a module named like an Object.prototype
 * member (`constructor`, `__proto__`, `toString`) is found, lit and counted like any other.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagramInputFromText } from "../../src/api/render.js";
import { htmlReport } from "../../src/report/html/html-report.js";
import { idsOf, openPage, skipBrowser } from "./open-page.js";

describe.skipIf(skipBrowser)("the HTML page, with modules named like Object.prototype members", () => {
  let browser: Browser | undefined; // undefined when beforeAll failed before opening it
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    const edges = "a.ts\tconstructor\nconstructor\t__proto__\n__proto__\ttoString\ntoString\ta.ts\n";
    const html = (await htmlReport(diagramInputFromText(edges, { name: "edges" }), { title: "prototype" })).text;
    ({ browser, page, errors } = await openPage(html, "prototype"));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("loads, finds `constructor`, and lights what it imports and what imports it", async () => {
    expect(errors).toEqual([]);
    await page.fill("#search", "constructor");
    await page.click("#matches button");
    expect(await page.getAttribute("body", "data-selected")).toBe("constructor");
    expect(await idsOf(page, "g.node.lit")).toEqual(["module:__proto__", "module:a.ts", "module:constructor"]);
    expect(await page.textContent("#selection")).toContain("imports 1, imported by 1");
    expect(errors).toEqual([]);
  });
});
