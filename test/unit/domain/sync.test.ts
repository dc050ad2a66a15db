import * as assert from 'node:assert/strict';
import { emptyJournal, LIMITS, parseJournal, type Attempt, type Journal } from '../../../src/domain/journal';
import { canonical, diffStamps, emptySyncState, isStamp, mergeSync, parseSyncState, pruneTombstones, type SyncState } from '../../../src/domain/sync';
import { attempt, terryJournal } from '../../support/journals';

const T0 = '2026-11-26T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000);

/** A machine: its sync state, changed through `edit` (diffStamps at the given minute). */
class Machine {
  constructor(public state: SyncState) {}
  get journal(): Journal {
    return this.state.journal;
  }
  edit(minute: number, fn: (j: Journal) => Journal): this {
    const next = fn(this.state.journal);
    this.state = diffStamps(this.state.journal, next, at(minute), this.state);
    return this;
  }
  /** Settings Sync brings the other machine's state; this machine merges it in. */
  pull(other: Machine): ReturnType<typeof mergeSync> {
    const remote = parseSyncState(JSON.parse(JSON.stringify(other.state)));
    if ('error' in remote) assert.fail(remote.error);
    const merged = mergeSync(this.state, remote);
    this.state = merged.state;
    return merged;
  }
}

function shared(journal: Journal = terryJournal()): [Machine, Machine] {
  const base = diffStamps(emptyJournal(), journal, new Date(T0), emptySyncState());
  return [new Machine(base), new Machine(JSON.parse(JSON.stringify(base)) as SyncState)];
}

const setAttempt = (id: string, change: Partial<Attempt>) => (j: Journal): Journal => ({
  ...j,
  attempts: j.attempts.map((a) => (a.id === id ? { ...a, ...change } : a)),
});
const withoutAttempt = (id: string) => (j: Journal): Journal => ({ ...j, attempts: j.attempts.filter((a) => a.id !== id) });
const findAttempt = (j: Journal, id: string) => j.attempts.find((a) => a.id === id);

function valid(j: Journal): void {
  const r = parseJournal(JSON.parse(JSON.stringify(j)));
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
}

describe('sync: stamps of local changes (diffStamps)', () => {
  it('stamps new and changed records, leaves unchanged ones, tombstones removed ones', () => {
    const prev = terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a2' })]);
    const base = diffStamps(emptyJournal(), prev, new Date(T0), emptySyncState());
    assert.deepEqual(Object.keys(base.stamps), ['attempt:a1', 'attempt:a2', 'person:p1', 'person:p2', 'profile', 'skill:s1', 'skill:s2']);
    const next = { ...prev, attempts: [{ ...prev.attempts[0]!, text: 'changed' }, attempt({ id: 'a3' })] };
    const s = diffStamps(prev, next, at(5), base);
    assert.equal(s.stamps['attempt:a1'], at(5).toISOString());
    assert.equal(s.stamps['attempt:a3'], at(5).toISOString());
    assert.equal(s.stamps['person:p1'], T0);
    assert.equal(s.stamps['attempt:a2'], undefined);
    assert.deepEqual(s.tombstones, { 'attempt:a2': at(5).toISOString() });
    assert.equal(s.journal, next);
  });

  it('a change is always later than what this machine knew, even with its clock behind', () => {
    const [a] = shared();
    const ahead = '2026-11-27T00:00:00.000Z';
    a.state = { ...a.state, stamps: { ...a.state.stamps, 'attempt:a1': ahead } };
    a.edit(1, setAttempt('a1', { text: 'edited with a slow clock' }));
    assert.equal(a.state.stamps['attempt:a1'], '2026-11-27T00:00:00.001Z');
    a.edit(2, withoutAttempt('a1'));
    assert.ok((a.state.tombstones['attempt:a1'] ?? '') >= '2026-11-27T00:00:00.001Z');
  });

  it('stamps the profile (aspiration, focus, unknown top-level fields) as one record', () => {
    const [a] = shared();
    a.edit(1, (j) => ({ ...j, 'x-theme': 'dark' }));
    assert.equal(a.state.stamps.profile, at(1).toISOString());
  });

  it('re-creating a deleted record stamps it after its tombstone (which is kept, to tell the old record from the new)', () => {
    const [a] = shared();
    const a1 = findAttempt(a.journal, 'a1')!;
    a.edit(1, withoutAttempt('a1')).edit(1, (j) => ({ ...j, attempts: [...j.attempts, a1] }));
    assert.equal(a.state.tombstones['attempt:a1'], at(1).toISOString());
    assert.equal(a.state.stamps['attempt:a1'], '2026-11-26T09:01:00.001Z');
  });

  it('refuses an invalid time', () => {
    assert.throws(() => diffStamps(emptyJournal(), terryJournal(), new Date(NaN), emptySyncState()), RangeError);
  });
});

describe('sync: merge rules (mergeSync)', () => {
  it('concurrent edits to different records both survive, on both machines', () => {
    const [a, b] = shared(terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a2' })]));
    a.edit(1, setAttempt('a1', { text: 'from A' }));
    b.edit(2, setAttempt('a2', { text: 'from B' }));
    const ma = a.pull(b);
    const mb = b.pull(a);
    assert.ok(ma.changed && mb.changed);
    for (const m of [a, b]) {
      assert.equal(findAttempt(m.journal, 'a1')?.text, 'from A');
      assert.equal(findAttempt(m.journal, 'a2')?.text, 'from B');
    }
    assert.equal(canonical(a.state), canonical(b.state));
  });

  it('the same record edited on both: the newest change wins, whichever machine merges', () => {
    const [a, b] = shared();
    a.edit(5, setAttempt('a1', { text: 'later, from A' }));
    b.edit(3, setAttempt('a1', { text: 'earlier, from B' }));
    a.pull(b);
    b.pull(a);
    assert.equal(findAttempt(a.journal, 'a1')?.text, 'later, from A');
    assert.equal(findAttempt(b.journal, 'a1')?.text, 'later, from A');
  });

  it('equal stamps: the same version wins on both machines', () => {
    const [a, b] = shared();
    a.edit(5, setAttempt('a1', { text: 'A' }));
    b.edit(5, setAttempt('a1', { text: 'B' }));
    a.pull(b);
    b.pull(a);
    assert.equal(findAttempt(a.journal, 'a1')?.text, findAttempt(b.journal, 'a1')?.text);
  });

  it('a deletion against an unchanged record: it stays deleted (and does not come back later)', () => {
    const [a, b] = shared(terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a2' })]));
    a.edit(1, withoutAttempt('a1'));
    b.edit(2, setAttempt('a2', { text: 'B edits another attempt' }));
    a.pull(b);
    b.pull(a);
    for (const m of [a, b]) {
      assert.equal(findAttempt(m.journal, 'a1'), undefined);
      assert.equal(m.state.tombstones['attempt:a1'], at(1).toISOString());
    }
    // B syncs again with an old copy of its own state that still had a1: it stays deleted.
    const [, stale] = shared(terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a2' })]));
    assert.equal(findAttempt(mergeSync(a.state, stale.state).journal, 'a1'), undefined);
  });

  it('a deletion against a later edit: the edit wins; against an earlier edit: the deletion wins', () => {
    const [a, b] = shared();
    a.edit(1, withoutAttempt('a1'));
    b.edit(2, setAttempt('a1', { text: 'edited after the deletion' }));
    assert.equal(findAttempt(a.pull(b).journal, 'a1')?.text, 'edited after the deletion');
    assert.ok((a.state.stamps['attempt:a1'] ?? '') > (a.state.tombstones['attempt:a1'] ?? ''));

    const [c, d] = shared();
    c.edit(3, withoutAttempt('a1'));
    d.edit(2, setAttempt('a1', { text: 'edited before the deletion' }));
    assert.equal(findAttempt(c.pull(d).journal, 'a1'), undefined);
    assert.equal(findAttempt(d.pull(c).journal, 'a1'), undefined);
  });

  it('a deletion and an edit at the same instant: the deletion wins', () => {
    const [a, b] = shared();
    a.edit(2, withoutAttempt('a1'));
    b.edit(2, setAttempt('a1', { text: 'same instant' }));
    assert.equal(findAttempt(a.pull(b).journal, 'a1'), undefined);
    assert.equal(findAttempt(b.pull(a).journal, 'a1'), undefined);
  });

  it('a record deleted and created again with the same id does not take the old one\'s events from a stale copy', () => {
    const [a, b] = shared();
    const fresh = attempt({ id: 'a1', text: 'new request', events: [{ at: at(2).toISOString(), kind: 'created', detail: '' }] });
    a.edit(1, withoutAttempt('a1')).edit(2, (j) => ({ ...j, attempts: [...j.attempts, fresh] }));
    assert.deepStrictEqual(findAttempt(a.pull(b).journal, 'a1'), fresh);
    assert.deepStrictEqual(findAttempt(b.pull(a).journal, 'a1'), fresh);
  });

  it('the events of an attempt are unioned (no duplicates), in time order', () => {
    const [a, b] = shared();
    const ev = (minute: number, kind: string, detail = '') => ({ at: at(minute).toISOString(), kind, detail });
    a.edit(3, setAttempt('a1', { status: 'sent', events: [...findAttempt(a.journal, 'a1')!.events, ev(3, 'sent')] }));
    b.edit(4, setAttempt('a1', { text: 'B edits the text', events: [...findAttempt(b.journal, 'a1')!.events, ev(1, 'note', 'called Terry')] }));
    a.pull(b);
    b.pull(a);
    for (const m of [a, b]) {
      const a1 = findAttempt(m.journal, 'a1')!;
      assert.equal(a1.text, 'B edits the text'); // B's change is newer: its fields win…
      assert.deepEqual(
        a1.events.map((e) => e.kind),
        ['created', 'note', 'sent'], // …but A's "sent" event is kept
      );
    }
    assert.deepEqual(findAttempt(a.journal, 'a1'), findAttempt(b.journal, 'a1'));
  });

  it('over the per-attempt event limit, the winner keeps all its events and the newest of the others', () => {
    const [a, b] = shared();
    const ev = (i: number, kind: string) => ({ at: new Date(Date.parse(T0) + i * 1000).toISOString(), kind, detail: '' });
    const own = Array.from({ length: LIMITS.eventsPerAttempt - 1 }, (_, i) => ev(i, 'nudge'));
    a.edit(5, setAttempt('a1', { text: 'newer', events: own }));
    b.edit(1, setAttempt('a1', { events: [ev(-2, 'note'), ev(-1, 'note'), ev(100_000, 'note')] }));
    const events = findAttempt(a.pull(b).journal, 'a1')!.events;
    assert.equal(events.length, LIMITS.eventsPerAttempt);
    assert.deepEqual(events.at(-1), ev(100_000, 'note'));
    assert.ok(!events.some((e) => e.at === ev(-1, 'note').at));
  });

  it('resurrects a person that a surviving attempt refers to (rather than dropping the attempt)', () => {
    const [a, b] = shared(terryJournal([]));
    // A deletes Robin (p2); B, meanwhile, drafts a request to Robin.
    a.edit(1, (j) => ({ ...j, people: j.people.filter((p) => p.id !== 'p2') }));
    b.edit(2, (j) => ({ ...j, attempts: [attempt({ id: 'a9', personId: 'p2', skillId: 's2' })] }));
    const ma = a.pull(b);
    valid(ma.journal);
    assert.ok(ma.journal.people.some((p) => p.id === 'p2'));
    assert.ok(findAttempt(ma.journal, 'a9'));
    assert.deepEqual(ma.resurrected, ['person:p2']);
    assert.equal(ma.state.stamps['person:p2'], '2026-11-26T09:01:00.001Z'); // 1 ms after the deletion
    b.pull(a);
    assert.equal(canonical(a.state), canonical(b.state));
  });

  it('resurrects the focus skill, a referrer and skills named by a person', () => {
    const [a, b] = shared(terryJournal([]));
    a.edit(1, (j) => ({ ...j, skills: j.skills.filter((s) => s.id !== 's2'), people: j.people.map((p) => ({ ...p, skillIds: p.skillIds.filter((s) => s !== 's2') })) }));
    a.edit(1, (j) => ({ ...j, people: j.people.filter((p) => p.id !== 'p1').map((p) => ({ ...p, referredBy: null })) }));
    b.edit(2, (j) => ({ ...j, focusSkillId: 's2', people: j.people.map((p) => (p.id === 'p2' ? { ...p, sponsor: true } : p)) }));
    const m = a.pull(b);
    valid(m.journal);
    assert.equal(m.journal.focusSkillId, 's2');
    assert.ok(m.journal.skills.some((s) => s.id === 's2'));
    assert.equal(m.journal.people.find((p) => p.id === 'p2')?.referredBy, 'p1');
    assert.ok(m.journal.people.some((p) => p.id === 'p1'));
  });

  it('keeps local order and appends records new from the other machine', () => {
    const [a, b] = shared(terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a2' })]));
    b.edit(1, (j) => ({ ...j, attempts: [attempt({ id: 'b1' }), ...j.attempts] }));
    a.pull(b);
    assert.deepEqual(a.journal.attempts.map((x) => x.id), ['a1', 'a2', 'b1']);
  });

  it('merging with itself or with an unchanged copy changes nothing', () => {
    const [a, b] = shared();
    const m = a.pull(b);
    assert.equal(m.changed, false);
    assert.equal(m.journal, a.journal);
    const self = mergeSync(a.state, a.state);
    assert.equal(self.changed, false);
    assert.deepStrictEqual(self.state, a.state);
  });

  it('records from before sync (no stamps) lose to any stamped change and keep without one', () => {
    const mine = { v: 1 as const, journal: terryJournal(), stamps: {}, tombstones: {} };
    const theirs = diffStamps(terryJournal(), { ...terryJournal(), aspiration: 'changed there' }, at(1), mine);
    const m = mergeSync(mine, theirs);
    assert.equal(m.journal.aspiration, 'changed there');
    assert.deepEqual(m.journal.attempts, terryJournal().attempts);
  });

  it('an over-limit union leaves local unchanged and says why', () => {
    const skills = (prefix: string) => Array.from({ length: 600 }, (_, i) => ({ id: `${prefix}${i}`, name: `Skill ${i}`, current: 1, importance: 1, notes: '' }));
    const a = diffStamps(emptyJournal(), { ...emptyJournal(), skills: skills('a') }, at(0), emptySyncState());
    const b = diffStamps(emptyJournal(), { ...emptyJournal(), skills: skills('b') }, at(0), emptySyncState());
    const m = mergeSync(a, b);
    assert.equal(m.changed, false);
    assert.equal(m.state, a);
    assert.match(m.problem ?? '', /would not be valid/);
  });
});

describe('sync: what another machine wrote (parseSyncState)', () => {
  const good = () => JSON.parse(JSON.stringify(diffStamps(emptyJournal(), terryJournal(), new Date(T0), emptySyncState()))) as Record<string, unknown>;

  it('accepts a state it wrote, unchanged', () => {
    const s = parseSyncState(good());
    assert.ok(!('error' in s));
    assert.deepStrictEqual(s, good());
  });

  const bad: [string, (s: Record<string, unknown>) => unknown, RegExp][] = [
    ['not an object', () => 'text', /not an object/],
    ['an array', () => [], /not an object/],
    ['no version', (s) => ({ ...s, v: undefined }), /sync format version/],
    ['a newer sync format', (s) => ({ ...s, v: 2 }), /newer version/],
    ['a newer journal', (s) => ({ ...s, journal: { ...(s.journal as object), version: 9 } }), /newer version.*format 9/],
    ['an invalid journal', (s) => ({ ...s, journal: { ...(s.journal as object), attempts: [{ id: 'a1' }] } }), /not valid/],
    ['no stamps', (s) => ({ ...s, stamps: undefined }), /stamps must be an object/],
    ['a bad record key', (s) => ({ ...s, stamps: { 'attempt:a b': T0 } }), /not a record key/],
    ['a __proto__ key', () => JSON.parse(`{"v":1,"journal":${JSON.stringify(terryJournal())},"stamps":{"__proto__":"${T0}"},"tombstones":{}}`), /not a record key/],
    ['a profile tombstone', (s) => ({ ...s, tombstones: { profile: T0 } }), /not a record key/],
    ['a time that is not canonical', (s) => ({ ...s, stamps: { 'attempt:a1': '2026-11-26T09:00:00Z' } }), /not a time/],
    ['an impossible time', (s) => ({ ...s, tombstones: { 'attempt:zz': '2026-02-30T09:00:00.000Z' } }), /not a time/],
    ['a number for a time', (s) => ({ ...s, tombstones: { 'attempt:zz': 0 } }), /not a time/],
  ];
  for (const [what, make, message] of bad) {
    it(`ignores a state with ${what}, saying why`, () => {
      const s = parseSyncState(make(good()));
      assert.ok('error' in s, 'expected an error');
      assert.match(s.error, message);
    });
  }

  it('refuses times from a clock far ahead, when told the time', () => {
    const s = good();
    s.stamps = { ...(s.stamps as object), 'attempt:a1': '2027-01-01T00:00:00.000Z' };
    assert.ok(!('error' in parseSyncState(s)));
    const r = parseSyncState(s, { now: new Date(T0) });
    assert.ok('error' in r);
    assert.match(r.error, /in the future/);
  });

  it('never throws, whatever it is given', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom'); }, get: () => 1 });
    for (const input of [undefined, null, 0, NaN, Symbol('x'), () => 1, hostile, { v: 1, journal: hostile }]) {
      const r = parseSyncState(input);
      assert.ok('error' in r);
    }
  });

  it('normalises: drops stamps of absent records, and tombstones of present records not created after them', () => {
    const s = good();
    s.stamps = { ...(s.stamps as object), 'attempt:gone': T0 };
    s.tombstones = { 'attempt:a1': T0, 'person:p1': '2026-11-26T08:00:00.000Z', 'attempt:gone2': T0 };
    const r = parseSyncState(s);
    assert.ok(!('error' in r));
    assert.equal(r.stamps['attempt:gone'], undefined);
    assert.deepEqual(r.tombstones, { 'attempt:gone2': T0, 'person:p1': '2026-11-26T08:00:00.000Z' });
  });
});

describe('sync: helpers', () => {
  it('isStamp accepts only toISOString() output', () => {
    assert.ok(isStamp(T0));
    for (const s of ['2026-11-26T09:00:00Z', '2026-11-26', '+012026-11-26T09:00:00.000Z', '2026-13-01T00:00:00.000Z', 5]) assert.ok(!isStamp(s), String(s));
  });

  it('pruneTombstones drops old tombstones only', () => {
    const s = { ...emptySyncState(), tombstones: { 'attempt:old': '2026-01-01T00:00:00.000Z', 'attempt:new': '2026-11-01T00:00:00.000Z' } };
    assert.deepEqual(pruneTombstones(s, new Date('2026-06-01T00:00:00.000Z')).tombstones, { 'attempt:new': '2026-11-01T00:00:00.000Z' });
  });

  it('canonical JSON ignores key order and undefined members', () => {
    assert.equal(canonical({ b: 1, a: [1, { d: undefined, c: 'x' }] }), '{"a":[1,{"c":"x"}],"b":1}');
    assert.equal(canonical({ a: 1, b: 2 }), canonical({ b: 2, a: 1 }));
  });
});
