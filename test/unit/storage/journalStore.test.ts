import * as assert from 'node:assert/strict';
import { emptyJournal, type Journal } from '../../../src/domain/journal';
import { markSent } from '../../../src/domain/outreach';
import type { Result } from '../../../src/domain/result';
import { DAMAGED_PREFIX, JournalStore, PRE_MIGRATION_PREFIX, STORE_KEY, StoreRefusal } from '../../../src/storage/journalStore';
import { InMemoryMemento } from '../support/memento';
import { attempt, bigJournal, terryJournal } from '../../support/journals';

const NOW = new Date('2026-11-26T12:00:00Z');
const stamp = () => '2026-11-26T12-00-00-000Z';

function setAspiration(text: string) {
  return (j: Journal): Result<Journal> => ({ ok: true, value: { ...j, aspiration: text } });
}

describe('JournalStore', () => {
  it('starts empty on a fresh workspace and writes { v, data } under one key', async () => {
    const memento = new InMemoryMemento();
    const { store, outcome } = await JournalStore.open(memento);
    assert.deepEqual(outcome, { kind: 'empty' });
    assert.deepEqual(store.journal, emptyJournal());
    await store.change(setAspiration('writing better'));
    assert.deepEqual(memento.keys(), [STORE_KEY]);
    assert.deepEqual(memento.get(STORE_KEY), { v: 1, data: { ...emptyJournal(), aspiration: 'writing better' } });
  });

  it('loads what it wrote', async () => {
    const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: terryJournal() } });
    const { store, outcome } = await JournalStore.open(memento);
    assert.deepEqual(outcome, { kind: 'loaded' });
    assert.deepEqual(store.journal, terryJournal());
    assert.equal(memento.writes, 0, 'loading a good journal writes nothing');
  });

  it('fires onDidChange after each write with the new journal', async () => {
    const { store } = await JournalStore.open(new InMemoryMemento({ [STORE_KEY]: { v: 1, data: terryJournal() } }));
    const seen: string[] = [];
    store.onDidChange((j) => seen.push(j.attempts[0]?.status ?? ''));
    await store.change((j) => markSent(j, 'a1', NOW));
    assert.deepEqual(seen, ['sent']);
  });

  it('loses nothing across 1,000 interleaved mutations', async function () {
    this.timeout(20_000); // correctness, not speed: a busy machine must not fail it
    const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: terryJournal([]) } });
    const { store } = await JournalStore.open(memento);
    const writes = Array.from({ length: 1_000 }, (_, i) =>
      // Each mutation reads the latest journal and appends one attempt; none waits for the previous.
      store.change((j) => ({ ok: true, value: { ...j, attempts: [...j.attempts, attempt({ id: `m${i}` })] } })),
    );
    await Promise.all(writes);
    assert.equal(store.journal.attempts.length, 1_000);
    const stored = memento.get<{ data: Journal }>(STORE_KEY);
    assert.deepEqual(stored?.data.attempts.map((a) => a.id), Array.from({ length: 1_000 }, (_, i) => `m${i}`));
  });

  it('a refused mutation changes nothing and does not block the queue', async () => {
    const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: terryJournal() } });
    const { store } = await JournalStore.open(memento);
    const bad = store.change((j) => markSent(j, 'nope', NOW));
    const good = store.change(setAspiration('after'));
    await assert.rejects(bad, (e: Error) => e instanceof StoreRefusal && /nope/.test(e.message));
    await good;
    assert.equal(store.journal.aspiration, 'after');
    assert.equal(memento.writes, 1);
  });

  it('a failed write leaves memory and storage as they were', async () => {
    const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: terryJournal() } });
    const { store } = await JournalStore.open(memento);
    memento.failNext = new Error('disk full');
    await assert.rejects(store.change(setAspiration('lost?')), /disk full/);
    assert.equal(store.journal.aspiration, terryJournal().aspiration);
    assert.equal(memento.get<{ data: Journal }>(STORE_KEY)?.data.aspiration, terryJournal().aspiration);
    await store.change(setAspiration('next write works'));
    assert.equal(store.journal.aspiration, 'next write works');
  });

  for (const [name, raw] of [
    ['not an envelope', 'garbage'],
    ['an envelope with an invalid journal', { v: 1, data: { ...terryJournal(), attempts: [{ id: 'a1' }] } }],
    ['an envelope with dangling references', { v: 1, data: { ...terryJournal(), focusSkillId: 'gone' } }],
  ] as const) {
    it(`moves ${name} aside, never overwriting it, and starts empty`, async () => {
      const memento = new InMemoryMemento({ [STORE_KEY]: raw });
      const { store, outcome } = await JournalStore.open(memento, { stamp });
      assert.equal(outcome.kind, 'damaged');
      const backupKey = `${DAMAGED_PREFIX}${stamp()}`;
      assert.deepEqual(memento.get(backupKey), raw, 'the damaged value is kept byte for byte');
      assert.equal(memento.get(STORE_KEY), undefined);
      assert.deepEqual(store.journal, emptyJournal());
      assert.deepEqual(store.damagedKeys(), [backupKey]);
      assert.deepEqual(store.backup(backupKey), raw);
      await store.change(setAspiration('fresh start'));
      assert.deepEqual(memento.get(backupKey), raw, 'later writes do not touch the backup');
    });
  }

  it('stays read-only when the damaged value cannot be moved aside', async () => {
    const memento = new InMemoryMemento({ [STORE_KEY]: 'garbage' });
    memento.failNext = new Error('quota');
    const { store, outcome } = await JournalStore.open(memento, { stamp });
    assert.equal(outcome.kind, 'damaged');
    assert.match(store.readOnly ?? '', /could not be moved aside/);
    assert.equal(memento.get(STORE_KEY), 'garbage');
  });

  it('opens a newer version read-only and never writes it', async () => {
    const newer = { v: 2, data: { format: 'mentoring-outreach/journal', version: 2, everything: 'new' } };
    const memento = new InMemoryMemento({ [STORE_KEY]: newer });
    const { store, outcome } = await JournalStore.open(memento);
    assert.deepEqual(outcome, { kind: 'newer', version: 2 });
    assert.match(store.readOnly ?? '', /newer version/);
    await assert.rejects(store.change(setAspiration('x')), StoreRefusal);
    assert.deepEqual(memento.get(STORE_KEY), newer);
    assert.equal(memento.writes, 0);
  });

  it('treats a newer journal inside an old envelope as newer too', async () => {
    const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: { format: 'mentoring-outreach/journal', version: 5 } } });
    const { outcome } = await JournalStore.open(memento);
    assert.deepEqual(outcome, { kind: 'newer', version: 5 });
  });

  it('keeps the stored value when the migration chain has no path (damaged, set aside)', async () => {
    const memento = new InMemoryMemento({ [STORE_KEY]: { v: 0, data: { format: 'mentoring-outreach/journal', version: 0 } } });
    const { outcome } = await JournalStore.open(memento, { stamp });
    assert.equal(outcome.kind, 'damaged');
    assert.ok(memento.keys().some((k) => k.startsWith(DAMAGED_PREFIX)));
    assert.ok(!memento.keys().some((k) => k.startsWith(PRE_MIGRATION_PREFIX)));
  });

  it('migrates an old journal once, keeping the pre-migration value', async () => {
    const old = { v: 0, data: { format: 'mentoring-outreach/journal', version: 0, aspiration: 'old words' } };
    const migrations = { 0: (o: Record<string, unknown>) => ({ ...o, aspiration: `${String(o.aspiration)} (migrated)` }) };
    const memento = new InMemoryMemento({ [STORE_KEY]: old });
    const first = await JournalStore.open(memento, { migrations });
    assert.deepEqual(first.outcome, { kind: 'migrated', from: 0 });
    assert.equal(first.store.journal.aspiration, 'old words (migrated)');
    assert.deepEqual(memento.get(`${PRE_MIGRATION_PREFIX}0`), old);
    assert.equal(memento.get<{ v: number }>(STORE_KEY)?.v, 1);
    const second = await JournalStore.open(memento, { migrations });
    assert.deepEqual(second.outcome, { kind: 'loaded' }, 'a second activation finds nothing to migrate');
    assert.equal(second.store.journal.aspiration, 'old words (migrated)');
  });

  it('handles 10,000 attempts', async function () {
    this.timeout(20_000); // size, not speed (speed is measured in bench/)
    const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: bigJournal(10_000) } });
    const { store, outcome } = await JournalStore.open(memento);
    assert.equal(outcome.kind, 'loaded');
    await store.change((j) => markSent(j, 'a0', NOW));
    assert.equal(store.journal.attempts[0]?.status, 'sent');
  });

  describe('never holds a journal its own validator would refuse (issue 9.1, 9.7)', () => {
    it('refuses a change past a limit, naming the field and the limit; memory and storage stay equal', async () => {
      const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: terryJournal() } });
      const { store } = await JournalStore.open(memento);
      const before = JSON.stringify(memento.get(STORE_KEY));
      await assert.rejects(
        store.change((j) => ({ ok: true, value: { ...j, attempts: j.attempts.map((a) => ({ ...a, text: 'x'.repeat(20_001) })) } })),
        (e: Error) => e instanceof StoreRefusal && /\$\.attempts\[0\]\.text must be at most 20000 characters/.test(e.message) && /Nothing was changed/.test(e.message),
      );
      await assert.rejects(
        store.change((j) => ({ ok: true, value: { ...j, attempts: j.attempts.map((a) => ({ ...a, events: Array.from({ length: 2_001 }, () => a.events[0]!) })) } })),
        /events must have at most 2000 events/,
      );
      assert.equal(JSON.stringify(memento.get(STORE_KEY)), before);
      assert.deepEqual(store.journal, terryJournal());
      // Whatever it holds loads again as the same journal.
      const again = await JournalStore.open(memento);
      assert.equal(again.outcome.kind, 'loaded');
    });

    it('hands changes a frozen journal: an edit in place throws, and memory equals storage', async () => {
      const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: terryJournal() } });
      const { store } = await JournalStore.open(memento);
      await assert.rejects(
        store.change((j) => {
          (j.attempts[0] as { text: string }).text = 'edited in place';
          throw new Error('and then failed');
        }),
        TypeError,
      );
      assert.equal(store.journal.attempts[0]?.text, terryJournal().attempts[0]?.text);
      assert.deepEqual((memento.get(STORE_KEY) as { data: Journal }).data, store.journal);
      assert.ok(Object.isFrozen(store.journal) && Object.isFrozen(store.journal.attempts[0]?.events));
    });

    it('what it holds after a change deep-equals what the next start loads', async () => {
      const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: terryJournal() } });
      const { store } = await JournalStore.open(memento);
      await store.change((j) => ({ ok: true, value: { ...j, attempts: [...j.attempts, { ...attempt({ id: 'a2' }), extra: undefined, gone: () => 1 } as never] } }));
      const again = await JournalStore.open(memento);
      assert.deepStrictEqual(again.store.journal, store.journal);
    });
  });

  describe('coalesces a burst of changes into one write (issue 12)', () => {
    it('a burst is one Memento write; each change resolves with its own journal once it is written', async () => {
      const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: terryJournal([]) } });
      const { store } = await JournalStore.open(memento);
      let events = 0;
      store.onDidChange(() => events++);
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => store.change((j) => ({ ok: true, value: { ...j, attempts: [...j.attempts, attempt({ id: `b${i}` })] } }))));
      assert.equal(memento.writes, 1);
      assert.equal(events, 1);
      assert.deepEqual(results.map((r) => r.attempts.length), Array.from({ length: 100 }, (_, i) => i + 1));
      assert.equal((memento.get(STORE_KEY) as { data: Journal }).data.attempts.length, 100);
    });

    it('a change made while a write is in flight goes into the next write; settled() waits for both', async () => {
      const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: terryJournal() } });
      const { store } = await JournalStore.open(memento);
      void store.change(setAspiration('first'));
      await new Promise((r) => setImmediate(r)); // the first write is now in flight
      void store.change(setAspiration('second'));
      assert.equal(store.journal.aspiration, 'second', 'memory has it at once');
      await store.settled();
      assert.equal(memento.writes, 2);
      assert.equal((memento.get(STORE_KEY) as { data: Journal }).data.aspiration, 'second');
    });

    it('when the write fails, every change not written is undone in memory and rejected', async () => {
      const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: terryJournal() } });
      const { store } = await JournalStore.open(memento);
      memento.failNext = new Error('disk full');
      const a = store.change(setAspiration('one'));
      const b = store.change(setAspiration('two'));
      await assert.rejects(a, /disk full/);
      await assert.rejects(b, /disk full/);
      assert.equal(store.journal.aspiration, terryJournal().aspiration);
      assert.equal((memento.get(STORE_KEY) as { data: Journal }).data.aspiration, terryJournal().aspiration);
      // and the store goes on working
      await store.change(setAspiration('three'));
      assert.equal((memento.get(STORE_KEY) as { data: Journal }).data.aspiration, 'three');
    });
  });
});
