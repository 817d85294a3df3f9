// The classes compare-edges.mjs puts a component corpus's differences in: each rule claims what
// it should and nothing else, its checks against the files included. `node --test` in bench/.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { classifyDepcruiseOnly, classifyDifferences, classifyLayermapOnly, typesTargetMissing } from "../lib/difference-classes.mjs";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "difference-classes-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A folder under the temp folder holding these files (path → text). */
function project(name, files) {
  const root = path.join(tmp, name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const key = (from, to) => `${from}\u0000${to}`;
const lmEdge = (from, to, sites, typeOnly = false) => ({ from, to, detail: { typeOnly, sites: sites.map((specifier) => ({ line: 1, specifier })) } });
/** A depcruise view that resolved these (from, specifier) pairs as given. */
const dcView = (resolutions = {}) => ({ resolutions: new Map(Object.entries(resolutions).map(([k, v]) => [k.replace(" ", "\u0000"), v])), edges: new Map() });

describe("classifyLayermapOnly", () => {
  const root = project("shipped", {
    "package.json": JSON.stringify({
      name: "ui",
      exports: { ".": { types: "./index.d.ts", import: "./index.mjs" }, "./*": { types: "./*/index.d.ts", import: "./*/index.mjs" } },
    }),
    "index.mjs": "",
    "bus/index.mjs": "",
    "button/index.d.ts": "",
    "button/index.mjs": "",
    "menu/types.d.ts": "",
    "menu/types.js": "",
  });

  it("a type-only import of a .svelte file depcruise never saw is beyond its reach; a value one, or one it saw, is not", () => {
    assert.equal(classifyLayermapOnly(lmEdge("A.svelte", "types.js", ["./types"], true), dcView(), root), "svelte-type-only");
    assert.equal(classifyLayermapOnly(lmEdge("A.svelte", "types.js", ["./types"], false), dcView(), root), null);
    assert.equal(classifyLayermapOnly(lmEdge("A.svelte", "types.js", ["./types"], true), dcView({ "A.svelte ./types": "unresolved" }), root), null);
    assert.equal(classifyLayermapOnly(lmEdge("a.ts", "types.js", ["./types"], true), dcView(), root), null);
  });

  it("any edge of an .astro file is beyond depcruise", () => {
    assert.equal(classifyLayermapOnly(lmEdge("Page.astro", "x.js", ["./x"]), dcView(), root), "astro-file");
  });

  it("a self-reference whose exports `types` target is missing, only when it is", () => {
    const dc = dcView({ "index.mjs ui/bus": "unresolved", "index.mjs ui/button": "unresolved" });
    assert.equal(classifyLayermapOnly(lmEdge("index.mjs", "bus/index.mjs", ["ui/bus"]), dc, root), "exports-types-target-missing");
    assert.equal(classifyLayermapOnly(lmEdge("index.mjs", "button/index.mjs", ["ui/button"]), dc, root), null);
    assert.equal(typesTargetMissing(root, "ui/bus"), true);
    assert.equal(typesTargetMissing(root, "ui/button"), false);
    assert.equal(typesTargetMissing(root, "other/bus"), false);
  });

  it("`./x.ts` in a declaration file where x.d.ts ships and x.ts does not", () => {
    const dc = dcView({ "app.d.ts ./menu/types.ts": "unresolved", "app.d.ts ./menu/gone.ts": "unresolved" });
    assert.equal(classifyLayermapOnly(lmEdge("app.d.ts", "menu/types.js", ["./menu/types.ts"]), dc, root), "ts-specifier-in-declaration");
    assert.equal(classifyLayermapOnly(lmEdge("app.d.ts", "menu/gone.js", ["./menu/gone.ts"]), dc, root), null);
  });

  it("`$lib/x` only in a project depending on @sveltejs/kit, and only to its src/lib/x", () => {
    const kit = project("kit", { "package.json": JSON.stringify({ devDependencies: { "@sveltejs/kit": "^2" } }), "src/lib/logo.svg": "" });
    const plain = project("plain", { "package.json": "{}", "src/lib/logo.svg": "" });
    const dc = dcView({ "src/routes/Header.svelte $lib/logo.svg": "unresolved" });
    const edge = lmEdge("src/routes/Header.svelte", "src/lib/logo.svg", ["$lib/logo.svg"]);
    assert.equal(classifyLayermapOnly(edge, dc, kit), "sveltekit-lib-alias");
    assert.equal(classifyLayermapOnly(edge, dc, plain), null);
    assert.equal(classifyLayermapOnly(lmEdge("src/routes/Header.svelte", "src/logo.svg", ["$lib/logo.svg"]), dc, kit), null);
    const lookup = dcView({ "a.js $lib/api": "unresolved", "a.js $lib/list": "unresolved" });
    assert.equal(classifyLayermapOnly(lmEdge("a.js", "src/lib/api.js", ["$lib/api"]), lookup, kit), "sveltekit-lib-alias");
    assert.equal(classifyLayermapOnly(lmEdge("a.js", "src/lib/list/index.svelte", ["$lib/list"]), lookup, kit), "sveltekit-lib-alias");
    assert.equal(classifyLayermapOnly(lmEdge("a.js", "src/lib/list/other.js", ["$lib/list"]), lookup, kit), null);
  });

  it("`./x.svelte.js` taken for the component x.svelte, on both sides", () => {
    const dc = dcView({ "m.js ./x.svelte.js": "x.svelte.js" });
    assert.equal(classifyLayermapOnly(lmEdge("m.js", "x.svelte", ["./x.svelte.js"]), dc, root), "svelte-js-as-component");
    const lm = { resolutions: new Map([[key("m.js", "./x.svelte.js"), "x.svelte"]]) };
    assert.equal(classifyDepcruiseOnly({ from: "m.js", to: "x.svelte.js", detail: { specifiers: ["./x.svelte.js"] } }, lm), "svelte-js-as-component");
    assert.equal(classifyDepcruiseOnly({ from: "m.js", to: "y.js", detail: { specifiers: ["./y.js"] } }, lm), null);
  });
});

describe("classifyDifferences", () => {
  it("counts each class and each fault, an edge no rule claims as unexplained", () => {
    const lm = {
      edges: new Map([
        [key("A.svelte", "t.js"), lmEdge("A.svelte", "t.js", ["./t"], true)],
        [key("a.js", "b.js"), lmEdge("a.js", "b.js", ["./b"])],
      ]),
      resolutions: new Map(),
    };
    const dc = { edges: new Map([[key("c.js", "d.js"), { from: "c.js", to: "d.js", detail: { specifiers: ["./d"] } }]]), resolutions: new Map() };
    const result = classifyDifferences({ onlyA: [key("A.svelte", "t.js"), key("a.js", "b.js")], onlyB: [key("c.js", "d.js")] }, lm, dc, tmp);
    assert.deepEqual([...result.counts], [["svelte-type-only", 1], ["unexplained", 2]]);
    assert.deepEqual(result.byFault, { "beyond depcruise": 1, depcruise: 0, layermap: 0, unexplained: 2 });
    assert.equal(result.classOf.get(key("c.js", "d.js")), "unexplained");
  });
});
