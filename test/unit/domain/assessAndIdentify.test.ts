import * as assert from 'node:assert/strict';
import { addSkill, peopleFor, rateSkill, removeSkill, removeSkillForUndo, restoreSkill, savePerson, setAspiration, setFocus } from '../../../src/domain/assessAndIdentify';
import { emptyJournal, parseJournal, type Journal } from '../../../src/domain/journal';
import { terryJournal } from '../../support/journals';

/** Every refusal must leave the journal exactly as it was. */
function refusedUnchanged(j: Journal, r: { ok: boolean }, before: string): void {
  assert.equal(r.ok, false);
  assert.equal(JSON.stringify(j), before);
}

describe('builder edits to the journal', () => {
  it('sets the aspiration, tidying spaces; the same text returns the same journal', () => {
    const j = emptyJournal();
    const r = setAspiration(j, '  developing my   leadership skills ');
    assert.ok(r.ok);
    assert.equal(r.value.aspiration, 'developing my leadership skills');
    const again = setAspiration(r.value, 'developing my leadership skills');
    assert.ok(again.ok);
    assert.equal(again.value, r.value);
    const before = JSON.stringify(j);
    refusedUnchanged(j, setAspiration(j, 'x'.repeat(501)), before);
  });

  it('adds a skill area once (case-insensitive), and the first becomes the focus', () => {
    const r1 = addSkill(emptyJournal(), 'Financial acumen');
    assert.ok(r1.ok);
    assert.equal(r1.value.journal.focusSkillId, r1.value.skill.id);
    const r2 = addSkill(r1.value.journal, 'financial ACUMEN');
    assert.ok(r2.ok);
    assert.equal(r2.value.journal.skills.length, 1);
    const r3 = addSkill(r1.value.journal, 'Public speaking');
    assert.ok(r3.ok);
    assert.equal(r3.value.journal.focusSkillId, r1.value.skill.id, 'the focus stays');
    const before = JSON.stringify(r1.value.journal);
    refusedUnchanged(r1.value.journal, addSkill(r1.value.journal, '   '), before);
    refusedUnchanged(r1.value.journal, addSkill(r1.value.journal, 'x'.repeat(201)), before);
  });

  it('rates a skill 1–5 and refuses anything else', () => {
    const j = terryJournal();
    const r = rateSkill(j, 's2', 1, 5);
    assert.ok(r.ok);
    assert.deepEqual(r.value.skills.find((s) => s.id === 's2'), { id: 's2', name: 'Public speaking', current: 1, importance: 5, notes: '' });
    const before = JSON.stringify(j);
    for (const [c, i] of [[0, 3], [3, 6], [2.5, 3], [Number.NaN, 1]]) refusedUnchanged(j, rateSkill(j, 's2', c as number, i as number), before);
    refusedUnchanged(j, rateSkill(j, 'nope', 3, 3), before);
  });

  it('removes a skill area no attempt uses, dropping it from people and the focus', () => {
    const j = terryJournal();
    const before = JSON.stringify(j);
    refusedUnchanged(j, removeSkill(j, 's1'), before); // Terry's attempt uses it
    const r = removeSkill(j, 's2');
    assert.ok(r.ok);
    assert.deepEqual(r.value.skills.map((s) => s.id), ['s1']);
    assert.deepEqual(r.value.people.find((p) => p.id === 'p2')?.skillIds, []);
    const noAttempts = removeSkill(terryJournal([]), 's1');
    assert.ok(noAttempts.ok);
    assert.equal(noAttempts.value.focusSkillId, null);
  });

  it('adds a new area not rated yet (placeholder levels kept valid for older versions); rating each level clears it', () => {
    const r = addSkill(emptyJournal(), 'Writing');
    assert.ok(r.ok);
    assert.deepEqual(r.value.skill.unrated, ['current', 'importance']);
    assert.ok(parseJournal(JSON.parse(JSON.stringify(r.value.journal))).ok, 'still a valid journal');
    const id = r.value.skill.id;
    const one = rateSkill(r.value.journal, id, 3, undefined);
    assert.ok(one.ok);
    assert.deepEqual(one.value.skills[0]?.unrated, ['importance'], 'rating 3 (the placeholder) is a rating too');
    const both = rateSkill(one.value, id, undefined, 4);
    assert.ok(both.ok);
    assert.ok(!('unrated' in (both.value.skills[0] ?? {})));
    assert.equal(both.value.skills[0]?.importance, 4);
    const same = rateSkill(both.value, id, 3, 4);
    assert.ok(same.ok);
    assert.equal(same.value, both.value, 'no change, the same journal');
  });

  it('puts a removed skill area back exactly: its place, its people, the focus', () => {
    const j = terryJournal([]);
    const r = removeSkillForUndo(j, 's1');
    assert.ok(r.ok);
    assert.deepEqual(r.value.removed.people, [{ personId: 'p1', index: 0 }]);
    assert.equal(r.value.removed.wasFocus, true);
    const back = restoreSkill(r.value.journal, r.value.removed);
    assert.ok(back.ok);
    assert.deepEqual(back.value, j);
    const again = addSkill(r.value.journal, 'financial acumen');
    assert.ok(again.ok);
    const before = JSON.stringify(again.value.journal);
    refusedUnchanged(again.value.journal, restoreSkill(again.value.journal, r.value.removed), before);
  });

  it('sets the focus to a known skill only', () => {
    const j = terryJournal();
    const r = setFocus(j, 's2');
    assert.ok(r.ok);
    assert.equal(r.value.focusSkillId, 's2');
    refusedUnchanged(j, setFocus(j, 'zzz'), JSON.stringify(j));
  });

  it('adds a new person for the focus area, or updates the one with that id or name', () => {
    const j = terryJournal();
    const added = savePerson(j, { name: '  Amara  Okafor ', org: 'outside', seniority: 'peer', evidence: 'I read your article.' }, () => 0.5);
    assert.ok(added.ok);
    assert.equal(added.value.person.name, 'Amara Okafor');
    assert.deepEqual(added.value.person.skillIds, ['s1']);
    assert.equal(added.value.journal.people.length, 3);
    // Robin (p2, public speaking) becomes someone for the focus area too; evidence kept when left blank.
    const reused = savePerson(j, { id: 'p2', name: 'Robin Okafor', org: 'outside', seniority: 'peer', evidence: '' });
    assert.ok(reused.ok);
    assert.deepEqual(reused.value.person.skillIds, ['s2', 's1']);
    assert.deepEqual(peopleFor(reused.value.journal, 's1').map((p) => p.id), ['p1', 'p2']);
    const byName = savePerson(j, { name: 'terry', org: 'inside', seniority: 'senior', evidence: 'New evidence.' });
    assert.ok(byName.ok);
    assert.equal(byName.value.journal.people.length, 2);
    assert.equal(byName.value.person.evidence, 'New evidence.');
    // The result is still a valid journal.
    assert.ok(parseJournal(added.value.journal).ok);
  });

  it('refuses a person without a focus, a name, or with bad values — nothing changes', () => {
    const j = terryJournal();
    const before = JSON.stringify(j);
    refusedUnchanged(j, savePerson(j, { name: ' ', org: 'inside', seniority: 'senior', evidence: '' }), before);
    refusedUnchanged(j, savePerson(j, { name: 'A', org: 'elsewhere' as never, seniority: 'senior', evidence: '' }), before);
    refusedUnchanged(j, savePerson(j, { name: 'A', org: 'inside', seniority: 'boss' as never, evidence: '' }), before);
    refusedUnchanged(j, savePerson(j, { id: 'ghost', name: 'A', org: 'inside', seniority: 'peer', evidence: '' }), before);
    const noFocus = { ...j, focusSkillId: null };
    refusedUnchanged(noFocus, savePerson(noFocus, { name: 'A', org: 'inside', seniority: 'peer', evidence: '' }), JSON.stringify(noFocus));
  });
});
