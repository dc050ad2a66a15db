import * as assert from 'node:assert/strict';
import { parseJournal, type Journal, type Person } from '../../../src/domain/journal';
import { portfolio, portfolioWarnings } from '../../../src/domain/portfolio';
import { attempt, terryJournal } from '../../support/journals';

function person(id: string, org: 'inside' | 'outside', skillIds: string[], over: Partial<Person> = {}): Person {
  return { id, name: `Person ${id}`, org, seniority: 'peer', skillIds, evidence: '', referredBy: null, sponsor: false, ...over };
}

/** Financial acumen (focus, s1), Public speaking (s2), Writing (s3): ranks 1, 2, 3 by priority. */
function journalWith(people: Person[], attempts: Journal['attempts'] = [], focusSkillId: string | null = 's1'): Journal {
  const j = terryJournal(attempts);
  return {
    ...j,
    skills: [...j.skills, { id: 's3', name: 'Writing', current: 4, importance: 2, notes: '' }],
    focusSkillId,
    people,
  };
}

describe('portfolio', () => {
  it('counts identified, asked, accepted, inside/outside and sponsors per skill area', () => {
    const j = journalWith(
      [
        person('p1', 'inside', ['s1'], { name: 'Terry', sponsor: true }),
        person('p2', 'outside', ['s1', 's2'], { name: 'Robin' }),
        person('p3', 'inside', ['s1']),
        person('p4', 'outside', ['s2']),
      ],
      [
        attempt({ id: 'a1', personId: 'p1', status: 'accepted' }),
        attempt({ id: 'a2', personId: 'p2', status: 'declined' }),
        attempt({ id: 'a3', personId: 'p3', status: 'draft' }),
        attempt({ id: 'a4', personId: 'p4', skillId: 's2', status: 'completed' }),
        attempt({ id: 'a5', personId: 'p2', skillId: 's2', status: 'sent' }),
      ],
    );
    assert.ok(parseJournal(j).ok, 'the fixture is a valid journal');
    const rows = portfolio(j);
    assert.deepEqual(
      rows.map((r) => r.skill.id),
      ['s1', 's2', 's3'],
    );
    const [fin, speak, writing] = rows;
    assert.equal(fin!.focus, true);
    assert.equal(fin!.rank, 1);
    assert.equal(fin!.priority, 15);
    assert.deepEqual(fin!.identified.map((p) => p.id), ['p1', 'p2', 'p3']);
    assert.deepEqual(fin!.asked.map((p) => p.id), ['p1', 'p2'], 'a draft is not asked');
    assert.deepEqual(fin!.accepted.map((p) => p.id), ['p1']);
    assert.equal(fin!.inside, 2);
    assert.equal(fin!.outside, 1);
    assert.deepEqual(fin!.sponsors.map((p) => p.id), ['p1']);
    assert.deepEqual(fin!.warnings, []);

    assert.equal(speak!.focus, false);
    assert.deepEqual(speak!.identified.map((p) => p.id), ['p2', 'p4']);
    assert.deepEqual(speak!.asked.map((p) => p.id), ['p2', 'p4']);
    assert.deepEqual(speak!.accepted.map((p) => p.id), ['p4'], 'completed counts as a yes');
    assert.equal(speak!.inside, 0);
    assert.deepEqual(speak!.warnings, [], 'only the focus area gets warnings');

    assert.deepEqual(writing!.identified, []);
    assert.deepEqual(portfolioWarnings(j), []);
  });

  it('puts the focus area first, then the others by rank', () => {
    const j = journalWith([], [], 's3');
    assert.deepEqual(
      portfolio(j).map((r) => [r.skill.id, r.rank]),
      [
        ['s3', 3],
        ['s1', 1],
        ['s2', 2],
      ],
    );
  });

  it('counts someone asked about a skill as identified for it, even if their skillIds miss it', () => {
    const j = journalWith([person('p1', 'inside', [])], [attempt({ id: 'a1', personId: 'p1', status: 'sent' })]);
    const fin = portfolio(j)[0]!;
    assert.deepEqual(fin.identified.map((p) => p.id), ['p1']);
    assert.deepEqual(fin.asked.map((p) => p.id), ['p1']);
  });

  it('warns: nobody for the focus area', () => {
    const warnings = portfolioWarnings(journalWith([person('p4', 'outside', ['s2'])]));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^No one yet for your focus area, Financial acumen: who have you seen do it well\?/);
  });

  it("warns: only one person — don't rely on one mentor, and says which side to add", () => {
    const inside = portfolioWarnings(journalWith([person('p1', 'inside', ['s1'], { name: 'Terry' })]));
    assert.equal(inside.length, 1);
    assert.match(inside[0]!, /Only one person for Financial acumen so far \(Terry\): don't rely on one mentor/);
    assert.match(inside[0]!, /someone outside your organisation, whose only interest is your success/);
    const outside = portfolioWarnings(journalWith([person('p1', 'outside', ['s1'])]));
    assert.match(outside[0]!, /someone inside your organisation, who knows how things are done around here/);
  });

  it('warns: everyone on one side — keep some inside and some outside', () => {
    const allInside = portfolioWarnings(journalWith([person('p1', 'inside', ['s1']), person('p2', 'inside', ['s1'])]));
    assert.deepEqual(allInside.length, 1);
    assert.match(allInside[0]!, /^Everyone you have for Financial acumen is inside your organisation: keep some inside and some outside/);
    const allOutside = portfolioWarnings(journalWith([person('p1', 'outside', ['s1']), person('p2', 'outside', ['s1'])]));
    assert.match(allOutside[0]!, /^Everyone you have for Financial acumen is outside your organisation: keep some inside and some outside/);
    assert.deepEqual(portfolioWarnings(journalWith([person('p1', 'outside', ['s1']), person('p2', 'inside', ['s1'])])), []);
  });

  it('warns when no focus area is chosen, and says nothing about an empty journal', () => {
    assert.match(portfolioWarnings(journalWith([], [], null))[0]!, /^No focus area chosen yet/);
    assert.deepEqual(portfolioWarnings({ ...journalWith([]), skills: [], focusSkillId: null }), []);
    assert.deepEqual(portfolio({ ...journalWith([]), skills: [], focusSkillId: null }), []);
  });

  it('never uses the word "mentorship" and does not change its input', () => {
    const j = journalWith([person('p1', 'inside', ['s1'])], [attempt({ id: 'a1', personId: 'p1', status: 'sent' })]);
    const before = JSON.stringify(j);
    const all = [...portfolioWarnings(j), ...portfolioWarnings(journalWith([])), ...portfolioWarnings(journalWith([person('p1', 'inside', ['s1']), person('p2', 'inside', ['s1'])]))];
    for (const w of all) assert.doesNotMatch(w, /mentorship/i);
    portfolio(j);
    assert.equal(JSON.stringify(j), before);
  });
});
