import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { map } from "../../src/index.js";
import { jsonSchemas } from "../../src/config/json-schemas.js";

const schemaFolder = fileURLToPath(new URL("../../schema/", import.meta.url));

describe("published JSON Schemas", () => {
  it("match the zod schemas they are generated from (run `npm run schemas` after changing one)", () => {
    for (const [name, text] of Object.entries(jsonSchemas())) {
      expect(readFileSync(schemaFolder + name, "utf8"), name).toBe(text);
    }
  });

  it("accept the document `map` writes for a real project, and reject a broken one", async () => {
    const schema = JSON.parse(readFileSync(`${schemaFolder}map.schema.json`, "utf8"));
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    const { document } = await map({ root: fileURLToPath(new URL("../../src", import.meta.url)) });
    expect(document.summary.local).toBeGreaterThan(10);
    expect(validate(JSON.parse(JSON.stringify(document))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...document, version: 2 })).toBe(false);
    expect(validate({ ...document, imports: [{ from: "a.ts", to: "b.ts", kinds: [], typeOnly: false, sites: [] }] })).toBe(false);
  });
});
