/** A Markdown table, columns padded; every column but the first is right-aligned unless `left` names it. */
export function markdownTable(rows, { left = [0] } = {}) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col]).length)));
  const leftAligned = (col) => left.includes(col);
  const line = (row) => `| ${row.map((cell, col) => (leftAligned(col) ? String(cell).padEnd(widths[col]) : String(cell).padStart(widths[col]))).join(" | ")} |`;
  const rule = `|${widths.map((w, col) => (leftAligned(col) ? `${"-".repeat(w + 2)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join("\n");
}
