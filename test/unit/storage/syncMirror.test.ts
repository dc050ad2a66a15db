import * as assert from 'node:assert/strict';
import { markSent, deleteAttempt } from '../../../src/domain/outreach';
import { emptyJournal } from '../../../src/domain/journal';
import { JournalStore } from '../../../src/storage/journalStore';
import { SYNC_KEY, SyncMirror } from '../../../src/storage/syncMirror';
import { InMemoryMemento } from '../support/memento';
import { attempt, terryJournal } from '../../support/journals';

/** Settings Sync in miniature: every machine's globalState sees the same synced key. */
class SyncedMemento extends InMemoryMemento {
  synced: readonly string[] = [];
  setKeysForSync(keys: readonly string[]): void {
    this.synced = keys;
  }
}

async function machine(cloud: SyncedMemento, journal = emptyJournal(), enabled = true, clock = { t: Date.parse('2026-11-26T10:00:00Z') }) {
  return machineOn(new InMemoryMemento({ 'mentoring.journal': { v: 1, data: journal } }), cloud, { enabled: () => enabled, clock });
}

/** A machine over `local` (its workspaceState: the journal and the mirror's own keys), as the extension wires it. */
async function machineOn(local: InMemoryMemento, cloud: SyncedMemento, options: { enabled?: () => boolean; clock?: { t: number } } = {}) {
  const clock = options.clock ?? { t: Date.parse('2026-11-26T10:00:00Z') };
  const { store, outcome } = await JournalStore.open(local);
  const warnings: string[] = [];
  const infos: string[] = [];
  const mirror = new SyncMirror({
    store,
    local,
    remote: cloud,
    enabled: options.enabled ?? (() => true),
    now: () => new Date((clock.t += 1000)),
    damagedKeys: () => store.damagedKeys(),
    warn: (m) => warnings.push(m),
    inform: (m) => infos.push(m),
  });
  return { store, mirror, warnings, infos, outcome };
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

  it('a quarantine is never a loss: sync on → off → damaged journal → reload → on loses nothing on either machine', async () => {
    const cloud = new SyncedMemento();
    const clock = { t: Date.parse('2026-11-26T10:00:00Z') };
    let enabled = true;
    const localA = new InMemoryMemento({ 'mentoring.journal': { v: 1, data: terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a2' })]) } });
    const a = await machineOn(localA, cloud, { enabled: () => enabled, clock });
    await a.mirror.sync();
    const b = await machineOn(new InMemoryMemento(), cloud, { clock });
    await b.mirror.sync();
    assert.deepEqual(b.store.journal.attempts.map((x) => x.id), ['a1', 'a2']);

    // A: sync off, then the stored journal is damaged (as an older version's unchecked write could leave it), and A reloads.
    enabled = false;
    await a.mirror.sync();
    const damaged = { v: 1, data: { ...terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a2' })]), attempts: [{ ...attempt({ id: 'a1' }), text: 'x'.repeat(20_001) }] } };
    await localA.update('mentoring.journal', damaged);
    a.mirror.dispose();
    const a2 = await machineOn(localA, cloud, { enabled: () => enabled, clock });
    assert.equal(a2.outcome.kind, 'damaged');
    assert.equal(a2.store.journal.attempts.length, 0);

    // Sync on again: nothing is tombstoned; the journal comes back from the copy kept for sync.
    enabled = true;
    await a2.mirror.sync();
    assert.deepEqual(a2.store.journal.attempts.map((x) => x.id), ['a1', 'a2']);
    assert.equal(a2.infos.length, 1);
    assert.match(a2.infos[0] ?? '', /brought back your journal/);
    const synced = cloud.get<{ tombstones: Record<string, string> }>(SYNC_KEY);
    assert.deepEqual(synced?.tombstones, {});

    await b.mirror.sync();
    assert.deepEqual(b.store.journal.attempts.map((x) => x.id), ['a1', 'a2']);
    assert.equal(b.store.journal.people.length, terryJournal().people.length);

    // A later reload sees the same quarantine again: it is not treated as new (no second restore).
    a2.mirror.dispose();
    const a3 = await machineOn(localA, cloud, { clock });
    await a3.mirror.sync();
    assert.equal(a3.infos.length, 0);
    assert.deepEqual(a3.store.journal.attempts.map((x) => x.id), ['a1', 'a2']);
  });

  it('a quarantine with sync never used before deletes nothing on the other machine', async () => {
    const cloud = new SyncedMemento();
    const clock = { t: Date.parse('2026-11-26T10:00:00Z') };
    const b = await machineOn(new InMemoryMemento({ 'mentoring.journal': { v: 1, data: terryJournal() } }), cloud, { clock });
    await b.mirror.sync();
    const localA = new InMemoryMemento({ 'mentoring.journal': { v: 1, data: { format: 'mentoring-outreach/journal', version: 1, attempts: 'broken' } } });
    const a = await machineOn(localA, cloud, { clock });
    assert.equal(a.outcome.kind, 'damaged');
    await a.mirror.sync();
    await b.mirror.sync();
    assert.deepEqual(b.store.journal.attempts.map((x) => x.id), terryJournal().attempts.map((x) => x.id));
    assert.deepEqual(a.store.journal.attempts.map((x) => x.id), terryJournal().attempts.map((x) => x.id));
  });

  it('never overwrites a synced value written by a newer version, even after a local edit', async () => {
    const newer = { v: 1, journal: { ...terryJournal(), version: 2, futureField: { kept: true } }, stamps: {}, tombstones: {} };
    const cloud = new SyncedMemento({ [SYNC_KEY]: newer });
    const a = await machine(cloud, terryJournal());
    await a.mirror.sync();
    await a.store.change((j) => markSent(j, 'a1', new Date('2026-11-26T12:00:00Z')));
    await a.mirror.settled();
    await a.mirror.sync();
    assert.deepEqual(cloud.get(SYNC_KEY), newer);
    assert.ok(a.warnings.some((w) => /newer version/.test(w)));

    const newerEnvelope = { v: 2, journal: terryJournal(), stamps: {}, tombstones: {}, more: 1 };
    const cloud2 = new SyncedMemento({ [SYNC_KEY]: newerEnvelope });
    const c = await machine(cloud2, terryJournal());
    await c.store.change((j) => markSent(j, 'a1', new Date('2026-11-26T12:00:00Z')));
    await c.mirror.settled();
    await c.mirror.sync();
    assert.deepEqual(cloud2.get(SYNC_KEY), newerEnvelope);
  });
});
