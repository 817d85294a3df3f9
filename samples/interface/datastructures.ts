/**
 * MultiDict: a key can appear several times (`?tag=a&tag=b`, repeated form fields).
 * `get` returns the first value, which is what handlers want nearly always; `getAll` the rest.
 */
export class MultiDict implements Iterable<[string, string]> {
  private readonly items = new Map<string, string[]>();

  constructor(entries: Iterable<readonly [string, string]> = []) {
    for (const [key, value] of entries) this.add(key, value);
  }

  add(key: string, value: string): void {
    const values = this.items.get(key);
    if (values) values.push(value);
    else this.items.set(key, [value]);
  }

  get(key: string): string | undefined;
  get(key: string, fallback: string): string;
  get(key: string, fallback?: string): string | undefined {
    return this.items.get(key)?.[0] ?? fallback;
  }

  getAll(key: string): string[] {
    return [...(this.items.get(key) ?? [])];
  }

  has(key: string): boolean {
    return this.items.has(key);
  }

  keys(): string[] {
    return [...this.items.keys()];
  }

  get size(): number {
    return this.items.size;
  }

  /** First value per key, for code that does not care about repeats. */
  toObject(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, values] of this.items) if (values[0] !== undefined) out[key] = values[0];
    return out;
  }

  *[Symbol.iterator](): Iterator<[string, string]> {
    for (const [key, values] of this.items) for (const value of values) yield [key, value];
  }
}
