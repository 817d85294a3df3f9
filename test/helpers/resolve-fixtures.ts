/**
 * The module-resolution fixtures under test/fixtures/resolve/: one folder per case, each with an
 * expected.json (see test/resolve/resolve.test.ts), copied into a fresh temp folder so that no
 * node_modules, package.json or tsconfig of this repository is visible to it.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

export const RESOLVE_FIXTURES = fileURLToPath(new URL("../fixtures/resolve/", import.meta.url));
const EXPECTED = "expected.json";

export interface Expectation {
  about: string;
  edges: string[];
  diagnostics: string[];
  parsed: string[];
}

export interface Setup {
  symlinks?: Record<string, string>;
  files?: Record<string, string>;
}

interface Variant extends Expectation, Setup {
  name: string;
}

export interface CaseSpec extends Expectation, Setup {
  variants?: Variant[];
}

/** The fixture folders that have an expected.json, sorted. */
export const resolveCases: readonly string[] = readdirSync(RESOLVE_FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(join(RESOLVE_FIXTURES, entry.name)).includes(EXPECTED))
  .map((entry) => entry.name)
  .sort();

export function readSpec(name: string): CaseSpec {
  return JSON.parse(readFileSync(join(RESOLVE_FIXTURES, name, EXPECTED), "utf8")) as CaseSpec;
}

const temporaryFolders: string[] = [];
afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the fixture, without its expected.json, in a fresh temp folder, set up as asked. */
export function copyOf(name: string, setup: Setup): string {
  const folder = mkdtempSync(join(tmpdir(), `layermap-resolve-${name}-`));
  temporaryFolders.push(folder);
  const source = join(RESOLVE_FIXTURES, name);
  cpSync(source, folder, { recursive: true, filter: (path) => path !== join(source, EXPECTED) });
  for (const [link, target] of Object.entries(setup.symlinks ?? {})) {
    const at = join(folder, ...link.split("/"));
    mkdirSync(dirname(at), { recursive: true });
    symlinkSync(target, at, "dir");
  }
  for (const [file, text] of Object.entries(setup.files ?? {})) {
    const at = join(folder, ...file.split("/"));
    mkdirSync(dirname(at), { recursive: true });
    writeFileSync(at, text);
  }
  return folder;
}
