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
    ['deferred', 'accepted'], // answered before the agreed date
    ['deferred', 'declined'],
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

/** What describeAttempt says, without the step's data (asserted on its own where it matters). */
function said(info: { due: boolean; nextStep: string }) {
  return { due: info.due, nextStep: info.nextStep };
}

describe('outreach: due flags and next steps', () => {
  it('a deferred attempt is due on its ask-again date, not before', () => {
    const a = attempt({ id: 'a1', status: 'deferred', askAgainOn: '2027-01-15' });
    assert.deepEqual(said(describeAttempt(a, opts('2027-01-14'))), { due: false, nextStep: 'ask again on 15 Jan' });
    assert.deepEqual(said(describeAttempt(a, opts('2027-01-15'))), { due: true, nextStep: 'ask again today' });
    assert.deepEqual(said(describeAttempt(a, opts('2027-01-20'))), { due: true, nextStep: 'ask again — due since 15 Jan' });
    assert.equal(describeAttempt(a, opts('2026-12-01')).nextStep, 'ask again on 15 Jan 2027');
  });

  it('a sent attempt is due after nudgeAfterDays without contact', () => {
    const a = attempt({ id: 'a1', status: 'sent', events: [{ at: '2026-11-17T09:00:00.000Z', kind: 'sent', detail: '' }] });
    assert.deepEqual(said(describeAttempt(a, opts('2026-11-23'))), { due: false, nextStep: 'sent 6 days ago' });
    assert.deepEqual(said(describeAttempt(a, opts('2026-11-24'))), { due: true, nextStep: 'no reply for 7 days' });
    assert.deepEqual(said(describeAttempt(a, opts('2026-11-26'))), { due: true, nextStep: 'no reply for 9 days' });
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
    // Not "completed: completed 3/3 sessions" in the tooltip, nor "completed (completed …)" in the report.
    assert.equal(describeAttempt(attempt({ id: 'a1', status: 'completed', sessionsDone: 3 }), opts('2026-11-26')).nextStep, '3/3 sessions done');
  });

  it('gives the next step as data for the views to word (issue 11, item 12)', () => {
    const sent = attempt({ id: 'a1', status: 'sent', events: [{ at: '2026-11-17T09:00:00.000Z', kind: 'sent', detail: '' }] });
    assert.deepEqual(describeAttempt(sent, opts('2026-11-26')).step, { kind: 'noReply', days: 9 });
    assert.deepEqual(describeAttempt(sent, opts('2026-11-20')).step, { kind: 'sent', days: 3 });
    const deferred = attempt({ id: 'a1', status: 'deferred', askAgainOn: '2027-01-15' });
    assert.deepEqual(describeAttempt(deferred, opts('2027-01-14')).step, { kind: 'askAgainOn', date: '2027-01-15' });
    assert.deepEqual(describeAttempt(deferred, opts('2027-01-15')).step, { kind: 'askAgainToday' });
    assert.deepEqual(describeAttempt(deferred, opts('2027-01-16')).step, { kind: 'askAgainSince', date: '2027-01-15' });
    assert.deepEqual(describeAttempt(attempt({ id: 'a1', status: 'completed', sessionsDone: 3 }), opts('2026-11-26')).step, { kind: 'completed', done: 3, total: 3 });
    assert.deepEqual(describeAttempt(attempt({ id: 'a1', status: 'withdrawn' }), opts('2026-11-26')).step, { kind: 'withdrawn' });
  });

  it('a drafted follow-up is no contact: a due attempt stays due, with the draft named (issue 11, item 6)', () => {
    const events = [
      { at: '2026-11-10T09:00:00.000Z', kind: 'sent', detail: '' },
      { at: '2026-11-26T09:00:00.000Z', kind: 'follow-up-draft', detail: 'nudge', text: 'Hi Terry, …' },
    ];
    const drafted = describeAttempt(attempt({ id: 'a1', status: 'sent', events }), opts('2026-11-26'));
    assert.deepEqual([drafted.due, drafted.drafted, drafted.nextStep], [true, 'nudge', 'no reply for 16 days · nudge drafted']);
    // Sent: the clock restarts, the attempt says it was followed up.
    const sentEvents = [...events, { at: '2026-11-26T10:00:00.000Z', kind: 'follow-up', detail: 'nudge', text: 'Hi Terry, …' }];
    const followed = describeAttempt(attempt({ id: 'a1', status: 'sent', events: sentEvents }), opts('2026-11-26'));
    assert.deepEqual([followed.due, followed.drafted, followed.nextStep], [false, undefined, 'followed up today']);
    assert.equal(describeAttempt(attempt({ id: 'a1', status: 'sent', events: sentEvents }), opts('2026-12-01')).nextStep, 'followed up 5 days ago');
    // A deferred attempt due today stays due with its re-ask drafted.
    const reask = attempt({ id: 'a1', status: 'deferred', askAgainOn: '2026-11-26', events: [{ at: '2026-11-26T08:00:00.000Z', kind: 'follow-up-draft', detail: 'later', text: 'Hi' }] });
    assert.equal(describeAttempt(reask, opts('2026-11-26')).nextStep, 'ask again today · re-ask drafted');
  });

  it('after a no: the two questions, then awaiting their answer, then closed; referred and dismissed are closed (issue 11, item 6)', () => {
    const no = { at: '2026-11-20T09:00:00.000Z', kind: 'response', detail: 'no' };
    const view = (events: { at: string; kind: string; detail: string; text?: string }[], today = '2026-11-26') => {
      const j = terryJournal([attempt({ id: 'a1', status: 'declined', events })]);
      const g = groupAttempts(j, opts(today));
      const group = (Object.keys(g) as (keyof typeof g)[]).find((k) => g[k].length > 0);
      return `${group}: ${g[group!][0]!.nextStep}`;
    };
    assert.equal(view([no]), 'afterNo: ask: later? anyone else?');
    assert.equal(view([no, { at: '2026-11-26T09:00:00.000Z', kind: 'follow-up-draft', detail: 'later', text: 'Hi' }]), 'afterNo: ask: later? anyone else? · "later?" drafted');
    const asked = [no, { at: '2026-11-26T09:00:00.000Z', kind: 'follow-up', detail: 'later', text: 'Hi' }];
    assert.equal(view(asked), 'awaiting: followed up today');
    assert.equal(view(asked, '2026-12-02'), 'awaiting: followed up 6 days ago');
    assert.equal(view(asked, '2026-12-03'), 'closed: no answer to the follow-up', 'no answer for nudgeAfterDays: closed, never nagged');
    assert.equal(view([no, { at: '2026-11-26T09:00:00.000Z', kind: 'follow-up', detail: 'referral', text: 'Hi' }]), 'awaiting: followed up today');
    assert.equal(view([no, { at: '2026-11-26T09:00:00.000Z', kind: 'dismissed', detail: '' }]), 'closed: closed for good');
    assert.equal(view([no, { at: '2026-11-26T09:00:00.000Z', kind: 'response', detail: 'referral: Kim' }]), 'closed: suggested someone else');
    assert.equal(view([{ at: '2026-11-20T09:00:00.000Z', kind: 'response', detail: 'referral: Kim' }]), 'closed: suggested someone else');
    // An older journal: a `declined` event, or none at all — the questions were never asked.
    assert.equal(view([{ at: '2026-11-20T09:00:00.000Z', kind: 'declined', detail: '' }]), 'afterNo: ask: later? anyone else?');
    assert.equal(view([]), 'afterNo: ask: later? anyone else?');
    // A re-ask answered with another no: the questions are the next step again.
    assert.equal(view([no, asked[1]!, { at: '2026-12-20T09:00:00.000Z', kind: 'response', detail: 'no' }], '2026-12-21'), 'afterNo: ask: later? anyone else?');
    // Never due: the badge and the reminders count only what is due.
    assert.equal(countDue(terryJournal([attempt({ id: 'a1', status: 'declined', events: [no] })]), opts('2026-11-26')), 0);
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
    assert.deepEqual(ids('afterNo'), ['n1'], 'a no: the two questions are its next step');
    assert.deepEqual(ids('awaiting'), ['s1']);
    assert.deepEqual(ids('later'), ['f2'], 'deferred, not due yet: Later (not Awaiting reply)');
    assert.deepEqual(ids('drafts'), ['d1']);
    assert.deepEqual(ids('inProgress'), ['y1']);
    assert.deepEqual(ids('closed'), ['c1']);
    assert.equal(countDue(j, opts('2026-11-26')), 2);
    assert.equal(g.due[0]?.person?.name, 'Terry');
  });

  it('orders Later by the ask-again date, soonest first', () => {
    const j = terryJournal([
      attempt({ id: 'f1', status: 'deferred', askAgainOn: '2027-03-01' }),
      attempt({ id: 'f2', status: 'deferred', askAgainOn: '2026-12-24' }),
      attempt({ id: 'f3', status: 'deferred', askAgainOn: '2027-01-15' }),
    ]);
    assert.deepEqual(groupAttempts(j, opts('2026-11-26')).later.map((v) => v.attempt.id), ['f2', 'f3', 'f1']);
  });

  it('groups 10,000 attempts with every attempt in exactly one group', () => {
    const j = bigJournal(10_000);
    const g = groupAttempts(j, opts('2026-12-10'));
    const total = Object.values(g).reduce((n, list) => n + list.length, 0);
    assert.equal(total, 10_000);
  });
});
