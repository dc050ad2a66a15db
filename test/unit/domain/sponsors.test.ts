import * as assert from 'node:assert/strict';
import { LIMITS, parseJournal, parseJournalText } from '../../../src/domain/journal';
import { markSponsor } from '../../../src/domain/sessions';
import { ADVOCACY_LIMIT, logAdvocacy, readAdvocacy } from '../../../src/domain/sponsors';
import { terryJournal } from '../../support/journals';

const NOW = new Date('2026-11-26T10:00:00.000Z');

describe('sponsors: the "advocated for me" log', () => {
  it('logs an entry on the person and marks them as a sponsor', () => {
    const j = terryJournal();
    const before = JSON.stringify(j);
    const r = logAdvocacy(j, 'p1', '  Recommended me for the Q3 planning lead.  ', NOW);
    assert.ok(r.ok);
    assert.equal(JSON.stringify(j), before, 'the input is not changed');
    assert.equal(r.value.person.sponsor, true);
    assert.deepEqual(r.value.person.advocacy, [{ at: '2026-11-26T10:00:00.000Z', detail: 'Recommended me for the Q3 planning lead.' }]);
    assert.equal(r.value.journal.people[0], r.value.person);
    assert.equal(r.value.journal.people[1], j.people[1], 'other people are untouched');

    const again = logAdvocacy(r.value.journal, 'p1', 'Named me in the leadership review', new Date('2026-12-01T09:00:00Z'));
    assert.ok(again.ok);
    assert.deepEqual(readAdvocacy(again.value.person).map((e) => e.detail), ['Recommended me for the Q3 planning lead.', 'Named me in the leadership review']);
  });

  it('survives parseJournal, a JSON round-trip, and markSponsor', () => {
    const r = logAdvocacy(terryJournal(), 'p1', 'Put my name forward', NOW);
    assert.ok(r.ok);
    const parsed = parseJournalText(JSON.stringify(r.value.journal));
    assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.errors));
    assert.deepEqual(readAdvocacy(parsed.journal.people[0]!), [{ at: '2026-11-26T10:00:00.000Z', detail: 'Put my name forward' }]);
    assert.deepEqual(parsed.journal.people[0]!.advocacy, r.value.person.advocacy, 'stored exactly as written');
    const unmarked = markSponsor(parsed.journal, 'p1', false);
    assert.ok(unmarked.ok);
    assert.equal(unmarked.value.person.sponsor, false);
    assert.equal(readAdvocacy(unmarked.value.person).length, 1, 'unmarking keeps the log');
  });

  it('reads only well-formed entries and never throws', () => {
    assert.deepEqual(readAdvocacy({}), []);
    assert.deepEqual(readAdvocacy({ advocacy: 'not a list' }), []);
    assert.deepEqual(readAdvocacy({ advocacy: { at: '2026-11-26T10:00:00Z', detail: 'x' } }), []);
    const good = { at: '2026-11-26T10:00:00Z', detail: 'Spoke up for me' };
    const log = [
      null,
      7,
      'text',
      [good],
      { at: '2026-11-26', detail: 'a date, not a date-time' },
      { at: 'yesterday', detail: 'x' },
      { at: '2026-13-45T99:00:00Z', detail: 'impossible date' },
      { at: '2026-02-30T10:00:00Z', detail: '30 February (Date.parse reads 2 March)' },
      { at: '2026-11-26T24:00:00Z', detail: '24:00 (Date.parse reads the next midnight)' },
      { at: '0000-12-31T10:00:00Z', detail: 'year 0000' },
      { at: 1764151200000, detail: 'a number' },
      { at: '2026-11-26T10:00:00Z' },
      { at: '2026-11-26T10:00:00Z', detail: '   ' },
      { at: '2026-11-26T10:00:00Z', detail: 42 },
      { at: '2026-11-26T10:00:00Z', detail: 'x'.repeat(LIMITS.longText + 1) },
      good,
    ];
    assert.deepEqual(readAdvocacy({ advocacy: log }), [good]);
    const limits = [{ at: '0001-01-01T00:00:00.000Z', detail: 'first' }, { at: '9999-12-31T23:59:59.999Z', detail: 'last' }];
    assert.deepEqual(readAdvocacy({ advocacy: limits }), limits, 'the first and last years are kept');
    const parsed = parseJournal({ ...terryJournal(), people: [{ ...terryJournal().people[0]!, sponsor: true, advocacy: log }] });
    assert.ok(parsed.ok, 'a malformed log does not make the journal invalid');
    assert.deepEqual(readAdvocacy(parsed.journal.people[0]!), [good]);
  });

  it('keeps malformed stored entries when logging a new one (nothing is lost)', () => {
    const j = terryJournal();
    j.people[0]!.advocacy = [{ at: 'someday', detail: 'hand-written' }];
    const r = logAdvocacy(j, 'p1', 'Vouched for me', NOW);
    assert.ok(r.ok);
    assert.deepEqual(r.value.person.advocacy, [
      { at: 'someday', detail: 'hand-written' },
      { at: '2026-11-26T10:00:00.000Z', detail: 'Vouched for me' },
    ]);
  });

  it('refuses bad input and changes nothing', () => {
    const j = terryJournal();
    const before = JSON.stringify(j);
    const cases: [Parameters<typeof logAdvocacy>, RegExp][] = [
      [[j, 'nobody', 'x', NOW], /No person has the id "nobody"/],
      [[j, 'p1', '', NOW], /Say what they did for you/],
      [[j, 'p1', '   \n ', NOW], /Say what they did for you/],
      [[j, 'p1', 'x'.repeat(LIMITS.longText + 1), NOW], new RegExp(`at most ${LIMITS.longText} characters`)],
      [[j, 'p1', 42 as unknown as string, NOW], /must be text/],
      [[j, 'p1', 'x', new Date('nope')], /not a valid date/],
    ];
    for (const [args, reason] of cases) {
      const r = logAdvocacy(...args);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.reason, reason);
    }
    assert.ok(logAdvocacy(j, 'p1', 'x'.repeat(LIMITS.longText), NOW).ok, 'exactly the limit is fine');
    assert.equal(JSON.stringify(j), before);

    const notAList = terryJournal();
    notAList.people[0]!.advocacy = 'my notes';
    const r = logAdvocacy(notAList, 'p1', 'x', NOW);
    assert.ok(!r.ok && /is not a list/.test(r.reason), 'never overwrites what is stored');

    const full = terryJournal();
    full.people[0]!.advocacy = Array.from({ length: ADVOCACY_LIMIT }, () => ({ at: NOW.toISOString(), detail: 'x' }));
    const r2 = logAdvocacy(full, 'p1', 'one more', NOW);
    assert.ok(!r2.ok && /already has 2000 entries/.test(r2.reason));
  });
});
