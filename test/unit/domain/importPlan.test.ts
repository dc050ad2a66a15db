import * as assert from 'node:assert/strict';
import { describeCounts, planImport } from '../../../src/domain/importPlan';
import { emptyJournal } from '../../../src/domain/journal';
import { attempt, terryJournal } from '../support/journals';

describe('import plans', () => {
  const current = terryJournal([attempt({ id: 'a1', text: 'mine' })]);
  const incoming = terryJournal([attempt({ id: 'a1', text: 'theirs' }), attempt({ id: 'a2' })]);

  it('merge adds new ids and keeps existing records as they are', () => {
    const r = planImport(current, incoming, 'merge');
    assert.ok(r.ok);
    assert.deepEqual(r.plan.added, { skills: 0, people: 0, attempts: 1 });
    assert.deepEqual(r.plan.skipped, { skills: 2, people: 2, attempts: 1 });
    assert.equal(r.plan.result.attempts.find((a) => a.id === 'a1')?.text, 'mine');
    assert.deepEqual(r.plan.result.attempts.map((a) => a.id), ['a1', 'a2']);
  });

  it('merge into an empty journal takes the aspiration and focus', () => {
    const r = planImport(emptyJournal(), incoming, 'merge');
    assert.ok(r.ok);
    assert.equal(r.plan.result.aspiration, incoming.aspiration);
    assert.equal(r.plan.result.focusSkillId, 's1');
  });

  it('replace makes the journal exactly the file and counts what goes', () => {
    const r = planImport(terryJournal([attempt({ id: 'old' })]), incoming, 'replace');
    assert.ok(r.ok);
    assert.equal(r.plan.result, incoming);
    assert.deepEqual(r.plan.removed, { skills: 0, people: 0, attempts: 1 });
    assert.deepEqual(r.plan.added, { skills: 0, people: 0, attempts: 2 });
  });

  it('describes counts in words', () => {
    assert.equal(describeCounts({ skills: 1, people: 2, attempts: 3 }), '3 attempts, 2 people, 1 skill');
    assert.equal(describeCounts({ skills: 0, people: 0, attempts: 0 }), 'nothing');
  });
});
