import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";

const made: string[] = [];

afterEach(() => {
  for (const folder of made.splice(0)) {
    // A test may have taken permissions away: give them back, or the tree cannot be removed by a non-root user.
    try {
      chmodSync(folder, 0o755);
    } catch {
      // already gone
    }
    rmSync(folder, { recursive: true, force: true });
  }
});

/** Writes `{ "relative/path": text or bytes }` into a fresh temporary folder, removed after the test. */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), "layermap-test-"));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return root;
}
