/**
 * The Heat toggle in a browser: ticked by keyboard, it puts back the plain fills and arrows in
 * place and hides the run's own arrows and legend; in an opened box's view too; ticked again,
 * the heat returns.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDiagramInput } from "../../src/api/render.js";
import { heatColour } from "../../src/report/heat.js";
import { reporters } from "../../src/report/reporters.js";
import { openPage, skipBrowser, type OpenedPage } from "../browser/open-page.js";
import { overlayProgram, overlayRun } from "./overlay-fixture.js";


describe.skipIf(skipBrowser)("the HTML page's Heat toggle", () => {
  let opened: OpenedPage;
  beforeAll(async () => {
    const input = await loadDiagramInput({ source: overlayProgram(), cache: false });
    const { text } = await reporters.html({ ...input, runtime: { tree: overlayRun() } }, { collapse: { by: "layer" } });
    opened = await openPage(text, "overlay");
  }, 60_000);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed before opening it
  afterAll(async () => opened?.browser.close());

  // Evaluated as text: the tests are typed without the DOM's names.
  const fillOf = (id: string): Promise<string | null> => opened.page.evaluate(`document.getElementById(${JSON.stringify(id)})?.querySelector("path, polygon")?.getAttribute("fill") ?? null`);
  const shown = (id: string): Promise<boolean> => opened.page.evaluate(`document.getElementById(${JSON.stringify(id)})?.getAttribute("display") !== "none"`);
  const box = (id: string): Promise<unknown> => opened.page.evaluate(`document.getElementById(${JSON.stringify(id)}).getBoundingClientRect().toJSON()`);

  it("switches the heat off and on from the keyboard, nothing moved", async () => {
    const { page, errors } = opened;
    expect(await page.isChecked("#heat")).toBe(true);
    expect(await fillOf("layer:top")).toBe(heatColour(1));
    expect(await shown("call:base->top")).toBe(true);
    const before = await box("layer:top");
    await page.focus("#heat");
    await page.keyboard.press("Space");
    expect(await page.isChecked("#heat")).toBe(false);
    expect(await fillOf("layer:top")).toBe("#77AADD");
    expect(await shown("call:base->top")).toBe(false);
    expect(await shown("legend-heat")).toBe(false);
    expect(await box("layer:top")).toEqual(before);
    // An opened box's view is shown plain too.
    await page.evaluate("window.layermap.show(1)");
    await page.waitForFunction(`document.querySelector("#diagram svg")?.getAttribute("data-heat") === "off"`);
    await page.keyboard.press("Space");
    await page.waitForFunction(`document.querySelector("#diagram svg")?.getAttribute("data-heat") === "on"`);
    const heated = await page.evaluate<(string | null)[]>(`[...document.querySelectorAll("#diagram g.node path, #diagram g.node polygon")].map((shape) => shape.getAttribute("fill"))`);
    expect(heated).toContain(heatColour(1));
    expect(errors).toEqual([]);
  }, 60_000);
});
