/**
 * The one store of the journal, over a Memento (`context.workspaceState` in the extension, an
 * in-memory Memento in tests). One key holds `{ v, data }`. Every write goes through one queue,
 * so concurrent mutations never lose each other. Stored data that fails validation is moved
 * aside to a backup key — never overwritten — and the store starts empty; a journal written by a
 * newer version makes the store read-only.
 */
import { emptyJournal, formatProblems, JOURNAL_VERSION, MIGRATIONS, parseJournal, type Journal, type JournalProblem, type Migration } from '../domain/journal';
import { checkJournalChange, deepFreeze } from '../domain/journalChange';
import type { Result } from '../domain/result';
import { Emitter, type Event } from '../util/emitter';
import { Disposable } from '../util/disposable';

/** The part of `vscode.Memento` the store uses. */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
  keys(): readonly string[];
}

export const STORE_KEY = 'mentoring.journal';
export const DAMAGED_PREFIX = 'mentoring.journal.damaged.';
export const PRE_MIGRATION_PREFIX = 'mentoring.journal.beforeMigration.';

export type LoadOutcome =
  | { kind: 'empty' }
  | { kind: 'loaded' }
  | { kind: 'migrated'; from: number }
  | { kind: 'damaged'; backupKey: string; errors: JournalProblem[] }
  | { kind: 'newer'; version: number };

/** A mutation the domain refused, or a write attempted while read-only. */
export class StoreRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreRefusal';
  }
}

interface Envelope {
  v: number;
  data: unknown;
}

export class JournalStore extends Disposable {
  /** Always valid and deep-frozen: a change works on it without being able to alter it. */
  private current: Journal = deepFreeze(emptyJournal());
  /** What storage holds (current, less the changes not written yet). */
  private persisted: Journal = this.current;
  /** Changes kept in memory and waiting for the next write. */
  private readonly pending: { resolve(): void; reject(e: unknown): void }[] = [];
  private writeScheduled = false;
  /** The writes, one after another; never rejects. */
  private queue: Promise<void> = Promise.resolve();
  private readOnlyReason: string | undefined;
  private readonly changed = this._register(new Emitter<Journal>());
  /** Fires after every successful write, with the new journal. */
  readonly onDidChange: Event<Journal> = this.changed.event;

  private constructor(
    private readonly memento: MementoLike,
    private readonly stamp: () => string,
    private readonly migrations: Readonly<Record<number, Migration>>,
  ) {
    super();
  }

  /** Reads and checks the stored journal. Never throws for bad stored data. */
  static async open(
    memento: MementoLike,
    options: { stamp?: () => string; migrations?: Readonly<Record<number, Migration>> } = {},
  ): Promise<{ store: JournalStore; outcome: LoadOutcome }> {
    const stamp = options.stamp ?? (() => new Date().toISOString().replace(/[:.]/g, '-'));
    const store = new JournalStore(memento, stamp, options.migrations ?? MIGRATIONS);
    const outcome = await store.load();
    return { store, outcome };
  }

  get journal(): Journal {
    return this.current;
  }

  /** Why writes are refused, or undefined when the store is writable. */
  get readOnly(): string | undefined {
    return this.readOnlyReason;
  }

  /**
   * Applies `fn` to the latest journal (earlier changes included, written or not) and schedules the
   * write. `fn` gets the current journal deep-frozen: it returns a new one (an edit in place throws,
   * and nothing changes). The result is checked against the same rules as an import before it is
   * kept, so the store never holds a journal its own validator would refuse on the next start.
   *
   * Changes made in one burst (before the store gets to write) are coalesced into one Memento write:
   * each resolves, with its own (frozen) journal, once that write is done. Rejects with a StoreRefusal
   * (nothing changed) when `fn` refuses, the result breaks a rule of the format or the store is
   * read-only; with the error (nothing changed) when `fn` throws; with the storage error when the write
   * fails — then every change not yet written is undone, in memory too.
   */
  change(fn: (current: Journal) => Result<Journal>): Promise<Journal> {
    try {
      if (this.readOnlyReason) throw new StoreRefusal(this.readOnlyReason);
      const result = fn(this.current);
      if (!result.ok) throw new StoreRefusal(result.reason);
      // An edit that changed nothing (the same object back) is not written and fires no event.
      if (result.value === this.current) return this.settled().then(() => result.value);
      const checked = checkJournalChange(this.current, result.value);
      if (!checked.ok) throw new StoreRefusal(describeRefusal(checked.errors));
      this.current = checked.journal;
      return new Promise<Journal>((resolve, reject) => {
        this.pending.push({ resolve: () => resolve(checked.journal), reject });
        this.scheduleWrite();
      });
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  /** Resolves when every change made so far has been written (or undone). */
  settled(): Promise<void> {
    return this.queue;
  }

  private scheduleWrite(): void {
    if (this.writeScheduled) return;
    this.writeScheduled = true;
    // After the write in flight (if any): everything changed until then goes in one write.
    this.queue = this.queue.then(() => this.writePending());
  }

  private async writePending(): Promise<void> {
    this.writeScheduled = false;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    const journal = this.current;
    try {
      await this.write(journal);
    } catch (e) {
      // Nothing of what was not written stays: memory goes back to what storage holds.
      const later = this.pending.splice(0);
      this.current = this.persisted;
      for (const p of [...batch, ...later]) p.reject(e);
      return;
    }
    for (const p of batch) p.resolve();
  }

  /** Keys of damaged journals moved aside, newest last. */
  damagedKeys(): string[] {
    return this.memento.keys().filter((k) => k.startsWith(DAMAGED_PREFIX)).sort();
  }

  /** The raw value kept under a backup key (for "Export the damaged data to a file"). */
  backup(key: string): unknown {
    return this.memento.get<unknown>(key);
  }

  private async write(next: Journal): Promise<void> {
    const envelope: Envelope = { v: JOURNAL_VERSION, data: next };
    await this.memento.update(STORE_KEY, envelope);
    this.persisted = next;
    this.changed.fire(next);
  }

  private async load(): Promise<LoadOutcome> {
    const raw = this.memento.get<unknown>(STORE_KEY);
    if (raw === undefined || raw === null) return { kind: 'empty' };

    const envelope = asEnvelope(raw);
    const storedVersion = envelope ? Math.max(envelope.v, versionOf(envelope.data)) : versionOf(raw);
    if (storedVersion > JOURNAL_VERSION) {
      this.readOnlyReason =
        `Your journal was saved by a newer version of Mentoring Outreach (format ${storedVersion}; this version reads ${JOURNAL_VERSION}). ` +
        'It is kept untouched and read-only here — update the extension to work with it.';
      return { kind: 'newer', version: storedVersion };
    }

    const parsed = envelope ? parseJournal(envelope.data, { migrations: this.migrations }) : { ok: false as const, errors: [{ path: '$', reason: 'is not a stored journal ({ v, data })' }] };
    if (parsed.ok) {
      this.current = deepFreeze(parsed.journal);
      this.persisted = this.current;
      if (parsed.migratedFrom === undefined) return { kind: 'loaded' };
      // Keep the pre-migration value, then write the migrated one (idempotent: a second run finds v current).
      await this.memento.update(`${PRE_MIGRATION_PREFIX}${parsed.migratedFrom}`, raw);
      await this.write(this.current);
      return { kind: 'migrated', from: parsed.migratedFrom };
    }

    // Damaged: move it aside (copy first, then clear), never overwrite it.
    const backupKey = `${DAMAGED_PREFIX}${this.stamp()}`;
    try {
      await this.memento.update(backupKey, raw);
      await this.memento.update(STORE_KEY, undefined);
    } catch (e) {
      this.readOnlyReason = `The stored journal is damaged and could not be moved aside (${(e as Error).message}); it is left untouched.`;
    }
    return { kind: 'damaged', backupKey, errors: parsed.errors };
  }
}

/** A change that would break a rule of the journal format: what and where, and that nothing changed. */
export function describeRefusal(errors: readonly JournalProblem[]): string {
  return `Not saved — the journal would break a rule of its format: ${formatProblems(errors, 2)}. Nothing was changed.`;
}

export function describeDamage(outcome: Extract<LoadOutcome, { kind: 'damaged' }>): string {
  return `The stored Mentoring Outreach journal was damaged (${formatProblems(outcome.errors, 2)}). It was set aside unchanged and an empty journal was started: "Restore Damaged Journal Data…" brings back what it holds (every journal set aside is kept), "Export Damaged Journal Data…" saves it to a file.`;
}

function asEnvelope(raw: unknown): Envelope | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.v !== 'number' || !Number.isInteger(r.v) || !('data' in r)) return undefined;
  return { v: r.v, data: r.data };
}

function versionOf(data: unknown): number {
  if (typeof data !== 'object' || data === null) return 0;
  const version = (data as Record<string, unknown>).version;
  return typeof version === 'number' && Number.isFinite(version) ? version : 0;
}
