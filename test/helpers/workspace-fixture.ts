import { cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tempTree } from "./temp-tree.js";

/** The npm-workspaces monorepo of the merge tests: packages/{app,core,util}, importing each other by name and by path. */
export const WORKSPACE_PACKAGES = ["packages/app", "packages/core", "packages/util"] as const;

const FIXTURE = fileURLToPath(new URL("../fixtures/merge/workspace", import.meta.url));

/**
 * A copy of test/fixtures/merge/workspace in a temporary folder, as `npm install` leaves it when
 * `installed` (node_modules/@fx/<name> linked to each package), with `shared/outside.ts` beside it
 * so that one import leads out of the monorepo to a file that exists. Returns the monorepo's folder.
 */
export function workspaceCopy({ installed = true } = {}): string {
  const folder = tempTree({ "shared/outside.ts": "export const shared = 1;\n" });
  const root = join(folder, "repo");
  cpSync(FIXTURE, root, { recursive: true });
  if (installed) {
    mkdirSync(join(root, "node_modules", "@fx"), { recursive: true });
    for (const name of ["app", "core", "util"]) symlinkSync(join("..", "..", "packages", name), join(root, "node_modules", "@fx", name), "dir");
  }
  return root;
}

/** Writes `text` at `path` under `root`, folders and all. */
export function writeUnder(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
}
