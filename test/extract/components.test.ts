/**
 * Vue, Svelte and Astro components: their script blocks found as each framework finds them (the
 * hostile cases below were each checked against @vue/compiler-sfc 3.5, svelte 5.57 and
 * @astrojs/compiler 4 — bench/compare-components.mjs reads test/fixtures/components/hostile with
 * them), and their sites extracted with the component's own line numbers.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractComponent } from "../../src/extract/component/extract-component.js";
import { componentKindOf, findScriptBlocks, type ComponentKind } from "../../src/extract/component/script-blocks.js";
import { extractAll, oxcExtraction } from "../../src/extract/extract-all.js";
import { extractImports } from "../../src/extract/extract-imports.js";
import type { Extraction } from "../../src/extract/types.js";

const hostile = fileURLToPath(new URL("../fixtures/components/hostile/", import.meta.url));
const expectedPath = join(hostile, "..", "hostile.expected.json");

/** What the extract stage does with a script: oxc, else TypeScript's parser. */
const extractScript = (path: string, text: string): Promise<Extraction> => Promise.resolve(oxcExtraction(path, text) ?? extractImports(path, text));

/** The text of each block (a src block: `src=…`). */
function blockTexts(kind: ComponentKind, text: string): string[] {
  return findScriptBlocks(kind, text).blocks.map((block) => (block.src !== undefined ? `src=${block.src}` : text.slice(block.start, block.end)));
}

const extract = (kind: ComponentKind, text: string): Promise<Extraction> => extractComponent(kind, `C.${kind}`, text, extractScript);
const sitesOf = async (kind: ComponentKind, text: string): Promise<string[]> =>
  (await extract(kind, text)).sites.map((site) => `${site.line} ${site.kind}${site.typeOnly ? " type" : ""} ${site.specifier}`);

describe("componentKindOf", () => {
  it("knows the three endings, case as written", () => {
    expect(["a.vue", "b/c.svelte", "d.astro", "e.ts", "f.VUE", "g.svelte.js", "vue"].map(componentKindOf)).toEqual(["vue", "svelte", "astro", undefined, undefined, undefined, undefined]);
  });
});

describe("Vue blocks", () => {
  it("reads <script> and <script setup> at the top level, whatever the attributes' order, quotes and case", () => {
    const text = `<template><div/></template>\n<script LANG='ts'   setup >import a from "a"</script>\n<script lang=tsx>import b from "b"</script>`;
    expect(blockTexts("vue", text)).toEqual(['import a from "a"', 'import b from "b"']);
    expect(findScriptBlocks("vue", text).blocks.map((block) => block.lang)).toEqual(["ts", "tsx"]);
  });

  it("passes over a <script> in a comment, inside <template> or a custom block, and the template's own tricks", () => {
    const text = [
      "<!-- <script>import 'comment'</script> -->",
      `<template><div :title="'</template>'">{{ '</template>' }}<template v-if="x"><script>import 'inside'</script></template></div></template>`,
      "<docs><script>import 'docs'</script></docs>",
      "<script>import 'real'</script>",
    ].join("\n");
    expect(blockTexts("vue", text)).toEqual(["import 'real'"]);
  });

  it("reads {{ }} as an interpolation at the top level too, and any other top-level element as raw text, a void one too", () => {
    expect(blockTexts("vue", `{{ '<script>' }}\n<script setup lang="ts">import a from 'a'</script>`)).toEqual(["import a from 'a'"]);
    const found = findScriptBlocks("vue", "<br>\n<script>import a from 'a'</script>");
    expect(found.blocks).toEqual([]);
    expect(found.problems).toEqual([{ offset: 0, message: "<br> is never closed (no </br>): read to the end of the file" }]);
  });

  it("reads a pug template as text up to its closing tag", () => {
    expect(blockTexts("vue", `<template lang="pug">div <script>\n</template><script>import 'o'</script>`)).toEqual(["import 'o'"]);
  });

  it("ends a block at the first </script>, even in a string, as HTML does", () => {
    expect(blockTexts("vue", `<script>const s = "</script>"; import 'h'</script>`)).toEqual(['const s = "']);
    expect(blockTexts("vue", `<script>import 'r'</scripts></script >`)).toEqual(["import 'r'</scripts>"]);
  });

  it("takes <script src> as the block's file", () => {
    expect(blockTexts("vue", `<script src="./logic.ts" lang="ts"></script>`)).toEqual(["src=./logic.ts"]);
  });

  it("does not take <SCRIPT> (tag names are case-sensitive), and reports a script in another language", () => {
    expect(blockTexts("vue", `<SCRIPT>import 'e'</SCRIPT>`)).toEqual([]);
    const found = findScriptBlocks("vue", `\n<script lang="coffee">import 'x'</script>`);
    expect(found.blocks).toEqual([]);
    expect(found.problems).toEqual([{ offset: 1, message: '<script lang="coffee">: not JavaScript or TypeScript, its imports are not read' }]);
  });
});

describe("Svelte blocks", () => {
  it("reads the module and instance scripts, in either spelling", () => {
    const text = `<script context="module" lang="ts">import a from 'a'</script>\n<script module>import m from 'm'</script>\n<script type="text/typescript">import b from 'b'</script>`;
    expect(blockTexts("svelte", text)).toEqual(["import a from 'a'", "import m from 'm'", "import b from 'b'"]);
    expect(findScriptBlocks("svelte", text).blocks.map((block) => block.lang)).toEqual(["ts", "js", "ts"]);
  });

  it("passes over scripts inside blocks and elements, and tags inside expressions, strings and comments", () => {
    const text = [
      "{#if open}<script>import 'in-if'</script>{/if}",
      "{#if nothing}{/if}",
      `<p title="{x ? "<script>" : '}'}" on:click={() => a < b}>{"<script>import 'string'</script>"}</p>`,
      "<!-- <script>import 'comment'</script> -->",
      "<svelte:head><script src='https://x.test/a.js'></script></svelte:head>",
      "<style>a { content: '<script>' }</style>",
      "<script>import 'real'</script>",
    ].join("\n");
    expect(blockTexts("svelte", text)).toEqual(["import 'real'"]);
  });

  it("ends a block only at </script> with nothing but spaces before its >, and a nested script only at </script>", () => {
    expect(blockTexts("svelte", `<script>import 'a'</script x></script  >`)).toEqual(["import 'a'</script x>"]);
    // svelte/compiler 5.57 agrees: the nested script runs to the exact </script>, past `</script >{#if c}`.
    expect(blockTexts("svelte", "{#if a}<script>{/if}</script >{#if c}</script>{/if}<script>import 'b'</script>")).toEqual(["import 'b'"]);
  });
});

describe("Astro blocks", () => {
  it("reads the frontmatter after whitespace and comments, up to a line that is ---", () => {
    expect(blockTexts("astro", `\n<!-- c -->\n---\nimport A from 'a'\n---  \n<div/>`)).toEqual(["\nimport A from 'a'\n"]);
    // A --- inside a string is a fence when it starts a line (Astro's compiler agrees).
    expect(blockTexts("astro", `---\nconst s = "\n---\n";\n---\n<div/>`)).toEqual(['\nconst s = "\n']);
  });

  it("follows HTML where an element ends an <svg>, and passes over comments in expressions", () => {
    expect(blockTexts("astro", `<svg><p>x</p><script>import 'after-breakout'</script></svg>`)).toEqual(["import 'after-breakout'"]);
    expect(blockTexts("astro", `<svg><g><script>import 'in-svg'</script></g></svg>`)).toEqual([]);
    expect(blockTexts("astro", `{cond && (<!-- <script>import 'c'</script> -->)}`)).toEqual([]);
    // Inside an expression, only the elements in it count (@astrojs/compiler 4 agrees).
    expect(blockTexts("astro", `<noscript>{cond && <div><script>import 'd'</script></div>}</noscript>{cond && <noscript><script>import 'x'</script></noscript>}`)).toEqual(["import 'd'"]);
  });

  it("has no frontmatter after markup, and reports one never closed", () => {
    expect(blockTexts("astro", `<div/>\n---\nimport A from 'a'\n---\n`)).toEqual([]);
    const found = findScriptBlocks("astro", `---\nimport A from 'a'\n<div/>`);
    expect(found.blocks.map((block) => [block.start, block.end])).toEqual([[3, 28]]);
    expect(found.problems).toEqual([{ offset: 0, message: "the frontmatter's closing --- is missing: read to the end of the file" }]);
  });

  it("reads the scripts Astro processes, in markup and in expressions' JSX, and no other", () => {
    const text = [
      "---",
      "const html = '<script>import \"frontmatter\"</script>';",
      "---",
      "<Layout><script>import 'slot'</script></Layout>",
      "{items.map((item) => <li>{item}'s <script>import 'expression'</script></li>)}",
      "<script is:inline>import 'inline'</script><script type=\"module\">import 'module'</script><script data-x>import 'data'</script>",
      "<script define:vars={{ a }}>x</script><script src={url}></script><script src=\"./local.ts\"></script>",
      "<template><script>import 'template'</script></template><svg><script>import 'svg'</script></svg><noscript><script>import 'noscript'</script></noscript>",
      "<!-- <script>import 'comment'</script> -->{\"<script>import 'string'</script>\"}",
    ].join("\n");
    expect(blockTexts("astro", text)).toEqual([`\nconst html = '<script>import "frontmatter"</script>';\n`, "import 'slot'", "import 'expression'", "src=./local.ts"]);
  });
});

describe("component extraction", () => {
  it("gives each site the component's line, merges the blocks in order, and keeps import type type-only", async () => {
    const text = [
      "<script setup lang='ts'>", // 1
      "import Button from './Button.svelte'", // 2: used only by the template
      "import type { Props } from './types'", // 3
      "</script>", // 4
      "<template><Button/></template>", // 5
      "<script lang='ts'>", // 6
      "export { helper } from './helper'", // 7
      "const lazy = () => import('./Lazy.vue')", // 8
      "</script>", // 9
      "<script src='./logic.ts'></script>", // 10: a second plain script, Vue would refuse; its src is still an import
    ].join("\n");
    const extraction = await extract("vue", text);
    expect(extraction.sites.map((site) => `${site.line} ${site.kind}${site.typeOnly ? " type" : ""} ${site.specifier}`)).toEqual([
      "2 static ./Button.svelte",
      "3 static type ./types",
      "7 re-export ./helper",
      "8 dynamic ./Lazy.vue",
      "10 side-effect ./logic.ts",
    ]);
    // A TypeScript file would call the Button import elidable (unused as a value): a component never does.
    expect(extraction.sites.some((site) => site.elidable === true)).toBe(false);
    expect(extraction.lines).toBe(10);
    expect(extraction.problems).toEqual([]);
  });

  it("counts lines across CRLF, and has no sites for a component without scripts", async () => {
    expect(await sitesOf("svelte", "<script>\r\nimport a from 'a'\r\n</script>\r\n<p/>\r\n")).toEqual(["2 static a"]);
    const none = await extract("svelte", "<h1>hello</h1>\n{#if x}{/if}\n");
    expect(none).toEqual({ sites: [], problems: [], lines: 2 });
  });

  it("reports a script that does not parse at its line in the component, keeping what TypeScript recovers", async () => {
    const text = "---\nimport A from './A.astro'\nconst = ;\nimport B from './B.ts'\n---\n<A/>";
    const extraction = await extract("astro", text);
    expect(extraction.sites.map((site) => `${site.line} ${site.specifier}`)).toEqual(["2 ./A.astro", "4 ./B.ts"]);
    expect(extraction.problems.map((problem) => [problem.code, problem.line])).toEqual([["parse-error", 3]]);
  });

  it("reports a block never closed at its tag, and reads it to the end", async () => {
    const extraction = await extract("svelte", "<p/>\n<script>\nimport a from 'a'\n");
    expect(extraction.sites.map((site) => `${site.line} ${site.specifier}`)).toEqual(["3 a"]);
    expect(extraction.problems).toEqual([{ code: "parse-error", line: 2, message: "<script> is never closed (no </script>): read to the end of the file" }]);
  });

  it("reports what follows a </script> written in a string as the framework would: a parse error", async () => {
    const extraction = await extract("vue", "<script>\nconst s = '</script>'; import 'x'\n</script>\n");
    expect(extraction.sites).toEqual([]);
    expect(extraction.problems.map((problem) => [problem.code, problem.line])).toEqual([["parse-error", 2]]);
  });
});

describe("hostile markup", () => {
  it("reports a component nested past the reader's stack, and goes on", async () => {
    const extraction = await extract("astro", "{<a>".repeat(20_000));
    expect(extraction.sites).toEqual([]);
    expect(extraction.problems).toEqual([{ code: "parse-error", line: 1, message: "nested too deeply for the component reader (it ran out of stack): no script block read" }]);
  });

  it("finds blocks inside the text, in order, for any mix of markup tokens", () => {
    const tokens = ["<script>", "</script>", "<script lang='ts'>", "<template>", "</template>", "<!--", "-->", "{", "}", "{#if a}", "{/if}", "'", '"', "`", "${", "---", "\n", "<svg>", "</svg>", "<p title=\"", ">", "/>", "<", "import 'x'", "\r\n", " "];
    fc.assert(
      fc.property(fc.constantFrom<ComponentKind>("vue", "svelte", "astro"), fc.array(fc.constantFrom(...tokens), { maxLength: 40 }), (kind, parts) => {
        const text = parts.join("");
        const { blocks, problems } = findScriptBlocks(kind, text);
        let previous = -1;
        for (const block of blocks) {
          expect(block.tag).toBeGreaterThan(previous);
          expect(0 <= block.tag && block.tag <= block.start && block.start <= block.end && block.end <= text.length).toBe(true);
          previous = block.tag;
        }
        for (const problem of problems) expect(problem.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the hostile fixtures", () => {
  it("are read without a crash by the extract stage, each with its diagnostics", async () => {
    const files = readdirSync(hostile).sort();
    const { files: results } = await extractAll(hostile, files, { maxFileSize: 1 << 20 });
    const summary: Record<string, unknown> = {};
    for (const result of results) {
      summary[result.file] =
        "extraction" in result
          ? {
              sites: result.extraction.sites.map((site) => `${site.line} ${site.kind}${site.typeOnly ? " type" : ""} ${site.specifier}`),
              problems: result.extraction.problems.map((problem) => `${problem.line} ${problem.code}: ${problem.message}`),
              lines: result.extraction.lines,
            }
          : result.problem.code;
    }
    if (process.env["LAYERMAP_WRITE_EXPECTED"] === "1") writeFileSync(expectedPath, JSON.stringify(summary, null, 2) + "\n");
    expect(summary).toEqual(JSON.parse(readFileSync(expectedPath, "utf8")));
  });
});
