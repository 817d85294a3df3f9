/**
 * The compiler options a tsconfig may hold, by the type TypeScript converts each to (its
 * `optionDeclarations`, the command-line-only ones left out), so that layermap can tell without
 * loading TypeScript whether TypeScript would read a tsconfig's compilerOptions without a word.
 * A name missing here, or a value of another shape, is not an error of layermap's: it sends the
 * tsconfig to TypeScript, whose reading (and diagnostics) stand. test/resolve/read-tsconfig.test.ts
 * holds this table equal to the TypeScript layermap loads, so an upgrade that adds an option fails
 * there rather than sending every tsconfig that uses it to TypeScript unnoticed.
 */

const words = (text: string): readonly string[] => text.trim().split(/\s+/);

type OptionKind =
  | { type: "boolean" | "string" | "number" | "strings" | "objects" | "paths" }
  | { type: "choice"; values: ReadonlySet<string> }
  | { type: "choices"; values: ReadonlySet<string> };

const BOOLEAN = words(`
  preserveWatchOutput listFiles explainFiles listEmittedFiles pretty traceResolution diagnostics
  extendedDiagnostics incremental declaration declarationMap emitDeclarationOnly sourceMap
  inlineSourceMap noCheck noEmit assumeChangesOnlyAffectDirectDependencies all version init
  allowJs checkJs composite removeComments importHelpers downlevelIteration isolatedModules
  verbatimModuleSyntax isolatedDeclarations erasableSyntaxOnly libReplacement strict noImplicitAny
  strictNullChecks strictFunctionTypes strictBindCallApply strictPropertyInitialization
  strictBuiltinIteratorReturn stableTypeOrdering noImplicitThis useUnknownInCatchVariables
  alwaysStrict noUnusedLocals noUnusedParameters exactOptionalPropertyTypes noImplicitReturns
  noFallthroughCasesInSwitch noUncheckedIndexedAccess noImplicitOverride
  noPropertyAccessFromIndexSignature allowSyntheticDefaultImports esModuleInterop preserveSymlinks
  allowUmdGlobalAccess allowImportingTsExtensions rewriteRelativeImportExtensions
  resolvePackageJsonExports resolvePackageJsonImports noUncheckedSideEffectImports inlineSources
  experimentalDecorators emitDecoratorMetadata resolveJsonModule allowArbitraryExtensions
  skipDefaultLibCheck emitBOM noErrorTruncation noLib noResolve stripInternal disableSizeLimit
  disableSourceOfProjectReferenceRedirect disableSolutionSearching disableReferencedProjectLoad
  noImplicitUseStrict noEmitHelpers noEmitOnError preserveConstEnums skipLibCheck
  allowUnusedLabels allowUnreachableCode suppressExcessPropertyErrors
  suppressImplicitAnyIndexErrors forceConsistentCasingInFileNames noStrictGenericChecks
  useDefineForClassFields preserveValueImports keyofStringsOnly
`);

const STRING = words(`
  generateCpuProfile generateTrace project outFile outDir rootDir tsBuildInfoFile baseUrl
  sourceRoot mapRoot jsxFactory jsxFragmentFactory jsxImportSource out reactNamespace charset
  declarationDir ignoreDeprecations
`);

const CHOICE: Record<string, string> = {
  target: "es3 es5 es6 es2015 es2016 es2017 es2018 es2019 es2020 es2021 es2022 es2023 es2024 es2025 esnext",
  module: "none commonjs amd system umd es6 es2015 es2020 es2022 esnext node16 node18 node20 nodenext preserve",
  jsx: "preserve react-native react-jsx react-jsxdev react",
  importsNotUsedAsValues: "remove preserve error",
  moduleResolution: "node10 node classic node16 nodenext bundler",
  newLine: "crlf lf",
  moduleDetection: "auto legacy force",
};

const LIB = `
  es5 es6 es2015 es7 es2016 es2017 es2018 es2019 es2020 es2021 es2022 es2023 es2024 es2025 esnext
  dom dom.iterable dom.asynciterable webworker webworker.importscripts webworker.iterable
  webworker.asynciterable scripthost es2015.core es2015.collection es2015.generator
  es2015.iterable es2015.promise es2015.proxy es2015.reflect es2015.symbol es2015.symbol.wellknown
  es2016.array.include es2016.intl es2017.arraybuffer es2017.date es2017.object
  es2017.sharedmemory es2017.string es2017.intl es2017.typedarrays es2018.asyncgenerator
  es2018.asynciterable es2018.intl es2018.promise es2018.regexp es2019.array es2019.object
  es2019.string es2019.symbol es2019.intl es2020.bigint es2020.date es2020.promise
  es2020.sharedmemory es2020.string es2020.symbol.wellknown es2020.intl es2020.number
  es2021.promise es2021.string es2021.weakref es2021.intl es2022.array es2022.error es2022.intl
  es2022.object es2022.string es2022.regexp es2023.array es2023.collection es2023.intl
  es2024.arraybuffer es2024.collection es2024.object es2024.promise es2024.regexp
  es2024.sharedmemory es2024.string es2025.collection es2025.float16 es2025.intl es2025.iterator
  es2025.promise es2025.regexp esnext.asynciterable esnext.symbol esnext.bigint esnext.weakref
  esnext.object esnext.regexp esnext.string esnext.float16 esnext.iterator esnext.promise
  esnext.array esnext.collection esnext.date esnext.decorators esnext.disposable esnext.error
  esnext.intl esnext.sharedmemory esnext.temporal esnext.typedarrays decorators decorators.legacy
`;

const OPTIONS: ReadonlyMap<string, OptionKind> = new Map<string, OptionKind>([
  ...BOOLEAN.map((name): [string, OptionKind] => [name, { type: "boolean" }]),
  ...STRING.map((name): [string, OptionKind] => [name, { type: "string" }]),
  ["maxNodeModuleJsDepth", { type: "number" }],
  ...words("rootDirs typeRoots types moduleSuffixes customConditions").map((name): [string, OptionKind] => [name, { type: "strings" }]),
  ["plugins", { type: "objects" }],
  ["paths", { type: "paths" }],
  ...Object.entries(CHOICE).map(([name, values]): [string, OptionKind] => [name, { type: "choice", values: new Set(words(values)) }]),
  ["lib", { type: "choices", values: new Set(words(LIB)) }],
]);


/**
 * Would TypeScript take this value for this option as it is, without a diagnostic? A value of
 * `null` is left to TypeScript too (it unsets an inherited value).
 */
export function isPlainOption(name: string, value: unknown): boolean {
  const kind = OPTIONS.get(name);
  if (kind === undefined) return false;
  switch (kind.type) {
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "strings":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    case "objects":
      return Array.isArray(value) && value.every(isRecord);
    case "paths":
      // Shapes TypeScript reads without a word but then resolves oddly (a string for an array, a
      // pattern with two stars) are left to TypeScript as well.
      return isRecord(value) && Object.entries(value).every(([pattern, targets]) => atMostOneStar(pattern) && Array.isArray(targets) && targets.every((target) => typeof target === "string" && atMostOneStar(target)));
    case "choice":
      return typeof value === "string" && kind.values.has(value.toLowerCase());
    case "choices":
      return Array.isArray(value) && value.every((item) => typeof item === "string" && kind.values.has(item.toLowerCase()));
  }
}

/** @internal the table, for the test that holds it equal to TypeScript's own. */
export function optionTable(): ReadonlyMap<string, OptionKind> {
  return OPTIONS;
}

function atMostOneStar(text: string): boolean {
  return text.indexOf("*") === text.lastIndexOf("*");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
