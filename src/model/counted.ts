/** `counted(1234, "file")` → "1,234 files": counts for people, grouped the same on every machine. */
export function counted(value: number, noun: string, plural = `${noun}s`): string {
  return `${value.toLocaleString("en-US")} ${value === 1 ? noun : plural}`;
}
