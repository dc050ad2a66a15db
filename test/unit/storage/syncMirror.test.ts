import * as assert from 'node:assert/strict';
import { markSent, deleteAttempt } from '../../../src/domain/outreach';
import { emptyJournal } from '../../../src/domain/journal';
import { JournalStore } from '../../../src/storage/journalStore';
import { SYNC_KEY, SyncMirror } from '../../../src/storage/syncMirror';
import { InMemoryMemento } from '../support/memento';
import { attempt, terryJournal } from '../support/journals';

/** Settings Sync in miniature: every machine's globalState sees the same synced key. */
class SyncedMemento extends InMemoryMemento {
  synced: readonly string[] = [];
  setKeysForSync(keys: readonly string[]): void {
    this.synced = keys;
  }
}

async function machine(cloud: SyncedMemento, journal = emptyJournal(), enabled = true, clock = { t: Date.parse('2026-11-26T10:00:00Z') }) {
  const { store } = await JournalStore.open(new InMemoryMemento({ 'mentoring.journal': { v: 1, data: journal } }));
  const warnings: string[] = [];
  const mirror = new SyncMirror({
    store,
    local: new InMemoryMemento(),
    remote: cloud,
    enabled: () => enabled,
    now: () => new Date((clock.t += 1000)),
    warn: (m) => warnings.push(m),
  });
  return { store, mirror, warnings };
}

describe('sync mirror (Settings Sync through globalState)', () => {
  it('does nothing while off, and does not register the key', async () => {
    const cloud = new SyncedMemento();
    const a = await machine(cloud, terryJournal(), false);
    await a.mirror.sync();
    await a.store.change((j) => markSent(j, 'a1', new Date()));
    await a.mirror.settled();
    assert.deepEqual(cloud.synced, []);
    assert.equal(cloud.get(SYNC_KEY), undefined);
  });

  it('carries a journal to another machine and changes back again', async () => {
    const cloud = new SyncedMemento();
    const a = await machine(cloud, terryJournal());
    await a.mirror.sync();
    assert.deepEqual(cloud.synced, [SYNC_KEY]);
    const b = await machine(cloud);
    await b.mirror.sync();
    assert.deepEqual(b.store.journal.attempts.map((x) => x.id), ['a1']);

    await b.store.change((j) => markSent(j, 'a1', new Date('2026-11-26T11:00:00Z')));
    await b.mirror.settled();
    await a.mirror.sync();
    assert.equal(a.store.journal.attempts[0]?.status, 'sent');
  });

  it('keeps concurrent changes to different records, and a deletion stays deleted', async () => {
    const cloud = new SyncedMemento();
    const a = await machine(cloud, terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a2' })]));
    await a.mirror.sync();
    const b = await machine(cloud);
    await b.mirror.sync();
    // offline on both: A sends a1, B deletes a2
    await a.store.change((j) => markSent(j, 'a1', new Date('2026-11-26T12:00:00Z')));
    await b.store.change((j) => {
      const r = deleteAttempt(j, 'a2');
      return r.ok ? { ok: true, value: r.value.journal } : r;
    });
    await a.mirror.settled();
    await b.mirror.settled();
    await a.mirror.sync();
    await b.mirror.sync();
    await a.mirror.sync();
    for (const m of [a, b]) {
      assert.deepEqual(m.store.journal.attempts.map((x) => [x.id, x.status]), [['a1', 'sent']]);
    }
  });

  it('refuses an invalid synced value: warns once, changes nothing, does not overwrite it', async () => {
    const cloud = new SyncedMemento({ [SYNC_KEY]: { v: 1, journal: { format: 'nope' }, stamps: {}, tombstones: {} } });
    const a = await machine(cloud, terryJournal());
    const before = JSON.stringify(a.store.journal);
    await a.mirror.sync();
    await a.mirror.sync();
    assert.equal(JSON.stringify(a.store.journal), before);
    assert.equal(a.warnings.length, 1);
    assert.match(a.warnings[0] ?? '', /did not merge the journal synced from another machine/);
    assert.deepEqual(cloud.get(SYNC_KEY), { v: 1, journal: { format: 'nope' }, stamps: {}, tombstones: {} });
  });
});
