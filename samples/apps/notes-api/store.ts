/** Notes kept in memory. The default export is the store class, so callers name it freely. */

export interface Note {
  id: number;
  title: string;
  body: string;
  tags: string[];
  updatedAt: string;
}

export type NoteInput = Pick<Note, "title" | "body" | "tags">;

export default class NoteStore {
  private readonly notes = new Map<number, Note>();
  private nextId = 1;

  list(tag?: string): Note[] {
    const all = [...this.notes.values()];
    return tag === undefined ? all : all.filter((n) => n.tags.includes(tag));
  }

  get(id: number): Note | undefined {
    return this.notes.get(id);
  }

  create(input: NoteInput): Note {
    const note: Note = { id: this.nextId++, ...input, updatedAt: new Date().toISOString() };
    this.notes.set(note.id, note);
    return note;
  }

  /** Replace a note's content; undefined when there is no such note. */
  update(id: number, input: NoteInput): Note | undefined {
    if (!this.notes.has(id)) return undefined;
    const note: Note = { id, ...input, updatedAt: new Date().toISOString() };
    this.notes.set(id, note);
    return note;
  }

  delete(id: number): boolean {
    return this.notes.delete(id);
  }
}
