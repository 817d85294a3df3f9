/**
 * Where `--out` points: a device, a pipe or a symbolic link is never replaced by a regular file,
 * and the temporary file beside the output cannot be redirected by a planted link.
 */
import { execFileSync, spawn } from "node:child_process";
import { lstatSync, readFileSync, readlinkSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/cli/write-output.js";
import { writeNewFile } from "../../src/model/replace-file.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const onPosix = process.platform !== "win32";

describe("--out onto something that is not a regular file", () => {
  it.runIf(onPosix)("a named pipe is written straight through, and stays a pipe", async () => {
    const folder = tempTree({ "a.ts": 'import "./b.js";\n', "b.ts": "" });
    const fifo = join(folder, "graph.pipe");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo], { stdio: ["ignore", "pipe", "ignore"] });
    let read = "";
    reader.stdout.on("data", (chunk: Buffer) => (read += chunk.toString()));
    const ended = new Promise<void>((resolve) => reader.on("close", () => resolve()));
    try {
      const run = runBuiltCli(["map", ".", "--no-cache", "--quiet", "--format", "json", "--out", fifo], folder);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      await ended;
      expect(JSON.parse(read).summary.files).toBe(2);
    } finally {
      reader.kill();
    }
  });

  // /dev/fd/1 and /proc/self/fd/1 take the path /dev/stdout takes. Not /dev/stdout itself: a
  // layermap without the fix, run as root, would replace the machine's /dev/stdout link with a file.
  it.runIf(process.platform === "linux")("/dev/fd/1 and /proc/self/fd/1 onto a pipe are written through: the map comes out on stdout", () => {
    const folder = tempTree({ "a.ts": "" });
    for (const out of ["/dev/fd/1", "/proc/self/fd/1"]) {
      const run = runBuiltCli(["map", ".", "--no-cache", "--quiet", "--format", "json", "--out", out], folder);
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout).summary.files).toBe(1);
    }
  });

  it.runIf(onPosix)("a symbolic link is refused with one line: neither the link nor the file it points to changes", () => {
    const folder = tempTree({ "a.ts": "", "elsewhere/real.json": "the previous output\n" });
    symlinkSync("elsewhere/real.json", join(folder, "graph.json"));
    const run = runBuiltCli(["map", ".", "--no-cache", "--quiet", "--out", "graph.json"], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("layermap: error: graph.json: not written: it is a symbolic link; give the path of the file it points to, or remove the link\n");
    expect(readlinkSync(join(folder, "graph.json"))).toBe("elsewhere/real.json");
    expect(readFileSync(join(folder, "elsewhere/real.json"), "utf8")).toBe("the previous output\n");
  });
});

describe("the temporary file beside an output", () => {
  it.runIf(onPosix)("a link planted under the name a temporary file would get receives nothing", () => {
    const folder = tempTree({ "victim.txt": "untouched\n" });
    const output = join(folder, "graph.json");
    // The name the writer used to pick: the output's name and this process's id.
    symlinkSync(join(folder, "victim.txt"), join(folder, `.graph.json.layermap-tmp-${process.pid}`));
    writeOutputAtomically(output, "the map\n");
    expect(readFileSync(join(folder, "victim.txt"), "utf8")).toBe("untouched\n");
    expect(lstatSync(output).isFile()).toBe(true);
    expect(readFileSync(output, "utf8")).toBe("the map\n");
    // The planted link belongs to a live process (this one): left alone, not followed.
    expect(readdirSync(folder).sort()).toEqual([`.graph.json.layermap-tmp-${process.pid}`, "graph.json", "victim.txt"]);
  });

  it("is created exclusively: an entry already there under the name, even a dangling link, is never written through", () => {
    const folder = tempTree({});
    const planted = join(folder, "planted");
    symlinkSync(join(folder, "would-be-created"), planted);
    expect(() => writeNewFile(planted, "x")).toThrow(/EEXIST/);
    expect(readdirSync(folder)).toEqual(["planted"]);
    writeFileSync(join(folder, "file"), "old");
    expect(() => writeNewFile(join(folder, "file"), "x")).toThrow(/EEXIST/);
    expect(readFileSync(join(folder, "file"), "utf8")).toBe("old");
  });
});
