import * as assert from 'node:assert/strict';
import { CATALOGUE, coverageHint, defaultFocus, focusSuggestion, MAX_PRIORITY, priorityOf, rankSkills, topArea, unratedLevels } from '../../../src/domain/assessment';
import type { Skill } from '../../../src/domain/journal';
import { terryJournal } from '../../support/journals';

function skill(name: string, current: number, importance: number, id = name.toLowerCase().replace(/\W+/g, '-')): Skill {
  return { id, name, current, importance, notes: '' };
}

const names = (ranked: { skill: { name: string } }[]) => ranked.map((r) => r.skill.name);

describe('assessment: the starter catalogue', () => {
  it('has about a dozen distinct areas, each with a one-line hint', () => {
    assert.ok(CATALOGUE.length >= 12 && CATALOGUE.length <= 16, `${CATALOGUE.length}`);
    assert.equal(new Set(CATALOGUE.map((c) => c.name.toLowerCase())).size, CATALOGUE.length);
    for (const c of CATALOGUE) {
      assert.ok(c.name.trim() === c.name && c.name.length > 3 && c.name.length <= 40, c.name);
      assert.ok(c.hint.length > 20 && c.hint.length <= 120 && !c.hint.includes('\n'), c.hint);
      assert.doesNotMatch(c.name + c.hint, /mentor/i);
    }
  });

  it('includes the areas the source and the brief name', () => {
    const all = new Set(CATALOGUE.map((c) => c.name));
    for (const n of ['Financial acumen', 'Public speaking', 'Leadership', 'Negotiation', 'System design', 'Writing', 'Stakeholder management', 'Giving feedback', 'Strategic thinking', 'Data analysis', 'Project management', 'Influencing without authority']) {
      assert.ok(all.has(n), n);
    }
  });
});

describe('assessment: priority and ranking', () => {
  it('priority = importance × (5 − current), 0–20', () => {
    assert.equal(priorityOf({ current: 1, importance: 5 }), 20);
    assert.equal(priorityOf({ current: 2, importance: 5 }), 15);
    assert.equal(priorityOf({ current: 5, importance: 5 }), 0);
    assert.equal(priorityOf({ current: 3, importance: 1 }), 2);
    for (let c = 1; c <= 5; c++) for (let i = 1; i <= 5; i++) assert.ok(priorityOf({ current: c, importance: i }) <= MAX_PRIORITY);
  });

  it('clamps levels that validation would have refused', () => {
    assert.equal(priorityOf({ current: 0, importance: 9 }), 20);
    assert.equal(priorityOf({ current: Number.NaN, importance: 2.6 }), 12);
  });

  it('ranks the journal of the source: financial acumen first', () => {
    const ranked = rankSkills(terryJournal().skills);
    assert.deepEqual(names(ranked), ['Financial acumen', 'Public speaking']);
    assert.deepEqual(ranked.map((r) => [r.priority, r.rank]), [[15, 1], [6, 2]]);
    assert.ok(ranked.every((r) => r.tieNote === undefined));
  });

  it('breaks a tie by higher importance, and says so on both', () => {
    // 4 × (5 − 2) = 12 and 3 × (5 − 1) = 12
    const ranked = rankSkills([skill('Writing', 1, 3), skill('Negotiation', 2, 4)]);
    assert.deepEqual(names(ranked), ['Negotiation', 'Writing']);
    assert.deepEqual(ranked.map((r) => r.priority), [12, 12]);
    assert.equal(ranked[0]!.tieNote, 'Tied with Writing at 12: matters more to you.');
    assert.equal(ranked[1]!.tieNote, 'Tied with Negotiation at 12: matters less to you.');
  });

  it('breaks a full tie alphabetically (ignoring case and accents), then by entry order', () => {
    const ranked = rankSkills([skill('writing', 2, 3, 'w'), skill('Écriture', 2, 3, 'e'), skill('Data analysis', 2, 3, 'd'), skill('Data Analysis', 2, 3, 'd2')]);
    assert.deepEqual(ranked.map((r) => r.skill.id), ['d', 'd2', 'e', 'w']);
    assert.deepEqual(ranked.map((r) => r.rank), [1, 2, 3, 4]);
    assert.equal(ranked[0]!.tieNote, 'Tied with Data Analysis at 9: same ratings, listed as entered.');
    assert.equal(ranked[1]!.tieNote, 'Tied with Data analysis at 9: same ratings, listed as entered.');
    assert.equal(ranked[2]!.tieNote, 'Tied with Data Analysis at 9: same ratings, listed by name.');
  });

  it('breaks a tie at priority 0 (mastered areas) by importance', () => {
    const ranked = rankSkills([skill('Writing', 5, 2), skill('Leadership', 5, 5)]);
    assert.deepEqual(names(ranked), ['Leadership', 'Writing']);
    assert.match(ranked[0]!.tieNote!, /matters more/);
  });

  it('never needs the "lower current" tie-break for valid levels: equal priority and importance mean equal levels', () => {
    for (let c1 = 1; c1 <= 5; c1++)
      for (let c2 = 1; c2 <= 5; c2++)
        for (let i = 1; i <= 5; i++) {
          if (priorityOf({ current: c1, importance: i }) === priorityOf({ current: c2, importance: i })) assert.equal(c1, c2);
        }
  });

  it('gives distinct ranks 1..n, keeps the input unchanged, and handles an empty list', () => {
    const skills = [skill('A', 3, 3), skill('B', 1, 5), skill('C', 4, 2), skill('D', 2, 2)];
    const copy = structuredClone(skills);
    const ranked = rankSkills(skills);
    assert.deepEqual(ranked.map((r) => r.rank), [1, 2, 3, 4]);
    assert.deepEqual(names(ranked), ['B', 'A', 'D', 'C']);
    assert.deepEqual(skills, copy);
    assert.deepEqual(rankSkills([]), []);
  });

  it('orders by priority, then importance, for every pair of levels', () => {
    const all: Skill[] = [];
    for (let c = 1; c <= 5; c++) for (let i = 1; i <= 5; i++) all.push(skill(`c${c}i${i}`, c, i));
    const ranked = rankSkills(all);
    for (let k = 1; k < ranked.length; k++) {
      const a = ranked[k - 1]!;
      const b = ranked[k]!;
      assert.ok(a.priority > b.priority || (a.priority === b.priority && a.skill.importance >= b.skill.importance), `${a.skill.name} before ${b.skill.name}`);
      if (a.priority === b.priority) assert.ok(a.tieNote && b.tieNote);
    }
  });

  it('keeps tie notes short (one line in the table)', () => {
    const all: Skill[] = [];
    for (let c = 1; c <= 5; c++) for (let i = 1; i <= 5; i++) all.push(skill(`Area c${c}i${i}`, c, i));
    for (const r of rankSkills(all)) if (r.tieNote) assert.ok(r.tieNote.length <= 60, r.tieNote);
  });

  it('ranks areas not rated yet last, in the order entered, with no tie notes', () => {
    const fresh = (name: string, unrated: unknown): Skill => ({ ...skill(name, 3, 3), unrated });
    const ranked = rankSkills([fresh('Writing', ['current', 'importance']), skill('Leadership', 4, 2), fresh('Negotiation', ['importance']), skill('Data', 2, 1), fresh('Old', 'not a list')]);
    assert.deepEqual(names(ranked), ['Old', 'Data', 'Leadership', 'Writing', 'Negotiation']);
    assert.deepEqual(ranked.map((r) => r.rated), [true, true, true, false, false]);
    assert.ok(ranked.slice(3).every((r) => r.tieNote === undefined));
    assert.deepEqual(unratedLevels({ unrated: ['importance', 'current', 'x'] }), ['current', 'importance']);
    assert.deepEqual(unratedLevels({}), [], 'journals before the field: rated');
    assert.equal(topArea([fresh('Writing', ['current'])]), null, 'nothing rated: no top area');
  });

  it('suggests a new focus only when the top of the ranking changes to an area that is not the focus', () => {
    const a = { ...skill('A', 2, 5), id: 'a' };
    const b = { ...skill('B', 3, 3), id: 'b' };
    assert.equal(focusSuggestion([a, b], [a, { ...b, current: 1, importance: 5 }], 'a')?.id, 'b');
    assert.equal(focusSuggestion([a, b], [a, { ...b, current: 1, importance: 5 }], 'b'), null, 'already the focus');
    assert.equal(focusSuggestion([a, b], [a, { ...b, current: 2 }], 'a'), null, 'the top did not change');
    assert.equal(focusSuggestion([a, b], [b], null)?.id, 'b', 'the focus removed: the new top is suggested');
  });

  it('defaults the focus to the top area, or null when there is nothing to develop', () => {
    assert.equal(defaultFocus(terryJournal().skills)?.id, 's1');
    assert.equal(defaultFocus([]), null);
    assert.equal(defaultFocus([skill('Writing', 5, 5)]), null);
  });
});

describe('assessment: coverage hint for the focus skill', () => {
  const inside = { org: 'inside' as const };
  const outside = { org: 'outside' as const };

  it('asks who is great at it when there is no one', () => {
    assert.equal(coverageHint([]), 'No one yet — who is great at this?');
  });

  it('asks for someone else, on the other side, when there is only one person', () => {
    const one = coverageHint([inside]);
    assert.match(one!, /^Only one person so far/);
    assert.match(one!, /who else is great at this\?/);
    assert.match(one!, /someone outside has no stake but your success/i);
    assert.match(coverageHint([outside])!, /Someone inside knows how things are done around here/);
  });

  it('suggests the other side when everyone is inside, or everyone outside', () => {
    assert.equal(coverageHint([inside, inside]), 'Everyone is inside your organisation: someone outside has no stake but your success.');
    assert.equal(coverageHint([outside, outside, outside]), 'Everyone is outside your organisation: someone inside knows how things are done around here.');
  });

  it('says nothing when there are several people, inside and outside', () => {
    assert.equal(coverageHint([inside, outside]), null);
    assert.equal(coverageHint(terryJournal().people), null);
  });
});
