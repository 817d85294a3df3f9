// `npm test`'s pretest step: the browser tests drive Chromium through playwright-core, which
// downloads no browser. Find one; on a fresh Debian machine or container (root, apt-get) install
// Debian's chromium; otherwise say in one line that the browser tests are skipped (they skip
// themselves when the browser is missing, see test/browser/open-page.ts).
//
// LAYERMAP_CHROMIUM: the browser to use instead of /usr/bin/chromium (never installed over).
// LAYERMAP_SKIP_BROWSER=1: skip the browser tests, and this step.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const explicit = process.env.LAYERMAP_CHROMIUM || undefined;
const browser = explicit ?? DEBIAN_CHROMIUM;

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function skipped(reason) {
  console.error(`layermap tests: ${reason}: the browser tests are skipped`);
  process.exit(0);
}

if (process.env.LAYERMAP_SKIP_BROWSER === "1" || executable(browser)) process.exit(0);
if (explicit !== undefined) skipped(`no browser at ${explicit} (LAYERMAP_CHROMIUM)`);

const hasAptGet = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
if (process.getuid?.() !== 0 || !hasAptGet) {
  skipped(`no Chromium at ${DEBIAN_CHROMIUM} (install it with apt-get install chromium, or set LAYERMAP_CHROMIUM to a Chromium)`);
}
console.error(`layermap tests: no Chromium at ${DEBIAN_CHROMIUM}: installing Debian's chromium for the browser tests (apt-get)`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
const installed =
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env }).status === 0 &&
  spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { stdio: ["ignore", "ignore", "inherit"], env }).status === 0;
if (!installed || !executable(DEBIAN_CHROMIUM)) skipped("apt-get could not install chromium");
