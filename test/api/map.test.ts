import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { map } from "../../src/index.js";
import { jsonReport } from "../../src/report/json-report.js";

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/map/${name}/`, import.meta.url));

describe("map on a fixture project", () => {
  it("writes the expected document (test/fixtures/map/basic/expected.json)", async () => {
    const { document } = await map({ root: fixture("basic") });
    await expect(jsonReport(document)).toMatchFileSnapshot("../fixtures/map/basic/expected.json");
  });

  it("separates the runtime plane from the type-only plane", async () => {
    const { document } = await map({ root: fixture("basic") });
    const edge = (from: string, to: string) => document.imports.find((i) => i.from === from && i.to === to);
    // types.ts ⇄ server.ts is a cycle only through type-only imports: it vanishes at compile time.
    expect(edge("src/types.ts", "src/server/server.ts")?.typeOnly).toBe(true);
    expect(edge("src/server/server.ts", "src/types.ts")?.typeOnly).toBe(true);
    // `import { type Handler }` with every specifier a type is type-only too.
    expect(edge("src/app/main.ts", "src/types.ts")?.kinds).toEqual(["static", "type-only"]);
    expect(edge("src/app/main.ts", "src/server/server.ts")?.typeOnly).toBe(false);
  });

  it("keeps going past a file that does not parse, a missing file and a computed import, and says so", async () => {
    const { document } = await map({ root: fixture("basic") });
    const codes = document.diagnostics.map((d) => `${d.file}:${String(d.line)} ${d.code}`);
    expect(codes).toEqual(["src/app/broken.ts:4 parse-error", "src/app/main.ts:5 unresolved", "src/app/main.ts:12 non-literal-import"]);
    expect(document.imports.some((i) => i.from === "src/app/broken.ts" && i.to === "src/server/server.ts")).toBe(true);
    expect(document.summary.failedFiles).toBe(1);
  });

  it("gives the same bytes on every run", async () => {
    const first = jsonReport((await map({ root: fixture("basic") })).document);
    const second = jsonReport((await map({ root: fixture("basic") })).document);
    expect(second).toBe(first);
  });
});
