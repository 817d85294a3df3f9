// Screenshot an SVG or HTML file with headless Chromium (through playwright-core).
//
//   node scripts/screenshot.mjs <file.svg|file.html> <out.png> [--width 1600] [--height 1000] [--full]
//
// The file is opened via file:// in a viewport of --width × --height CSS pixels; --full captures
// the whole page instead of just the viewport. For an SVG, the picture's intrinsic size (the
// width/height attributes of its root <svg>, in points) is printed on stdout.
// Chromium is LAYERMAP_CHROMIUM, or /usr/bin/chromium.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

/* global document -- the page.evaluate callbacks below run in the browser */

const USAGE = "usage: node scripts/screenshot.mjs <file.svg|file.html> <out.png> [--width 1600] [--height 1000] [--full]";

function fail(message) {
  console.error(message);
  process.exit(2);
}

// Parse the arguments: two positionals, then the flags.
const positional = [];
const options = { width: 1600, height: 1000, full: false };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === "--full") options.full = true;
  else if (arg === "--width" || arg === "--height") {
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value <= 0) fail(USAGE);
    options[arg.slice(2)] = value;
  } else if (arg.startsWith("-")) fail(USAGE);
  else positional.push(arg);
}
if (positional.length !== 2 || !/\.(svg|html?)$/i.test(positional[0]) || !/\.png$/i.test(positional[1])) fail(USAGE);
const [input, output] = positional.map((p) => resolve(p));
if (!existsSync(input)) fail(`screenshot: no such file: ${positional[0]}`);

const browser = await chromium.launch({
  executablePath: process.env.LAYERMAP_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: options.width, height: options.height } });
  await page.goto(pathToFileURL(input).href, { waitUntil: "load" });

  // An SVG document: report the root element's width/height attributes (Graphviz writes "123pt").
  if (/\.svg$/i.test(input)) {
    const size = await page.evaluate(() => {
      const svg = document.documentElement;
      return { width: svg.getAttribute("width"), height: svg.getAttribute("height") };
    });
    const pt = (v) => (v == null ? "?" : String(v).replace(/pt$/, ""));
    console.log(`${pt(size.width)} × ${pt(size.height)} pt`);
  }

  // fullPage hangs on a bare SVG document (Chromium reports no scrollable page for it), so for
  // an SVG, --full grows the viewport to the drawing's rendered size instead.
  if (options.full && /\.svg$/i.test(input)) {
    const box = await page.evaluate(() => document.documentElement.getBoundingClientRect().toJSON());
    await page.setViewportSize({ width: Math.ceil(box.right) || options.width, height: Math.ceil(box.bottom) || options.height });
    await page.screenshot({ path: output });
  } else {
    await page.screenshot({ path: output, fullPage: options.full });
  }
} finally {
  await browser.close();
}
