import { describe, expect, it } from "vitest";
import { terminalProgress } from "../../src/cli/progress.js";

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } };
}

describe("terminal progress", () => {
  it("draws files done out of the total, and erases the line at the end", () => {
    const { written, stream } = recorder(true);
    let clock = 0;
    const progress = terminalProgress(stream, true, () => clock);
    clock = 500;
    progress.onProgress?.(1, 4); // the first is always drawn
    clock = 599;
    progress.onProgress?.(2, 4); // within 100 ms of the last: not redrawn
    clock = 600;
    progress.onProgress?.(3, 4); // 100 ms on: redrawn
    clock = 601;
    progress.onProgress?.(4, 4); // the last is always drawn
    progress.finish();
    expect(written).toEqual([
      "\r\u001b[2Klayermap: parsing 1/4 files (2 files/s)",
      "\r\u001b[2Klayermap: parsing 3/4 files (5 files/s)",
      "\r\u001b[2Klayermap: parsing 4/4 files (7 files/s)",
      "\r\u001b[2K",
    ]);
  });

  it("stays silent when stderr is not a terminal, or when quiet", () => {
    for (const [isTTY, enabled] of [[false, true], [true, false]] as const) {
      const { written, stream } = recorder(isTTY);
      const progress = terminalProgress(stream, enabled);
      expect(progress.onProgress).toBeUndefined();
      progress.finish();
      expect(written).toEqual([]);
    }
  });
});
