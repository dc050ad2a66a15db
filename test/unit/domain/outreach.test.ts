import * as assert from 'node:assert/strict';
import { STATUSES, type AttemptStatus } from '../../../src/domain/journal';
import {
  checkTransition,
  countDue,
  deleteAttempt,
  describeAttempt,
  groupAttempts,
  markSent,
  restoreAttempt,
  transition,
  TRANSITIONS,
} from '../../../src/domain/outreach';
import { attempt, bigJournal, terryJournal } from '../../support/journals';

const NOW = new Date('2026-11-26T12:00:00Z');
const opts = (today: string, nudgeAfterDays = 7) => ({ today, nudgeAfterDays });

describe('outreach: the status machine', () => {
  const allowed: [AttemptStatus, AttemptStatus][] = [
    ['draft', 'sent'],
    ['sent', 'accepted'],
    ['sent', 'deferred'],
    ['sent', 'declined'],
    ['sent', 'withdrawn'],
    ['deferred', 'sent'],
    ['accepted', 'completed'],
    ['declined', 'deferred'], // "might you be willing later?" — "yes, in March"
  ];
  it('allows exactly the documented transitions', () => {
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        assert.equal(checkTransition(from, to).ok, expected, `${from} → ${to}`);
      }
    }
    assert.equal(Object.values(TRANSITIONS).flat().length, allowed.length);
  });

  it('explains a refusal', () => {
    const r = checkTransition('draft', 'accepted');
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.reason, /draft cannot become accepted; it can only become sent/);
    const closed = checkTransition('declined', 'sent');
    assert.match(closed.ok ? '' : closed.reason, /final/);
    const same = checkTransition('accepted', 'accepted');
    assert.match(same.ok ? '' : same.reason, /already accepted/);
  });

  it('markSent sends a draft and records the event, without mutating the input', () => {
    const j = terryJournal();
    const before = JSON.stringify(j);
    const r = markSent(j, 'a1', NOW);
    assert.ok(r.ok);
    assert.equal(r.value.attempts[0]?.status, 'sent');
    assert.deepEqual(r.value.attempts[0]?.events.at(-1), { at: NOW.toISOString(), kind: 'sent', detail: '' });
    assert.equal(JSON.stringify(j), before);
  });

  it('markSent re-sends a deferred attempt and clears its date', () => {
    const j = terryJournal([attempt({ id: 'a1', status: 'deferred', askAgainOn: '2026-12-01' })]);
    const r = markSent(j, 'a1', NOW);
    assert.ok(r.ok);
    assert.equal(r.value.attempts[0]?.askAgainOn, null);
  });

  it('refuses to send an accepted attempt and an unknown id', () => {
    assert.equal(markSent(terryJournal([attempt({ id: 'a1', status: 'accepted' })]), 'a1', NOW).ok, false);
    const r = markSent(terryJournal(), 'zzz', NOW);
    assert.match(r.ok ? '' : r.reason, /No outreach attempt has the id "zzz"/);
  });

  it('deferring needs a date', () => {
    const j = terryJournal([attempt({ id: 'a1', status: 'sent' })]);
    assert.equal(transition(j, 'a1', 'deferred', NOW).ok, false);
    const r = transition(j, 'a1', 'deferred', NOW, { askAgainOn: '2027-01-15' });
    assert.ok(r.ok);
    assert.equal(r.value.attempts[0]?.askAgainOn, '2027-01-15');
  });

  it('deletes and restores an attempt in place', () => {
    const j = terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a2' }), attempt({ id: 'a3' })]);
    const d = deleteAttempt(j, 'a2');
    assert.ok(d.ok);
    assert.deepEqual(d.value.journal.attempts.map((a) => a.id), ['a1', 'a3']);
    const back = restoreAttempt(d.value.journal, d.value.attempt, d.value.index);
    assert.ok(back.ok);
    assert.deepEqual(back.value, j);
    assert.equal(restoreAttempt(j, d.value.attempt, 1).ok, false, 'cannot restore over an existing id');
    assert.equal(deleteAttempt(j, 'nope').ok, false);
  });
});

describe('outreach: due flags and next steps', () => {
  it('a deferred attempt is due on its ask-again date, not before', () => {
    const a = attempt({ id: 'a1', status: 'deferred', askAgainOn: '2027-01-15' });
    assert.deepEqual(describeAttempt(a, opts('2027-01-14')), { due: false, nextStep: 'ask again on 15 Jan' });
    assert.deepEqual(describeAttempt(a, opts('2027-01-15')), { due: true, nextStep: 'ask again today' });
    assert.deepEqual(describeAttempt(a, opts('2027-01-20')), { due: true, nextStep: 'ask again — due since 15 Jan' });
    assert.equal(describeAttempt(a, opts('2026-12-01')).nextStep, 'ask again on 15 Jan 2027');
  });

  it('a sent attempt is due after nudgeAfterDays without contact', () => {
    const a = attempt({ id: 'a1', status: 'sent', events: [{ at: '2026-11-17T09:00:00.000Z', kind: 'sent', detail: '' }] });
    assert.deepEqual(describeAttempt(a, opts('2026-11-23')), { due: false, nextStep: 'sent 6 days ago' });
    assert.deepEqual(describeAttempt(a, opts('2026-11-24')), { due: true, nextStep: 'no reply for 7 days' });
    assert.deepEqual(describeAttempt(a, opts('2026-11-26')), { due: true, nextStep: 'no reply for 9 days' });
    assert.equal(describeAttempt(a, opts('2026-11-26', 14)).due, false, 'the setting is honoured');
  });

  it('any later contact restarts the no-reply clock', () => {
    const a = attempt({
      id: 'a1',
      status: 'sent',
      events: [
        { at: '2026-11-01T09:00:00.000Z', kind: 'sent', detail: '' },
        { at: '2026-11-25T09:00:00.000Z', kind: 'nudge', detail: '' },
      ],
    });
    assert.equal(describeAttempt(a, opts('2026-11-26')).due, false);
  });

  it('shows sessions for accepted attempts', () => {
    assert.equal(describeAttempt(attempt({ id: 'a1', status: 'accepted', sessionsDone: 2 }), opts('2026-11-26')).nextStep, '2/3 sessions');
  });

  it('groups attempts by what needs doing next, with counts that add up', () => {
    const j = terryJournal([
      attempt({ id: 'd1' }),
      attempt({ id: 's1', status: 'sent', events: [{ at: '2026-11-25T09:00:00.000Z', kind: 'sent', detail: '' }] }),
      attempt({ id: 's2', status: 'sent', events: [{ at: '2026-11-01T09:00:00.000Z', kind: 'sent', detail: '' }] }),
      attempt({ id: 'f1', status: 'deferred', askAgainOn: '2026-11-26' }),
      attempt({ id: 'f2', status: 'deferred', askAgainOn: '2026-12-26' }),
      attempt({ id: 'y1', status: 'accepted' }),
      attempt({ id: 'n1', status: 'declined' }),
      attempt({ id: 'c1', status: 'completed', sessionsDone: 3 }),
    ]);
    const g = groupAttempts(j, opts('2026-11-26'));
    const ids = (k: keyof typeof g) => g[k].map((v) => v.attempt.id).sort();
    assert.deepEqual(ids('due'), ['f1', 's2']);
    assert.deepEqual(ids('awaiting'), ['f2', 's1']);
    assert.deepEqual(ids('drafts'), ['d1']);
    assert.deepEqual(ids('inProgress'), ['y1']);
    assert.deepEqual(ids('closed'), ['c1', 'n1']);
    assert.equal(countDue(j, opts('2026-11-26')), 2);
    assert.equal(g.due[0]?.person?.name, 'Terry');
  });

  it('groups 10,000 attempts with every attempt in exactly one group', () => {
    const j = bigJournal(10_000);
    const g = groupAttempts(j, opts('2026-12-10'));
    const total = Object.values(g).reduce((n, list) => n + list.length, 0);
    assert.equal(total, 10_000);
  });
});
