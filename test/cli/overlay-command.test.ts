/**
 * `--profile` and `--heat` on `map` and `render`, through the built CLI: a run recorded against
 * the mapped root is drawn over the map; `render` reads it against --root; formats that do not
 * draw it say so; mistakes are one line.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { heatColour } from "../../src/report/heat.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { tempTree } from "../helpers/temp-tree.js";
import { overlayProfile, overlayProgram } from "../report/overlay-fixture.js";

function programWithProfile(): { root: string; profile: string } {
  const root = overlayProgram();
  const profile = join(root, "run.cpuprofile");
  writeFileSync(profile, overlayProfile());
  return { root, profile };
}

describe("map --profile", () => {
  it("draws the run over the map", () => {
    const { root, profile } = programWithProfile();
    const run = runBuiltCli(["map", root, "--no-cache", "-q", "--profile", profile, "--format", "dot"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`"top/app.ts" [id="module:top/app.ts"`);
    expect(run.stdout).toMatch(/"top\/app\.ts" \[[^\n]*fillcolor="#ff0000"/);
    expect(run.stdout).toContain('id="call:base/events.ts->top/handler.ts"');
    expect(run.stdout).toMatch(/"top\/app\.ts" -> "mid\/service\.ts" \[[^\n]*label="5[56]%"/);
  });

  it("--heat self fills by self time; without --profile it is a mistake", () => {
    const { root, profile } = programWithProfile();
    const self = runBuiltCli(["map", root, "--no-cache", "-q", "--profile", profile, "--heat", "self", "--format", "dot"]);
    expect(self.stdout).toMatch(new RegExp(`"base/db\\.ts" \\[[^\\n]*fillcolor="${heatColour(1)}"`));
    const alone = runBuiltCli(["map", root, "--no-cache", "-q", "--heat", "self", "--format", "dot"]);
    expect(alone.status).not.toBe(0);
    expect(alone.stderr).toContain("--heat chooses how a profile is drawn");
  });

  it("json ignores the profile and says so, without reading it", () => {
    const { root } = programWithProfile();
    const run = runBuiltCli(["map", root, "--no-cache", "-q", "--profile", join(root, "missing.cpuprofile")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("--profile is drawn only in dot, svg, mermaid, html; the json output leaves it out");
    expect(JSON.parse(run.stdout).version).toBe(1);
  });

  it("a profile none of whose frames is a module of the map is one line, not a picture of nothing run", () => {
    const { profile } = programWithProfile();
    // Another codebase: the profile's frames (top/app.ts, …) name none of its modules.
    const other = tempTree({ "lib/only.ts": "export const x = 1;\n" });
    const run = runBuiltCli(["map", other, "--no-cache", "-q", "--profile", profile, "--format", "dot"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("no frame of the profile is a module of this map");
  });

  it("a profile that cannot be read is one line, and nothing is written", () => {
    const { root } = programWithProfile();
    const out = join(root, "heat.svg");
    const run = runBuiltCli(["map", root, "--no-cache", "-q", "--profile", join(root, "missing.cpuprofile"), "--out", out]);
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("missing.cpuprofile");
  });
});

describe("render --profile", () => {
  it("reads the profile against --root, and the folder drawn by default", () => {
    const { root, profile } = programWithProfile();
    const doc = join(root, "map.json");
    expect(runBuiltCli(["map", root, "--no-cache", "-q", "--out", doc]).status).toBe(0);
    const fromDoc = runBuiltCli(["render", doc, "--profile", profile, "--root", root, "--collapse", "layer", "--format", "mermaid"]);
    expect(fromDoc.stderr).toBe("");
    expect(fromDoc.stdout).toContain("===|▲ calls 15%|");
    // Without --root, the current folder: run from the root, the same picture.
    const here = runBuiltCli(["render", doc, "--profile", profile, "--collapse", "layer", "--format", "mermaid"], root);
    expect(here.stdout).toBe(fromDoc.stdout);
    const folder = runBuiltCli(["render", root, "--no-cache", "--profile", profile, "--collapse", "layer", "--format", "mermaid"].filter((arg) => arg !== "--no-cache"));
    expect(folder.stdout).toBe(fromDoc.stdout);
  });

  it("without a profile, draws what it always drew", () => {
    const { root } = programWithProfile();
    const doc = join(root, "map.json");
    runBuiltCli(["map", root, "--no-cache", "-q", "--out", doc]);
    const run = runBuiltCli(["render", doc, "--format", "dot"]);
    expect(run.stdout).not.toContain("call:");
    expect(run.stdout).not.toContain("legend-heat");
  });
});
