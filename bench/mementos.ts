/**
 * Mementos for the plain-Node benchmarks. They differ only in what a write costs, so the store's
 * own cost can be told apart from the cost of persisting a value the size of the journal.
 */
import type { MementoLike } from '../src/storage/journalStore';

/** Keeps values by reference and settles writes at once: what is left is the store's own cost. */
export class ReferenceMemento implements MementoLike {
  private readonly data = new Map<string, unknown>();

  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, v] of Object.entries(initial)) this.data.set(k, v);
  }

  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, value);
    return Promise.resolve();
  }

  keys(): readonly string[] {
    return [...this.data.keys()];
  }
}

/**
 * A model of VS Code's extension-host `ExtensionMemento` (checked against code-server 4.139.1's
 * extensionHostProcess.js): `update()` deep-copies an object value through
 * `JSON.parse(JSON.stringify(value))` at once, then on the next macrotask sends the extension's whole
 * state to the main thread, which the RPC layer serialises again with `JSON.stringify(state, replacer)`;
 * the promise settles when the main thread answers. Not modelled: the main thread's own parse and
 * re-serialisation (another process) and the round trip — the in-host benchmark measures those.
 */
export class VscodeLikeMemento implements MementoLike {
  private readonly state: Record<string, unknown> = Object.create(null) as Record<string, unknown>;

  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, v] of Object.entries(initial)) this.state[k] = JSON.parse(JSON.stringify(v));
  }

  get<T>(key: string): T | undefined {
    return this.state[key] as T | undefined;
  }

  update(key: string, value: unknown): Promise<void> {
    this.state[key] = value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value;
    return new Promise((resolve) =>
      setTimeout(() => {
        // The RPC protocol's replacer looks at every value (undefined → marker, buffers → references).
        JSON.stringify(this.state, (_k, v: unknown) => (v === undefined ? { $$ref$$: -1 } : v));
        resolve();
      }, 0),
    );
  }

  keys(): readonly string[] {
    return Object.keys(this.state).filter((k) => this.state[k] !== undefined);
  }
}
