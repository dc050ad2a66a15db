import * as assert from 'node:assert/strict';
import {
  draftFollowUp,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATES,
  recordFollowUp,
  type FollowUpKind,
} from '../../../src/domain/followUps';
import { LIMITS, parseJournal, type Journal } from '../../../src/domain/journal';
import { describeAttempt } from '../../../src/domain/outreach';
import { recordResponse } from '../../../src/domain/responses';
import { compileTemplate } from '../../../src/templating/compiler';
import { attempt, terryJournal } from '../../support/journals';
import { ALL_STATUSES, inStatus, NOW, snapshot } from './statusFixtures';

const TODAY = '2026-11-26';

function text(journal: Journal, kind: FollowUpKind, today = TODAY): string {
  const r = draftFollowUp(journal, 'a1', kind, today);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.value.text;
}

describe('follow-ups: which kind in which status', () => {
  for (const kind of FOLLOW_UP_KINDS) {
    for (const status of ALL_STATUSES) {
      const allowed = FOLLOW_UP_STATES[kind].includes(status);
      it(`${kind} on ${status}: ${allowed ? 'drafted and recorded' : 'refused, nothing changed'}`, () => {
        const journal = inStatus(status);
        const before = snapshot(journal);
        const draft = draftFollowUp(journal, 'a1', kind, TODAY);
        const recorded = recordFollowUp(journal, 'a1', kind, 'the text', NOW);
        assert.equal(snapshot(journal), before);
        if (!allowed) {
          assert.equal(draft.ok, false);
          assert.equal(recorded.ok, false);
          assert.ok(!draft.ok && /^The attempt is /.test(draft.reason), draft.ok ? '' : draft.reason);
          return;
        }
        assert.ok(draft.ok, draft.ok ? '' : draft.reason);
        assert.deepEqual(draft.value.event, { kind: 'follow-up', detail: kind });
        assert.match(draft.value.text, /^Hi Terry,\n\n/);
        assert.doesNotMatch(draft.value.text, /mentor/i, 'the method never says "mentor"');
        assert.ok(recorded.ok, recorded.ok ? '' : recorded.reason);
        const last = recorded.value.attempt.events.at(-1);
        assert.deepEqual(last, { at: NOW.toISOString(), kind: 'follow-up', detail: kind, text: 'the text' });
        const expectedStatus = kind === 'later' && status === 'deferred' ? 'sent' : status;
        assert.equal(recorded.value.attempt.status, expectedStatus);
        assert.ok(parseJournal(JSON.parse(JSON.stringify(recorded.value.journal))).ok);
      });
    }
  }

  it('explains refusals', () => {
    const nudgeDraft = draftFollowUp(inStatus('draft'), 'a1', 'nudge', TODAY);
    assert.match(nudgeDraft.ok ? '' : nudgeDraft.reason, /not been sent yet.*mark it as sent first/);
    const thanks = draftFollowUp(inStatus('declined'), 'a1', 'thanks', TODAY);
    assert.match(thanks.ok ? '' : thanks.reason, /thank-you follows a yes or the last session/);
    const unknown = draftFollowUp(inStatus('sent'), 'zzz', 'nudge', TODAY);
    assert.match(unknown.ok ? '' : unknown.reason, /No outreach attempt has the id "zzz"/);
    const kind = draftFollowUp(inStatus('sent'), 'a1', 'hug' as FollowUpKind, TODAY);
    assert.match(kind.ok ? '' : kind.reason, /one of later, referral, nudge, thanks — not "hug"/);
    const today = draftFollowUp(inStatus('sent'), 'a1', 'nudge', '26/11/2026');
    assert.match(today.ok ? '' : today.reason, /not a calendar date/);
  });
});

describe('follow-ups: the texts', () => {
  it('after a no: asks whether later would suit, and who else to approach', () => {
    const journal = inStatus('declined');
    assert.match(text(journal, 'later'), /Is it a busy time for you at the moment — might you be willing to do this at a later date\? If so, when would suit you\?/);
    assert.match(text(journal, 'referral'), /Is there anyone else you would recommend I approach to develop my financial acumen\?/);
  });

  it('when deferred: re-asks on the agreed date, noting when it is not due yet', () => {
    const journal = inStatus('deferred', { id: 'a1', askAgainOn: '2027-01-15' });
    const early = draftFollowUp(journal, 'a1', 'later', TODAY);
    assert.ok(early.ok);
    assert.match(early.value.text, /you suggested I come back to you around 15 Jan 2027 — .*Would you still be willing to spend three 45-minute sessions with me over the next six weeks, focusing on reading our financial reports and turning numbers into a story\?/);
    assert.equal(early.value.note, 'Not due yet: Terry suggested asking again on 15 Jan 2027.');
    const due = draftFollowUp(journal, 'a1', 'later', '2027-01-15');
    assert.ok(due.ok);
    assert.equal(due.value.note, undefined);
    assert.match(due.value.text, /around 15 Jan —/);
  });

  it('a nudge names the date of the request, and notes when it is early', () => {
    const journal = inStatus('sent'); // sent 17 Nov
    const due = draftFollowUp(journal, 'a1', 'nudge', TODAY);
    assert.ok(due.ok);
    assert.equal(due.value.note, undefined);
    assert.match(due.value.text, /follow up on my note from 17 Nov\. I am working on developing my leadership skills, and I would value your help with financial acumen: would you be willing to spend three 45-minute sessions/);
    assert.match(due.value.text, /If now is a busy time, I completely understand/);
    const early = draftFollowUp(journal, 'a1', 'nudge', '2026-11-20', { nudgeAfterDays: 7 });
    assert.ok(early.ok);
    assert.equal(early.value.note, 'Not due yet: you last contacted Terry 3 days ago; a nudge is due after 7 days.');
  });

  it('thanks after a yes (with the first session\'s topics) and after the last session', () => {
    const yes = recordResponse(inStatus('sent'), { attemptId: 'a1', response: 'yes' }, NOW);
    assert.ok(yes.ok);
    const afterYes = text(yes.value.journal, 'thanks');
    assert.match(afterYes, /Thank you so much for agreeing to spend three 45-minute sessions with me over the next six weeks!/);
    assert.match(afterYes, /For our first session I would like to focus on reading our financial reports\. What times would suit you\?/);
    const done = text(inStatus('completed'), 'thanks');
    assert.match(done, /Thank you for the three sessions we spent on financial acumen\. Your time and your advice on reading our financial reports and turning numbers into a story have made a real difference to me\./);
    const noTopics = terryJournal([attempt({ id: 'a1', status: 'accepted', ask: { sessions: 1, minutesPerSession: 30, timeframe: '', topics: [] } })]);
    assert.match(text(noTopics, 'thanks'), /agreeing to spend one 30-minute session with me! I will come to each one prepared, so that we make the most of your time\. What times/);
  });
});

describe('follow-ups: hostile input stays inert text', () => {
  const hostile = (name: string, skill = 'Financial acumen') => {
    const j = inStatus('declined');
    j.people[0]!.name = name;
    j.skills[0]!.name = skill;
    j.attempts[0]!.ask.topics = ['{{#each this}}x{{/each}}', '<img src=x onerror=alert(1)>'];
    return j;
  };

  it('renders markup and template syntax literally, never HTML-escaped', () => {
    for (const kind of ['later', 'referral'] as const) {
      const t = text(hostile('<script>alert(1)</script>', '{{constructor}} & <b>co</b>'), kind);
      assert.ok(t.startsWith('Hi <script>alert(1)</script>,\n'), t);
      assert.ok(!t.includes('&lt;') && !t.includes('&amp;'));
    }
    const referral = text(hostile('Ann', '{{constructor}} & <b>co</b>'), 'referral');
    assert.match(referral, /develop my \{\{constructor\}\} & <b>co<\/b>\?/);
    const deferred = hostile('Ann');
    deferred.attempts[0] = { ...deferred.attempts[0]!, status: 'deferred', askAgainOn: '2027-01-15' };
    assert.match(text(deferred, 'later'), /focusing on \{\{#each this\}\}x\{\{\/each\}\} and <img src=x onerror=alert\(1\)>\?/);
  });

  it('names such as __proto__ and constructor are just names', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      assert.ok(text(hostile(name), 'later').startsWith(`Hi ${name},\n`), name);
    }
  });

  it('a user template cannot reach prototypes, and a failing one is reported', () => {
    const journal = hostile('__proto__');
    const template = compileTemplate('Hi {{firstName}}|{{constructor}}|{{firstName.constructor}}|{{__proto__}}|{{lookup this "constructor"}}|{{topics.constructor.name}}|');
    const originalWarn = console.error;
    const originalLog = console.log;
    let r;
    try {
      console.error = () => undefined; // Handlebars logs each denied property access
      console.log = () => undefined;
      r = draftFollowUp(journal, 'a1', 'later', TODAY, { templates: { followUpLater: template } });
    } finally {
      console.error = originalWarn;
      console.log = originalLog;
    }
    assert.ok(r.ok);
    assert.equal(r.value.text, 'Hi __proto__||||||\n');
    const broken = draftFollowUp(journal, 'a1', 'later', TODAY, {
      templates: {
        followUpLater: () => {
          throw new Error('no such helper');
        },
      },
    });
    assert.match(broken.ok ? '' : broken.reason, /The followUpLater template failed: no such helper/);
    const plain = draftFollowUp(journal, 'a1', 'referral', TODAY, { templates: { followUpReferral: (c) => `To ${(c as { personName: string }).personName}` } });
    assert.deepEqual(plain.ok && plain.value.text, 'To __proto__\n');
  });
});

describe('follow-ups: recording', () => {
  it('a nudge restarts the no-reply clock', () => {
    const journal = inStatus('sent');
    assert.equal(describeAttempt(journal.attempts[0]!, { today: TODAY, nudgeAfterDays: 7 }).due, true);
    const r = recordFollowUp(journal, 'a1', 'nudge', '', NOW);
    assert.ok(r.ok);
    assert.deepEqual(r.value.attempt.events.at(-1), { at: NOW.toISOString(), kind: 'follow-up', detail: 'nudge' }, 'no text field when none was given');
    assert.equal(r.value.attempt.status, 'sent');
    const info = describeAttempt(r.value.attempt, { today: TODAY, nudgeAfterDays: 7 });
    assert.equal(info.due, false);
  });

  it('the re-ask of a deferred attempt sends it again and clears the date', () => {
    const r = recordFollowUp(inStatus('deferred'), 'a1', 'later', 'Would you still…', NOW);
    assert.ok(r.ok);
    assert.equal(r.value.attempt.status, 'sent');
    assert.equal(r.value.attempt.askAgainOn, null);
    assert.deepEqual(r.value.attempt.events.at(-1), { at: NOW.toISOString(), kind: 'follow-up', detail: 'later', text: 'Would you still…' });
  });

  it('refuses text over the limit, a bad time and a full event list, changing nothing', () => {
    const journal = inStatus('sent');
    const before = snapshot(journal);
    const long = recordFollowUp(journal, 'a1', 'nudge', 'x'.repeat(LIMITS.longText + 1), NOW);
    assert.match(long.ok ? '' : long.reason, /at most 20000 characters/);
    const notText = recordFollowUp(journal, 'a1', 'nudge', 42 as unknown as string, NOW);
    assert.match(notText.ok ? '' : notText.reason, /must be text/);
    const badTime = recordFollowUp(journal, 'a1', 'nudge', '', new Date('nope'));
    assert.match(badTime.ok ? '' : badTime.reason, /not a valid date/);
    assert.equal(snapshot(journal), before);
    const events = Array.from({ length: LIMITS.eventsPerAttempt }, () => ({ at: '2026-11-17T10:00:00.000Z', kind: 'sent', detail: '' }));
    const full = recordFollowUp(inStatus('sent', { id: 'a1', events }), 'a1', 'nudge', '', NOW);
    assert.match(full.ok ? '' : full.reason, /most a journal keeps/);
  });
});
