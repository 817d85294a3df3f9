/**
 * `npm test`'s pretest step, scripts/ensure-chromium.mjs: the README's two commands are the whole
 * set-up. With LAYERMAP_CHROMIUM naming a browser it uses that one, and never installs over a
 * path that is missing: it says in one line that the browser tests are skipped. (Installing
 * Debian's chromium when /usr/bin/chromium is missing is what .ci/run did by hand; on this
 * machine the browser is present, so that branch is not run here.)
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempTree } from "../helpers/temp-tree.js";

/** Runs the script with a PATH whose apt-get only leaves a mark, so no test can install anything. */
function ensure(env: Record<string, string>): { status: number | null; stderr: string; calledAptGet: boolean } {
  const bin = tempTree({ "apt-get": '#!/bin/sh\ntouch "$(dirname "$0")/called"\nexit 0\n' });
  chmodSync(join(bin, "apt-get"), 0o755);
  const { LAYERMAP_SKIP_BROWSER: _skip, LAYERMAP_CHROMIUM: _chromium, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ["scripts/ensure-chromium.mjs"], {
    encoding: "utf8",
    env: { ...inherited, PATH: `${bin}:${process.env["PATH"] ?? ""}`, ...env },
  });
  return { status: result.status, stderr: result.stderr, calledAptGet: existsSync(join(bin, "called")) };
}

describe("scripts/ensure-chromium.mjs (pretest)", () => {
  it("LAYERMAP_CHROMIUM naming a browser that is there: nothing to do, nothing said", () => {
    const run = ensure({ LAYERMAP_CHROMIUM: process.execPath });
    expect(run).toEqual({ status: 0, stderr: "", calledAptGet: false });
  });

  it("LAYERMAP_CHROMIUM naming a missing path: one line, the browser tests skipped, nothing installed", () => {
    const run = ensure({ LAYERMAP_CHROMIUM: "/nonexistent/chromium" });
    expect(run).toEqual({
      status: 0,
      stderr: "layermap tests: no browser at /nonexistent/chromium (LAYERMAP_CHROMIUM): the browser tests are skipped\n",
      calledAptGet: false,
    });
  });

  it("LAYERMAP_SKIP_BROWSER=1: nothing to do", () => {
    expect(ensure({ LAYERMAP_SKIP_BROWSER: "1", LAYERMAP_CHROMIUM: "/nonexistent/chromium" })).toEqual({ status: 0, stderr: "", calledAptGet: false });
  });
});
