import * as assert from 'node:assert/strict';
import { LIMITS, parseJournal } from '../../../src/domain/journal';
import { recordResponse } from '../../../src/domain/responses';
import { logSession, markSponsor, planSessions, readPlan, sessionPlan, spreadTopics } from '../../../src/domain/sessions';
import { attempt, terryJournal } from '../../support/journals';
import { ALL_STATUSES, inStatus, NOW, snapshot } from './statusFixtures';

describe('sessions: planning', () => {
  it('spreads topics over the sessions in order', () => {
    assert.deepEqual(spreadTopics(['a', 'b', 'c'], 3), [['a'], ['b'], ['c']]);
    assert.deepEqual(spreadTopics(['a', 'b', 'c', 'd', 'e'], 3), [['a', 'b'], ['c', 'd'], ['e']]);
    assert.deepEqual(spreadTopics(['a', 'b'], 3), [['a'], ['b'], []], 'the last session is for review');
    assert.deepEqual(spreadTopics([], 2), [[], []]);
    assert.deepEqual(spreadTopics(['a', 'b', 'c'], 1), [['a', 'b', 'c']]);
    assert.deepEqual(spreadTopics([' a ', '', 'b'], 2), [['a'], ['b']]);
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    assert.deepEqual(spreadTopics(ten, 6).map((g) => g.length), [2, 2, 2, 2, 1, 1]);
    assert.deepEqual(spreadTopics(ten, 6).flat(), ten, 'every topic once, in order');
  });

  it('writes an agenda per session: opening, topics or review, closing', () => {
    const journal = terryJournal([attempt({ id: 'a1', status: 'accepted', ask: { sessions: 3, minutesPerSession: 45, timeframe: '', topics: ['reports', 'story'] } })]);
    const plan = planSessions(journal, journal.attempts[0]!);
    assert.equal(
      plan[0]!.agenda,
      'Session 1 of 3 with Terry — financial acumen (45 minutes)\n\n- Where I am with financial acumen today, and what I hope to take away from our sessions\n- reports\n- One thing to try before our next session\n',
    );
    assert.equal(
      plan[2]!.agenda,
      'Session 3 of 3 with Terry — financial acumen (45 minutes)\n\n- What I tried since our last session, and how it went\n- My open questions so far, and anything you would add\n- What I should keep working on after our sessions\n',
    );
    for (const p of plan) assert.doesNotMatch(p.agenda, /mentor/i);
  });

  it('agendas keep hostile topics and names as text', () => {
    const journal = terryJournal([attempt({ id: 'a1', status: 'accepted', ask: { sessions: 1, minutesPerSession: 45, timeframe: '', topics: ['<script>x</script>', '{{@root}}'] } })]);
    journal.people[0]!.name = 'constructor';
    const [only] = planSessions(journal, journal.attempts[0]!);
    assert.match(only!.agenda, /^Session 1 of 1 with constructor — /);
    assert.match(only!.agenda, /\n- <script>x<\/script>\n- \{\{@root\}\}\n/);
    assert.match(only!.agenda, /What I should keep working on after our sessions/);
  });

  it('reads a stored plan only when it is well-formed, otherwise plans afresh', () => {
    const base = inStatus('accepted');
    const a = base.attempts[0]!;
    assert.equal(readPlan(a), null);
    const fresh = sessionPlan(base, 'a1');
    assert.ok(fresh.ok);
    assert.equal(fresh.value.length, 3);
    for (const bad of [{}, [], 'x', [{ n: 1, topics: [], agenda: '' }], [1, 2, 3], [{ n: 2, topics: [], agenda: '' }, { n: 2, topics: [], agenda: '' }, { n: 3, topics: [], agenda: '' }], [{ n: 1, topics: [5], agenda: '' }, { n: 2, topics: [], agenda: '' }, { n: 3, topics: [], agenda: '' }]]) {
      assert.equal(readPlan({ ...a, plan: bad }), null, JSON.stringify(bad));
    }
    const own = [1, 2, 3].map((n) => ({ n, topics: [`t${n}`], agenda: `my agenda ${n}` }));
    const stored = { ...base, attempts: [{ ...a, plan: own }] };
    const r = sessionPlan(stored, 'a1');
    assert.deepEqual(r.ok && r.value, own);
    assert.equal(sessionPlan(base, 'nope').ok, false);
  });
});

describe('sessions: logging', () => {
  for (const status of ALL_STATUSES) {
    if (status === 'accepted') continue;
    it(`refuses to log a session on a ${status} attempt, changing nothing`, () => {
      const journal = inStatus(status);
      const before = snapshot(journal);
      const r = logSession(journal, 'a1', 'notes', NOW);
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.reason, new RegExp(`^The attempt is ${status}: `));
      assert.equal(snapshot(journal), before);
    });
  }

  it('counts sessions up to N of N, then completes the attempt and offers the thank-you', () => {
    const yes = recordResponse(inStatus('sent'), { attemptId: 'a1', response: 'yes' }, NOW);
    assert.ok(yes.ok);
    let journal = yes.value.journal;
    const seen: [number, boolean, number | null][] = [];
    for (let i = 1; i <= 3; i++) {
      const before = snapshot(journal);
      const r = logSession(journal, 'a1', `  notes ${i}  `, new Date(NOW.getTime() + i * 86_400_000));
      assert.ok(r.ok, r.ok ? '' : r.reason);
      assert.equal(snapshot(journal), before, 'the input is never mutated');
      seen.push([r.value.attempt.sessionsDone, r.value.completed, r.value.next?.n ?? null]);
      journal = r.value.journal;
      assert.ok(parseJournal(JSON.parse(JSON.stringify(journal))).ok);
    }
    assert.deepEqual(seen, [[1, false, 2], [2, false, 3], [3, true, null]]);
    const done = journal.attempts[0]!;
    assert.equal(done.status, 'completed');
    assert.deepEqual(done.events.slice(-3).map((e) => [e.kind, e.detail]), [['session', 'notes 2'], ['session', 'notes 3'], ['completed', '']]);
    const after = logSession(journal, 'a1', '', NOW);
    assert.match(after.ok ? '' : after.reason, /completed: all its sessions are logged already/);
  });

  it('returns the next session\'s agenda from the stored plan', () => {
    const yes = recordResponse(inStatus('sent'), { attemptId: 'a1', response: 'yes' }, NOW);
    assert.ok(yes.ok);
    const r = logSession(yes.value.journal, 'a1', undefined, NOW);
    assert.ok(r.ok);
    assert.match(r.value.next?.agenda ?? '', /^Session 2 of 3 with Terry/);
    assert.deepEqual(r.value.attempt.events.at(-1), { at: NOW.toISOString(), kind: 'session', detail: '' });
  });

  it('a one-session ask completes on its first session', () => {
    const journal = terryJournal([attempt({ id: 'a1', status: 'accepted', ask: { sessions: 1, minutesPerSession: 45, timeframe: '', topics: [] } })]);
    const r = logSession(journal, 'a1', 'great', NOW);
    assert.ok(r.ok);
    assert.equal(r.value.completed, true);
    assert.equal(r.value.attempt.sessionsDone, 1);
  });

  it('never counts past the sessions asked for (an edited ask)', () => {
    const journal = inStatus('accepted', { id: 'a1', sessionsDone: 3 });
    const r = logSession(journal, 'a1', '', NOW);
    assert.ok(r.ok);
    assert.equal(r.value.attempt.sessionsDone, 3);
    assert.equal(r.value.attempt.status, 'completed');
  });

  it('refuses notes over the limit, unknown ids, bad times and a full event list', () => {
    const journal = inStatus('accepted');
    const before = snapshot(journal);
    assert.match(((r) => (r.ok ? '' : r.reason))(logSession(journal, 'a1', 'x'.repeat(LIMITS.longText + 1), NOW)), /at most 20000 characters/);
    assert.match(((r) => (r.ok ? '' : r.reason))(logSession(journal, 'zz', '', NOW)), /No outreach attempt has the id "zz"/);
    assert.match(((r) => (r.ok ? '' : r.reason))(logSession(journal, 'a1', 7 as unknown as string, NOW)), /must be text/);
    assert.match(((r) => (r.ok ? '' : r.reason))(logSession(journal, 'a1', '', new Date(NaN))), /not a valid date/);
    assert.equal(snapshot(journal), before);
    const events = Array.from({ length: LIMITS.eventsPerAttempt - 1 }, () => ({ at: '2026-11-17T10:00:00.000Z', kind: 'sent', detail: '' }));
    const nearlyFull = inStatus('accepted', { id: 'a1', sessionsDone: 2, events });
    assert.match(((r) => (r.ok ? '' : r.reason))(logSession(nearlyFull, 'a1', '', NOW)), /most a journal keeps/, 'completing needs two events');
  });
});

describe('sessions: sponsors', () => {
  it('marks and unmarks a sponsor, without mutating the input', () => {
    const journal = terryJournal();
    const before = snapshot(journal);
    const on = markSponsor(journal, 'p1', true);
    assert.ok(on.ok);
    assert.equal(on.value.person.sponsor, true);
    assert.equal(on.value.journal.people.find((p) => p.id === 'p1')?.sponsor, true);
    assert.equal(snapshot(journal), before);
    const off = markSponsor(on.value.journal, 'p1', false);
    assert.ok(off.ok);
    assert.equal(off.value.person.sponsor, false);
    const same = markSponsor(journal, 'p1', false);
    assert.ok(same.ok);
    assert.equal(same.value.journal, journal, 'no change, same journal');
  });

  it('refuses unknown people and non-boolean values', () => {
    assert.match(((r) => (r.ok ? '' : r.reason))(markSponsor(terryJournal(), 'p9', true)), /No person has the id "p9"/);
    assert.match(((r) => (r.ok ? '' : r.reason))(markSponsor(terryJournal(), 'p1', 'yes' as unknown as boolean)), /true or false/);
  });
});
