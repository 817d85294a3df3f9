/**
 * The JSON Schemas published in `schema/`, generated from the zod schemas so that the two can
 * never disagree (a test compares the committed files with these).
 */
import { z } from "zod";
import { configSchema } from "./config-schema.js";
import { mapDocumentSchema } from "../model/document.js";

const SCHEMA_BASE_URL = "https://layermap.dev/schema";

export function jsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, id: string, title: string): string =>
    `${JSON.stringify({ ...z.toJSONSchema(schema, { io: "input" }), $id: `${SCHEMA_BASE_URL}/${id}`, title }, null, 2)}\n`;
  return {
    "map.schema.json": render(mapDocumentSchema, "map.schema.json", "layermap map document"),
    "config.schema.json": render(configSchema, "config.schema.json", "layermap.config.json"),
  };
}
