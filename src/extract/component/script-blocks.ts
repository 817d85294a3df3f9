/**
 * Where the code of a Vue, Svelte or Astro component is: its script blocks, found in the
 * component's text the way each framework's own parser finds them, without loading that parser
 * (docs/ARCHITECTURE.md: "Components"; bench/compare-components.mjs holds this to
 * @vue/compiler-sfc, svelte/compiler and @astrojs/compiler on real components).
 *
 * - **Vue** (`@vue/compiler-sfc`'s `parse`): every `<script>` at the top level (`<script>`,
 *   `<script setup>`); a top-level element's content is raw text up to its closing tag, but for
 *   an HTML `<template>`, whose nested `<template>`s, comments, `{{ }}` and quoted attributes
 *   are read as markup so that none of them ends it early; `{{ }}` hides tags at the top level
 *   too.
 * - **Svelte** (`svelte/compiler`'s `parse`): every `<script>` outside any element or `{#…}`
 *   block (`<script>`, `<script context="module">`, `<script module>`); `{…}` expressions, in
 *   text and attributes, are read as JavaScript (strings, template literals, comments), so a
 *   `"<script>"` in one is not a tag.
 * - **Astro** (`@astrojs/compiler`): the `---` frontmatter, when only whitespace and comments
 *   come before it, up to the next line that is `---`; and every `<script>` Astro processes —
 *   no attribute but a written `src`, not inside `<template>`, `<svg>` (which an HTML element such
 *   as `<p>` or `<li>` ends, as in HTML) or `<noscript>` — in the markup and in the JSX of its
 *   `{…}` expressions, where only the elements inside the expression count.
 *
 * What all three share with HTML: comments hide tags; `<script>`, `<style>`, `<textarea>` and
 * `<title>` hold raw text up to their closing tag, so a `</script>` in a string of the script
 * ends it (as it does for the frameworks); tag names are case-sensitive (`<SCRIPT>` is no
 * script to any of them). A block never closed runs to the end of the file and is reported.
 */

export type ComponentKind = "vue" | "svelte" | "astro";
/** The dialect a block is parsed as. */
export type ScriptLang = "ts" | "tsx" | "js" | "jsx";

interface ScriptBlock {
  /** Where the opening tag (or fence) starts. */
  tag: number;
  /** The block's code: from just after its opening tag (or fence) to its closing one; empty when `src` names the code's file. */
  start: number;
  end: number;
  lang: ScriptLang;
  /** `<script src="…">` (Vue, Astro): the file holding the block's code. */
  src?: string;
}

/** Something about the component's blocks worth a diagnostic, at an offset of its text. */
interface BlockProblem {
  offset: number;
  message: string;
}

export interface ComponentScripts {
  /** In the order of the text. */
  blocks: ScriptBlock[];
  problems: BlockProblem[];
}

const COMPONENT_ENDINGS: Record<string, ComponentKind> = { ".vue": "vue", ".svelte": "svelte", ".astro": "astro" };

/** The framework whose component the path names, or undefined for any other file. */
export function componentKindOf(path: string): ComponentKind | undefined {
  const dot = path.lastIndexOf(".");
  return dot < 0 ? undefined : COMPONENT_ENDINGS[path.slice(dot)];
}

/** Elements whose content is text up to their closing tag, wherever they are. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);
/** Elements that never have content (HTML's void elements), written without `/>` as often as with. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
/** Astro leaves a `<script>` inside these as it is written (measured with @astrojs/compiler 4). */
const ASTRO_UNPROCESSED_INSIDE = new Set(["template", "svg", "noscript"]);
/**
 * HTML elements that end an `<svg>` they are written in (HTML's "breakout" tags in foreign
 * content), which Astro's parser, an HTML parser, follows.
 */
const SVG_BREAKOUT = new Set(
  "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var".split(" "),
);

interface Attribute {
  /** Lower-cased: `LANG="ts"` is read as `lang`. */
  name: string;
  /** The text of a quoted or bare value; true without one; null for an expression (`src={url}`). */
  value: string | true | null;
}

interface Tag {
  name: string;
  attributes: Attribute[];
  /** Offset just after the tag's `>` (the end of the text when it has none). */
  end: number;
  selfClosing: boolean;
}

/** The script blocks of a component's text (decoded, without a byte-order mark). */
export function findScriptBlocks(kind: ComponentKind, text: string): ComponentScripts {
  const length = text.length;
  const blocks: ScriptBlock[] = [];
  const problems: BlockProblem[] = [];
  /** Open elements, and Svelte's open `{#…}` blocks as `{#if`, `{#each`, …. */
  const stack: string[] = [];
  /** Where the innermost Astro expression's JSX starts on the stack: Astro looks for `<svg>` and the like only above it. */
  let expressionFloor = 0;

  const isNameStart = (at: number): boolean => {
    const code = text.charCodeAt(at);
    return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  };
  const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
  const skipSpace = (at: number): number => {
    while (at < length && isSpace(text.charCodeAt(at))) at++;
    return at;
  };

  /** Past a JavaScript string or template literal starting at `at` (its quote). */
  const skipString = (at: number): number => {
    const quote = text[at];
    for (let index = at + 1; index < length; index++) {
      const char = text[index];
      if (char === "\\") index++;
      else if (char === quote) return index + 1;
      else if (quote === "`" && char === "$" && text[index + 1] === "{") index = skipExpression(index + 1) - 1;
      else if (quote !== "`" && (char === "\n" || char === "\r")) return index;
    }
    return length;
  };

  /** Past a `{…}` expression starting at `at` (its `{`), read as JavaScript; in Astro, JSX elements in it are read as markup. */
  const skipExpression = (at: number): number => {
    let depth = 0;
    for (let index = at; index < length; index++) {
      const char = text[index];
      if (char === "{") depth++;
      else if (char === "}") {
        if (--depth === 0) return index + 1;
      } else if (char === '"' || char === "'" || char === "`") index = skipString(index) - 1;
      else if (char === "/" && text[index + 1] === "/") {
        while (index < length && text[index] !== "\n" && text[index] !== "\r") index++;
      } else if (char === "/" && text[index + 1] === "*") {
        const close = text.indexOf("*/", index + 2);
        index = close < 0 ? length : close + 1;
      } else if (kind === "astro" && text.startsWith("<!--", index)) {
        const close = text.indexOf("-->", index + 4);
        index = close < 0 ? length : close + 2;
      } else if (kind === "astro" && char === "<" && (isNameStart(index + 1) || text[index + 1] === ">")) {
        const outerFloor = expressionFloor;
        expressionFloor = stack.length;
        const floor = stack.length + 1;
        index = element(index);
        if (stack.length >= floor) index = markup(index, floor);
        expressionFloor = outerFloor;
        index--;
      }
    }
    return length;
  };

  /** The tag starting at `at` (`<name …>`); attribute values may hold `>`, and Svelte's and Astro's `{…}` anything. */
  const readTag = (at: number): Tag => {
    let index = at + 1;
    while (index < length && !isSpace(text.charCodeAt(index)) && text[index] !== ">" && !(text[index] === "/" && text[index + 1] === ">")) index++;
    const name = text.slice(at + 1, index);
    const attributes: Attribute[] = [];
    for (;;) {
      index = skipSpace(index);
      if (index >= length) return { name, attributes, end: length, selfClosing: false };
      const char = text[index];
      if (char === ">") return { name, attributes, end: index + 1, selfClosing: false };
      if (char === "/" && text[index + 1] === ">") return { name, attributes, end: index + 2, selfClosing: true };
      if (char === "{" && kind !== "vue") {
        // Svelte's `{name}` shorthand and `{...spread}`, Astro's `{...spread}`.
        index = skipExpression(index);
        attributes.push({ name: "{…}", value: null });
        continue;
      }
      const nameStart = index;
      while (index < length && !isSpace(text.charCodeAt(index)) && !"=>".includes(text[index]!) && !(text[index] === "/" && text[index + 1] === ">")) index++;
      if (index === nameStart) {
        index++; // a stray `/` or `=`
        continue;
      }
      const attribute: Attribute = { name: text.slice(nameStart, index).toLowerCase(), value: true };
      attributes.push(attribute);
      const afterName = skipSpace(index);
      if (text[afterName] !== "=") continue;
      index = skipSpace(afterName + 1);
      const quote = text[index];
      if (quote === '"' || quote === "'" || (quote === "`" && kind === "astro")) {
        const valueStart = index + 1;
        let close = valueStart;
        let expression = false;
        while (close < length && text[close] !== quote) {
          // Svelte reads `{…}` inside a quoted value, and the expression may hold that quote.
          if (kind === "svelte" && text[close] === "{") {
            close = skipExpression(close);
            expression = true;
          } else close++;
        }
        attribute.value = expression ? null : text.slice(valueStart, close);
        index = Math.min(close + 1, length);
      } else if (quote === "{" && kind !== "vue") {
        index = skipExpression(index);
        attribute.value = null;
      } else {
        const valueStart = index;
        while (index < length && !isSpace(text.charCodeAt(index)) && text[index] !== ">") index++;
        attribute.value = text.slice(valueStart, index);
      }
    }
  };

  /** Where the raw text of `name`, opened before `from`, ends: its closing tag's start and end; undefined when it never closes. */
  const closingTag = (name: string, from: number): { start: number; end: number } | undefined => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // Svelte ends a top-level script or style at `</name>` with spaces allowed before `>`, a nested
    // one at `</name>` exactly; HTML, and so Vue and Astro, at `</name` and a space, `/` or `>`.
    const pattern =
      kind === "svelte" ? new RegExp(stack.length === 0 ? `</${escaped}\\s*>` : `</${escaped}>`, "g") : new RegExp(`</${escaped}(?=[\\s/>])`, "gi");
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (match === null) return undefined;
    const gt = text.indexOf(">", match.index);
    return { start: match.index, end: gt < 0 ? length : gt + 1 };
  };

  const attributeValue = (tag: Tag, name: string): string | true | null | undefined => tag.attributes.find((attribute) => attribute.name === name)?.value;

  const addScript = (tagStart: number, tag: Tag, start: number, end: number): void => {
    const src = attributeValue(tag, "src");
    if (kind === "astro") {
      if (stack.slice(expressionFloor).some((open) => ASTRO_UNPROCESSED_INSIDE.has(open))) return;
      // Astro processes a script with no attribute but a written src; any other is left inline.
      if (tag.attributes.some((attribute) => attribute.name !== "src" || typeof attribute.value !== "string")) return;
      blocks.push(typeof src === "string" ? { tag: tagStart, start, end: start, lang: "ts", src } : { tag: tagStart, start, end, lang: "ts" });
      return;
    }
    if (stack.length > 0) return; // Vue and Svelte read top-level scripts only.
    const lang = scriptLang(tag, kind);
    if (kind === "vue" && typeof src === "string") {
      blocks.push({ tag: tagStart, start, end: start, lang: lang ?? "js", src });
      return;
    }
    if (lang === undefined) {
      problems.push({ offset: tagStart, message: `<script lang="${String(attributeValue(tag, "lang"))}">: not JavaScript or TypeScript, its imports are not read` });
      return;
    }
    blocks.push({ tag: tagStart, start, end, lang });
  };

  /** An element starting at `at`; returns where its content starts (raw-text elements: where they end). */
  const element = (at: number): number => {
    const tag = readTag(at);
    const { name } = tag;
    if (kind === "astro" && SVG_BREAKOUT.has(name) && stack.lastIndexOf("svg") >= expressionFloor) stack.length = stack.lastIndexOf("svg");
    const vueRoot = kind === "vue" && stack.length === 0;
    // Vue reads every top-level element but an HTML <template> as raw text, a void one too (`<br>` at the top runs to the end).
    const raw = RAW_TEXT.has(name) || (vueRoot && !(name === "template" && isHtml(attributeValue(tag, "lang"))));
    if (tag.selfClosing || tag.end >= length) {
      if (name === "script") addScript(at, tag, tag.end, tag.end);
      return tag.end;
    }
    if (raw) {
      const close = closingTag(name, tag.end);
      if (name === "script") addScript(at, tag, tag.end, close?.start ?? length);
      if (close === undefined && (name === "script" || vueRoot)) {
        problems.push({ offset: at, message: `<${name}> is never closed (no </${name}>): read to the end of the file` });
      }
      return close?.end ?? length;
    }
    if (!VOID.has(name)) stack.push(name);
    return tag.end;
  };

  /** Pops the stack down to the innermost `name` (an unmatched closing tag closes nothing). */
  const close = (name: string): void => {
    const index = stack.lastIndexOf(name);
    if (index >= 0) stack.length = index;
  };

  /** Markup from `at` until the stack drops below `floor` (the element that set it closed), or the end. */
  const markup = (at: number, floor: number): number => {
    let index = at;
    while (index < length) {
      const char = text[index];
      if (char === "<") {
        const next = text[index + 1];
        if (text.startsWith("<!--", index)) {
          const end = text.indexOf("-->", index + 4);
          index = end < 0 ? length : end + 3;
        } else if (next === "/") {
          let nameEnd = index + 2;
          while (nameEnd < length && !isSpace(text.charCodeAt(nameEnd)) && text[nameEnd] !== ">") nameEnd++;
          close(text.slice(index + 2, nameEnd));
          const gt = text.indexOf(">", nameEnd);
          index = gt < 0 ? length : gt + 1;
          if (stack.length < floor) return index;
        } else if (isNameStart(index + 1)) {
          index = element(index);
        } else if (next === ">" && kind === "astro") {
          stack.push(""); // a fragment, `<>…</>`
          index += 2;
        } else if (next === "!" || next === "?") {
          const gt = text.indexOf(">", index);
          index = gt < 0 ? length : gt + 1;
        } else index++;
      } else if (char === "{" && kind === "vue") {
        // `{{ … }}` is an interpolation wherever it is, at the top level too: a tag in it is text.
        if (text[index + 1] === "{") {
          const end = text.indexOf("}}", index + 2);
          index = end < 0 ? length : end + 2;
        } else index++;
      } else if (char === "{") {
        if (kind === "svelte") svelteBlock(index);
        index = skipExpression(index);
      } else index++;
    }
    return length;
  };

  /** `{#if …}` opens a block, `{/if}` closes it: a script inside one is not at the top level. */
  const svelteBlock = (at: number): void => {
    const sigil = text[at + 1];
    if (sigil !== "#" && sigil !== "/") return;
    let end = at + 2;
    while (end < length && isNameStart(end)) end++;
    const block = `{#${text.slice(at + 2, end)}`;
    if (sigil === "#") stack.push(block);
    else close(block);
  };

  let start = 0;
  if (kind === "astro") start = frontmatter(text, blocks, problems);
  markup(start, 0);
  return { blocks, problems };
}

/**
 * Astro's frontmatter: a `---` line when only whitespace and HTML comments come before it, up to
 * the next line that is `---` (trailing spaces allowed), or to the end of the file. Adds the
 * block and returns where the markup starts.
 */
function frontmatter(text: string, blocks: ScriptBlock[], problems: BlockProblem[]): number {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (!text.startsWith("<!--", at)) break;
    const end = text.indexOf("-->", at + 4);
    if (end < 0) return 0;
    at = end + 3;
  }
  if (!text.startsWith("---", at)) return 0;
  const start = at + 3;
  const fence = /(?:\r\n|\n|\r)---[ \t]*(?=\r\n|\n|\r|$)/g;
  fence.lastIndex = start;
  const closing = fence.exec(text);
  if (closing === null) {
    problems.push({ offset: at, message: "the frontmatter's closing --- is missing: read to the end of the file" });
    blocks.push({ tag: at, start, end: text.length, lang: "ts" });
    return text.length;
  }
  const end = closing.index + (text[closing.index] === "\r" && text[closing.index + 1] === "\n" ? 2 : 1);
  blocks.push({ tag: at, start, end, lang: "ts" });
  return closing.index + closing[0].length;
}

/** Vue reads a `<template>` as HTML unless its `lang` names another language (pug). */
function isHtml(lang: string | true | null | undefined): boolean {
  return lang === undefined || lang === true || (typeof lang === "string" && lang.toLowerCase() === "html");
}

/** The dialect of a Vue or Svelte script from its `lang` (Svelte: or `type`); undefined for a language that is neither. */
function scriptLang(tag: Tag, kind: ComponentKind): ScriptLang | undefined {
  const lang = tag.attributes.find((attribute) => attribute.name === "lang")?.value;
  const type = tag.attributes.find((attribute) => attribute.name === "type")?.value;
  const written = typeof lang === "string" ? lang.toLowerCase() : kind === "svelte" && typeof type === "string" && /typescript/i.test(type) ? "ts" : undefined;
  switch (written) {
    case undefined:
    case "":
    case "js":
    case "javascript":
    case "mjs":
      return "js";
    case "ts":
    case "typescript":
    case "mts":
      return "ts";
    case "tsx":
      return "tsx";
    case "jsx":
      return "jsx";
    default:
      return undefined;
  }
}
