import * as assert from 'node:assert/strict';
import { LATER_QUESTION, REFERRAL_QUESTION } from '../../../src/domain/followUps';
import { LIMITS, parseJournal, type AttemptStatus, type Journal } from '../../../src/domain/journal';
import { recordResponse, RESPONSES, type ResponseInput, type ResponseKind } from '../../../src/domain/responses';
import { allowedActions } from '../../../src/domain/actions';
import { describeAttempt, groupAttempts } from '../../../src/domain/outreach';
import { portfolio } from '../../../src/domain/portfolio';
import { readPlan } from '../../../src/domain/sessions';
import { attempt, terryJournal } from '../../support/journals';
import { ALL_STATUSES, inStatus, NOW, snapshot } from './statusFixtures';

/** A fixed sequence, so new ids are predictable. */
function seeded(seed = 1): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

function input(response: ResponseKind): ResponseInput {
  if (response === 'later') return { attemptId: 'a1', response, askAgainOn: '2027-01-15' };
  if (response === 'referral') return { attemptId: 'a1', response, referral: { name: 'Kim Lee' } };
  return { attemptId: 'a1', response };
}

function roundTrips(journal: Journal): Journal {
  const parsed = parseJournal(JSON.parse(JSON.stringify(journal)));
  assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.errors));
  return parsed.journal;
}

/** What each response does to an attempt in each status; undefined = refused. */
const EXPECTED: Record<ResponseKind, Partial<Record<AttemptStatus, AttemptStatus>>> = {
  yes: { sent: 'accepted', deferred: 'accepted' },
  no: { sent: 'declined', deferred: 'declined' },
  later: { sent: 'deferred', declined: 'deferred' },
  referral: { sent: 'declined', declined: 'declined', deferred: 'deferred', accepted: 'accepted', completed: 'completed' },
};

describe('recordResponse: every status × every response', () => {
  for (const response of RESPONSES) {
    for (const status of ALL_STATUSES) {
      const to = EXPECTED[response][status];
      it(`${response} on ${status} → ${to ?? 'refused, nothing changed'}`, () => {
        const journal = inStatus(status);
        const before = snapshot(journal);
        const r = recordResponse(journal, input(response), NOW, seeded());
        assert.equal(snapshot(journal), before, 'the input is never mutated');
        if (to === undefined) {
          assert.equal(r.ok, false);
          assert.ok(!r.ok && r.reason.length > 10, 'a human reason');
          return;
        }
        assert.ok(r.ok, r.ok ? '' : r.reason);
        const { attempt: answered } = r.value;
        assert.equal(answered.status, to);
        const last = answered.events.at(-1);
        assert.equal(last?.kind, 'response');
        assert.equal(last?.at, NOW.toISOString());
        assert.match(last?.detail ?? '', new RegExp(`^${response === 'yes' ? 'yes' : response === 'no' ? 'no' : response === 'later' ? 'later: 2027-01-15' : 'referral: Kim Lee'}$`));
        assert.equal(answered.events.length, journal.attempts[0]!.events.length + 1);
        roundTrips(r.value.journal);
      });
    }
  }

  it('refuses a draft with a hint to send it first; a deferred one takes an early yes or no, not a second "later"', () => {
    const draft = recordResponse(inStatus('draft'), input('yes'), NOW);
    assert.match(draft.ok ? '' : draft.reason, /request to Terry has not been sent yet: mark it as sent/);
    const early = recordResponse(inStatus('deferred'), input('yes'), NOW);
    assert.ok(early.ok, 'Terry wrote back before the agreed date: "yes, let\'s start"');
    assert.equal(early.ok && early.value.attempt.askAgainOn, null, 'no date to ask again any more');
    const deferred = recordResponse(inStatus('deferred'), input('later'), NOW);
    assert.match(deferred.ok ? '' : deferred.reason, /deferred until 15 Dec already: ask again on that date/);
    const reopened = recordResponse(inStatus('declined'), { ...input('later'), askAgainOn: '2027-03-01' }, NOW);
    assert.ok(reopened.ok, 'a no can become a later after the follow-up question');
    assert.equal(reopened.ok && reopened.value.attempt.status, 'deferred');
    const final = recordResponse(inStatus('declined'), input('yes'), NOW);
    assert.match(final.ok ? '' : final.reason, /declined, which is final/);
    const again = recordResponse(inStatus('accepted'), input('yes'), NOW);
    assert.match(again.ok ? '' : again.reason, /already accepted/);
  });
});

describe('recordResponse: yes', () => {
  it('accepts and plans the sessions from the ask, stored as attempt.plan that survives a round trip', () => {
    const journal = terryJournal([
      attempt({
        id: 'a1',
        status: 'sent',
        ask: { sessions: 3, minutesPerSession: 45, timeframe: 'over the next six weeks', topics: ['our financial reports', 'numbers into a story', 'budgets', 'forecasts', 'what to do next'] },
      }),
    ]);
    const r = recordResponse(journal, { attemptId: 'a1', response: 'yes' }, NOW);
    assert.ok(r.ok);
    const plan = readPlan(r.value.attempt);
    assert.ok(plan);
    assert.deepEqual(
      plan.map((p) => [p.n, p.topics]),
      [
        [1, ['our financial reports', 'numbers into a story']],
        [2, ['budgets', 'forecasts']],
        [3, ['what to do next']],
      ],
    );
    assert.match(plan[0]!.agenda, /^Session 1 of 3 with Terry — financial acumen \(45 minutes\)\n\n- Where I am with financial acumen today/);
    assert.match(plan[0]!.agenda, /\n- our financial reports\n- numbers into a story\n- One thing to try before our next session\n$/);
    assert.match(plan[2]!.agenda, /- What I should keep working on after our sessions\n$/);
    assert.equal(r.value.attempt.sessionsDone, 0);

    const reread = roundTrips(r.value.journal);
    assert.deepEqual(reread.attempts[0]?.plan, r.value.attempt.plan, 'unknown fields are kept by parseJournal');
    assert.deepEqual(readPlan(reread.attempts[0]!), plan);
  });

  it('uses the user\'s agenda template when given one', () => {
    const r = recordResponse(inStatus('sent'), input('yes'), NOW, Math.random, {
      templates: { sessionAgenda: (c) => `#${(c as { n: number }).n}: ${(c as { topics: string[] }).topics.join('+')}` },
    });
    assert.ok(r.ok);
    assert.deepEqual(readPlan(r.value.attempt)?.map((p) => p.agenda), ['#1: reading our financial reports\n', '#2: turning numbers into a story\n', '#3: \n'.trim() + '\n']);
  });

  it('reports a failing user template as a reason, changing nothing', () => {
    const journal = inStatus('sent');
    const before = snapshot(journal);
    const r = recordResponse(journal, input('yes'), NOW, Math.random, {
      templates: {
        sessionAgenda: () => {
          throw new Error('boom');
        },
      },
    });
    assert.match(r.ok ? '' : r.reason, /sessionAgenda template failed: boom/);
    assert.equal(snapshot(journal), before);
  });
});

describe('recordResponse: no and later', () => {
  it('declines on a no, and exports the method\'s two follow-up questions', () => {
    const r = recordResponse(inStatus('sent'), input('no'), NOW);
    assert.ok(r.ok);
    assert.equal(r.value.attempt.status, 'declined');
    assert.equal(LATER_QUESTION, 'Is it a busy time — might you be willing later? If so, when?');
    assert.equal(REFERRAL_QUESTION, 'Is there anyone else you would recommend I approach?');
    assert.doesNotMatch(LATER_QUESTION + REFERRAL_QUESTION, /mentor/i);
  });

  it('after a no the attempt stays actionable: the two questions are its next step, under "After a no" (issue 11, item 6)', () => {
    const r = recordResponse(inStatus('sent'), input('no'), NOW);
    assert.ok(r.ok);
    const can = allowedActions(r.value.attempt);
    assert.deepEqual([can.askAfterNo, can.dismiss, can.followUps], [true, true, ['later', 'referral']]);
    const info = describeAttempt(r.value.attempt, { today: '2026-11-26', nudgeAfterDays: 7 });
    assert.deepEqual([info.due, info.step, info.nextStep], [false, { kind: 'askAfterNo' }, 'ask: later? anyone else?']);
    assert.deepEqual(groupAttempts(r.value.journal, { today: '2026-11-26', nudgeAfterDays: 7 }).afterNo.map((v) => v.attempt.id), ['a1']);
    // A referral that answers the request ("not me — ask Kim") answered "anyone else?" already: closed, not asked again.
    const referred = recordResponse(inStatus('sent'), input('referral'), NOW);
    assert.ok(referred.ok);
    assert.equal(describeAttempt(referred.value.attempt, { today: '2026-11-26', nudgeAfterDays: 7 }).step.kind, 'referred');
    assert.equal(allowedActions(referred.value.attempt).askAfterNo, false);
  });

  it('defers to a date after today, also given as a phrase', () => {
    const r = recordResponse(inStatus('sent'), { attemptId: 'a1', response: 'later', askAgainOn: '15 Jan' }, NOW);
    assert.ok(r.ok);
    assert.equal(r.value.attempt.status, 'deferred');
    assert.equal(r.value.attempt.askAgainOn, '2027-01-15');
    assert.equal(r.value.attempt.events.at(-1)?.detail, 'later: 2027-01-15');
  });

  it('refuses a missing, malformed, past or today\'s date, changing nothing', () => {
    const journal = inStatus('sent');
    const before = snapshot(journal);
    const cases: [unknown, RegExp][] = [
      [undefined, /needs the date to ask Terry again/],
      [null, /needs the date/],
      ['  ', /needs the date/],
      ['2027-02-30', /not a date in the calendar/],
      ['2026-11-01', /not after today/],
      ['whenever', /Could not read "whenever"/],
      [20270115, /must be a date/],
    ];
    for (const [askAgainOn, why] of cases) {
      const r = recordResponse(journal, { attemptId: 'a1', response: 'later', askAgainOn } as ResponseInput, NOW);
      assert.match(r.ok ? '' : r.reason, why, String(askAgainOn));
    }
    assert.equal(snapshot(journal), before);
  });
});

describe('recordResponse: referral', () => {
  it('adds the referred person and a draft request for the same skill and ask; the sent attempt is declined', () => {
    const journal = inStatus('sent');
    const r = recordResponse(journal, { attemptId: 'a1', response: 'referral', referral: { name: '  Kim \n Lee ' } }, NOW, seeded(7));
    assert.ok(r.ok);
    const { created, attempt: answered } = r.value;
    assert.ok(created);
    assert.equal(answered.status, 'declined');
    assert.deepEqual(
      { ...created.person, id: 'x' },
      { id: 'x', name: 'Kim Lee', org: 'inside', seniority: 'senior', skillIds: ['s1'], evidence: '', referredBy: 'p1', sponsor: false },
    );
    assert.equal(created.attempt.personId, created.person.id);
    assert.equal(created.attempt.skillId, 's1');
    assert.equal(created.attempt.status, 'draft');
    assert.deepEqual(created.attempt.ask, journal.attempts[0]!.ask);
    assert.deepEqual(created.attempt.events, [{ at: NOW.toISOString(), kind: 'created', detail: 'referred by Terry' }]);
    // Who suggested them is said by the request (the template's referredBy), not made up as evidence.
    assert.match(created.attempt.text, /^Hi Kim,\n\nTerry suggested I talk to you\. I am working on developing my leadership skills\. I've identified that I need further expertise in the area of financial acumen\.\n/);
    assert.match(created.attempt.text, /spend three 45-minute sessions with me over the next six weeks, focusing on reading our financial reports and turning numbers into a story\?/);
    assert.doesNotMatch(created.attempt.text, /mentor/i);
    const reread = roundTrips(r.value.journal);
    assert.equal(reread.people.length, 3);
    assert.equal(reread.attempts.length, 2);
    // Deterministic ids from the injected random source, unique in the journal.
    const again = recordResponse(journal, { attemptId: 'a1', response: 'referral', referral: { name: 'Kim Lee' } }, NOW, seeded(7));
    assert.ok(again.ok);
    assert.equal(again.value.created?.person.id, created.person.id);
  });

  it('keeps the status of an attempt already answered, adding the event', () => {
    const r = recordResponse(inStatus('declined'), input('referral'), NOW);
    assert.ok(r.ok);
    assert.equal(r.value.attempt.status, 'declined');
    assert.equal(r.value.attempt.events.at(-1)?.detail, 'referral: Kim Lee');
  });

  it('takes the evidence, org and seniority given', () => {
    const r = recordResponse(
      inStatus('sent'),
      { attemptId: 'a1', response: 'referral', referral: { name: 'Kim', evidence: 'Terry says you rebuilt the budget process', org: 'outside', seniority: 'peer' } },
      NOW,
    );
    assert.ok(r.ok);
    const person = r.value.created!.person;
    assert.deepEqual([person.org, person.seniority, person.evidence], ['outside', 'peer', 'Terry says you rebuilt the budget process']);
    assert.match(r.value.created!.attempt.text, /^Hi Kim,\n\nTerry suggested I talk to you\. I am working on .* financial acumen\. Terry says you rebuilt the budget process\.\n/);
  });

  it('the referral\'s inside/outside and seniority reach the Portfolio as given (never "inside · senior" by default when asked)', () => {
    for (const [org, seniority] of [['outside', 'junior'], ['inside', 'manager'], ['outside', 'senior']] as const) {
      const r = recordResponse(inStatus('sent'), { attemptId: 'a1', response: 'referral', referral: { name: 'Marcus Chen', org, seniority } }, NOW);
      assert.ok(r.ok);
      const marcus = portfolio(r.value.journal)[0]!.identified.find((p) => p.name === 'Marcus Chen');
      assert.deepEqual([marcus?.org, marcus?.seniority], [org, seniority]);
      const row = portfolio(r.value.journal)[0]!;
      assert.equal(row.outside, org === 'outside' ? 1 : 0, 'Terry is inside; Marcus counts where he works');
    }
    // null (an argument that says "not given") takes the defaults, as leaving the field out does.
    const r = recordResponse(inStatus('sent'), { attemptId: 'a1', response: 'referral', referral: { name: 'Marcus', evidence: null, org: null, seniority: null } }, NOW);
    assert.ok(r.ok);
    assert.deepEqual([r.value.created!.person.org, r.value.created!.person.seniority, r.value.created!.person.evidence], ['inside', 'senior', '']);
  });

  it('the draft says who suggested the contact, with the referrer\'s full name, and a user template sees referredBy', () => {
    const journal = inStatus('sent');
    journal.people[0]!.name = 'Terry Lindqvist';
    const r = recordResponse(journal, { attemptId: 'a1', response: 'referral', referral: { name: 'Marcus Chen', evidence: 'Terry tells me you rebuilt the month-end close in a quarter.' } }, NOW);
    assert.ok(r.ok);
    assert.match(r.value.created!.attempt.text, /^Hi Marcus,\n\nTerry Lindqvist suggested I talk to you\. I am working on .*\. Terry tells me you rebuilt the month-end close in a quarter\.\n\nWould you be willing/);
    const own = recordResponse(journal, { attemptId: 'a1', response: 'referral', referral: { name: 'Marcus Chen' } }, NOW, Math.random, {
      templates: { request: (c) => `Hi ${(c as { firstName: string }).firstName}, ${(c as { referredBy: string }).referredBy} sent me.` },
    });
    assert.ok(own.ok);
    assert.equal(own.value.created!.attempt.text, 'Hi Marcus, Terry Lindqvist sent me.\n');
  });

  it('uses the user\'s request template for the new draft', () => {
    const r = recordResponse(inStatus('sent'), input('referral'), NOW, Math.random, { templates: { request: (c) => `Dear ${(c as { personName: string }).personName}` } });
    assert.ok(r.ok);
    assert.equal(r.value.created?.attempt.text, 'Dear Kim Lee\n');
  });

  it('refuses a missing, empty or too long name and bad fields, changing nothing', () => {
    const journal = inStatus('sent');
    const before = snapshot(journal);
    const cases: [unknown, RegExp][] = [
      [undefined, /needs the name of the person Terry recommended/],
      [null, /needs the name/],
      [{}, /needs the name/],
      [{ name: '   ' }, /needs the name/],
      [{ name: 42 }, /needs the name/],
      [{ name: 'x'.repeat(LIMITS.name + 1) }, /at most 200 characters/],
      [{ name: 'Kim', evidence: 'x'.repeat(LIMITS.longText + 1) }, /evidence must be at most/],
      [{ name: 'Kim', org: 'elsewhere' }, /org must be inside or outside/],
      [{ name: 'Kim', seniority: 'boss' }, /seniority must be one of/],
    ];
    for (const [referral, why] of cases) {
      const r = recordResponse(journal, { attemptId: 'a1', response: 'referral', referral } as ResponseInput, NOW);
      assert.match(r.ok ? '' : r.reason, why, JSON.stringify(referral));
    }
    assert.equal(snapshot(journal), before);
    assert.ok(recordResponse(journal, { attemptId: 'a1', response: 'referral', referral: { name: 'x'.repeat(LIMITS.name) } }, NOW).ok, 'exactly the limit is fine');
  });

  it('keeps hostile names as text', () => {
    for (const name of ['__proto__', 'constructor', '<script>alert(1)</script>', '{{firstName}}']) {
      const r = recordResponse(inStatus('sent'), { attemptId: 'a1', response: 'referral', referral: { name } }, NOW);
      assert.ok(r.ok, name);
      assert.equal(r.value.created?.person.name, name);
      assert.ok(r.value.created?.attempt.text.startsWith(`Hi ${name},\n`), r.value.created?.attempt.text);
      assert.equal(Object.getPrototypeOf(r.value.created?.person), Object.prototype);
      roundTrips(r.value.journal);
    }
  });
});

describe('recordResponse: bad input changes nothing', () => {
  it('refuses unknown attempts, unknown responses and mismatched fields with a reason', () => {
    const journal = inStatus('sent');
    const before = snapshot(journal);
    const cases: [unknown, RegExp][] = [
      [null, /Give the attempt and the response/],
      ['a1', /Give the attempt/],
      [{ response: 'yes' }, /attemptId must be/],
      [{ attemptId: 'zzz', response: 'yes' }, /No outreach attempt has the id "zzz"/],
      [{ attemptId: 'a1', response: 'maybe' }, /response must be one of yes, no, later, referral — not "maybe"/],
      [{ attemptId: 'a1', response: 'yes', askAgainOn: '2027-01-15' }, /askAgainOn goes only with the response "later"/],
      [{ attemptId: 'a1', response: 'no', referral: { name: 'Kim' } }, /referral goes only with the response "referral"/],
    ];
    for (const [value, why] of cases) {
      const r = recordResponse(journal, value as ResponseInput, NOW);
      assert.match(r.ok ? '' : r.reason, why, JSON.stringify(value));
    }
    assert.match((() => { const r = recordResponse(journal, input('yes'), new Date(NaN)); return r.ok ? '' : r.reason; })(), /not a valid date/);
    assert.equal(snapshot(journal), before);
  });

  it('refuses when the attempt holds the most events a journal keeps', () => {
    const events = Array.from({ length: LIMITS.eventsPerAttempt }, (_, i) => ({ at: `2026-11-17T10:00:${String(i % 60).padStart(2, '0')}.000Z`, kind: 'sent', detail: '' }));
    const journal = inStatus('sent', { id: 'a1', events });
    const r = recordResponse(journal, input('no'), NOW);
    assert.match(r.ok ? '' : r.reason, /most a journal keeps/);
  });
});
