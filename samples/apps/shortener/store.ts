/** In-memory link storage for Shortly. Swap for Redis or SQL without touching the views. */

export interface Link {
  id: string;
  target: string;
  createdAt: Date;
  clicks: number;
}

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Base62 keeps ids short and URL-safe: the 1,000,000th link is only four characters. */
export function base62(n: number): string {
  let out = "";
  do {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out;
}

export class LinkStore {
  private readonly byId = new Map<string, Link>();
  private readonly idByTarget = new Map<string, string>();
  // Start past the one-character ids so early links do not collide with short words.
  private counter = 62 * 62;

  /** Shortening the same URL twice returns the same link instead of a new id. */
  create(target: string): Link {
    const existing = this.idByTarget.get(target);
    if (existing) return this.byId.get(existing)!;
    const link: Link = { id: base62(this.counter++), target, createdAt: new Date(), clicks: 0 };
    this.byId.set(link.id, link);
    this.idByTarget.set(target, link.id);
    return link;
  }

  get(id: string): Link | undefined {
    return this.byId.get(id);
  }

  /** Count a click and return the link, in one step so the redirect view stays trivial. */
  hit(id: string): Link | undefined {
    const link = this.byId.get(id);
    if (link) link.clicks += 1;
    return link;
  }

  /** Most clicked first. */
  top(limit = 20): Link[] {
    return [...this.byId.values()].sort((a, b) => b.clicks - a.clicks).slice(0, limit);
  }
}
