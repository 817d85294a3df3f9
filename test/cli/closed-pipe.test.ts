/**
 * `layermap map . | head -1`: a reader that closes the pipe after the first line ends the run
 * quietly — no `EPIPE … Unhandled 'error' event`, no stack trace — with the run's own exit code.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI } from "../helpers/run-built-cli.js";

const GENERATE = fileURLToPath(new URL("../../bench/generate.mjs", import.meta.url));

/** Runs the built CLI with its stdout piped into a reader that closes the pipe after the first line, as `head -1` does. */
function firstLineOnly(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; firstLine: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("\n")) child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code, signal) => resolve({ code, signal, firstLine: stdout.split("\n")[0]!, stderr }));
  });
}

describe("a closed stdout", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "layermap-pipe-"));
    // 300 modules: a JSON map of about 400 KB, several times what a pipe holds, so writing it
    // certainly meets the closed pipe, whatever the machine's speed.
    execFileSync(process.execPath, [GENERATE, "300", folder]);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("ends map quietly, with exit 0 and no stack trace", async () => {
    const run = await firstLineOnly(["map", folder, "--no-cache", "--quiet"]);
    expect(run.firstLine).toBe("{");
    expect(run.stderr).toBe("");
    expect([run.code, run.signal]).toEqual([0, null]);
  });
});
