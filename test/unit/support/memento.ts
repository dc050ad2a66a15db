import type { MementoLike } from '../../../src/storage/journalStore';

/** An in-memory Memento. Stores a JSON copy, as VS Code does; writes resolve on a later tick. */
export class InMemoryMemento implements MementoLike {
  private readonly data = new Map<string, string>();
  writes = 0;
  /** When set, the next update rejects with this error (and stores nothing). */
  failNext: Error | undefined;

  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, v] of Object.entries(initial)) this.data.set(k, JSON.stringify(v));
  }

  get<T>(key: string): T | undefined {
    const raw = this.data.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  async update(key: string, value: unknown): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = undefined;
      throw e;
    }
    this.writes++;
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
  }

  keys(): readonly string[] {
    return [...this.data.keys()];
  }
}
