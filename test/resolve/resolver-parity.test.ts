/**
 * The resolve stage's two resolvers give the same answer at every site: oxc-resolver with
 * layermap's steps around it (oxc-finder.ts), and TypeScript's `resolveModuleName` alone — what
 * layermap resolved with before (`typescriptOnly`, the stage's internal switch). Held on every
 * resolution fixture and its variants, on hostile manifests and tsconfigs, on the samples and on
 * this repository itself (its real node_modules, its NodeNext tsconfig), site by site, with the
 * tsconfig's diagnostics and each file's type-only-imports setting (through a fixture's aliases too).
 *
 * Also held: TypeScript is loaded only where oxc-finder says it cannot answer as tsc does, and
 * for the reason given here — a change that sends more sites to TypeScript shows as a failure.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { discoverSources } from "../../src/discover/discover-files.js";
import { extractAll } from "../../src/extract/extract-all.js";
import { DEFAULT_MAX_FILE_SIZE } from "../../src/extract/read-source.js";
import { resolveAll, type Resolved } from "../../src/resolve/resolve-all.js";
import { copyOf, readSpec, resolveCases } from "../helpers/resolve-fixtures.js";
import { tempTree } from "../helpers/temp-tree.js";

const REPOSITORY = fileURLToPath(new URL("../../", import.meta.url));

/** Why TypeScript is needed, per case; a case not listed needs it nowhere. */
const NEEDS_TYPESCRIPT: Record<string, string> = {
  "hostile-manifests": "package.json conditions only TypeScript reads",
  "project-references": "the tsconfig's project references",
  // A SvelteKit project's tsconfig extends .svelte-kit/tsconfig.json: missing in a fresh clone,
  // and once generated it sets rootDirs. Either way TypeScript reads it.
  sveltekit: "an extends that names a package or a missing file",
  "sveltekit: generated": "the tsconfig's rootDirs",
  "sveltekit: generated, with the lib folder moved": "the tsconfig's rootDirs",
  "sveltekit: not a SvelteKit project": "an extends that names a package or a missing file",
};

/** Every site as `file#n specifier (form) -> id (kind): reason`, and each file's type-only setting. */
function answers(resolved: Resolved): string[] {
  return resolved.files.flatMap((outcome) => {
    if (!("targets" in outcome)) return [`${outcome.file}: ${outcome.problem.code}`];
    return [
      `${outcome.file}: keeps type-only imports: ${String(outcome.keepsTypeOnlyImports)}`,
      ...outcome.targets.map((target, index) => {
        const site = outcome.extraction.sites[index]!;
        return `${outcome.file}#${String(index)} ${site.specifier} (${site.kind}) -> ${target.id} (${target.kind})${target.reason === undefined ? "" : `: ${target.reason}`}`;
      }),
    ];
  });
}

async function bothWays(root: string, exclude: string[] = []): Promise<{ oxc: Resolved; typescript: Resolved }> {
  const { files } = discoverSources({ root, exclude });
  const extracted = await extractAll(root, files, { maxFileSize: DEFAULT_MAX_FILE_SIZE });
  // A fixture's own config may hold aliases: they lead to relative specifiers both resolvers answer.
  const { config, path } = loadConfig(root);
  const aliases = config.aliases === undefined || path === undefined ? undefined : { list: config.aliases, configFile: path };
  const oxc = await resolveAll(root, extracted.files, { aliases });
  const typescript = await resolveAll(root, extracted.files, { typescriptOnly: true, aliases });
  return { oxc, typescript };
}

async function expectParity(name: string, root: string, exclude: string[] = []): Promise<Resolved> {
  const { oxc, typescript } = await bothWays(root, exclude);
  expect(oxc.sites).toBeGreaterThan(0);
  expect(answers(oxc)).toEqual(answers(typescript));
  expect(oxc.tsconfigDiagnostics).toEqual(typescript.tsconfigDiagnostics);
  expect(typescript.typescript, "the reference is TypeScript's resolver").toBeDefined();
  expect(oxc.typescript?.reason, `why ${name} needs TypeScript`).toBe(NEEDS_TYPESCRIPT[name]);
  return oxc;
}

describe("oxc-resolver and TypeScript's resolver agree at every site", () => {
  describe.each(resolveCases)("fixture %s", (name) => {
    const spec = readSpec(name);
    it("as the fixture is", async () => {
      await expectParity(name, copyOf(name, spec));
    });
    for (const variant of spec.variants ?? []) {
      it(variant.name, async () => {
        await expectParity(`${name}: ${variant.name}`, copyOf(name, { symlinks: variant.symlinks ?? spec.symlinks, files: variant.files }));
      });
    }
  });

  it("on the samples (NodeNext, ESM and CommonJS, .js specifiers for .ts files)", async () => {
    await expectParity("samples", join(REPOSITORY, "samples"));
  });

  it("on this repository: real node_modules, its tsconfig (the fixtures are cases above)", { timeout: 120_000 }, async () => {
    await expectParity("repository", REPOSITORY, ["test/fixtures/**"]);
  });
});

describe("hostile tsconfigs: the same sites and the same diagnostics as TypeScript's reading", () => {
  const sources = {
    "src/main.ts": 'import { a } from "@lib/a";\nimport { b } from "./b";\nimport "node:fs";\nexport const main = a + b;\n',
    "src/b.ts": "export const b = 1;\n",
    "lib/a.ts": "export const a = 1;\n",
  };
  /** `diagnostics`: TypeScript reports something of the tsconfig (it does not of every odd one). */
  const cases: Record<string, { files: Record<string, string>; reason: string | undefined; diagnostics?: true }> = {
    "extends itself": {
      files: { "tsconfig.json": JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { paths: { "@lib/*": ["./lib/*"] } } }) },
      reason: "a tsconfig that extends itself",
      diagnostics: true,
    },
    "extends a file that is not valid JSON": {
      files: { "tsconfig.json": JSON.stringify({ extends: "./base.json" }), "base.json": '{ "compilerOptions": { "paths": ' },
      reason: "a tsconfig that is not valid JSON",
      diagnostics: true,
    },
    "extends a missing file": {
      files: { "tsconfig.json": JSON.stringify({ extends: "./nowhere", compilerOptions: { paths: { "@lib/*": ["./lib/*"] } } }) },
      reason: "an extends that names a package or a missing file",
      diagnostics: true,
    },
    "an option of the wrong type, and an unknown one": {
      files: { "tsconfig.json": JSON.stringify({ compilerOptions: { strict: "yes", notAnOption: true, paths: { "@lib/*": ["./lib/*"] } } }) },
      reason: 'the compiler option "strict" as the tsconfig sets it',
      diagnostics: true,
    },
    "paths whose targets are not a list": {
      files: { "tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "@lib/*": "./lib/*" } } }) },
      reason: 'the compiler option "paths" as the tsconfig sets it',
    },
    "an include glob TypeScript refuses": {
      files: { "tsconfig.json": JSON.stringify({ include: ["src/**"], compilerOptions: { paths: { "@lib/*": ["./lib/*"] } } }) },
      reason: "a tsconfig whose include is not a list of globs TypeScript takes",
      diagnostics: true,
    },
    "rootDirs, which only TypeScript's resolver follows": {
      files: { "tsconfig.json": JSON.stringify({ compilerOptions: { rootDirs: ["src", "lib"], paths: { "@lib/*": ["./lib/*"] } } }) },
      reason: "the tsconfig's rootDirs",
    },
    "comments, trailing commas and an extends chain TypeScript reads without a word": {
      files: {
        "tsconfig.json": '// the app\n{ "extends": ["./config/a.json", "./config/b"], "compilerOptions": { "module": "NodeNext", }, }\n',
        "config/a.json": JSON.stringify({ compilerOptions: { baseUrl: "..", moduleResolution: "bundler" } }),
        "config/b.json": JSON.stringify({ compilerOptions: { paths: { "@lib/*": ["lib/*"] }, customConditions: ["source"] } }),
        "package.json": JSON.stringify({ type: "module" }),
      },
      reason: undefined,
    },
  };
  it.each(Object.keys(cases))("%s", async (name) => {
    const { files, reason, diagnostics } = cases[name]!;
    const root = tempTree({ ...sources, ...files });
    const { oxc, typescript } = await bothWays(root);
    expect(answers(oxc)).toEqual(answers(typescript));
    expect(oxc.tsconfigDiagnostics).toEqual(typescript.tsconfigDiagnostics);
    expect(oxc.typescript?.reason).toBe(reason);
    // What TypeScript reports of a tsconfig it alone reads is in the map, as before.
    expect(oxc.tsconfigDiagnostics.length > 0).toBe(diagnostics === true);
  });
});
