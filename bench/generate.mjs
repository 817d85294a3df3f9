#!/usr/bin/env node
/**
 * A synthetic TypeScript project of N modules, to measure how layermap scales (time and peak
 * memory at 5k / 20k / 50k modules). Deterministic: the same N gives the same bytes.
 *
 *   node generate.mjs <modules> <folder>
 *
 * Shape, chosen to look like application code: folders of 50 modules, 20 folders to a package
 * folder; each module imports 4 others (half from its own folder, relative with `.js`
 * specifiers, some type-only), one in 20 is a barrel re-exporting its folder, a few use a
 * `@app/*` path alias and a dynamic import; every module holds about 1.5 KB of code. One tsconfig.
 */
import fs from "node:fs";
import path from "node:path";

const [countArg, outArg] = process.argv.slice(2);
const count = Number(countArg);
if (!Number.isInteger(count) || count < 2 || !outArg) {
  console.error("usage: node generate.mjs <modules> <folder>");
  process.exit(2);
}
const out = path.resolve(outArg);

/** A small deterministic PRNG (mulberry32), so every run writes the same project. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(count);
const pick = (n) => Math.floor(rand() * n);

const PER_FOLDER = 50;
const FOLDERS_PER_PACKAGE = 20;
const folderOf = (i) => Math.floor(i / PER_FOLDER);
const dirOf = (i) => {
  const folder = folderOf(i);
  return `src/p${Math.floor(folder / FOLDERS_PER_PACKAGE)}/f${folder % FOLDERS_PER_PACKAGE}`;
};
const fileOf = (i) => `${dirOf(i)}/m${i}.ts`;
const importPath = (from, to) => {
  let rel = path.posix.relative(dirOf(from), fileOf(to)).replace(/\.ts$/, ".js");
  if (!rel.startsWith(".")) rel = `./${rel}`;
  return rel;
};

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(
  path.join(out, "tsconfig.json"),
  JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true, baseUrl: ".", paths: { "@app/*": ["src/*"] } } }, null, 2) + "\n",
);
fs.writeFileSync(path.join(out, "package.json"), JSON.stringify({ name: "generated", private: true, type: "module" }, null, 2) + "\n");

const body = (i) => {
  const lines = [];
  for (let k = 0; k < 6; k++) {
    lines.push(
      `export function f${i}_${k}(input: ReadonlyArray<number>, options: { scale: number; label?: string } = { scale: ${k + 1} }): number {`,
      `  let total = 0;`,
      `  for (const value of input) total += value * options.scale + ${k};`,
      `  return options.label === undefined ? total : total + options.label.length;`,
      `}`,
    );
  }
  lines.push(`export interface Shape${i} { id: number; name: string; children: Shape${i}[] }`);
  lines.push(`export const value${i} = f${i}_0([1, 2, 3]);`);
  return lines.join("\n");
};

let written = 0;
for (let i = 0; i < count; i++) {
  const dir = path.join(out, dirOf(i));
  if (i % PER_FOLDER === 0) fs.mkdirSync(dir, { recursive: true });
  const lines = [];
  const isBarrel = i % PER_FOLDER === PER_FOLDER - 1;
  if (isBarrel) {
    const first = folderOf(i) * PER_FOLDER;
    for (let j = first; j < i; j += 5) lines.push(`export * from "${importPath(i, j)}";`);
  } else {
    const seen = new Set([i]);
    for (let k = 0; k < 4; k++) {
      const local = k % 2 === 0;
      let j;
      do {
        j = local ? folderOf(i) * PER_FOLDER + pick(PER_FOLDER) : pick(count);
      } while (seen.has(j) || j >= count || j % PER_FOLDER === PER_FOLDER - 1);
      seen.add(j);
      if (k === 3) lines.push(`import type { Shape${j} } from "${importPath(i, j)}";`);
      else lines.push(`import { value${j} } from "${importPath(i, j)}";`);
    }
    if (i % 25 === 3) {
      const j = pick(count);
      lines.push(`import * as aliased from "@app/${fileOf(j).slice("src/".length).replace(/\.ts$/, ".js")}";`);
    }
    lines.push("");
    lines.push(body(i));
    const used = [...seen].filter((j) => j !== i);
    lines.push(`export const sum${i} = ${used.slice(0, 3).map((j) => `value${j}`).join(" + ")};`);
    lines.push(`export type Tree${i} = Shape${used[3]};`);
    if (i % 40 === 7) lines.push(`export const lazy${i} = () => import("${importPath(i, pick(count - 1))}");`);
  }
  fs.writeFileSync(path.join(out, fileOf(i)), lines.join("\n") + "\n");
  written++;
}
console.log(`${written} modules in ${out}`);
