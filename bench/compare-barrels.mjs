#!/usr/bin/env node
/**
 * Accuracy check of the barrels stage: where `map --through-barrels` says each imported name is
 * declared, against TypeScript's checker (ts-morph: the symbol of each imported name,
 * `getAliasedSymbol`, the source files of its declarations), on the corpora of corpora.mjs.
 *
 *   node compare-barrels.mjs [corpus…] [--min <pct>] [--limit <n>]
 *
 *   corpus…       names from corpora.mjs (default: rxjs effect three monorepo)
 *   --min <pct>   exit 1 when a corpus's agreement is below pct
 *   --limit <n>   differences listed per corpus and class (default 10)
 *
 * A (site, name) pair is an import declaration's default or named import, a namespace import's
 * member (layermap's `names` of the site, when it follows them), or an `export { a } from`'s
 * name, in a mapped file, whose site layermap resolved to a local module. layermap's answer is
 * the site's `through` entry holding the name, else the site's target; the checker's is the module
 * of its symbol's declarations (any of them, for a symbol merged across files), "outside" for a
 * file outside the root or under node_modules, "none" for no declaration (an unknown name).
 * They agree when the modules are the same, when both are outside the root (layermap names the
 * package), and when the checker finds no declaration and layermap reported `unknown-export`
 * for the name. Every difference is listed by class, so each can be explained.
 *
 * Runs the build: `npm run build` in the repository root first.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { findCorpus, mappedRoot, tsconfigPath } from "./corpora.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { map } = await import(path.join(repo, "dist", "index.js"));
// ts-morph is layermap's own dependency: the checker of the TypeScript layermap bundles.
const { Project, ts } = createRequire(path.join(repo, "package.json"))("ts-morph");

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { min: { type: "string" }, limit: { type: "string", default: "10" } },
});
const min = values.min === undefined ? null : Number(values.min);
const limit = Number(values.limit);
const names = positionals.length > 0 ? positionals : ["rxjs", "effect", "three", "monorepo"];

let below = false;
const rows = [];
for (const name of names) {
  const corpus = findCorpus(name);
  // Its real path: TypeScript resolves through symbolic links (a .cache linked from elsewhere, a
  // workspace's node_modules), and a file reached by two paths would be two files to it.
  const root = fs.existsSync(mappedRoot(corpus)) ? fs.realpathSync(mappedRoot(corpus)) : mappedRoot(corpus);
  if (!fs.existsSync(root)) {
    console.error(`${root} is missing: run node fetch-corpora.mjs first`);
    process.exit(2);
  }
  const row = await compareCorpus(name, root, tsconfigPath(corpus));
  rows.push(row);
  if (min !== null && row.agreement < min) below = true;
}
console.log("\ncorpus       pairs    agree  agreement   sites with through / sites to a local module");
for (const row of rows) {
  console.log(`${row.name.padEnd(10)} ${String(row.pairs).padStart(7)} ${String(row.agree).padStart(8)}  ${row.agreement.toFixed(3).padStart(8)}%   ${row.through} / ${row.localSites}`);
}
process.exitCode = below ? 1 : 0;

async function compareCorpus(name, root, tsconfig) {
  console.log(`\n== ${name}  ${path.relative(process.cwd(), root)}  tsconfig: ${tsconfig === null ? "none" : path.relative(process.cwd(), tsconfig)}`);
  const { document } = await map({ root, cache: false, throughBarrels: true, ...(tsconfig === null ? {} : { tsconfig }) });
  const kindOf = new Map(document.modules.map((module) => [module.id, module.kind]));
  // (file, line, specifier, kind) → [target, site]
  const sites = new Map();
  let localSites = 0;
  let through = 0;
  for (const edge of document.imports) {
    for (const site of edge.sites) {
      sites.set(`${edge.from}\0${site.line}\0${site.specifier}\0${site.kind}`, { to: edge.to, site });
      if (kindOf.get(edge.to) === "local") localSites++;
      if (site.through !== undefined) through++;
    }
  }
  const unknown = new Set(document.diagnostics.filter((d) => d.code === "unknown-export").map((d) => `${d.file}\0${d.line}\0${JSON.parse(d.message.slice(0, d.message.indexOf(" is not exported")))}`));

  const project = new Project({
    ...(tsconfig === null
      ? { compilerOptions: { allowJs: true, checkJs: false, noEmit: true, target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, jsx: ts.JsxEmit.Preserve, allowImportingTsExtensions: true, skipLibCheck: true } }
      : { tsConfigFilePath: tsconfig }),
    skipAddingFilesFromTsConfig: true,
  });
  const mapped = document.modules.filter((module) => module.kind === "local" && module.lines !== undefined).map((module) => module.id);
  for (const id of mapped) project.addSourceFileAtPath(path.join(root, id));
  const checker = project.getTypeChecker().compilerObject;
  const realRoot = fs.realpathSync(root);

  /** The checker's module for a symbol: a module id, "outside", or "none". */
  const declaredIn = (symbol) => {
    if (symbol === undefined) return ["none"];
    let target = symbol;
    if (target.flags & ts.SymbolFlags.Alias) target = checker.getAliasedSymbol(target);
    const declarations = target.declarations ?? [];
    if (declarations.length === 0) return ["none"];
    return [...new Set(declarations.map((declaration) => moduleOf(declaration.getSourceFile().fileName)))];
  };
  const moduleOf = (fileName) => {
    for (const base of [root, realRoot]) {
      const relative = path.relative(base, fileName).split(path.sep).join("/");
      if (!relative.startsWith("../") && !path.isAbsolute(relative)) return relative.split("/").includes("node_modules") ? "outside" : relative;
    }
    return "outside";
  };
  const layermapAnswer = (entry, name) => entry.site.through?.find((t) => t.names.includes(name))?.module ?? entry.to;

  let pairs = 0;
  let agree = 0;
  const classes = new Map();
  const differ = (klass, line) => {
    if (!classes.has(klass)) classes.set(klass, []);
    classes.get(klass).push(line);
  };
  for (const id of mapped) {
    const file = project.getSourceFileOrThrow(path.join(root, id)).compilerNode;
    for (const statement of file.statements) {
      const isImport = ts.isImportDeclaration(statement);
      const isExport = ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined && statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause);
      if ((!isImport && !isExport) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const line = file.getLineAndCharacterOfPosition(statement.getStart(file)).line + 1;
      const entry = sites.get(`${id}\0${line}\0${statement.moduleSpecifier.text}\0${isImport ? "static" : "re-export"}`);
      if (entry === undefined) {
        if (!isImport || statement.importClause !== undefined) differ("site not in layermap's document", `${id}:${line} ${statement.moduleSpecifier.text}`);
        continue;
      }
      if (kindOf.get(entry.to) !== "local") continue;
      const named = []; // [name, symbol]
      if (isImport) {
        const clause = statement.importClause;
        if (clause === undefined) continue;
        if (clause.name !== undefined) named.push(["default", checker.getSymbolAtLocation(clause.name)]);
        const bindings = clause.namedBindings;
        if (bindings !== undefined && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) named.push([(element.propertyName ?? element.name).text, checker.getSymbolAtLocation(element.name)]);
        } else if (bindings !== undefined) {
          // A namespace: the members layermap followed, each looked up among the module's exports.
          const members = (entry.site.through ?? [{ names: [] }]).flatMap((t) => t.names).filter((member) => member !== "*" && member !== "default");
          const moduleSymbol = checker.getSymbolAtLocation(statement.moduleSpecifier);
          const exports = moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol);
          for (const member of members) named.push([member, exports.find((symbol) => symbol.escapedName === ts.escapeLeadingUnderscores(member)), "member"]);
        }
      } else {
        for (const element of statement.exportClause.elements) named.push([(element.propertyName ?? element.name).text, checker.getSymbolAtLocation(element.name)]);
      }
      for (const [name, symbol, form] of named) {
        pairs++;
        const ours = layermapAnswer(entry, name);
        const theirs = declaredIn(symbol);
        const oursOutside = kindOf.get(ours) !== "local";
        const same =
          theirs.includes(ours) ||
          (theirs.includes("outside") && oursOutside) ||
          (theirs[0] === "none" && ours === entry.to && unknown.has(`${id}\0${line}\0${name}`));
        if (same) agree++;
        else {
          const klass = theirs[0] === "none" ? "checker finds no declaration" : ours === entry.to ? "layermap stays on the target" : "layermap follows elsewhere";
          differ(`${klass}${form === "member" ? " (namespace member)" : ""}`, `${id}:${line} {${name}} from ${statement.moduleSpecifier.text}: layermap ${ours}, checker ${theirs.join(" | ")}`);
        }
      }
    }
  }
  const agreement = pairs === 0 ? 100 : (100 * agree) / pairs;
  console.log(`${mapped.length} files, ${localSites} sites to a local module, ${through} with through; ${pairs} (site, name) pairs, ${agree} agree: ${agreement.toFixed(3)}%`);
  for (const [klass, lines] of classes) {
    console.log(`  ${klass}: ${lines.length}`);
    for (const line of lines.slice(0, limit)) console.log(`    ${line}`);
  }
  return { name, pairs, agree, agreement, through, localSites };
}
