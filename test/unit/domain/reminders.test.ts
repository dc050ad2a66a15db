import * as assert from 'node:assert/strict';
import { recordFollowUp } from '../../../src/domain/followUps';
import { countDue } from '../../../src/domain/outreach';
import { dueReminders, markNotified, pruneNotified } from '../../../src/domain/reminders';
import { attempt, bigJournal, terryJournal } from '../../support/journals';
import { snapshot } from './statusFixtures';

const opts = (today: string, nudgeAfterDays = 7) => ({ today, nudgeAfterDays });
const sentOn = (day: string) => [
  { at: '2026-11-01T10:00:00.000Z', kind: 'created', detail: '' },
  { at: `${day}T10:00:00.000Z`, kind: 'sent', detail: '' },
];

function journal() {
  return terryJournal([
    attempt({ id: 'a1', status: 'deferred', askAgainOn: '2027-01-15', events: sentOn('2026-11-10') }),
    attempt({ id: 'a2', status: 'sent', events: sentOn('2027-01-06') }),
    attempt({ id: 'a3', personId: 'p2', skillId: 's2', status: 'sent', events: sentOn('2027-01-14') }),
    attempt({ id: 'a4', status: 'accepted', events: sentOn('2026-11-10') }),
    attempt({ id: 'a5', status: 'draft' }),
  ]);
}

describe('reminders', () => {
  it('lists what is due now, with the facts the message is worded from (the shell words it)', () => {
    const reminders = dueReminders(journal(), opts('2027-01-15'), {});
    assert.deepEqual(reminders, [
      { attemptId: 'a1', personId: 'p1', first: 'Terry', skill: 'Financial acumen', kind: 'askAgain', on: '2027-01-15' },
      { attemptId: 'a2', personId: 'p1', first: 'Terry', skill: 'Financial acumen', kind: 'nudge', days: 9 },
    ]);
  });

  it('agrees with the tree\'s "Due now" count', () => {
    const big = bigJournal(700);
    for (const today of ['2026-11-20', '2026-12-10', '2027-01-31']) {
      assert.equal(dueReminders(big, opts(today), {}).length, countDue(big, opts(today)), today);
    }
  });

  it('notifies each attempt at most once a day', () => {
    const j = journal();
    const first = dueReminders(j, opts('2027-01-15'), {});
    const log = markNotified({}, first, '2027-01-15');
    assert.deepEqual(log, { a1: '2027-01-15', a2: '2027-01-15' });
    assert.deepEqual(dueReminders(j, opts('2027-01-15'), log), []);
    assert.deepEqual(
      dueReminders(j, opts('2027-01-16'), log).map((r) => r.attemptId),
      ['a1', 'a2'],
      'again the next day',
    );
    assert.deepEqual(dueReminders(j, opts('2027-01-14'), { a2: '2027-01-15' }), [], 'not again when the clock goes back a day');
  });

  it('logging a contact resets the nudge clock', () => {
    const j = journal();
    const followed = recordFollowUp(j, 'a2', 'nudge', '', new Date('2027-01-15T09:00:00Z'));
    assert.ok(followed.ok);
    assert.deepEqual(dueReminders(followed.value.journal, opts('2027-01-15'), {}).map((r) => r.attemptId), ['a1']);
    assert.deepEqual(dueReminders(followed.value.journal, opts('2027-01-22'), {}).map((r) => [r.first, r.kind === 'nudge' ? r.days : r.on]), [
      ['Terry', '2027-01-15'],
      ['Robin', 8],
      ['Terry', 7],
    ]);
  });

  it('prunes entries for attempts that are gone, and damaged entries', () => {
    const j = journal();
    const log = { a1: '2027-01-15', gone: '2027-01-15', a2: 'yesterday', a3: 42 } as unknown as Record<string, string>;
    const before = snapshot(log);
    assert.deepEqual(pruneNotified(j, log), { a1: '2027-01-15' });
    assert.equal(snapshot(log), before, 'the input is not changed');
    for (const damaged of [null, undefined, 'x', [1, 2], 7]) {
      assert.deepEqual(pruneNotified(j, damaged as unknown as Record<string, string>), {});
      assert.equal(dueReminders(j, opts('2027-01-15'), damaged as unknown as Record<string, string>).length, 2);
    }
  });

  it('treats ids such as __proto__ and constructor as plain keys', () => {
    const j = terryJournal([
      attempt({ id: '__proto__', status: 'sent', events: sentOn('2027-01-01') }),
      attempt({ id: 'constructor', status: 'sent', events: sentOn('2027-01-01') }),
    ]);
    assert.deepEqual(dueReminders(j, opts('2027-01-15'), {}).map((r) => r.attemptId), ['__proto__', 'constructor'], 'an empty log inherits nothing');
    const stored = JSON.parse('{"__proto__":"2027-01-15"}') as Record<string, string>;
    assert.deepEqual(dueReminders(j, opts('2027-01-15'), stored).map((r) => r.attemptId), ['constructor']);
    const log = markNotified(stored, dueReminders(j, opts('2027-01-15'), stored), '2027-01-15');
    assert.equal(Object.getPrototypeOf(log), Object.prototype);
    assert.deepEqual(JSON.parse(JSON.stringify(log)), JSON.parse('{"__proto__":"2027-01-15","constructor":"2027-01-15"}'));
    assert.deepEqual(Object.keys(pruneNotified(j, log)).sort(), ['__proto__', 'constructor']);
  });

  it('ignores an invalid today', () => {
    assert.deepEqual(dueReminders(journal(), opts('soon'), {}), []);
  });
});
