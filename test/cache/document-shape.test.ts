/**
 * The cache's own check of a stored document (src/cache/document-shape.ts) says what zod's schema
 * and the consistency check say together: on every real document, and on documents damaged at
 * random — a value replaced, a key dropped or added.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { map } from "../../src/api/map.js";
import { documentProblem } from "../../src/cache/document-shape.js";
import { mapDocumentSchema } from "../../src/model/document.js";
import { assertConsistent } from "../../src/model/document-consistency.js";

/** zod's answer, then the consistency check's. */
function zodAccepts(value: unknown): boolean {
  const parsed = mapDocumentSchema.safeParse(value);
  if (!parsed.success) return false;
  try {
    assertConsistent(parsed.data, "document");
    return true;
  } catch {
    return false;
  }
}

/** Real documents: the samples' (committed), and the map of each resolution fixture. */
async function realDocuments(): Promise<{ name: string; document: unknown }[]> {
  const found = [{ name: "output/samples.json", document: JSON.parse(readFileSync("output/samples.json", "utf8")) as unknown }];
  for (const entry of readdirSync("test/fixtures/resolve", { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const root = join("test/fixtures/resolve", entry.name);
    // Round-tripped through JSON, as the cache stores it.
    found.push({ name: root, document: JSON.parse(JSON.stringify((await map({ root, cache: false })).document)) as unknown });
  }
  // One with barrels transparent: sites with through.
  const forms = "test/fixtures/barrels/forms";
  found.push({ name: `${forms} --through-barrels`, document: JSON.parse(JSON.stringify((await map({ root: forms, cache: false, throughBarrels: true })).document)) as unknown });
  return found;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a JSON value: the path to it. */
function places(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => places(item, [...path, index]))];
  if (value !== null && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([key, item]) => places(item, [...path, key]))];
  return here;
}

type Damage = { kind: "replace"; value: Json } | { kind: "drop" } | { kind: "add"; key: string; value: Json };

function damaged(document: Json, path: (string | number)[], damage: Damage): Json {
  const copy = structuredClone(document);
  if (path.length === 0) return damage.kind === "replace" ? damage.value : copy;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, copy) as Record<string | number, Json> | Json[];
  const key = path.at(-1)!;
  if (damage.kind === "replace") (parent as Record<string | number, Json>)[key] = damage.value;
  else if (damage.kind === "drop") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else Reflect.deleteProperty(parent, key);
  } else {
    const target = (parent as Record<string | number, Json>)[key];
    // An own key, as JSON.parse makes one — "__proto__" too, which an assignment would not.
    if (target !== null && typeof target === "object" && !Array.isArray(target)) Object.defineProperty(target, damage.key, { value: damage.value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

// Values a document holds, and near misses of them.
const telling = fc.constantFrom<Json>("", "transparent", "static", "type-only", "local", "external", "unresolved", "parse-error", "nonsense", 0, -1, 1, 1.5, 2, true, false, null, [], {}, ["static"], "src/a.ts");
const damages: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant("replace" as const), value: fc.oneof(telling, fc.jsonValue() as fc.Arbitrary<Json>) }),
  fc.constant({ kind: "drop" as const }),
  fc.record({ kind: fc.constant("add" as const), key: fc.constantFrom("extra", "layer", "lines", "typeOnly", "elided", "line", "through", "barrels", "__proto__"), value: telling }),
);

const documents = await realDocuments();

describe("the cache's check of a stored document", () => {
  it("accepts every real document", () => {
    expect(documents.length).toBeGreaterThan(10);
    for (const { name, document } of documents) {
      expect({ name, accepted: zodAccepts(document) }).toEqual({ name, accepted: true });
      expect({ name, problem: documentProblem(document) }).toEqual({ name, problem: undefined });
    }
  });

  it("agrees with zod and the consistency check on damaged documents", () => {
    const small = documents.filter(({ document }) => JSON.stringify(document).length < 20_000).map(({ document }) => document as Json);
    fc.assert(
      fc.property(
        fc.constantFrom(...small).chain((document) => fc.tuple(fc.constant(document), fc.constantFrom(...places(document)), damages)),
        ([document, path, damage]) => {
          const value = damaged(document, path, damage);
          expect(documentProblem(value) === undefined).toBe(zodAccepts(value));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("names the first problem", () => {
    const document = documents[0]!.document as { imports: { to: string }[] };
    expect(documentProblem({ ...document, version: 2 })).toBe("not a map document");
    expect(documentProblem({ ...document, imports: [{ ...document.imports[0]!, to: "elsewhere.ts" }] })).toMatch(/"elsewhere\.ts" is not in the module list/);
  });
});
