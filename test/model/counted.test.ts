import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { counted, grouped } from "../../src/model/counted.js";

describe("grouped", () => {
  it("writes a whole number as toLocaleString('en-US') does", () => {
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1e6, max: 1e6 })), (value) => {
      expect(grouped(value)).toBe(value.toLocaleString("en-US"));
    }));
    for (const value of [0, 7, 999, 1000, 1234, 999_999, 1_000_000, -1234, Number.MAX_SAFE_INTEGER]) expect(grouped(value)).toBe(value.toLocaleString("en-US"));
  });

  it("leaves other numbers to toLocaleString", () => {
    for (const value of [1.5, 1234.5678, Number.NaN, Infinity, 2 ** 60]) expect(grouped(value)).toBe(value.toLocaleString("en-US"));
  });

  it("counts", () => {
    expect(counted(1, "file")).toBe("1 file");
    expect(counted(1234, "file")).toBe("1,234 files");
    expect(counted(2, "match", "matches")).toBe("2 matches");
  });
});
