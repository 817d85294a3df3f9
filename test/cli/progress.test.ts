import { describe, expect, it } from "vitest";
import { terminalProgress } from "../../src/cli/progress.js";

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } };
}

describe("terminal progress", () => {
  it("draws files done out of the total, and erases the line at the end", () => {
    const { written, stream } = recorder(true);
    const progress = terminalProgress(stream, true);
    progress.onProgress?.(1, 3);
    progress.onProgress?.(2, 3); // within 100 ms of the last: not redrawn
    progress.onProgress?.(3, 3); // the last is always drawn
    progress.finish();
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\r\u001b\[2Klayermap: parsing 1\/3 files \(\d[\d,]* files\/s\)$/);
    expect(written[1]).toMatch(/parsing 3\/3 files/);
    expect(written[2]).toBe("\r\u001b[2K");
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
