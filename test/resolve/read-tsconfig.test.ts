/**
 * read-tsconfig.ts reads a tsconfig without TypeScript only when TypeScript would read it without
 * a word, and then gives the settings TypeScript's reading gives (load-tsconfig.ts); anything
 * else it leaves to TypeScript. Its table of compiler options is TypeScript's own.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { optionTable } from "../../src/resolve/compiler-options.js";
import { loadTsconfig, settingsOf } from "../../src/resolve/load-tsconfig.js";
import { readTsconfig } from "../../src/resolve/read-tsconfig.js";
import { ts } from "../../src/typescript/ts.js";
import { RESOLVE_FIXTURES } from "../helpers/resolve-fixtures.js";
import { tempTree } from "../helpers/temp-tree.js";

const REPOSITORY = fileURLToPath(new URL("../../", import.meta.url));

interface OptionDeclaration {
  name: string;
  type: string | Map<string, unknown>;
  element?: { type: string | Map<string, unknown> };
  isCommandLineOnly?: boolean;
}

/** TypeScript's declarations, as the table's kinds. */
function typescriptTable(): Record<string, string> {
  const declarations = (ts as unknown as { optionDeclarations: OptionDeclaration[] }).optionDeclarations;
  const kindOf = (declaration: OptionDeclaration): string => {
    const { type, element } = declaration;
    if (type instanceof Map) return `choice: ${[...type.keys()].join(" ")}`;
    if (type === "list" && element !== undefined) {
      if (element.type instanceof Map) return `choices: ${[...element.type.keys()].join(" ")}`;
      return element.type === "string" ? "strings" : "objects";
    }
    return type === "object" && declaration.name === "paths" ? "paths" : type;
  };
  return Object.fromEntries(declarations.filter((declaration) => declaration.isCommandLineOnly !== true).map((declaration) => [declaration.name, kindOf(declaration)]));
}

function layermapTable(): Record<string, string> {
  return Object.fromEntries(
    [...optionTable()].map(([name, kind]) => [name, "values" in kind ? `${kind.type}: ${[...kind.values].join(" ")}` : kind.type]),
  );
}

/** What resolution takes from a tsconfig, both ways: equal, and TypeScript has nothing to say. */
function expectSameReading(configPath: string): void {
  const read = readTsconfig(configPath);
  if ("typescript" in read) throw new Error(`${configPath}: left to TypeScript (${read.typescript})`);
  const loaded = loadTsconfig(dirname(configPath), configPath);
  expect(loaded.problems, configPath).toEqual([]);
  expect(loaded.projects).toHaveLength(1);
  expect(read.settings).toEqual({ ...settingsOf(loaded.projects[0]!), fileNames: undefined });
  expect(read.files).toEqual(loaded.files);
}

describe("reading a tsconfig without TypeScript", () => {
  it("knows TypeScript's compiler options, each of the type TypeScript converts it to", () => {
    // On a TypeScript upgrade that adds or changes an option, update compiler-options.ts.
    expect(layermapTable()).toEqual(typescriptTable());
  });

  it.each([
    join(REPOSITORY, "tsconfig.json"),
    join(REPOSITORY, "tsconfig.build.json"),
    join(REPOSITORY, "samples/tsconfig.json"),
    join(RESOLVE_FIXTURES, "tsconfig-extends/tsconfig.json"),
    join(RESOLVE_FIXTURES, "tsconfig-paths/tsconfig.json"),
    join(RESOLVE_FIXTURES, "esm-js-extension/tsconfig.json"),
    join(RESOLVE_FIXTURES, "package-exports-imports/tsconfig.json"),
    join(RESOLVE_FIXTURES, "externals-and-builtins/tsconfig.json"),
    join(RESOLVE_FIXTURES, "dts-sidecar-assets/tsconfig.json"),
  ])("gives TypeScript's settings for %s", (configPath) => {
    expectSameReading(configPath);
  });

  it("gives TypeScript's settings through comments, trailing commas, an extends list, baseUrl set below paths, and options of every kind", () => {
    const root = tempTree({
      "tsconfig.json":
        '/* app */ { "extends": ["./config/a.json", "./config/b"], "compilerOptions": { "module": "NodeNext", "lib": ["ES2023", "DOM"], "types": ["node"], "plugins": [{ "name": "x" }], "maxNodeModuleJsDepth": 1, "verbatimModuleSyntax": true, }, }\n',
      "config/a.json": JSON.stringify({ compilerOptions: { baseUrl: "..", moduleResolution: "Bundler", outDir: "../dist" } }),
      "config/b.json": JSON.stringify({ extends: "./c.json", compilerOptions: { paths: { "@lib/*": ["lib/*", "vendor/*"], exact: ["./exact.ts"] }, customConditions: ["source"] } }),
      "config/c.json": JSON.stringify({ compilerOptions: { typeRoots: ["../types"], strict: true } }),
    });
    expectSameReading(join(root, "tsconfig.json"));
    const read = readTsconfig(join(root, "tsconfig.json"));
    expect(read).toMatchObject({
      settings: { moduleResolution: "bundler", baseUrl: root, paths: { base: root }, customConditions: ["source"], typeRoots: true, emitsElsewhere: true, keepsTypeOnlyImports: true },
    });
  });

  it("reads empty strings as TypeScript does: an outDir of the tsconfig's folder, no empty condition", () => {
    const root = tempTree({ "tsconfig.json": JSON.stringify({ compilerOptions: { outDir: "", baseUrl: "", customConditions: ["", "source"] } }) });
    expectSameReading(join(root, "tsconfig.json"));
    expect(readTsconfig(join(root, "tsconfig.json"))).toMatchObject({ settings: { emitsElsewhere: true, baseUrl: root, customConditions: ["source"] } });
  });

  it("takes paths relative to the tsconfig that sets them when there is no baseUrl, and a module kind's resolution", () => {
    const root = tempTree({
      "tsconfig.json": JSON.stringify({ extends: "./config/base.json", compilerOptions: { module: "commonjs" } }),
      "config/base.json": JSON.stringify({ compilerOptions: { paths: { "@lib/*": ["../lib/*"] } } }),
    });
    expectSameReading(join(root, "tsconfig.json"));
    expect(readTsconfig(join(root, "tsconfig.json"))).toMatchObject({ settings: { moduleResolution: "node10", paths: { base: join(root, "config") } } });
  });

  // Each of these TypeScript reads with a diagnostic, or reads in a way only it can: left to it.
  const leftToTypeScript: Record<string, Record<string, string>> = {
    "not valid JSON": { "tsconfig.json": '{ "compilerOptions": { ' },
    "an unknown option": { "tsconfig.json": JSON.stringify({ compilerOptions: { notAnOption: true } }) },
    "a boolean given as a string": { "tsconfig.json": JSON.stringify({ compilerOptions: { strict: "yes" } }) },
    "an enum value TypeScript does not know": { "tsconfig.json": JSON.stringify({ compilerOptions: { module: "es2099" } }) },
    "a lib TypeScript does not know": { "tsconfig.json": JSON.stringify({ compilerOptions: { lib: ["es2099"] } }) },
    "a null that unsets an option": { "tsconfig.json": JSON.stringify({ compilerOptions: { strict: null } }) },
    "paths given as a string": { "tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "a/*": "x/*" } } }) },
    "a paths pattern with two stars": { "tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "a/*/*": ["x/*"] } } }) },
    "a command-line-only option": { "tsconfig.json": JSON.stringify({ compilerOptions: { watch: true } }) },
    "an include ending in **": { "tsconfig.json": JSON.stringify({ include: ["src/**"] }) },
    "an exclude with .. after **": { "tsconfig.json": JSON.stringify({ exclude: ["**/../x"] }) },
    "an empty files list": { "tsconfig.json": JSON.stringify({ files: [] }) },
    "include given as a string": { "tsconfig.json": JSON.stringify({ include: "src" }) },
    "an extends that loops": { "tsconfig.json": JSON.stringify({ extends: "./b.json" }), "b.json": JSON.stringify({ extends: "./tsconfig.json" }) },
    "an extends of itself": { "tsconfig.json": JSON.stringify({ extends: "./tsconfig.json" }) },
    "an extends that is missing": { "tsconfig.json": JSON.stringify({ extends: "./nowhere" }) },
    "an extends that is empty": { "tsconfig.json": JSON.stringify({ extends: "" }) },
    "an extends that names a package": { "tsconfig.json": JSON.stringify({ extends: "@tsconfig/node20/tsconfig.json" }) },
    "an extends that is a number": { "tsconfig.json": JSON.stringify({ extends: 1 }) },
    "a base that is not valid JSON": { "tsconfig.json": JSON.stringify({ extends: "./base.json" }), "base.json": "{ nope" },
    "a ${configDir} template": { "tsconfig.json": JSON.stringify({ compilerOptions: { outDir: "${configDir}/dist" } }) },
    'a "__proto__" key': { "tsconfig.json": '{ "compilerOptions": { "__proto__": { "strict": true } } }' },
    "project references": { "tsconfig.json": JSON.stringify({ files: [], references: [{ path: "./a" }] }), "a/tsconfig.json": "{}" },
    "watchOptions": { "tsconfig.json": JSON.stringify({ watchOptions: { watchFile: "bad" } }) },
    "compilerOptions that is a list": { "tsconfig.json": JSON.stringify({ compilerOptions: [] }) },
    "a JSON list": { "tsconfig.json": "[]" },
  };
  it.each(Object.keys(leftToTypeScript))("leaves to TypeScript: %s", (name) => {
    const root = tempTree(leftToTypeScript[name]!);
    expect(readTsconfig(join(root, "tsconfig.json"))).toEqual({ typescript: expect.any(String) as string });
  });

  it("reads as TypeScript does what TypeScript takes without a word", () => {
    // Empty, comments only, unknown top-level keys, an empty references list, a missing files entry.
    for (const text of ["", "// nothing\n", JSON.stringify({ $schema: "x", "ts-node": {}, references: [], files: ["missing.ts"], compileOnSave: true })]) {
      const root = tempTree({ "tsconfig.json": text });
      expectSameReading(join(root, "tsconfig.json"));
    }
  });
});
