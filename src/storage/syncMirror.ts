/**
 * Opt-in sync (`mentoring.sync`, off by default): the journal is mirrored into globalState under one
 * key registered with `setKeysForSync`, so VS Code's own Settings Sync carries it between a person's
 * machines. Each machine keeps its sync envelope (stamps of local changes, tombstones of deletions)
 * in workspaceState; another machine's envelope is validated, then merged by the rules of
 * src/domain/sync.ts (per record newest change wins, events unioned, deletions kept as tombstones —
 * docs/sync.md). Nothing here imports vscode: the extension wires it to the real mementos.
 */
import { emptyJournal, type Journal } from '../domain/journal';
import { diffStamps, emptySyncState, isNewerSyncState, mergeSync, parseSyncState, pruneTombstones, type SyncState } from '../domain/sync';
import type { JournalStore, MementoLike } from './journalStore';

import { LOCAL_SYNC_KEY, QUARANTINES_SEEN_KEY, SYNC_KEY } from './syncKeys';
import { Disposable } from '../util/disposable';

export { LOCAL_SYNC_KEY, QUARANTINES_SEEN_KEY, SYNC_KEY } from './syncKeys';
/** Tombstones older than this are dropped (a machine offline longer may bring such a record back). */
const TOMBSTONE_DAYS = 180;

export interface SyncMirrorDeps {
  store: JournalStore;
  /** workspaceState */
  local: MementoLike;
  /** globalState */
  remote: MementoLike & { setKeysForSync(keys: readonly string[]): void };
  enabled(): boolean;
  now(): Date;
  /** The keys of damaged journals the store set aside (JournalStore.damagedKeys). */
  damagedKeys(): readonly string[];
  /** Something the user should know (e.g. the synced data from another machine is invalid). */
  warn(message: string): void;
  /** Something good the user should know (e.g. records restored after a quarantine). */
  inform?(message: string): void;
}

export class SyncMirror extends Disposable {
  private state: SyncState | undefined;
  private previous: Journal;
  /** While a merge result is being written to the store, that write is not a local change. */
  private applying = false;
  private queue: Promise<void> = Promise.resolve();
  private lastRemote = '';
  private warnedNewer = false;

  constructor(private readonly deps: SyncMirrorDeps) {
    super();
    this.previous = deps.store.journal;
    this._register(deps.store.onDidChange((journal) => this.onLocalChange(journal)));
  }

  /** Turns the mirror on or off per the setting, and merges what another machine synced. */
  sync(): Promise<void> {
    this.queue = this.queue.then(() => this.run()).catch((e) => this.deps.warn(`Sync failed: ${(e as Error).message}`));
    return this.queue;
  }

  private async run(): Promise<void> {
    if (!this.deps.enabled()) {
      this.deps.remote.setKeysForSync([]);
      return;
    }
    this.deps.remote.setKeysForSync([SYNC_KEY]);
    if (this.deps.store.readOnly) return; // a journal from a newer version is never rewritten
    const local = await this.localStateAfterQuarantine() ?? this.localState();
    const raw = this.deps.remote.get<unknown>(SYNC_KEY);
    let merged = local;
    if (raw !== undefined) {
      const remote = parseSyncState(raw, { now: this.deps.now() });
      if ('error' in remote) {
        // Never merged, never overwritten by us until the user has seen why.
        const fingerprint = JSON.stringify(raw).slice(0, 200);
        if (fingerprint !== this.lastRemote) this.deps.warn(`Mentoring Outreach did not merge the journal synced from another machine: ${remote.error}`);
        this.lastRemote = fingerprint;
        return;
      }
      const result = mergeSync(local, remote);
      if (result.problem) {
        this.deps.warn(`Mentoring Outreach could not merge the synced journal: ${result.problem}`);
        return;
      }
      merged = result.state;
      if (result.changed) await this.apply(result.journal);
    }
    await this.save(pruneTombstones(merged, new Date(this.deps.now().getTime() - TOMBSTONE_DAYS * 86_400_000)));
  }

  /** Writes a merge result to the store; that write is not a local change. */
  private async apply(journal: Journal): Promise<void> {
    this.applying = true;
    try {
      await this.deps.store.change(() => ({ ok: true, value: journal }));
    } finally {
      this.applying = false;
    }
    this.previous = this.deps.store.journal;
  }

  /**
   * When the store set a damaged journal aside since the mirror last saved, the records missing now
   * were lost, not deleted: they get no tombstones (which would delete them on every machine), and
   * the copy the mirror saved last is merged back in. Undefined when there was no new quarantine.
   */
  private async localStateAfterQuarantine(): Promise<SyncState | undefined> {
    if (this.state) return undefined;
    const seen = new Set(readKeys(this.deps.local.get<unknown>(QUARANTINES_SEEN_KEY)));
    if (!this.deps.damagedKeys().some((k) => !seen.has(k))) return undefined;
    const saved = parseSyncState(this.deps.local.get<unknown>(LOCAL_SYNC_KEY));
    // Everything in the journal now is stamped now (nothing is tombstoned): the empty journal after a quarantine deletes nothing.
    const fresh = diffStamps(emptyJournal(), this.deps.store.journal, this.deps.now(), emptySyncState());
    if ('error' in saved) {
      this.state = fresh;
      return fresh;
    }
    const result = mergeSync(fresh, saved);
    if (result.problem) {
      this.deps.warn(`Mentoring Outreach could not bring back the journal kept for sync: ${result.problem}`);
      this.state = fresh;
      return fresh;
    }
    if (result.changed) {
      const before = this.deps.store.journal.attempts.length;
      await this.apply(result.journal);
      const restored = this.deps.store.journal.attempts.length - before;
      this.deps.inform?.(
        `Mentoring Outreach brought back your journal from the copy it keeps for sync (${restored} attempt${restored === 1 ? '' : 's'}). ` +
          'The damaged data stays set aside: Restore Damaged Journal Data… can bring back what it holds.',
      );
    }
    this.state = result.state;
    return result.state;
  }

  private localState(): SyncState {
    const saved = this.state ?? parseSyncState(this.deps.local.get<unknown>(LOCAL_SYNC_KEY));
    // The first time, the journal as it is carries no stamps: records that predate sync are older than
    // any change made on another machine since (docs/sync.md), so turning sync on later wins nothing.
    const base = 'error' in saved ? { ...emptySyncState(), journal: this.deps.store.journal } : saved;
    // Whatever changed in the journal since the envelope was saved (or everything, the first time) is a local change.
    this.state = diffStamps(base.journal, this.deps.store.journal, this.deps.now(), base);
    return this.state;
  }

  private onLocalChange(journal: Journal): void {
    const prev = this.previous;
    this.previous = journal;
    if (this.applying || !this.deps.enabled()) return;
    this.queue = this.queue
      .then(async () => {
        const state = this.state ? diffStamps(prev, journal, this.deps.now(), this.state) : this.localState();
        await this.save(state);
      })
      .catch((e) => this.deps.warn(`Sync failed: ${(e as Error).message}`));
  }

  private async save(state: SyncState): Promise<void> {
    this.state = state;
    await this.deps.local.update(LOCAL_SYNC_KEY, state);
    await this.deps.local.update(QUARANTINES_SEEN_KEY, [...this.deps.damagedKeys()]);
    // A value written by a newer version of the extension is never overwritten (its fields would be lost).
    if (isNewerSyncState(this.deps.remote.get<unknown>(SYNC_KEY))) {
      if (!this.warnedNewer) this.deps.warn('Mentoring Outreach did not update the synced journal: another machine saved it with a newer version of the extension. Update the extension to sync again.');
      this.warnedNewer = true;
      return;
    }
    await this.deps.remote.update(SYNC_KEY, state);
  }

  /** Resolves when pending sync work is done (tests). */
  settled(): Promise<void> {
    return this.queue;
  }
}

function readKeys(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
}
