import * as assert from 'node:assert/strict';
import {
  dismissAfterNo,
  draftFollowUp,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATES,
  markFollowUpSent,
  pendingFollowUp,
  recordFollowUp,
  recordFollowUpDraft,
  type FollowUpKind,
} from '../../../src/domain/followUps';
import { allowedActions } from '../../../src/domain/actions';
import { groupAttempts } from '../../../src/domain/outreach';
import { LIMITS, parseJournal, type Journal } from '../../../src/domain/journal';
import { describeAttempt } from '../../../src/domain/outreach';
import { recordResponse } from '../../../src/domain/responses';
import { compileTemplate } from '../../../src/templating/compiler';
import type { Result } from '../../../src/domain/result';
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
    // The method asks both questions after a no: the "later?" message keeps "anyone else?" too, so sending it never drops it.
    assert.match(text(journal, 'later'), /And if not, is there anyone else you would recommend I approach to develop my financial acumen\?/);
    assert.match(text(journal, 'referral'), /Is there anyone else you would recommend I approach to develop my financial acumen\?/);
  });

  it('when deferred: a re-ask with its own template ("you mentioned … would now work?"), noting when it is not due yet', () => {
    const journal = inStatus('deferred', {
      id: 'a1',
      askAgainOn: '2027-01-15',
      events: [
        { at: '2026-11-17T10:00:00.000Z', kind: 'sent', detail: '' },
        { at: '2026-11-20T10:00:00.000Z', kind: 'response', detail: 'later: 2027-01-15' },
      ],
    });
    const early = draftFollowUp(journal, 'a1', 'later', TODAY);
    assert.ok(early.ok);
    assert.equal(
      early.value.text,
      'Hi Terry,\n\nYou mentioned on 20 Nov that around 15 Jan 2027 would be a better time for you — would now work? I would still value spending three 45-minute sessions with you over the next six weeks, focusing on reading our financial reports and turning numbers into a story.\n\nIf it is still a busy time, just let me know when might suit you better.\n\nThank you!\n',
    );
    assert.doesNotMatch(early.value.text, /might you be willing to do this at a later date/, 'a re-ask, not the question after a no');
    assert.equal(early.value.note, 'Not due yet: Terry suggested asking again on 15 Jan 2027.');
    const due = draftFollowUp(journal, 'a1', 'later', '2027-01-15');
    assert.ok(due.ok);
    assert.equal(due.value.note, undefined);
    assert.match(due.value.text, /You mentioned on 20 Nov 2026 that around 15 Jan would be a better time for you — would now work\?/);
    // An older journal's `deferred` event dates it too; with no date known, the sentence still reads.
    const older = inStatus('deferred', { id: 'a1', askAgainOn: '2026-11-24', events: [{ at: '2026-10-22T10:00:00.000Z', kind: 'deferred', detail: 'Busy until the close.' }] });
    assert.match(draftFollowUp(older, 'a1', 'later', TODAY).ok ? (draftFollowUp(older, 'a1', 'later', TODAY) as { value: { text: string } }).value.text : '', /You mentioned on 22 Oct that around 24 Nov would be/);
    assert.match(text(inStatus('deferred', { id: 'a1', askAgainOn: '2026-11-24', events: [] }), 'later'), /^Hi Terry,\n\nYou mentioned that around 24 Nov would be a better time for you — would now work\?/);
  });

  it('the re-ask uses the person\'s followUpReask.hbs; until they have one, their followUpLater.hbs (which wrote re-asks before)', () => {
    const journal = inStatus('deferred', { id: 'a1', askAgainOn: '2027-01-15' });
    const later = (c: object) => `LATER ${(c as { askAgainOn: string }).askAgainOn}`;
    const reask = (c: object) => `REASK ${(c as { laterOn: string; askAgainOn: string }).askAgainOn}`;
    const withLater = draftFollowUp(journal, 'a1', 'later', TODAY, { templates: { followUpLater: later } });
    assert.ok(withLater.ok);
    assert.equal(withLater.value.text, 'LATER 15 Jan 2027\n');
    const withBoth = draftFollowUp(journal, 'a1', 'later', TODAY, { templates: { followUpLater: later, followUpReask: reask } });
    assert.ok(withBoth.ok);
    assert.equal(withBoth.value.text, 'REASK 15 Jan 2027\n');
    // After a no, the later question keeps its own template.
    const declined = draftFollowUp(inStatus('declined'), 'a1', 'later', TODAY, { templates: { followUpLater: later, followUpReask: reask } });
    assert.ok(declined.ok);
    assert.equal(declined.value.text, 'LATER\n', 'no askAgainOn after a no');
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
    assert.match(text(deferred, 'later'), /focusing on \{\{#each this\}\}x\{\{\/each\}\} and <img src=x onerror=alert\(1\)>\./);
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

describe('follow-ups are drafts until sent (issue 11, item 6)', () => {
  const opts = { today: TODAY, nudgeAfterDays: 7 };

  it('drafting keeps a draft and no contact: a due attempt stays due; marking it as sent records the contact and restarts the clock', () => {
    const journal = inStatus('sent'); // sent 17 Nov: due on 26 Nov
    const draft = recordFollowUpDraft(journal, 'a1', 'nudge', '  Hi Terry,\n\nJust checking in.\n', NOW);
    assert.ok(draft.ok, draft.ok ? '' : draft.reason);
    assert.deepEqual(draft.value.attempt.events.at(-1), { at: NOW.toISOString(), kind: 'follow-up-draft', detail: 'nudge', text: 'Hi Terry,\n\nJust checking in.' });
    assert.equal(draft.value.attempt.status, 'sent');
    assert.deepEqual(groupAttempts(draft.value.journal, opts).due.map((v) => [v.attempt.id, v.nextStep]), [['a1', 'no reply for 9 days · nudge drafted']], 'still due');
    assert.deepEqual(pendingFollowUp(draft.value.attempt), { kind: 'nudge', text: 'Hi Terry,\n\nJust checking in.', at: NOW.toISOString(), index: 2 });
    assert.equal(allowedActions(draft.value.attempt).markFollowUpSent, true);
    assert.ok(parseJournal(JSON.parse(JSON.stringify(draft.value.journal))).ok, 'a journal the extension writes passes its own import');

    const later = new Date('2026-11-26T15:00:00Z');
    const sent = markFollowUpSent(draft.value.journal, 'a1', later);
    assert.ok(sent.ok, sent.ok ? '' : sent.reason);
    assert.equal(sent.value.kind, 'nudge');
    assert.deepEqual(sent.value.attempt.events.at(-1), { at: later.toISOString(), kind: 'follow-up', detail: 'nudge', text: 'Hi Terry,\n\nJust checking in.' });
    assert.equal(pendingFollowUp(sent.value.attempt), undefined);
    assert.equal(allowedActions(sent.value.attempt).markFollowUpSent, false);
    assert.deepEqual(groupAttempts(sent.value.journal, opts).awaiting.map((v) => [v.attempt.id, v.nextStep]), [['a1', 'followed up today']], 'the clock restarted');
    assert.equal(groupAttempts(sent.value.journal, { today: '2026-12-03', nudgeAfterDays: 7 }).due.length, 1, 'due again a week later');
    // Nothing left to mark.
    const twice = markFollowUpSent(sent.value.journal, 'a1', later);
    assert.match(twice.ok ? '' : twice.reason, /There is no drafted follow-up to Terry waiting to be sent: draft one first\./);
  });

  it('drafting again replaces the draft still waiting (no pile of drafts); a draft sent stays in the history as drafted, then sent', () => {
    const first = recordFollowUpDraft(inStatus('declined'), 'a1', 'later', 'First', NOW);
    assert.ok(first.ok);
    const second = recordFollowUpDraft(first.value.journal, 'a1', 'referral', 'Second', new Date('2026-11-26T13:00:00Z'));
    assert.ok(second.ok);
    assert.deepEqual(second.value.attempt.events.map((e) => [e.kind, e.detail]), [['created', ''], ['sent', ''], ['follow-up-draft', 'referral']]);
    assert.equal(pendingFollowUp(second.value.attempt)?.text, 'Second');
    const sent = markFollowUpSent(second.value.journal, 'a1', new Date('2026-11-26T14:00:00Z'));
    assert.ok(sent.ok);
    assert.deepEqual(sent.value.attempt.events.map((e) => [e.kind, e.detail]).slice(-2), [['follow-up-draft', 'referral'], ['follow-up', 'referral']]);
    const third = recordFollowUpDraft(sent.value.journal, 'a1', 'later', 'Third', new Date('2026-11-26T15:00:00Z'));
    assert.ok(third.ok);
    assert.equal(third.value.attempt.events.filter((e) => e.kind === 'follow-up-draft').length, 2, 'the sent draft is history; the new one is added');
  });

  it('a draft is left behind by anything recorded after it: an answer, or a session', () => {
    const draft = recordFollowUpDraft(inStatus('sent'), 'a1', 'nudge', 'Nudge', NOW);
    assert.ok(draft.ok);
    const answered = recordResponse(draft.value.journal, { attemptId: 'a1', response: 'yes' }, new Date('2026-11-26T13:00:00Z'));
    assert.ok(answered.ok);
    assert.equal(pendingFollowUp(answered.value.attempt), undefined);
    const stale = markFollowUpSent(answered.value.journal, 'a1', new Date('2026-11-26T14:00:00Z'));
    assert.match(stale.ok ? '' : stale.reason, /no drafted follow-up/);
    // A thank-you drafted after a yes, then a session logged: out of date as well.
    const thanks = recordFollowUpDraft(answered.value.journal, 'a1', 'thanks', 'Thanks!', new Date('2026-11-26T15:00:00Z'));
    assert.ok(thanks.ok);
    const withSession = { ...thanks.value.attempt, events: [...thanks.value.attempt.events, { at: '2026-11-27T10:00:00.000Z', kind: 'session', detail: '' }] };
    assert.equal(pendingFollowUp(withSession), undefined);
    // A draft event whose kind does not fit the status (a hand-edited file) is not offered.
    assert.equal(pendingFollowUp({ status: 'sent', events: [{ at: NOW.toISOString(), kind: 'follow-up-draft', detail: 'thanks', text: 'x' }] }), undefined);
    assert.equal(pendingFollowUp({ status: 'sent', events: [{ at: NOW.toISOString(), kind: 'follow-up-draft', detail: 'constructor', text: 'x' }] }), undefined);
  });

  it('the re-ask of a deferred attempt, once marked as sent, sends it again: back to Awaiting reply, the date cleared', () => {
    const journal = inStatus('deferred', { id: 'a1', askAgainOn: '2026-11-26' });
    const drafted = draftFollowUp(journal, 'a1', 'later', TODAY);
    assert.ok(drafted.ok);
    const kept = recordFollowUpDraft(journal, 'a1', 'later', drafted.value.text, NOW);
    assert.ok(kept.ok);
    assert.equal(kept.value.attempt.status, 'deferred');
    assert.deepEqual(groupAttempts(kept.value.journal, opts).due.map((v) => v.nextStep), ['ask again today · re-ask drafted']);
    const sent = markFollowUpSent(kept.value.journal, 'a1', NOW);
    assert.ok(sent.ok);
    assert.deepEqual([sent.value.attempt.status, sent.value.attempt.askAgainOn], ['sent', null]);
    assert.deepEqual(groupAttempts(sent.value.journal, opts).awaiting.map((v) => v.nextStep), ['followed up today']);
  });

  it('after a no: draft "later?", mark it as sent — the attempt moves from After a no to Awaiting reply, the clock restarts', () => {
    const no = recordResponse(inStatus('sent'), { attemptId: 'a1', response: 'no' }, new Date('2026-11-20T10:00:00Z'));
    assert.ok(no.ok);
    assert.deepEqual(groupAttempts(no.value.journal, opts).afterNo.map((v) => v.nextStep), ['ask: later? anyone else?']);
    const drafted = draftFollowUp(no.value.journal, 'a1', 'later', TODAY);
    assert.ok(drafted.ok);
    const kept = recordFollowUpDraft(no.value.journal, 'a1', 'later', drafted.value.text, NOW);
    assert.ok(kept.ok);
    assert.deepEqual(groupAttempts(kept.value.journal, opts).afterNo.map((v) => v.nextStep), ['ask: later? anyone else? · "later?" drafted'], 'a draft is not asking');
    const sent = markFollowUpSent(kept.value.journal, 'a1', NOW);
    assert.ok(sent.ok);
    const g = groupAttempts(sent.value.journal, opts);
    assert.deepEqual([g.afterNo.length, g.awaiting.map((v) => v.nextStep)], [0, ['followed up today']]);
    assert.equal(allowedActions(sent.value.attempt).askAfterNo, false);
    // Their answer can still be recorded: "yes, in March".
    const reopened = recordResponse(sent.value.journal, { attemptId: 'a1', response: 'later', askAgainOn: '2027-03-01' }, new Date('2026-11-27T10:00:00Z'));
    assert.ok(reopened.ok);
    assert.equal(reopened.value.attempt.status, 'deferred');
  });

  it('dismiss closes it for good after a no (an answer can still be recorded); refused where there is no no', () => {
    const no = recordResponse(inStatus('sent'), { attemptId: 'a1', response: 'no' }, new Date('2026-11-20T10:00:00Z'));
    assert.ok(no.ok);
    const before = snapshot(no.value.journal);
    const dismissed = dismissAfterNo(no.value.journal, 'a1', NOW);
    assert.ok(dismissed.ok, dismissed.ok ? '' : dismissed.reason);
    assert.equal(snapshot(no.value.journal), before, 'the input is not changed');
    assert.deepEqual(dismissed.value.attempt.events.at(-1), { at: NOW.toISOString(), kind: 'dismissed', detail: '' });
    assert.equal(dismissed.value.attempt.status, 'declined');
    assert.deepEqual(groupAttempts(dismissed.value.journal, opts).closed.map((v) => v.nextStep), ['closed for good']);
    assert.deepEqual([allowedActions(dismissed.value.attempt).dismiss, allowedActions(dismissed.value.attempt).responses], [false, ['later', 'referral']]);
    const again = dismissAfterNo(dismissed.value.journal, 'a1', NOW);
    assert.match(again.ok ? '' : again.reason, /The attempt to Terry is closed already: there is nothing to dismiss\./);
    for (const status of ALL_STATUSES.filter((st) => st !== 'declined')) {
      const r = dismissAfterNo(inStatus(status), 'a1', NOW);
      assert.match(r.ok ? '' : r.reason, new RegExp(`The attempt is ${status}: dismissing closes an attempt after a "no"\\.`), status);
    }
    assert.match((dismissAfterNo(no.value.journal, 'zzz', NOW) as { reason: string }).reason, /No outreach attempt has the id "zzz"/);
    assert.match((dismissAfterNo(no.value.journal, 'a1', new Date('x')) as { reason: string }).reason, /not a valid date/);
    // Asked and waiting: it can be dismissed too.
    const drafted = recordFollowUpDraft(no.value.journal, 'a1', 'referral', 'Anyone else?', NOW);
    assert.ok(drafted.ok);
    const sent = markFollowUpSent(drafted.value.journal, 'a1', NOW);
    assert.ok(sent.ok);
    assert.ok(dismissAfterNo(sent.value.journal, 'a1', new Date('2026-11-27T10:00:00Z')).ok);
  });

  it('refuses a draft that does not fit, an empty or too long text, a bad time and a full history, changing nothing', () => {
    const journal = inStatus('sent');
    const before = snapshot(journal);
    const cases: [Result<unknown>, RegExp][] = [
      [recordFollowUpDraft(journal, 'a1', 'thanks', 'Thanks', NOW), /thank-you follows a yes/],
      [recordFollowUpDraft(journal, 'a1', 'nudge', '   ', NOW), /needs its text/],
      [recordFollowUpDraft(journal, 'a1', 'nudge', 42 as unknown as string, NOW), /needs its text/],
      [recordFollowUpDraft(journal, 'a1', 'nudge', 'x'.repeat(LIMITS.longText + 1), NOW), /at most 20000 characters/],
      [recordFollowUpDraft(journal, 'a1', 'nudge', 'Hi', new Date('nope')), /not a valid date/],
      [recordFollowUpDraft(journal, 'zzz', 'nudge', 'Hi', NOW), /No outreach attempt has the id "zzz"/],
      [markFollowUpSent(journal, 'a1', NOW), /no drafted follow-up/],
    ];
    for (const [r, reason] of cases) assert.match(r.ok ? '' : r.reason, reason);
    assert.equal(snapshot(journal), before);
    const events = Array.from({ length: LIMITS.eventsPerAttempt }, () => ({ at: '2026-11-17T10:00:00.000Z', kind: 'sent', detail: '' }));
    const full = recordFollowUpDraft(inStatus('sent', { id: 'a1', events }), 'a1', 'nudge', 'Hi', NOW);
    assert.match(full.ok ? '' : full.reason, /most a journal keeps/);
  });

  it('an old journal\'s follow-up event means sent: the clock restarted, nothing waits to be marked', () => {
    const old = inStatus('sent', {
      id: 'a1',
      events: [
        { at: '2026-11-10T10:00:00.000Z', kind: 'sent', detail: '' },
        { at: '2026-11-25T10:00:00.000Z', kind: 'follow-up', detail: 'nudge', text: 'Hi Terry, just checking in.' },
      ],
    });
    assert.ok(parseJournal(old).ok);
    assert.deepEqual(groupAttempts(old, opts).awaiting.map((v) => v.nextStep), ['followed up 1 day ago']);
    assert.equal(allowedActions(old.attempts[0]!).markFollowUpSent, false);
  });
});
