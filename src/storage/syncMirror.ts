/**
 * Opt-in sync (`mentoring.sync`, off by default): the journal is mirrored into globalState under one
 * key registered with `setKeysForSync`, so VS Code's own Settings Sync carries it between a person's
 * machines. Each machine keeps its sync envelope (stamps of local changes, tombstones of deletions)
 * in workspaceState; another machine's envelope is validated, then merged by the rules of
 * src/domain/sync.ts (per record newest change wins, events unioned, deletions kept as tombstones —
 * docs/sync.md). Nothing here imports vscode: the extension wires it to the real mementos.
 */
import type { Journal } from '../domain/journal';
import { diffStamps, emptySyncState, mergeSync, parseSyncState, pruneTombstones, type SyncState } from '../domain/sync';
import type { JournalStore, MementoLike } from './journalStore';

/** The synced key in globalState (registered with setKeysForSync while sync is on). */
export const SYNC_KEY = 'mentoring.sync.journal';
/** This workspace's own envelope (workspaceState). */
export const LOCAL_SYNC_KEY = 'mentoring.sync.local';
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
  /** Something the user should know (e.g. the synced data from another machine is invalid). */
  warn(message: string): void;
}

export class SyncMirror {
  private state: SyncState | undefined;
  private previous: Journal;
  /** While a merge result is being written to the store, that write is not a local change. */
  private applying = false;
  private queue: Promise<void> = Promise.resolve();
  private lastRemote = '';
  private readonly subscription: { dispose(): void };

  constructor(private readonly deps: SyncMirrorDeps) {
    this.previous = deps.store.journal;
    this.subscription = deps.store.onDidChange((journal) => this.onLocalChange(journal));
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
    const local = this.localState();
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
      if (result.changed) {
        this.applying = true;
        try {
          await this.deps.store.change(() => ({ ok: true, value: result.journal }));
        } finally {
          this.applying = false;
        }
        this.previous = this.deps.store.journal;
      }
    }
    await this.save(pruneTombstones(merged, new Date(this.deps.now().getTime() - TOMBSTONE_DAYS * 86_400_000)));
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
    await this.deps.remote.update(SYNC_KEY, state);
  }

  /** Resolves when pending sync work is done (tests). */
  settled(): Promise<void> {
    return this.queue;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
