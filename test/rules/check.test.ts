import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ajvDraft04 from "ajv-draft-04";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { check, type CheckResult } from "../../src/api/check.js";
import { checkReporters } from "../../src/report/check/reporters.js";
import { tempTree } from "../helpers/temp-tree.js";

const BROKEN = "test/fixtures/check/broken";
const fixturePath = (file: string): string => fileURLToPath(new URL(`../fixtures/check/broken/${file}`, import.meta.url));

/** Violations as `rule from:line -> to`, the shape a reader checks by eye. */
const brief = (result: CheckResult): string[] => result.violations.map((v) => `${v.rule} ${v.from}:${v.line} -> ${v.to}`);

/** A copy of the broken fixture with another config, to vary one rule at a time. */
function brokenWithConfig(config: object): string {
  const root = tempTree({});
  cpSync(fixturePath(""), root, { recursive: true });
  writeFileSync(join(root, "layermap.config.json"), JSON.stringify(config));
  return root;
}

const layers = [
  { name: "app", paths: "apps/**" },
  { name: "middleware", paths: ["middleware/**"] },
  { name: "server", paths: ["server/**"] },
  { name: "core", paths: ["core/**"] },
];

describe("check on a fixture that breaks every kind of rule", () => {
  it("finds exactly the expected violations, each with file and line", async () => {
    const result = await check({ cwd: process.cwd(), root: BROKEN });
    expect(brief(result)).toEqual([
      "apps-stay-apart apps/shop/cart.ts:2 -> apps/blog/post.ts",
      "no-runtime-lodash apps/shop/main.ts:3 -> lodash",
      "cycles core/headers.ts:1 -> core/request.ts",
      "no-http-in-core core/request.ts:1 -> node:http",
      "layers core/request.ts:3 -> apps/shop/cart.ts",
      "layers server/serve.ts:2 -> middleware/logger.ts",
    ]);
    expect(result.summary).toEqual({ modules: 10, layered: 9, unlayered: 1, errors: 5, warnings: 1, known: 0, stale: 0 });
    expect(result.unlayered).toEqual(["util/decorate.ts"]);
    const layer = result.violations.find((v) => v.rule === "layers" && v.from === "core/request.ts");
    expect(layer).toMatchObject({ specifier: "../apps/shop/cart.js", fromLayer: "core", toLayer: "app", severity: "error" });
  });

  it("follows a chain through modules in no layer and reports every step", async () => {
    const result = await check({ cwd: process.cwd(), root: BROKEN });
    const chained = result.violations.find((v) => v.from === "server/serve.ts");
    expect(chained?.via).toEqual([
      { from: "server/serve.ts", to: "util/decorate.ts", line: 2, specifier: "../util/decorate.js" },
      { from: "util/decorate.ts", to: "middleware/logger.ts", line: 2, specifier: "../middleware/logger.js" },
    ]);
  });

  it("lets type-only imports cross a forbidden rule limited to runtime import kinds", async () => {
    const result = await check({ cwd: process.cwd(), root: BROKEN });
    // apps/shop/cart.ts has `import type { Dictionary } from "lodash"`: not a violation.
    expect(result.violations.filter((v) => v.rule === "no-runtime-lodash").map((v) => v.from)).toEqual(["apps/shop/main.ts"]);
  });

  it("strict mode allows only the layer directly below", async () => {
    const result = await check({ cwd: process.cwd(), root: BROKEN, config: fixturePath("layermap.strict.json") });
    expect(brief(result)).toEqual([
      "layers apps/blog/post.ts:1 -> core/request.ts",
      "layers apps/shop/cart.ts:1 -> core/request.ts",
      "layers apps/shop/main.ts:1 -> server/serve.ts",
      "layers core/request.ts:3 -> apps/shop/cart.ts",
      "layers middleware/logger.ts:1 -> core/request.ts",
      "layers server/serve.ts:2 -> middleware/logger.ts",
    ]);
  });

  it("counts cycles on the runtime plane by default, and type-only ones when asked", async () => {
    const runtime = await check({ cwd: process.cwd(), root: brokenWithConfig({ layers, rules: { layers: "off" } }) });
    expect(runtime.violations.map((v) => v.via?.map((step) => step.from).join(" "))).toEqual(["core/headers.ts core/request.ts"]);
    const all = await check({ cwd: process.cwd(), root: brokenWithConfig({ layers, rules: { layers: "off", cycles: { severity: "error", plane: "all" } } }) });
    // Through `import type { Cart }`, core/request.ts and the apps join one tangle.
    expect(all.violations.map((v) => v.via?.map((step) => step.from).join(" "))).toEqual([
      "apps/blog/post.ts core/request.ts apps/shop/cart.ts",
      "core/reason.ts core/status.ts",
    ]);
  });

  it("lets the layers rule ignore type-only imports on the runtime plane", async () => {
    const result = await check({ cwd: process.cwd(), root: brokenWithConfig({ layers, rules: { layers: { plane: "runtime" }, cycles: "off" } }) });
    // core/request.ts imports apps/shop/cart.ts only as a type.
    expect(brief(result)).toEqual(["layers server/serve.ts:2 -> middleware/logger.ts"]);
  });

  it("treats a layer or a rule that matches nothing as a config error, unless it is optional", async () => {
    const typo = brokenWithConfig({
      layers: [...layers, { name: "shared", paths: "shraed/**" }],
      rules: { forbidden: [{ name: "typo", from: { path: "aps/**" }, to: { kind: "external" } }], independent: [{ name: "none", siblings: "packages/*" }] },
    });
    await expect(check({ cwd: process.cwd(), root: typo })).rejects.toThrow(
      [
        'layermap.config.json: layers[4].paths: layer "shared" matches no module',
        'layermap.config.json: rules.forbidden[0].from: rule "typo": `from` matches no module',
        'layermap.config.json: rules.independent[0].siblings: rule "none": `siblings` matches no folder of a module',
      ]
        .map((line) => `${line} (mark it "optional": true if that is intended)`)
        .join("\n")
        .replaceAll("layermap.config.json", `${typo}/layermap.config.json`),
    );
    const optional = brokenWithConfig({ layers: [...layers, { name: "shared", paths: "shraed/**", optional: true }] });
    await expect(check({ cwd: process.cwd(), root: optional })).resolves.toBeDefined();
  });
});

describe("baseline", () => {
  it("accepts known violations, fails on new ones, and reports the stale entries", async () => {
    const first = await check({ cwd: process.cwd(), root: BROKEN });
    const folder = tempTree({});
    const baselinePath = join(folder, "baseline.json");
    const known = first.nextBaseline.violations.filter((entry) => entry.rule !== "apps-stay-apart");
    writeFileSync(
      baselinePath,
      JSON.stringify({ version: 1, violations: [...known, { rule: "layers", from: "core/gone.ts", to: "apps/old.ts" }] }),
    );
    const second = await check({ cwd: process.cwd(), root: BROKEN, baseline: baselinePath });
    expect(brief(second)).toEqual(["apps-stay-apart apps/shop/cart.ts:2 -> apps/blog/post.ts"]);
    expect(second.summary).toMatchObject({ errors: 1, warnings: 0, known: 5, stale: 1 });
    expect(second.stale).toEqual([{ rule: "layers", from: "core/gone.ts", to: "apps/old.ts" }]);
  });

  it("matches by rule, from and to, not by line, so moving an import keeps it known", async () => {
    const root = brokenWithConfig({ layers });
    const baselinePath = join(root, "baseline.json");
    writeFileSync(baselinePath, JSON.stringify((await check({ root })).nextBaseline));
    const request = join(root, "core/request.ts");
    writeFileSync(request, `// moved down a line\n${readFileSync(request, "utf8")}`);
    const moved = await check({ root, baseline: baselinePath });
    expect(moved.summary).toMatchObject({ errors: 0, known: 3, stale: 0 });
    expect(moved.known.find((v) => v.rule === "layers" && v.from === "core/request.ts")?.line).toBe(4);
  });

  it("rejects a file that is not a baseline, naming it", async () => {
    const folder = tempTree({ "baseline.json": '{ "violations": "all" }' });
    await expect(check({ cwd: process.cwd(), root: BROKEN, baseline: join(folder, "baseline.json") })).rejects.toThrow(/baseline\.json: violations: .*not a layermap baseline/s);
  });
});

describe("check reports", () => {
  const formats = [
    ["text", "expected.txt"],
    ["json", "expected.json"],
    ["sarif", "expected.sarif"],
    ["github", "expected.github.txt"],
    ["junit", "expected.junit.xml"],
  ] as const;

  it.each(formats)("%s matches %s stored beside the fixture", async (format, file) => {
    const result = await check({ cwd: process.cwd(), root: BROKEN });
    await expect(checkReporters[format](result, { colour: false, verbose: true })).toMatchFileSnapshot(`../fixtures/check/broken/${file}`);
  });

  it("SARIF is valid against the official SARIF 2.1.0 schema", async () => {
    const schema = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json")), "utf8"));
    const validate = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    const sarif = JSON.parse(checkReporters.sarif(await check({ cwd: process.cwd(), root: BROKEN }), { colour: false, verbose: false }));
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(6);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: `${BROKEN}/apps/shop/cart.ts`, uriBaseId: "%SRCROOT%" },
      region: { startLine: 2 },
    });
    // A broken document is rejected, so the validation above could fail.
    expect(validate({ ...sarif, version: "2.0" })).toBe(false);
  });

  it("colours the text report only when asked", async () => {
    const result = await check({ cwd: process.cwd(), root: BROKEN });
    expect(checkReporters.text(result, { colour: false, verbose: false })).not.toContain("\u001b[");
    expect(checkReporters.text(result, { colour: true, verbose: false })).toContain("\u001b[31m");
  });

  it("escapes GitHub workflow command data", async () => {
    const result = await check({ cwd: process.cwd(), root: BROKEN });
    const annotations = checkReporters.github(result, { colour: false, verbose: false }).split("\n");
    expect(annotations[0]).toMatch(/^::error file=test\/fixtures\/check\/broken\/apps\/shop\/cart\.ts,line=2,title=layermap apps-stay-apart::/);
    expect(annotations.every((line) => !line.includes("\r"))).toBe(true);
  });

  /** Core (files at the top, and under core/) below app; each core file imports app, so each is a violation located at its own name. */
  const oddlyNamed = (names: readonly string[], specifier = "app/a.js"): string =>
    tempTree({
      // Files at the top are in core too, when there are any (a glob that matches nothing is an error).
      "layermap.config.json": JSON.stringify({ layers: [{ name: "app", paths: "app/**" }, { name: "core", paths: ["core/**", ...(names.some((name) => !name.includes("/")) ? ["*"] : [])] }] }),
      "app/a.ts": "export const a = 1;\n",
      ...Object.fromEntries(names.map((name) => [name, `import { a } from "${"../".repeat(name.split("/").length - 1) || "./"}${specifier}";\nexport const b = a;\n`])),
    });

  it("SARIF locates each file by a relative URI reference that resolves to its own name: # ? % and a scheme-like x: encoded", async () => {
    // At the top, `http:x.ts` read as a URI would be an absolute URL of the http scheme.
    const names = ["core/issue#12?.ts", "http:x.ts", "core/100%.ts", "core/a b.ts", "core/café.ts"];
    const result = await check({ cwd: process.cwd(), root: oddlyNamed(names), cache: false });
    const sarif = JSON.parse(checkReporters.sarif({ ...result, root: "." }, { colour: false, verbose: false }));
    const uris: string[] = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris.sort()).toEqual(["core/100%25.ts", "core/a%20b.ts", "core/caf%C3%A9.ts", "core/issue%2312%3F.ts", "http%3Ax.ts"]);
    // Resolved against the source root as a SARIF viewer does: no query, no fragment, no other scheme, the file's own name.
    const resolved = uris.map((uri) => new URL(uri, "file:///src/"));
    expect(resolved.map((url) => [url.protocol, url.search, url.hash])).toEqual(uris.map(() => ["file:", "", ""]));
    expect(resolved.map((url) => decodeURIComponent(url.pathname)).sort()).toEqual(names.map((name) => `/src/${name}`).sort());
  });

  it("JUnit is well-formed XML 1.0 whatever the names and specifiers hold: U+FFFE, U+FFFF, lone surrogates and controls escaped", async () => {
    const result = await check({ cwd: process.cwd(), root: oddlyNamed(["core/\ufffe.ts", "core/\uffff.ts", "core/emoji 😀.ts"], "app/\\udfff\\ud800\\uffff\\u0001\\u001b/../a.js"), cache: false });
    const xml = checkReporters.junit({ ...result, root: "." }, { colour: false, verbose: false });
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- still in fast-xml-parser 5; its successor (fast-xml-validator) is another dependency with another API
    expect(XMLValidator.validate(xml)).toBe(true);
    // XMLValidator checks the structure, not the characters: every character must be a Char of XML 1.0 (§2.2).
    const notXmlChar = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
    expect(xml).not.toMatch(notXmlChar);
    expect(xml).toContain("core/\\ufffe.ts:1 imports app/a.ts");
    expect(xml).toContain("../app/\\udfff\\ud800\\uffff\\u0001\\u001b/../a.js");
    expect(xml).toContain("core/emoji 😀.ts");
  });
});
