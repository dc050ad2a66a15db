import * as assert from 'node:assert/strict';
import { addDraft, referrerName } from '../../../src/domain/drafting';
import { makeId } from '../../../src/domain/ids';
import { emptyJournal, parseJournal } from '../../../src/domain/journal';
import { listInWords, renderRequest } from '../../../src/domain/templates';
import { ROBIN, TERRY, terryJournal } from '../../support/journals';

const NOW = new Date('2026-11-26T12:00:00Z');

describe('drafting a request', () => {
  it('renders a specific, bounded request from the precompiled template', () => {
    const text = renderRequest({
      personName: 'Terry Jones',
      aspiration: 'developing my leadership skills',
      skill: 'Financial acumen',
      evidence: "I've seen you present at the All Hands meeting, and you tell a compelling story about the financials",
      sessions: 3,
      timeframe: 'over the next six weeks',
      topics: ['our financial reports', 'turning numbers into a story', 'what someone at my level should do next'],
    });
    assert.match(text, /^Hi Terry,/);
    assert.match(text, /I am working on developing my leadership skills\. I've identified that I need further expertise in the area of financial acumen\./);
    assert.match(text, /financials\. *\n/);
    assert.match(text, /spend three sessions with me over the next six weeks, focusing on our financial reports, turning numbers into a story, and what someone at my level should do next\?/);
    assert.doesNotMatch(text, /mentor/i);
  });

  it('keeps text as typed (plain text output, no HTML entities) and ignores template syntax in input', () => {
    const text = renderRequest({ personName: 'Ana', aspiration: 'R&D leadership', skill: '{{constructor}}', evidence: '<b>x</b>', sessions: 1, timeframe: '', topics: ['a & b'] });
    assert.match(text, /R&D leadership/);
    assert.match(text, /\{\{constructor\}\}/);
    assert.match(text, /<b>x<\/b>/);
    assert.match(text, /spend one session with me, focusing on a & b\?/);
  });

  it('writes the evidence as a sentence of its own: a capital and a full stop, words cased on purpose kept', () => {
    const draft = (evidence: string) =>
      renderRequest({ personName: 'Marcus', aspiration: 'leading a team', skill: 'financial acumen', evidence, sessions: 3, timeframe: 'this quarter', topics: ['a', 'b'] });
    assert.match(draft('runs the finance guild'), /financial acumen\. Runs the finance guild\.\n/);
    assert.match(draft('Terry tells me you rebuilt the budget!'), /acumen\. Terry tells me you rebuilt the budget!\n/);
    assert.match(draft('iOS budgets are your thing'), /acumen\. iOS budgets are your thing\.\n/);
    assert.match(draft('élan in every review'), /acumen\. Élan in every review\.\n/);
  });

  it('lists topics in words', () => {
    assert.equal(listInWords(['a']), 'a');
    assert.equal(listInWords(['a', 'b']), 'a and b');
    assert.equal(listInWords(['a', 'b', 'c']), 'a, b, and c');
  });

  it('adds a draft for a new person and skill, and the result is a valid journal', () => {
    const r = addDraft(emptyJournal(), { skill: { name: 'Negotiation' }, person: { name: 'Kim', org: 'outside', seniority: 'peer', evidence: 'You closed the Acme deal.' }, sessions: 2, timeframe: 'in January', topics: ['x', 'y'] }, NOW);
    assert.ok(r.ok);
    const { journal, attempt } = r.value;
    assert.equal(attempt.status, 'draft');
    assert.deepEqual(attempt.events, [{ at: NOW.toISOString(), kind: 'created', detail: '' }]);
    assert.equal(journal.people[0]?.skillIds[0], journal.skills[0]?.id);
    assert.equal(journal.focusSkillId, journal.skills[0]?.id);
    assert.ok(parseJournal(JSON.parse(JSON.stringify(journal))).ok);
  });

  it('reuses existing people and skills and links the skill to the person', () => {
    const r = addDraft(terryJournal([]), { skill: { id: 's2' }, person: { id: 'p1' }, sessions: 3, timeframe: '', topics: [] }, NOW);
    assert.ok(r.ok);
    assert.deepEqual(r.value.journal.people.find((p) => p.id === 'p1')?.skillIds, ['s1', 's2']);
    assert.equal(r.value.journal.skills.length, 2);
  });

  it('refuses unknown ids and unbounded asks', () => {
    assert.equal(addDraft(terryJournal([]), { skill: { id: 'zz' }, person: { id: 'p1' }, sessions: 3, timeframe: '', topics: [] }, NOW).ok, false);
    assert.equal(addDraft(terryJournal([]), { skill: { id: 's1' }, person: { id: 'p9' }, sessions: 3, timeframe: '', topics: [] }, NOW).ok, false);
    assert.equal(addDraft(terryJournal([]), { skill: { id: 's1' }, person: { id: 'p1' }, sessions: 0, timeframe: '', topics: [] }, NOW).ok, false);
    assert.equal(addDraft(terryJournal([]), { skill: { id: 's1' }, person: { id: 'p1' }, sessions: 2.5, timeframe: '', topics: [] }, NOW).ok, false);
  });

  it('makes unique ids', () => {
    let n = 0;
    const seq = () => [0, 0, 0.5][n++] ?? 0.7;
    assert.notEqual(makeId('a', new Set([makeId('a', new Set(), () => 0)]), seq), 'a-000000');
  });
});

describe('drafting to someone who was suggested (issue 11, item 7)', () => {
  it('referrerName: the referrer\'s name, or nothing when nobody suggested them or the referrer has gone', () => {
    assert.equal(referrerName([TERRY, ROBIN], ROBIN), 'Terry');
    assert.equal(referrerName([TERRY, ROBIN], TERRY), undefined);
    assert.equal(referrerName([ROBIN], ROBIN), undefined, 'a referrer no longer in the journal');
    assert.equal(referrerName([TERRY], undefined), undefined);
  });

  it('addDraft to a referral says who suggested them; to anyone else it does not', () => {
    const j = terryJournal([]);
    const robin = addDraft(j, { skill: { id: 's2' }, person: { id: 'p2' }, sessions: 2, timeframe: 'this quarter', topics: ['openings', 'pauses'] }, NOW, () => 0.5);
    assert.ok(robin.ok);
    assert.match(robin.value.attempt.text, /^Hi Robin,\n\nTerry suggested I talk to you\. I am working on/);
    const terry = addDraft(j, { skill: { id: 's1' }, person: { id: 'p1' }, sessions: 2, timeframe: 'this quarter', topics: ['reports', 'stories'] }, NOW, () => 0.5);
    assert.ok(terry.ok);
    assert.doesNotMatch(terry.value.attempt.text, /suggested/);
  });
});
