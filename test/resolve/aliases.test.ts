/**
 * The pieces of alias resolution on their own: which key matches a specifier (Vite's rule for a
 * key, the most specific key for several), which names can be npm packages, which unresolved
 * specifiers look like aliases, and the hint line. The whole path through `map` is in the
 * fixtures (test/fixtures/resolve/config-aliases, sveltekit, components).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toAliases, type Alias } from "../../src/config/aliases.js";
import { configSchema } from "../../src/config/config-schema.js";
import { aliasHint, aliasLikePrefix, canBePackageName, externalId, matchAlias } from "../../src/resolve/aliases.js";

const aliases = (record: Record<string, string | false>): Alias[] => toAliases(record);

describe("toAliases: the checked config, normalised", () => {
  it("normalises targets, keeps a key's * as a glob, and sorts by key", () => {
    expect(aliases({ "~": ".", "@/*": "./src/*", "#x": "src/x.ts", "~icons": false, "@": "src/" })).toEqual([
      { key: "#x", prefix: "#x", glob: false, target: "src/x.ts" },
      { key: "@", prefix: "@", glob: false, target: "src" },
      { key: "@/*", prefix: "@/", glob: true, target: "src" },
      { key: "~", prefix: "~", glob: false, target: "" },
      { key: "~icons", prefix: "~icons", glob: false, target: false },
    ]);
  });

  it("is what the config schema gives for the key", () => {
    const parsed = configSchema.parse({ aliases: { "@": "./src", "virtual:*": false } });
    expect(parsed.aliases).toEqual([
      { key: "@", prefix: "@", glob: false, target: "src" },
      { key: "virtual:*", prefix: "virtual:", glob: true, target: false },
    ]);
    expect(configSchema.parse({}).aliases).toBeUndefined();
  });
});

describe("matchAlias", () => {
  const list = aliases({ "@": "src", "@/components": "src/ui", "~icons/*": false, "virtual:*": false, $lib: "src/lib", "@/*": "other/*" });
  const match = (specifier: string): [string, string] | undefined => {
    const found = matchAlias(list, specifier);
    return found === undefined ? undefined : [found.alias.key, found.rest];
  };

  it.each([
    ["@", ["@", ""]],
    ["@/x", ["@", "x"]],
    ["@/components", ["@/components", ""]],
    ["@/components/Nav.vue", ["@/components", "Nav.vue"]],
    ["@/componentsX/y", ["@", "componentsX/y"]],
    ["~icons/mdi/home", ["~icons/*", "mdi/home"]],
    ["virtual:pwa-register", ["virtual:*", "pwa-register"]],
    ["$lib", ["$lib", ""]],
    ["$lib/Card.svelte", ["$lib", "Card.svelte"]],
  ] as const)("%s → %j", (specifier, expected) => {
    expect(match(specifier)).toEqual(expected);
  });

  it.each(["@scope/pkg", "@scope", "@@/x", "~icons", "virtual:", "$library/x", "$lib-extra", "./@/x", "src/@/x"])("%s matches no alias", (specifier) => {
    expect(match(specifier)).toBeUndefined();
  });

  it("an exact key wins a tie with a * key of the same prefix (@ and @/* both match @/x)", () => {
    expect(matchAlias(aliases({ "@/*": "b/*", "@": "a" }), "@/x")?.alias.key).toBe("@");
  });

  it("the order keys are written in never matters", () => {
    const keys = fc.constantFrom("@", "@/*", "@/a", "@/a/*", "@a", "~", "~/*", "x:*", "x");
    const specifiers = fc.constantFrom("@", "@/a", "@/a/b", "@a/b", "@ab", "~/q", "~", "x:y", "x", "x/y", "@scope/pkg");
    fc.assert(
      fc.property(fc.uniqueArray(keys, { minLength: 1 }), specifiers, (written, specifier) => {
        const forward = written.map((key): Alias => ({ key, prefix: key.endsWith("*") ? key.slice(0, -1) : key, glob: key.endsWith("*"), target: "t" }));
        expect(matchAlias([...forward].reverse(), specifier)).toEqual(matchAlias(forward, specifier));
      }),
    );
  });

  it("a key never takes an npm scope that starts like it", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.stringMatching(/^[a-z][a-z0-9.-]{0,8}$/), (scope, name) => {
        expect(matchAlias(aliases({ "@": "src", "~": "src" }), `@${scope}/${name}`)).toBeUndefined();
      }),
    );
  });

  it("a false alias without * is one module, its subpaths folded in; with *, one module per specifier", () => {
    const folded = matchAlias(aliases({ "~icons": false }), "~icons/mdi/home")!;
    expect(externalId(folded, "~icons/mdi/home")).toBe("~icons");
    const each = matchAlias(aliases({ "~icons/*": false }), "~icons/mdi/home")!;
    expect(externalId(each, "~icons/mdi/home")).toBe("~icons/mdi/home");
  });
});

describe("canBePackageName", () => {
  it.each(["react", "lodash.debounce", "@scope/pkg", "JSONStream", "a-b_c", "@types/node", "__proto__"])("%s can", (name) => {
    expect(canBePackageName(name)).toBe(true);
  });
  it.each(["$lib", "~", "~icons", "@/x", "@scope/", "café", "a b", "it's", "(x)", "a*"])("%s cannot", (name) => {
    expect(canBePackageName(name)).toBe(false);
  });
});

describe("aliasLikePrefix: an unresolved bare specifier that looks like an alias", () => {
  it.each([
    ["@/components/Nav.vue", "@/"],
    ["~/utils", "~/"],
    ["~", "~"],
    ["~icons/mdi/home", "~icons/"],
    ["$lib/Card.svelte", "$lib/"],
    ["$stores", "$stores"],
    ["virtual:pwa-register", "virtual:"],
    ["cloudflare:workers", "cloudflare:"],
  ])("%s → %s", (specifier, prefix) => {
    expect(aliasLikePrefix(specifier)).toBe(prefix);
  });
  it.each(["react", "@scope/pkg/sub", "@ghost/thing", "#internal", "https://esm.sh/x", "@", "script-loader!jsonlint", "!!raw-loader!./x.txt"])("%s does not", (specifier) => {
    expect(aliasLikePrefix(specifier)).toBeUndefined();
  });
});

describe("aliasHint", () => {
  it("names the commonest prefix and the entry that would resolve it", () => {
    expect(aliasHint(new Map([["@/", 12]]), "src")).toBe(
      'hint: 12 unresolved imports start with "@/" — if it is a bundler alias, add "aliases": { "@": "src" } to layermap.config.json (false for a module no file holds)',
    );
  });

  it("at most three prefixes, most sites first, ties by prefix; $lib to src/lib; a scheme to false", () => {
    const hint = aliasHint(
      new Map([
        ["~/", 3],
        ["virtual:", 3],
        ["$lib/", 7],
        ["@/", 1],
      ]),
      ".",
    );
    expect(hint).toBe(
      'hint: 7 unresolved imports start with "$lib/", 3 with "virtual:", 3 with "~/" — if they are bundler aliases, add "aliases": { "$lib": "src/lib", "virtual:*": false, "~": "." } to layermap.config.json (false for a module no file holds)',
    );
  });

  it("one site is one import; none is no hint", () => {
    expect(aliasHint(new Map([["~/", 1]]), "src")).toMatch(/^hint: 1 unresolved import starts with "~\/"/);
    expect(aliasHint(new Map(), "src")).toBeUndefined();
  });

  it("writes a prefix with control characters as JSON does (the CLI escapes the rest)", () => {
    expect(aliasHint(new Map([["$\u001b[2J/", 1]]), "src")).toContain('"$\\u001b[2J/"');
  });
});
