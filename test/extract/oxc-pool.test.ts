/**
 * The oxc pool (src/extract/oxc/oxc-pool.ts): a text that crashes oxc-parser kills only its child
 * process, that text is answered `crashed`, and the texts queued behind it are answered by a new
 * child; a pool whose children cannot start answers undefined (parse in process). And through
 * extractAll: the crashing file is read by TypeScript's parser, every other file as oxc reads it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractAll } from "../../src/extract/extract-all.js";
import { extractImports } from "../../src/extract/extract-imports.js";
import { extractWithOxc } from "../../src/extract/oxc/extract-oxc.js";
import { createOxcPool } from "../../src/extract/oxc/oxc-pool.js";

/**
 * oxc-parser 0.159 overflows its native stack past ~4,400 nested type arguments, and angle
 * brackets are not among what extract-oxc's nesting scan counts: this text reaches oxc and kills
 * the process parsing it.
 */
const CRASHER = `import { a } from "./a";\nexport let x: ${"A<".repeat(20_000)}B${">".repeat(20_000)} = a;\n`;
const normal = (n: number): string => `import { b${String(n)} } from "./b${String(n)}";\nexport const c${String(n)} = b${String(n)} + ${"1 + ".repeat(600)}1;\n`;

/** The pids of this process's oxc children still running (a zombie, exited but not waited for, counts as running). */
function oxcChildren(): string[] {
  return readdirSync("/proc").filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const parent = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
      return parent === String(process.pid) && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("oxc-child");
    } catch {
      return false; // gone meanwhile, or not a process
    }
  });
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe("the oxc pool", () => {
  it("answers a text that crashes its child `crashed`, and every text queued behind it", async () => {
    const pool = createOxcPool({ size: 1 });
    const texts = [normal(1), CRASHER, normal(2), normal(3), normal(4), normal(5)];
    const outcomes = await Promise.all(texts.map((text, index) => pool.extract(`f${String(index)}.ts`, text)));
    expect(outcomes[1]).toEqual({ fallback: "crashed" });
    for (const index of [0, 2, 3, 4, 5]) {
      expect(outcomes[index]?.extraction, `f${String(index)}.ts`).toEqual(extractWithOxc(`f${String(index)}.ts`, texts[index]!).extraction);
    }
    // The pool goes on after the crash.
    expect((await pool.extract("late.ts", normal(6)))?.extraction?.sites.map((site) => site.specifier)).toEqual(["./b6"]);
    await pool.close();
  });

  // Linux's /proc lists the children; elsewhere the test has no way to see them.
  it.runIf(existsSync("/proc/self/stat"))("close(): its children have exited when it resolves", async () => {
    const others = new Set(oxcChildren()); // other tests' pools
    const pool = createOxcPool({ size: 2 });
    await Promise.all([pool.extract("a.ts", normal(1)), pool.extract("b.ts", normal(2)), pool.extract("c.ts", normal(3))]);
    const ours = oxcChildren().filter((pid) => !others.has(pid));
    expect(ours.length).toBeGreaterThan(0);
    await pool.close();
    expect(oxcChildren().filter((pid) => ours.includes(pid))).toEqual([]);
  });

  it("answers undefined when no child can start", async () => {
    const pool = createOxcPool({ size: 2, entry: { modulePath: join(tmpdir(), "no-such-layermap-child.js"), execArgv: [] } });
    expect(await Promise.all([pool.extract("a.ts", normal(1)), pool.extract("b.ts", normal(2))])).toEqual([undefined, undefined]);
  });

  it("extractAll: the crashing file is read by TypeScript's parser, the others by oxc, and the run goes on", async () => {
    const root = mkdtempSync(join(tmpdir(), "layermap-oxc-pool-"));
    folders.push(root);
    const files = ["a.ts", "crash.ts", "c.ts", "d.ts"];
    writeFileSync(join(root, "a.ts"), normal(1));
    writeFileSync(join(root, "crash.ts"), CRASHER);
    writeFileSync(join(root, "c.ts"), normal(3));
    writeFileSync(join(root, "d.ts"), normal(4));
    const extracted = await extractAll(root, files, { maxFileSize: 1_000_000 });
    expect(extracted.parsed).toBe(4);
    expect(extracted.parsedByTypeScript).toBe(1);
    expect(extracted.files.map((outcome) => outcome.file)).toEqual(files);
    const extractions = extracted.files.map((outcome) => ("extraction" in outcome ? outcome.extraction : outcome.problem));
    // TypeScript's answer, as before oxc: no imports read, and a parse error that says why.
    expect(extractions[1]).toEqual(extractImports("crash.ts", CRASHER));
    expect(extractions[1]).toMatchObject({ sites: [], problems: [{ code: "parse-error", line: 1 }] });
    expect([0, 2, 3].map((index) => extractions[index])).toEqual([0, 2, 3].map((index) => extractWithOxc(files[index]!, [normal(1), "", normal(3), normal(4)][index]!).extraction));
  });
});
