/**
 * Issue 9.1: the store's incremental gate (checkJournalChange) says exactly what parseJournal says
 * about the changed journal — the same verdict and, when valid, the same journal — for valid edits and
 * for changes that break a limit at its boundary, so the store never writes what it would quarantine.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { LIMITS, parseJournal, type Attempt, type Journal } from '../../../src/domain/journal';
import { checkJournalChange, deepFreeze } from '../../../src/domain/journalChange';
import { applyEdit, editArb, journalArb, propertyParams } from '../support/arbitraries';
import { attempt, terryJournal } from '../../support/journals';

function frozen(j: Journal): Journal {
  const r = parseJournal(j);
  if (!r.ok) assert.fail(`not valid: ${JSON.stringify(r.errors)}`);
  return deepFreeze(r.journal);
}

/** Changes a change function might make, valid or one step past a limit; records it touches are new objects. */
type Breaker = (j: Journal, pick: number) => Journal;
const withAttempt = (j: Journal, pick: number, f: (a: Attempt) => Attempt): Journal => {
  if (j.attempts.length === 0) return j;
  const i = pick % j.attempts.length;
  return { ...j, attempts: j.attempts.map((a, k) => (k === i ? f(a) : a)) };
};
const ev = (n: number) => Array.from({ length: n }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), kind: 'note', detail: '' }));
const BREAKERS: Record<string, Breaker> = {
  'text at the limit': (j, p) => withAttempt(j, p, (a) => ({ ...a, text: 'x'.repeat(LIMITS.longText) })),
  'text one past the limit': (j, p) => withAttempt(j, p, (a) => ({ ...a, text: 'x'.repeat(LIMITS.longText + 1) })),
  'events at the limit': (j, p) => withAttempt(j, p, (a) => ({ ...a, events: ev(LIMITS.eventsPerAttempt) })),
  'events one past the limit': (j, p) => withAttempt(j, p, (a) => ({ ...a, events: ev(LIMITS.eventsPerAttempt + 1) })),
  'a bad status': (j, p) => withAttempt(j, p, (a) => ({ ...a, status: 'maybe' as Attempt['status'] })),
  'a dangling person': (j, p) => withAttempt(j, p, (a) => ({ ...a, personId: 'nobody' })),
  'a duplicate id': (j, p) => (j.attempts.length ? { ...j, attempts: [...j.attempts, { ...(j.attempts[p % j.attempts.length] as Attempt) }] } : j),
  'an unchanged record re-added as a copy': (j, p) => withAttempt(j, p, (a) => ({ ...a })),
  'a function and undefined in a record': (j, p) => withAttempt(j, p, (a) => ({ ...a, extra: () => 1, missing: undefined }) as unknown as Attempt),
  'sessionsDone past the ask': (j, p) => withAttempt(j, p, (a) => ({ ...a, sessionsDone: a.ask.sessions + 1 })),
  'aspiration one past its limit': (j) => ({ ...j, aspiration: 'y'.repeat(LIMITS.shortText + 1) }),
  'an unknown top-level field': (j) => ({ ...j, later: { nested: [1, 2, { deeper: true }] } }),
  'a reserved key in a record': (j, p) => withAttempt(j, p, (a) => ({ ...a, ask: { ...a.ask, ...JSON.parse('{"constructor": {"x": 1}}') } })),
  'a __proto__ key in a record': (j, p) => withAttempt(j, p, (a) => ({ ...a, ...JSON.parse('{"__proto__": {"polluted": true}}') })),
  'a reserved key at the top': (j) => ({ ...j, ...JSON.parse('{"prototype": 1}') }),
  'a focus on a missing skill': (j) => ({ ...j, focusSkillId: 'gone' }),
  'a skill with a bad level': (j, p) => (j.skills.length ? { ...j, skills: j.skills.map((s, k) => (k === p % j.skills.length ? { ...s, current: 6 } : s)) } : j),
  'a person with a blank name': (j, p) => (j.people.length ? { ...j, people: j.people.map((x, k) => (k === p % j.people.length ? { ...x, name: '   ' } : x)) } : j),
};

describe('the store gate equals parseJournal (property)', function () {
  this.timeout(120_000);

  it('for any valid journal and any sequence of edits and boundary breaks, the verdict and the journal equal parseJournal', () => {
    fc.assert(
      fc.property(
        journalArb(),
        fc.array(fc.oneof(editArb.map((e) => ({ edit: e })), fc.record({ breaker: fc.constantFrom(...Object.keys(BREAKERS)), pick: fc.nat({ max: 1000 }) })), { maxLength: 8 }),
        (start, steps) => {
          let prev = frozen(start);
          for (const step of steps) {
            const next = 'edit' in step ? applyEdit(prev, step.edit, new Date('2026-11-26T10:00:00Z')) : (BREAKERS[step.breaker] as Breaker)(prev, step.pick);
            const gate = checkJournalChange(prev, next);
            const full = parseJournal(JSON.parse(JSON.stringify(next, (_k, v: unknown) => (typeof v === 'function' ? undefined : v))));
            assert.equal(gate.ok, full.ok, `gate ${gate.ok} vs parse ${full.ok}: ${JSON.stringify(gate.ok ? full : gate.errors).slice(0, 300)}`);
            if (gate.ok && full.ok) {
              assert.deepStrictEqual(JSON.parse(JSON.stringify(gate.journal)), JSON.parse(JSON.stringify(full.journal)));
              assert.deepStrictEqual(gate.journal, full.journal);
              assert.ok(Object.isFrozen(gate.journal) && Object.isFrozen(gate.journal.attempts));
              // A list holding the same records in the same places stays the same object (structural sharing:
              // the Outreach view reuses its rows only while people and skills are the lists it grouped with).
              for (const key of ['skills', 'people', 'attempts'] as const) {
                const same = gate.journal[key].length === prev[key].length && gate.journal[key].every((r, i) => r === prev[key][i]);
                if (same) assert.equal(gate.journal[key], prev[key], `${key}: unchanged records, but a new list`);
              }
              prev = gate.journal;
            }
          }
        },
      ),
      propertyParams(150),
    );
  });

  it('names the field and the limit when it refuses', () => {
    const prev = frozen(terryJournal());
    const r = checkJournalChange(prev, { ...prev, attempts: [{ ...attempt({ id: 'a1' }), text: 'x'.repeat(20_001) }] });
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.errors.some((e) => e.path === '$.attempts[0].text' && /at most 20000 characters/.test(e.reason)), JSON.stringify(!r.ok && r.errors));
  });

  it('a frozen journal cannot be edited in place', () => {
    const j = frozen(terryJournal());
    assert.throws(() => {
      (j.attempts[0] as Attempt).text = 'changed';
    }, TypeError);
    assert.throws(() => (j.attempts as Attempt[]).push(attempt({ id: 'a9' })), TypeError);
    assert.throws(() => {
      (j.attempts[0] as Attempt).events[0]!.detail = 'changed';
    }, TypeError);
  });
});
