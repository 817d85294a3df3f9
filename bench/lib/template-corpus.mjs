/**
 * An application written from the project templates a scaffolding package ships (corpora.mjs's
 * `template`): the SvelteKit demo app that `sv create --template demo --types ts` writes, made
 * from sv's own pack, as sv 0.17's create() does it (dist/engine-*.mjs, "src/create/index.ts"):
 *
 *   1. the template's assets/ copied, `DOT-` in a name becoming `.`;
 *   2. its package.json, then each file of templates/<template>/files.types=<types>.json;
 *   3. shared.json's files whose every `include` condition holds and no `exclude` one does
 *      (conditions: a template name, a types name, or an add-on — none chosen here), the more
 *      generic first; a shared package.json is merged into the template's;
 *
 * with `~SV-NAME-TODO~` (and `~SV-PROTOCOL-NAME-TODO~`) replaced by the project's name in the
 * text files sv replaces them in. Nothing is installed and `svelte-kit sync` is not run: the app
 * is what a fresh checkout of such a project holds (no .svelte-kit/).
 */
import fs from "node:fs";
import path from "node:path";

const TEMPLATE_NAMES = ["minimal", "demo", "library", "addon", "svelte"];
const TYPES = ["typescript", "checkjs", "none"];
/** The endings of the copied assets sv replaces the name placeholders in. */
const REPLACED_ENDINGS = [".md", ".js", ".ts", ".json"];

/**
 * Write the app into `dest` (created).
 * @param {string} packageDir the unpacked scaffolding package (its dist/ holds templates/ and shared.json)
 * @param {{ name: string, types: string, project: string }} template
 * @returns {number} how many files were written
 */
export function writeTemplateApp(packageDir, { name, types, project }, dest) {
  const dist = path.join(packageDir, "dist");
  const templateDir = path.join(dist, "templates", name);
  const replacements = placeholders(project);
  let written = 0;
  const write = (rel, contents) => {
    const file = path.join(dest, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
    written++;
  };

  for (const rel of listFiles(path.join(templateDir, "assets"))) {
    const from = path.join(templateDir, "assets", rel);
    const to = rel.split("/").map((part) => part.replace("DOT-", ".")).join("/");
    write(to, REPLACED_ENDINGS.some((ending) => rel.endsWith(ending)) ? replace(fs.readFileSync(from, "utf8"), replacements) : fs.readFileSync(from));
  }
  const manifest = JSON.parse(replace(fs.readFileSync(path.join(templateDir, "package.json"), "utf8"), replacements));
  for (const file of readJson(path.join(templateDir, `files.types=${types}.json`))) write(file.name, replace(file.contents, replacements));
  for (const file of sharedFiles(readJson(path.join(dist, "shared.json")).files, { template: name, types })) {
    if (file.name === "package.json") merge(manifest, JSON.parse(file.contents));
    else write(file.name, replace(file.contents, replacements));
  }
  manifest.name = project;
  write("package.json", JSON.stringify(manifest, null, "\t") + "\n");
  return written;
}

/**
 * shared.json's files that apply to a template and types, the more generic first, so that a more
 * precise one written later wins: sv's sort_files, whose comparator is not a total order (files
 * neither more generic than the other compare equal), so the result follows shared.json's own
 * order as sv's does.
 */
export function sharedFiles(files, options) {
  const holds = (condition) => {
    if (TEMPLATE_NAMES.includes(condition)) return condition === options.template;
    if (TYPES.includes(condition)) return condition === options.types;
    return false; // an add-on: none is chosen
  };
  const moreGeneric = (a, b) => a.include.every((c) => b.include.includes(c)) && a.exclude.every((c) => b.exclude.includes(c));
  return [...files]
    .sort((a, b) => {
      const aFirst = moreGeneric(a, b);
      const bFirst = moreGeneric(b, a);
      return aFirst === bFirst ? 0 : aFirst ? -1 : 1;
    })
    .filter((file) => file.include.every(holds) && !file.exclude.some(holds));
}

function placeholders(project) {
  return { "~SV-PROTOCOL-NAME-TODO~": project.startsWith("@") ? project.split("/")[0] : project, "~SV-NAME-TODO~": project };
}

function replace(text, replacements) {
  for (const [key, value] of Object.entries(replacements)) text = text.replaceAll(key, value);
  return text;
}

/** sv's merge: objects merged key by key, anything else replaced. */
function merge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (key in target && typeof value === "object" && value !== null && typeof target[key] === "object") merge(target[key], value);
    else target[key] = value;
  }
}

/** Files under a folder, as sorted POSIX paths relative to it. */
function listFiles(folder) {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join("/"))
    .sort();
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}
