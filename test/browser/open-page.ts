/**
 * Opens an HTML page in Debian's Chromium through playwright-core (no browser download), and
 * records every page error, console error and network request (a self-contained page makes none).
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { tempTree } from "../helpers/temp-tree.js";

/** Debian's Chromium, or the browser LAYERMAP_CHROMIUM names; scripts/ensure-chromium.mjs (pretest) installs or reports it. */
const CHROMIUM = process.env["LAYERMAP_CHROMIUM"] || "/usr/bin/chromium";
export const skipBrowser = process.env["LAYERMAP_SKIP_BROWSER"] === "1" || !existsSync(CHROMIUM);

export interface OpenedPage {
  browser: Browser;
  page: Page;
  errors: string[];
  /** Where the page was written (screenshots go beside it). */
  folder: string;
}

export async function openPage(html: string, name: string): Promise<OpenedPage> {
  const folder = tempTree({});
  const file = join(folder, `${name}.html`);
  writeFileSync(file, html);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) errors.push(`network request: ${request.url()}`);
  });
  await page.goto(`file://${file}`);
  return { browser, page, errors, folder };
}

/** The ids of the elements a selector matches, sorted. */
export async function idsOf(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).evaluateAll((elements) => elements.map((element) => element.id))).sort();
}
