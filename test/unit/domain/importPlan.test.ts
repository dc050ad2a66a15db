import * as assert from 'node:assert/strict';
import { describeCounts, planImport } from '../../../src/domain/importPlan';
import { emptyJournal } from '../../../src/domain/journal';
import { attempt, terryJournal } from '../../support/journals';

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

  describe('merge by identity, not by accident (issue 9.5)', () => {
    const alex = { id: 'p1', name: 'Alex Kim', org: 'outside' as const, seniority: 'peer' as const, skillIds: ['s1'], evidence: '', referredBy: null, sponsor: false };

    it('a record whose id is taken by a different record gets a fresh id, and the file\'s references follow it', () => {
      const file = {
        ...terryJournal([attempt({ id: 'a1', personId: 'p1', text: 'to Alex', events: [{ at: '2026-10-01T09:00:00.000Z', kind: 'created', detail: '' }] })]),
        people: [alex, { id: 'p7', name: 'Jun Park', org: 'inside' as const, seniority: 'senior' as const, skillIds: ['s1'], evidence: '', referredBy: 'p1', sponsor: false }],
      };
      const r = planImport(current, file, 'merge', () => 0.5);
      assert.ok(r.ok, !r.ok ? r.reason : '');
      const result = r.plan.result;
      const newAlex = result.people.find((p) => p.name === 'Alex Kim');
      assert.ok(newAlex && newAlex.id !== 'p1');
      assert.equal(result.people.find((p) => p.id === 'p1')?.name, 'Terry');
      const toAlex = result.attempts.find((a) => a.text === 'to Alex');
      assert.ok(toAlex && toAlex.id !== 'a1', 'the attempt for Alex is not Terry\'s a1');
      assert.equal(toAlex.personId, newAlex.id);
      assert.equal(result.people.find((p) => p.name === 'Jun Park')?.referredBy, newAlex.id);
      assert.equal(result.attempts.find((a) => a.id === 'a1')?.text, 'mine');
      assert.deepEqual(r.plan.renamed, { skills: 0, people: 1, attempts: 1 });
      assert.deepEqual(r.plan.added, { skills: 0, people: 2, attempts: 1 });
      assert.deepEqual(r.plan.skipped, { skills: 2, people: 0, attempts: 0 });
    });

    it('the same records are recognised as the same: importing the journal into itself adds nothing', () => {
      const r = planImport(current, current, 'merge');
      assert.ok(r.ok);
      assert.deepEqual(r.plan.added, { skills: 0, people: 0, attempts: 0 });
      assert.deepEqual(r.plan.renamed, { skills: 0, people: 0, attempts: 0 });
      assert.deepEqual(r.plan.result, current);
    });

    it('a clashing skill is renamed and the focus and people follow it', () => {
      const file = { ...terryJournal([]), skills: [{ id: 's1', name: 'Negotiation', current: 1, importance: 5, notes: '' }], people: [{ ...alex, skillIds: ['s1'] }], focusSkillId: 's1' };
      const r = planImport({ ...emptyJournal(), skills: [{ id: 's1', name: 'Financial acumen', current: 2, importance: 5, notes: '' }] }, file, 'merge');
      assert.ok(r.ok, !r.ok ? r.reason : '');
      const negotiation = r.plan.result.skills.find((s) => s.name === 'Negotiation');
      assert.ok(negotiation && negotiation.id !== 's1');
      assert.equal(r.plan.result.focusSkillId, negotiation.id);
      assert.deepEqual(r.plan.result.people[0]?.skillIds, [negotiation.id]);
    });
  });
});
