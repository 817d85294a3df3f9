/**
 * Node's compile cache for layermap's own code (src/cli/compile-cache.ts): in the user's cache
 * folder, off with --no-cache, never a reason for a run to fail.
 */
import { spawnSync } from "node:child_process";
import * as module from "node:module";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { enableCompileCache } from "../../src/cli/compile-cache.js";

const COMPILE_CACHE_FOLDER = "node-compile-cache";
import { CLI } from "../helpers/run-built-cli.js";

const userCache = mkdtempSync(join(tmpdir(), "layermap-user-cache-"));
const saved = process.env["XDG_CACHE_HOME"];
process.env["XDG_CACHE_HOME"] = userCache;
afterAll(() => {
  process.env["XDG_CACHE_HOME"] = saved;
  rmSync(userCache, { recursive: true, force: true });
});

describe("enableCompileCache", () => {
  const calls = (argv: string[], enable?: (folder?: string) => unknown): (string | undefined)[] => {
    const seen: (string | undefined)[] = [];
    enableCompileCache(argv, (folder) => {
      seen.push(folder);
      return enable?.(folder);
    });
    return seen;
  };

  it("turns Node's cache on in the user's cache folder", () => {
    expect(calls(["map", "."])).toEqual([join(userCache, "layermap", COMPILE_CACHE_FOLDER)]);
  });

  it("leaves it off with --no-cache", () => {
    expect(calls(["map", ".", "--no-cache"])).toEqual([]);
  });

  it("does nothing on a Node without it", () => {
    expect(() => enableCompileCache(["map", "."], undefined)).not.toThrow();
  });

  it("leaves it off without a private cache folder, and never throws", () => {
    const file = join(userCache, "a-file");
    writeFileSync(file, "");
    process.env["XDG_CACHE_HOME"] = file;
    try {
      expect(calls(["map", "."])).toEqual([]);
    } finally {
      process.env["XDG_CACHE_HOME"] = userCache;
    }
    expect(calls(["map", "."], () => {
      throw new Error("no room");
    })).toHaveLength(1);
  });

  const nodeHasIt = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === "function";
  it.skipIf(!nodeHasIt)("the built CLI fills it, and a run with --no-cache leaves it alone", () => {
    const fresh = mkdtempSync(join(tmpdir(), "layermap-user-cache-"));
    try {
      const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, XDG_CACHE_HOME: fresh } });
      expect(run("--version", "--no-cache").status).toBe(0);
      expect(existsSync(join(fresh, "layermap", COMPILE_CACHE_FOLDER))).toBe(false);
      expect(run("--version").status).toBe(0);
      expect(readdirSync(join(fresh, "layermap", COMPILE_CACHE_FOLDER), { recursive: true }).length).toBeGreaterThan(0);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
