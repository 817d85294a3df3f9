/**
 * `layermap profile`: a command run with V8's CPU profiler in every Node process it starts. The
 * fixture has a known call structure — main calls a.heavy() and b.light(), heavy spinning about
 * three times as long, both through a shared helper — so the profile can be checked for what it
 * must hold, never for how long anything took.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";

const PROGRAM = {
  "main.js": 'const { heavy } = require("./a.js");\nconst { light } = require("./b.js");\nfor (let i = 0; i < 10; i++) { heavy(); light(); }\n',
  "a.js": 'const { helper } = require("./helper.js");\nexports.heavy = function heavy() { let s = 0; for (let i = 0; i < 3e6; i++) s += helper(i); return s; };\n',
  "b.js": 'const { helper } = require("./helper.js");\nexports.light = function light() { let s = 0; for (let i = 0; i < 1e6; i++) s += helper(i); return s; };\n',
  "helper.js": "exports.helper = function helper(i) { return Math.sqrt(i) % 7; };\n",
};

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
}

const read = (path: string): Profile => JSON.parse(readFileSync(path, "utf8")) as Profile;

/** Samples taken in a function of a file (its self time, counted in samples). */
function selfSamples(profile: Profile, url: string, name: string): number {
  const ids = new Set(profile.nodes.filter((node) => node.callFrame.url === url && node.callFrame.functionName === name).map((node) => node.id));
  return profile.samples.filter((id) => ids.has(id)).length;
}

describe("layermap profile", () => {
  it("writes a .cpuprofile of a program that exits by itself, frames named relative to the root", () => {
    const root = tempTree(PROGRAM);
    const run = runBuiltCli(["profile", "--out", "run.cpuprofile", "--", process.execPath, "main.js"], root);
    expect(run.stderr).toBe("layermap: profile written to run.cpuprofile\n");
    expect(run.status).toBe(0);
    const profile = read(join(root, "run.cpuprofile"));
    expect(profile.samples.length).toBe(profile.timeDeltas.length);
    const urls = new Set(profile.nodes.map((node) => node.callFrame.url));
    for (const file of ["main.js", "a.js", "b.js"]) expect(urls).toContain(file);
    // No path of this machine under the root is left in the profile.
    expect([...urls].filter((url) => url.includes(root))).toEqual([]);
    // heavy does three times light's work: it holds more samples, whatever the machine's speed.
    expect(selfSamples(profile, "a.js", "heavy")).toBeGreaterThan(selfSamples(profile, "b.js", "light"));
  });

  it("stops a program that never exits after --duration, and still writes its profile", () => {
    const root = tempTree({ "server.js": 'require("node:http").createServer((q, r) => r.end("ok")).listen(0, "127.0.0.1");\n' });
    const run = runBuiltCli(["profile", "--duration", "1", "--", process.execPath, "server.js"], root);
    expect(run.stderr).toBe("layermap: stopped after 1 s; profile written to layermap.cpuprofile\n");
    expect(run.status).toBe(0);
    expect(read(join(root, "layermap.cpuprofile")).nodes.some((node) => node.callFrame.url === "server.js")).toBe(true);
  });

  it("profiles every Node process the command starts: one profile each, in the order they started", () => {
    const root = tempTree({
      ...PROGRAM,
      "parent.js": 'const { spawnSync } = require("node:child_process");\nspawnSync(process.execPath, ["main.js"], { stdio: "inherit" });\n',
    });
    const run = runBuiltCli(["profile", "--out", "family.cpuprofile", "--", process.execPath, "parent.js"], root);
    expect(run.stderr).toBe("layermap: 2 profiles, one a process, written to family.cpuprofile, family.2.cpuprofile\n");
    const urls = (path: string): string[] => read(join(root, path)).nodes.map((node) => node.callFrame.url);
    expect(urls("family.cpuprofile")).toContain("parent.js");
    expect(urls("family.2.cpuprofile")).toContain("a.js");
  });

  it("reports the command's own failure with its exit code, and keeps the profile", () => {
    const root = tempTree({ "fail.js": "process.exitCode = 3;\n" });
    const run = runBuiltCli(["profile", "--", process.execPath, "fail.js"], root);
    expect(run.stderr).toBe("layermap: the command exited with code 3; profile written to layermap.cpuprofile\n");
    expect(run.status).toBe(0);
  });

  it.each([
    ["no command", ["profile"], /^layermap: error: profile: name the command to run after --/],
    ["no -- before the command", ["profile", "node", "x.js"], /^layermap: error: Unknown arguments: node, x\.js/],
    ["a command that does not exist", ["profile", "--", "no-such-command-here"], /^layermap: error: profile: no-such-command-here: command not found\n$/],
    ["a command that starts no Node process", ["profile", "--", "true"], /^layermap: error: profile: no Node process wrote a profile/],
    ["a duration that is not above 0", ["profile", "--duration", "0", "--", "true"], /^layermap: error: --duration 0: expected a number of seconds above 0\n$/],
  ])("%s: one line, exit 2, no profile", (_case, args, message) => {
    const root = tempTree({});
    const run = runBuiltCli(args, root);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/ at /);
    expect(existsSync(join(root, "layermap.cpuprofile"))).toBe(false);
  });
});
