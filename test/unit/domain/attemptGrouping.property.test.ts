/**
 * Issue 12: the Outreach view groups a changed journal incrementally (AttemptGrouping): rows of attempts that did
 * not change are reused in their places and only changed ones are worked out and placed. Whatever the sequence of
 * changes — edits as the commands make them, a new date, another nudge setting — the groups are exactly those
 * groupAttempts makes from scratch, row for row.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { AttemptGrouping, groupAttempts, GROUPS, type DueOptions, type Grouped } from '../../../src/domain/outreach';
import type { Journal } from '../../../src/domain/journal';
import { applyEdit, editArb, journalArb, propertyParams } from '../support/arbitraries';
import { bigJournal } from '../../support/journals';
import { markSent } from '../../../src/domain/outreach';
import { JOURNAL_VERSION } from '../../../src/domain/journal';
import { JournalStore, STORE_KEY } from '../../../src/storage/journalStore';
import { InMemoryMemento } from '../support/memento';

const DAYS = ['2026-01-10', '2026-06-01', '2026-11-26', '2027-03-15'];

/** What a row shows, by value (a reused row and a fresh one must read the same). */
function rows(g: Grouped): Record<string, unknown[]> {
  return Object.fromEntries(GROUPS.map((k) => [k, g[k].map((v) => ({ ...v }))]));
}

describe('AttemptGrouping: incremental groups are groupAttempts from scratch (property)', () => {
  for (const [label, share] of [['every change placed row by row', 1], ['the default share (1/16)', undefined]] as const) {
    it(`${label}: the same rows in the same order after every step`, () => {
      let incremental = 0;
      let steps = 0;
      fc.assert(
        fc.property(
          journalArb({ maxAttempts: 24, maxPeople: 6, fullTexts: false }),
          fc.array(fc.record({ edit: editArb, day: fc.nat({ max: 9 }), nudge: fc.constantFrom(7, 7, 7, 3) }), { minLength: 1, maxLength: 12 }),
          (start, steps_) => {
            const grouping = share === undefined ? new AttemptGrouping() : new AttemptGrouping(share);
            let j: Journal = start;
            let now = Date.UTC(2026, 0, 5);
            for (const { edit, day, nudge } of steps_) {
              now += 3_600_000;
              j = applyEdit(j, edit, new Date(now));
              // Mostly the same day and setting (the common case); now and then another.
              const options: DueOptions = { today: day < 8 ? DAYS[0] as string : (DAYS[day - 7] as string), nudgeAfterDays: nudge };
              assert.deepStrictEqual(rows(grouping.group(j, options)), rows(groupAttempts(j, options)));
              steps++;
              if (grouping.lastWasIncremental) incremental++;
            }
          },
        ),
        propertyParams(150),
      );
      // Not vacuous: the incremental path ran (with share 1, in a good share of the steps: edits of people and skill
      // areas, another date or setting start afresh).
      assert.ok(incremental > 0, `incremental in ${incremental} of ${steps} steps`);
      if (share === 1) assert.ok(incremental * 10 > steps, `incremental in ${incremental} of ${steps} steps`);
    });
  }

  it('at 10,000 attempts, marking one as sent reuses every other row and moves that one from Drafts to Awaiting reply', () => {
    const j = bigJournal(10_000);
    const options: DueOptions = { today: '2026-11-26', nudgeAfterDays: 7 };
    const grouping = new AttemptGrouping();
    const before = grouping.group(j, options);
    const draft = before.drafts[0];
    assert.ok(draft);
    const r = markSent(j, draft.attempt.id, new Date('2026-11-26T12:00:00Z'));
    assert.ok(r.ok);
    const after = grouping.group(r.value, options);
    assert.ok(grouping.lastWasIncremental);
    assert.deepStrictEqual(rows(after), rows(groupAttempts(r.value, options)));
    assert.ok(!after.drafts.some((v) => v.attempt.id === draft.attempt.id));
    assert.ok([...after.awaiting, ...after.due].some((v) => v.attempt.id === draft.attempt.id));
    // Unchanged rows are the same objects (nothing worked out again).
    assert.equal(after.closed[0], before.closed[0]);
  });

  it('through the store too: a change saved by the store leaves people and skills as they were, so the rows are reused', async () => {
    // The join: the store's gate must not hand the view new lists for records that did not change.
    const { store } = await JournalStore.open(new InMemoryMemento({ [STORE_KEY]: { v: JOURNAL_VERSION, data: bigJournal(2_000) } }));
    const options: DueOptions = { today: '2026-11-26', nudgeAfterDays: 7 };
    const grouping = new AttemptGrouping();
    const before = grouping.group(store.journal, options);
    const draft = before.drafts[0];
    assert.ok(draft);
    const peopleBefore = store.journal.people;
    await store.change((j) => markSent(j, draft.attempt.id, new Date('2026-11-26T12:00:00Z')));
    assert.equal(store.journal.people, peopleBefore, 'the store made a new people list for an attempt change');
    const after = grouping.group(store.journal, options);
    assert.ok(grouping.lastWasIncremental, 'the view worked out every row again after one change');
    assert.deepStrictEqual(rows(after), rows(groupAttempts(store.journal, options)));
    store.dispose();
  });
});
