// @ts-check
// ESLint (flat config): typescript-eslint's type-checked strict preset over the sources, the
// tests and the scripts. `npm run lint`; `npm test` runs it first (pretest).
import eslint from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    // Not linted: build output and installed packages; the inputs of the tests and of the demo
    // map (test/fixtures and samples/ hold deliberately odd code, mapped, never run as ours);
    // bench/ (its own package and lock file, run by hand against downloaded corpora).
    ignores: ["dist/", "coverage/", "output/", "test/fixtures/", "samples/", "bench/"],
  },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // scripts/serve-samples.ts is in no tsconfig: type it with tsconfig.json's options.
          allowDefaultProject: ["scripts/*.ts"],
          defaultProject: "tsconfig.json",
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      // A disable comment that no longer disables anything is itself an error.
      reportUnusedDisableDirectives: "error",
    },
    rules: {
      // tsconfig's noUncheckedIndexedAccess types every `list[i]` and `map.get(key)` as possibly
      // undefined, also where the loop bound or a `has` just proved otherwise; `!` states that
      // proof (≈570 sites, nearly all `xs[i]!`). A runtime check there would be dead code.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Numbers print the same everywhere (counts, sizes, line numbers, ms); the preset's other
      // refusals (undefined, null, objects, arrays) stay: those print "undefined" or "[object …]".
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowAny: false, allowArray: false, allowBoolean: false, allowNullish: false, allowRegExp: false, allowNever: false },
      ],
      // `() => doIt()` is how callbacks are written here (listeners, afterAll, forEach); the rule
      // still refuses a void value used as one in `x = f()`, `return f()` or `a ? f() : g()`.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      // `while (true)` with a `return` or `break` inside is how the heap and the combination
      // generator loop; a loop on a constant is never the accident the rule is after.
      "@typescript-eslint/no-unnecessary-condition": ["error", { allowConstantLoopConditions: true }],
      // `const { a: _a, ...rest } = x` is how a copy without `a` is made.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      // Library code reports through return values, `UserError` and the stage listener; only the
      // CLI writes to the terminal or ends the process (overrides below).
      "no-console": "error",
      // no-process-exit: ESLint's own rule of that name is deprecated (a Node rule, kept only
      // until ESLint 11); this catches the same calls, and `const { exit } = process` too.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "exit", message: "Only the CLI ends the process: throw (UserError) or set process.exitCode." },
      ],
    },
  },
  {
    // The CLI is where output and exit codes belong; the scripts are small command-line programs
    // of their own (npm's pretest step, the screenshot and schema writers).
    files: ["src/cli.ts", "src/cli/**", "scripts/**"],
    rules: {
      "no-console": "off",
      "no-restricted-properties": "off",
    },
  },
  {
    // Tests read JSON (the CLI's output, parsed documents) and the browser's DOM (no DOM lib in
    // tsconfig) untyped, and check the shape with expect(): a cast would only claim what the
    // assertion goes on to test. The any-flow rules stay on for src/.
    files: ["test/**"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Plain JavaScript (the .mjs scripts, this file): no types to check, as typescript-eslint
    // advises; TypeScript does not see these names either, so ESLint must know Node's globals.
    files: ["**/*.mjs", "**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
    },
  },
);
