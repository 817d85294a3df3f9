// The application a scaffolding package's templates make (the sv demo corpus), written as sv's
// create() writes it. `node --test` in bench/.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { sharedFiles, writeTemplateApp } from "../lib/template-corpus.mjs";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "template-corpus-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const shared = (name, include, exclude = [], contents = name) => ({ name, include, exclude, contents });

describe("sharedFiles", () => {
  it("keeps a file whose every include holds and no exclude does, add-ons never chosen, the more generic first", () => {
    // In shared.json's order (sv's comparator is not a total order, so it is kept, as sv keeps it).
    const files = [
      shared("AGENTS.md", ["mcp"]),
      shared("tsconfig.json", ["typescript"], [], "app"),
      shared("tsconfig.json", ["library", "typescript"]),
      shared("vite.config.js", [], ["typescript", "checkjs"]),
      shared("README.md", []),
      shared("jsconfig.json", ["checkjs"]),
    ];
    const kept = sharedFiles(files, { template: "demo", types: "typescript" });
    assert.deepEqual(kept.map((f) => `${f.name}:${f.contents}`), ["README.md:README.md", "tsconfig.json:app"]);
    const library = sharedFiles(files, { template: "library", types: "typescript" }).map((f) => `${f.name}:${f.contents}`);
    assert.deepEqual(library, ["README.md:README.md", "tsconfig.json:app", "tsconfig.json:tsconfig.json"]);
  });
});

describe("writeTemplateApp", () => {
  it("writes assets (DOT- renamed), the template's files and the shared ones, names filled in, package.json merged", () => {
    const pkg = path.join(tmp, "sv");
    const demo = path.join(pkg, "dist", "templates", "demo");
    fs.mkdirSync(path.join(demo, "assets", "DOT-vscode"), { recursive: true });
    fs.writeFileSync(path.join(demo, "assets", "DOT-gitignore"), "node_modules\n");
    fs.writeFileSync(path.join(demo, "assets", "DOT-vscode", "settings.json"), '{"name":"~SV-NAME-TODO~"}');
    fs.writeFileSync(path.join(demo, "package.json"), JSON.stringify({ name: "~SV-NAME-TODO~", type: "module", scripts: { dev: "vite dev" } }));
    fs.writeFileSync(
      path.join(demo, "files.types=typescript.json"),
      JSON.stringify([{ name: "src/routes/+page.svelte", contents: "<h1>~SV-NAME-TODO~</h1>" }]),
    );
    fs.writeFileSync(
      path.join(pkg, "dist", "shared.json"),
      JSON.stringify({ files: [shared("package.json", ["typescript"], [], JSON.stringify({ scripts: { check: "svelte-check" } })), shared("tsconfig.json", ["typescript"], [], "{}")] }),
    );
    const dest = path.join(tmp, "app");
    const written = writeTemplateApp(pkg, { name: "demo", types: "typescript", project: "my-app" }, dest);
    assert.equal(written, 5);
    assert.equal(fs.readFileSync(path.join(dest, ".gitignore"), "utf8"), "node_modules\n");
    assert.equal(fs.readFileSync(path.join(dest, ".vscode", "settings.json"), "utf8"), '{"name":"my-app"}');
    assert.equal(fs.readFileSync(path.join(dest, "src", "routes", "+page.svelte"), "utf8"), "<h1>my-app</h1>");
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dest, "package.json"), "utf8")), {
      name: "my-app",
      type: "module",
      scripts: { dev: "vite dev", check: "svelte-check" },
    });
  });
});
