/** Wiki pages with full revision history, kept in memory. Revisions are never rewritten. */

export interface Revision {
  /** 1-based and per page, so "/Page/rev/1" is always the first version. */
  rev: number;
  text: string;
  comment: string;
  savedAt: Date;
}

export class PageStore {
  private readonly pages = new Map<string, Revision[]>();

  latest(name: string): Revision | undefined {
    return this.pages.get(name)?.at(-1);
  }

  revision(name: string, rev: number): Revision | undefined {
    return this.pages.get(name)?.[rev - 1];
  }

  /** Newest first, as history pages show it. */
  history(name: string): Revision[] {
    return [...(this.pages.get(name) ?? [])].reverse();
  }

  save(name: string, text: string, comment: string): Revision {
    const revisions = this.pages.get(name) ?? [];
    const revision: Revision = { rev: revisions.length + 1, text, comment, savedAt: new Date() };
    revisions.push(revision);
    this.pages.set(name, revisions);
    return revision;
  }

  names(): string[] {
    return [...this.pages.keys()].sort((a, b) => a.localeCompare(b));
  }
}
