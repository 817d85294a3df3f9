/**
 * A local module is a file under the root. An import that leads out of it — `../outside.js`, an
 * absolute path, a `/// <reference path>` or a tsconfig `paths` alias pointing above the root —
 * is unresolved, with a diagnostic naming where it leads; no local id starts with `..` or `/`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { map } from "../../src/api/map.js";
import type { MapDocument } from "../../src/model/document.js";
import { tempTree } from "../helpers/temp-tree.js";

function edgesOf(document: MapDocument): string[] {
  const kindOf = new Map(document.modules.map((module) => [module.id, module.kind]));
  return document.imports.map(({ from, to }) => `${from} -> ${to} (${String(kindOf.get(to))})`);
}

describe("imports that leave the root", () => {
  it("are unresolved, with a diagnostic saying where they lead; imports inside stay local", async () => {
    const top = tempTree({
      "outside.ts": "export const outside = 1;\n",
      "notes.txt": "not code\n",
      "shared/util.ts": "export const util = 1;\n",
      "app/tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@shared/*": ["../shared/*"] } } }),
      "app/a.ts": 'import { outside } from "../outside.js";\nimport { b } from "./b.js";\nimport { util } from "@shared/util";\nexport const a = outside + b + util;\n',
      "app/c.ts": '/// <reference path="../outside.ts" />\nexport const c = 1;\n',
    });
    // Absolute specifiers, to a code file and to any file, both outside the root.
    writeFileSync(join(top, "app", "b.ts"), `import "${join(top, "outside.js")}";\nimport "${join(top, "notes.txt")}";\nexport const b = 1;\n`);
    const { document } = await map({ root: join(top, "app"), cache: false });

    expect(edgesOf(document)).toEqual([
      "a.ts -> ../outside.ts (unresolved)",
      "a.ts -> ../shared/util.ts (unresolved)",
      "a.ts -> b.ts (local)",
      `b.ts -> ${join(top, "notes.txt")} (unresolved)`,
      `b.ts -> ${join(top, "outside.js")} (unresolved)`,
      "c.ts -> ../outside.ts (unresolved)",
    ].sort());
    expect(document.diagnostics.map(({ file, line, code, message }) => `${file}:${String(line)} ${code}: ${message}`)).toEqual([
      'a.ts:1 unresolved: cannot resolve "../outside.js": it is ../outside.ts, outside the root (map a folder that holds both to follow it)',
      'a.ts:3 unresolved: cannot resolve "@shared/util": it is ../shared/util.ts, outside the root (map a folder that holds both to follow it)',
      `b.ts:1 unresolved: cannot resolve "${join(top, "outside.js")}": it is ../outside.ts, outside the root (map a folder that holds both to follow it)`,
      `b.ts:2 unresolved: cannot resolve "${join(top, "notes.txt")}": it is ../notes.txt, outside the root (map a folder that holds both to follow it)`,
      'c.ts:1 unresolved: cannot resolve "../outside.ts": it is ../outside.ts, outside the root (map a folder that holds both to follow it)',
    ]);
    expect(document.summary).toMatchObject({ local: 3, unresolved: 4 });

    // Mapped from the folder above, the same imports are local files.
    const whole = await map({ root: top, cache: false, tsconfig: "app/tsconfig.json" });
    expect(edgesOf(whole.document).filter((edge) => edge.startsWith("app/a.ts"))).toEqual([
      "app/a.ts -> app/b.ts (local)",
      "app/a.ts -> outside.ts (local)",
      "app/a.ts -> shared/util.ts (local)",
    ]);
  });

  it("never give a local id that starts with .. or /", async () => {
    const top = tempTree({ "up/deeper/x.ts": "export const x = 1;\n", "root/a.ts": 'import "../up/deeper/x.js";\nimport "/etc/hostname";\nimport "../../../../../../../../etc/passwd";\n' });
    const { document } = await map({ root: join(top, "root"), cache: false });
    const locals = document.modules.filter((module) => module.kind === "local").map((module) => module.id);
    expect(locals).toEqual(["a.ts"]);
  });
});
