import { describe, expect, it } from "vitest";
import { discoverSources, type DiscoverOptions } from "../../src/discover/discover-files.js";
import { tempTree } from "../helpers/temp-tree.js";

const tree = {
  "src/a.ts": "",
  "src/b.tsx": "",
  "src/c.mts": "",
  "src/d.cts": "",
  "src/e.js": "",
  "src/f.jsx": "",
  "src/g.mjs": "",
  "src/h.cjs": "",
  "src/i.vue": "",
  "src/j.svelte": "",
  "src/k.astro": "",
  "src/l.vue.d.ts": "",
  "src/m.Vue": "",
  "src/types.d.ts": "",
  "src/readme.md": "",
  "src/data.json": "",
  "src/a.test.ts": "",
  "src/generated/out.ts": "",
  "src/keep/generated.ts": "",
  "node_modules/pkg/index.js": "",
  "dist/index.js": "",
  "build/index.js": "",
  "coverage/lcov.js": "",
  ".cache/x.ts": "",
  "lib/.hidden/y.ts": "",
  "lib/z.ts": "",
  "lib/ignored-here.ts": "",
  ".gitignore": "src/generated/\n*.log\n",
  "lib/.gitignore": "ignored-here.ts\n",
};

/** The files found: POSIX paths relative to the root, sorted by code unit. */
const discoverFiles = (options: DiscoverOptions): string[] => discoverSources(options).files;

describe("discoverFiles", () => {
  it("finds every source extension, skips installed, generated and dot folders, honours nested .gitignore files, and sorts", () => {
    const root = tempTree(tree);
    expect(discoverFiles({ root })).toEqual([
      "lib/z.ts",
      "src/a.test.ts",
      "src/a.ts",
      "src/b.tsx",
      "src/c.mts",
      "src/d.cts",
      "src/e.js",
      "src/f.jsx",
      "src/g.mjs",
      "src/h.cjs",
      "src/i.vue",
      "src/j.svelte",
      "src/k.astro",
      "src/keep/generated.ts",
    ]);
  });

  it("finds Python modules and stubs with no module beside them, and skips virtual environments, byte code and installs", () => {
    const root = tempTree({
      "pkg/__init__.py": "",
      "pkg/core.py": "",
      "pkg/core.pyi": "",
      "pkg/_speedups.pyi": "",
      "pkg/__pycache__/core.cpython-311.py": "",
      "env/pyvenv.cfg": "home = /usr/bin\n",
      "env/lib/python3.11/site-packages/installed.py": "",
      "tools/site-packages/vendored.py": "",
      "venv/bin/activate_this.py": "",
      ".venv/lib/hidden.py": "",
      "scripts/run.py": "",
    });
    expect(discoverFiles({ root })).toEqual(["pkg/__init__.py", "pkg/_speedups.pyi", "pkg/core.py", "scripts/run.py"]);
  });

  it("includes .d.ts files only when asked", () => {
    const root = tempTree(tree);
    expect(discoverFiles({ root, includeDeclarations: true })).toContain("src/types.d.ts");
  });

  it("applies include and exclude globs relative to the root", () => {
    const root = tempTree(tree);
    expect(discoverFiles({ root, include: ["src/**"], exclude: ["**/*.test.ts", "src/*.{js,jsx,mjs,cjs,vue,svelte,astro}"] })).toEqual([
      "src/a.ts",
      "src/b.tsx",
      "src/c.mts",
      "src/d.cts",
      "src/keep/generated.ts",
    ]);
  });

  it("maps gitignored files when .gitignore is turned off", () => {
    const root = tempTree(tree);
    expect(discoverFiles({ root, gitignore: false })).toEqual(expect.arrayContaining(["src/generated/out.ts", "lib/ignored-here.ts"]));
  });
});
