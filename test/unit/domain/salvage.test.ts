import * as assert from 'node:assert/strict';
import { backupCounts, backupTime, salvageJournal } from '../../../src/domain/salvage';
import { parseJournal } from '../../../src/domain/journal';
import { attempt, terryJournal } from '../../support/journals';

describe('salvaging a damaged journal (issue 9.6)', () => {
  it('shortens an over-long text and keeps everything else', () => {
    const raw = { v: 1, data: terryJournal([attempt({ id: 'a1', text: 'x'.repeat(20_001) }), attempt({ id: 'a2' })]) };
    const r = salvageJournal(raw);
    assert.ok(r.ok);
    assert.equal(r.journal.attempts.length, 2);
    assert.equal(r.journal.attempts[0]?.text.length, 20_000);
    assert.deepEqual(r.repairs, ['$.attempts[0].text: shortened to 20000 characters']);
    assert.ok(parseJournal(r.journal).ok);
  });

  it('keeps the newest events of an attempt past the limit', () => {
    const events = Array.from({ length: 2_001 }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), kind: 'note', detail: String(i) }));
    const r = salvageJournal({ v: 1, data: terryJournal([attempt({ id: 'a1', events })]) });
    assert.ok(r.ok);
    assert.equal(r.journal.attempts[0]?.events.length, 2_000);
    assert.equal(r.journal.attempts[0]?.events[0]?.detail, '1');
  });

  it('drops broken references, leaves out only records it cannot mend, and says so', () => {
    const j = terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a2', status: 'maybe' as never }), attempt({ id: 'a3', personId: 'gone' })]);
    const r = salvageJournal({ v: 1, data: { ...j, focusSkillId: 'nope', people: [{ ...j.people[0]!, skillIds: ['s1', 'zz'] }, { ...j.people[1]!, referredBy: 'ghost' }] } });
    assert.ok(r.ok, !r.ok ? r.reason : '');
    assert.deepEqual(r.journal.attempts.map((a) => a.id), ['a1']);
    assert.equal(r.journal.focusSkillId, null);
    assert.deepEqual(r.journal.people[0]?.skillIds, ['s1']);
    assert.equal(r.journal.people[1]?.referredBy, null);
    assert.equal(r.repairs.length, 5, r.repairs.join('\n'));
  });

  it('leaves out a contact address that is not one (or too long), keeping the person and what refers to them', () => {
    const j = terryJournal([attempt({ id: 'a1' })]);
    const people = [{ ...j.people[0]!, email: 'Terry, terry@example.com' }, { ...j.people[1]!, email: `${'r'.repeat(60)}@${'e'.repeat(300)}.com` }];
    const r = salvageJournal({ v: 1, data: { ...j, people } });
    assert.ok(r.ok, !r.ok ? r.reason : '');
    assert.deepEqual(r.journal.people.map((p) => [p.id, 'email' in p]), [['p1', false], ['p2', false]]);
    assert.deepEqual(r.journal.attempts.map((a) => a.id), ['a1']);
    assert.equal(r.repairs.length, 2, r.repairs.join('\n'));
    assert.match(r.repairs[0]!, /^\$\.people\[0\]\.email: left out \(must be an email address/);
  });

  it('refuses what holds no journal, and a newer version', () => {
    assert.equal(salvageJournal('text').ok, false);
    assert.equal(salvageJournal({ v: 2, data: { ...terryJournal(), version: 2 } }).ok, false);
  });

  it('counts and dates a backup', () => {
    assert.deepEqual(backupCounts({ v: 1, data: terryJournal() }), { skills: 2, people: 2, attempts: 1 });
    assert.deepEqual(backupCounts(42), { skills: 0, people: 0, attempts: 0 });
    assert.equal(backupTime('mentoring.journal.damaged.2026-11-26T12-00-05-123Z')?.toISOString(), '2026-11-26T12:00:05.123Z');
    assert.equal(backupTime('mentoring.journal.damaged.x'), undefined);
  });
});
