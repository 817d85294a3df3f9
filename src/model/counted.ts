/** `counted(1234, "file")` → "1,234 files": counts for people, grouped the same on every machine. */
export function counted(value: number, noun: string, plural = `${noun}s`): string {
  return `${grouped(value)} ${value === 1 ? noun : plural}`;
}

/**
 * `grouped(1234)` → "1,234": a whole number as `toLocaleString("en-US")` writes it, without
 * Intl's number formatting, whose first use costs about 20 ms of CPU — a tenth of a warm run.
 */
export function grouped(value: number): string {
  if (!Number.isSafeInteger(value)) return value.toLocaleString("en-US");
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
