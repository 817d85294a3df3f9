// Regenerates schema/*.json from the zod schemas in src/ (via the built dist/). Run: npm run schemas
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { jsonSchemas } from "../dist/config/json-schemas.js";

for (const [name, text] of Object.entries(jsonSchemas())) {
  writeFileSync(fileURLToPath(new URL(`../schema/${name}`, import.meta.url)), text);
  console.log(`wrote schema/${name}`);
}
