import { describe, expect, it } from "vitest";
import { printable } from "../../src/model/printable.js";

describe("printable", () => {
  it("writes every control character visibly: newline, tab and return by name, the others as \\u escapes", () => {
    expect(printable("./x\n::error file=a.ts,line=1::spoofed\u001b]0;pwned\u0007")).toBe("./x\\n::error file=a.ts,line=1::spoofed\\u001b]0;pwned\\u0007");
    expect(printable("a\tb\rc\u0000d\u007fe\u0085f\u009b")).toBe("a\\tb\\rc\\u0000d\\u007fe\\u0085f\\u009b");
  });

  it("escapes the line separators and the bidirectional overrides that reorder what a reader sees", () => {
    expect(printable("a\u2028b\u2029c\u202ed\u2066e\u200ff")).toBe("a\\u2028b\\u2029c\\u202ed\\u2066e\\u200ff");
  });

  it("escapes the first character of text that would start a workflow command, after any spaces", () => {
    expect(["::error::x", "  ::add-mask::x", "##[error]x", "\u00a0::stop-commands::x"].map(printable)).toEqual([
      "\\u003a:error::x",
      "  \\u003a:add-mask::x",
      "\\u0023#[error]x",
      "\u00a0\\u003a:stop-commands::x",
    ]);
  });

  it("leaves everything else as it is: backslashes, colons inside, accents, emoji", () => {
    for (const text of ["src/a.ts", "a\\b.ts", "node:fs", "a::b", "#x", ":x", "café/日本.ts", "😀.ts", ""]) expect(printable(text)).toBe(text);
  });
});
