import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emptyJournal, type Attempt, type AttemptStatus, type Journal } from '../../src/domain/journal';
import { api, setJournal, snapshot } from './support';

const ASK = { sessions: 3, minutesPerSession: 45, timeframe: 'over the next six weeks', topics: ['reading our financial reports', 'turning numbers into a story', 'what to do next'] };

function attempt(id: string, status: AttemptStatus, extra: Partial<Attempt> = {}): Attempt {
  return {
    id,
    personId: 'p1',
    skillId: 's1',
    ask: ASK,
    text: 'Hi Terry, …',
    status,
    askAgainOn: status === 'deferred' ? '2026-12-15' : null,
    sessionsDone: 0,
    events: [
      { at: '2026-11-02T09:00:00.000Z', kind: 'created', detail: '' },
      ...(status === 'draft' ? [] : [{ at: '2026-11-03T09:00:00.000Z', kind: 'sent', detail: '' }]),
    ],
    ...extra,
  };
}

function journal(): Journal {
  return {
    ...emptyJournal(),
    aspiration: 'developing my leadership skills',
    skills: [{ id: 's1', name: 'Financial acumen', current: 2, importance: 5, notes: '' }],
    focusSkillId: 's1',
    people: [{ id: 'p1', name: 'Terry Lindqvist', org: 'inside', seniority: 'senior', skillIds: ['s1'], evidence: "I've seen you present at the All Hands meeting.", referredBy: null, sponsor: false }],
    attempts: [attempt('sent1', 'sent'), attempt('sent2', 'sent'), attempt('draft1', 'draft'), attempt('acc1', 'accepted', { sessionsDone: 2 }), attempt('acc2', 'accepted')],
  };
}

const run = (command: string, arg: unknown) => Promise.resolve(vscode.commands.executeCommand(command, arg));

async function rejectsUnchanged(command: string, arg: unknown, reason: RegExp): Promise<void> {
  const a = await api();
  const before = snapshot(a);
  await assert.rejects(run(command, arg), (e: Error) => {
    assert.match(e.message, reason);
    return true;
  });
  assert.equal(snapshot(a), before, 'nothing changed');
}

const find = async (id: string) => (await api()).journal().attempts.find((x) => x.id === id);

describe('answers, follow-ups and sessions — argument forms (inside a real extension host)', () => {
  beforeEach(async () => {
    (await api()).setNow('2026-11-26T12:00:00');
    await setJournal(journal());
  });
  after(async () => {
    (await api()).setNow(undefined);
    await setJournal();
  });

  it('recordResponse yes: accepted, the sessions planned; the tree shows 0/3 sessions', async () => {
    const r = (await run('mentoring.recordResponse', { attemptId: 'sent1', response: 'yes' })) as { status: string };
    assert.equal(r.status, 'accepted');
    const a = await find('sent1');
    assert.equal(a?.status, 'accepted');
    assert.equal((a as unknown as { plan: unknown[] }).plan.length, 3);
  });

  it('recordResponse no, then later with a date: declined, then deferred — and due once the clock passes the date', async () => {
    const m = await api();
    await run('mentoring.recordResponse', { attemptId: 'sent1', response: 'no' });
    assert.equal((await find('sent1'))?.status, 'declined');
    // the two follow-ups of the method, each returned as text and kept as a draft (the second replaces the first)
    const later = (await run('mentoring.draftFollowUp', { attemptId: 'sent1', kind: 'later' })) as string;
    const referral = (await run('mentoring.draftFollowUp', { attemptId: 'sent1', kind: 'referral' })) as string;
    assert.match(later, /later/i);
    assert.match(referral, /anyone else|recommend/i);
    assert.deepEqual((await find('sent1'))?.events.filter((e) => e.kind.startsWith('follow-up')).map((e) => [e.kind, e.detail]), [['follow-up-draft', 'referral']]);
    assert.deepEqual(await run('mentoring.markFollowUpSent', { attemptId: 'sent1' }), { attemptId: 'sent1', status: 'declined', kind: 'referral' });
    const sent = (await find('sent1'))?.events.at(-1);
    assert.deepEqual([sent?.kind, sent?.detail, sent?.text], ['follow-up', 'referral', referral.trim()]);

    await run('mentoring.recordResponse', { attemptId: 'sent1', response: 'later', askAgainOn: '2027-01-15' });
    assert.equal((await find('sent1'))?.status, 'deferred');
    assert.equal((await find('sent1'))?.askAgainOn, '2027-01-15');
    m.setNow('2026-12-01T12:00:00');
    assert.equal(m.dueStatus(), '$(bell-dot) 1 due', 'only sent2 is due (no reply for 28 days)');
    m.setNow('2027-01-15T09:00:00');
    assert.equal(m.dueStatus(), '$(bell-dot) 2 due', 'the ask-again date has come');
    // An answer before the agreed date is kept as it is: "yes, let's start now" — accepted, no date left.
    m.setNow('2026-12-01T12:00:00');
    await run('mentoring.recordResponse', { attemptId: 'sent1', response: 'yes' });
    assert.deepEqual([(await find('sent1'))?.status, (await find('sent1'))?.askAgainOn], ['accepted', null]);
  });

  it('recordResponse referral: a new person referred by Terry and a draft for the same skill', async () => {
    const r = (await run('mentoring.recordResponse', { attemptId: 'sent2', response: 'referral', referral: { name: 'Sam Lee' } })) as { createdAttemptId: string };
    const j = (await api()).journal();
    const sam = j.people.find((p) => p.name === 'Sam Lee');
    assert.equal(sam?.referredBy, 'p1');
    assert.equal(sam?.evidence, '', 'no made-up evidence');
    assert.deepEqual([sam?.org, sam?.seniority], ['inside', 'senior'], 'left out: the referrer\'s org, senior (as before)');
    const draft = j.attempts.find((a) => a.id === r.createdAttemptId);
    assert.equal(draft?.status, 'draft');
    assert.equal(draft?.skillId, 's1');
    assert.match(draft?.text ?? '', /^Hi Sam,\n\nTerry Lindqvist suggested I talk to you\. I am working on/);
  });

  it('recordResponse referral with org and seniority: saved as given; the draft says who suggested the contact and carries the evidence', async () => {
    const r = (await run('mentoring.recordResponse', {
      attemptId: 'sent2',
      response: 'referral',
      referral: { name: 'Marcus Chen', org: 'outside', seniority: 'peer', evidence: 'Terry tells me you rebuilt the month-end close in one quarter.' },
    })) as { createdAttemptId: string };
    const j = (await api()).journal();
    const marcus = j.people.find((p) => p.name === 'Marcus Chen');
    assert.deepEqual([marcus?.org, marcus?.seniority, marcus?.evidence], ['outside', 'peer', 'Terry tells me you rebuilt the month-end close in one quarter.']);
    const draft = j.attempts.find((a) => a.id === r.createdAttemptId);
    assert.match(draft?.text ?? '', /^Hi Marcus,\n\nTerry Lindqvist suggested I talk to you\. .* Terry tells me you rebuilt the month-end close in one quarter\.\n/);
    await rejectsUnchanged('mentoring.recordResponse', { attemptId: 'sent1', response: 'referral', referral: { name: 'Kim', org: 'abroad' } }, /referral must be like/);
    await rejectsUnchanged('mentoring.recordResponse', { attemptId: 'sent1', response: 'referral', referral: { name: 'Kim', seniority: 'boss' } }, /referral must be like/);
  });

  it('recordResponse refuses bad arguments and illegal answers, changing nothing', async () => {
    await rejectsUnchanged('mentoring.recordResponse', { attemptId: 'nope', response: 'yes' }, /No outreach attempt has the id "nope"/);
    await rejectsUnchanged('mentoring.recordResponse', { attemptId: 'sent1', response: 'maybe' }, /response must be one of/);
    await rejectsUnchanged('mentoring.recordResponse', { attemptId: 'sent1', response: 'later' }, /needs askAgainOn/);
    await rejectsUnchanged('mentoring.recordResponse', { attemptId: 'sent1', response: 'later', askAgainOn: '2026-11-01' }, /after today|past|later than/i);
    await rejectsUnchanged('mentoring.recordResponse', { attemptId: 'sent1', response: 'referral', referral: { name: '  ' } }, /name/i);
    await rejectsUnchanged('mentoring.recordResponse', { attemptId: 'draft1', response: 'yes' }, /not been sent yet/);
    await rejectsUnchanged('mentoring.recordResponse', 'sent1', /Expected an argument/);
  });

  it('draftFollowUp nudge: returns the text and keeps it as a draft — still due; markFollowUpSent records it and the reply clock restarts', async () => {
    const m = await api();
    assert.equal(m.dueStatus(), '$(bell-dot) 2 due');
    const text = (await run('mentoring.draftFollowUp', { attemptId: 'sent1', kind: 'nudge' })) as string;
    assert.match(text, /^Hi Terry,/);
    assert.doesNotMatch(text, /mentor/i);
    const draft = (await find('sent1'))?.events.at(-1);
    assert.deepEqual([draft?.kind, draft?.detail, draft?.text], ['follow-up-draft', 'nudge', text.trim()]);
    assert.equal(m.dueStatus(), '$(bell-dot) 2 due', 'a draft is no contact: still due');
    const result = await run('mentoring.markFollowUpSent', { attemptId: 'sent1' });
    assert.deepEqual(result, { attemptId: 'sent1', status: 'sent', kind: 'nudge' });
    assert.deepEqual((await find('sent1'))?.events.at(-1)?.kind, 'follow-up');
    assert.equal(m.dueStatus(), '$(bell-dot) 1 due');
    await rejectsUnchanged('mentoring.markFollowUpSent', { attemptId: 'sent1' }, /There is no drafted follow-up to Terry Lindqvist waiting to be sent/);
  });

  it('dismissAttempt after a no: closed for good; refused where there is no no, and for bad arguments', async () => {
    await run('mentoring.recordResponse', { attemptId: 'sent1', response: 'no' });
    assert.deepEqual(await run('mentoring.dismissAttempt', { attemptId: 'sent1' }), { attemptId: 'sent1', status: 'declined' });
    assert.equal((await find('sent1'))?.events.at(-1)?.kind, 'dismissed');
    await rejectsUnchanged('mentoring.dismissAttempt', { attemptId: 'sent1' }, /closed already/);
    await rejectsUnchanged('mentoring.dismissAttempt', { attemptId: 'sent2' }, /The attempt is sent: dismissing closes an attempt after a "no"/);
    await rejectsUnchanged('mentoring.dismissAttempt', { attemptId: 'nope' }, /No outreach attempt has the id "nope"/);
    await rejectsUnchanged('mentoring.dismissAttempt', { attemptID: 'sent1' }, /Unknown key "attemptID"/);
    await rejectsUnchanged('mentoring.markFollowUpSent', { attemptId: 42 }, /attemptId must be/);
  });

  it('draftFollowUp refuses a kind that does not fit, and bad arguments', async () => {
    await rejectsUnchanged('mentoring.draftFollowUp', { attemptId: 'sent1', kind: 'thanks' }, /thank|accepted|completed/i);
    await rejectsUnchanged('mentoring.draftFollowUp', { attemptId: 'sent1', kind: 'hello' }, /kind must be one of/);
    await rejectsUnchanged('mentoring.draftFollowUp', { kind: 'nudge' }, /attemptId/);
  });

  it('logSession: counts sessions, completes at N of N, and refuses when not accepted', async () => {
    const r1 = (await run('mentoring.logSession', { attemptId: 'acc2', notes: 'Went through the P&L.' })) as { sessionsDone: number; completed: boolean };
    assert.deepEqual(r1, { sessionsDone: 1, completed: false });
    const r2 = (await run('mentoring.logSession', { attemptId: 'acc1' })) as { sessionsDone: number; completed: boolean };
    assert.deepEqual(r2, { sessionsDone: 3, completed: true });
    assert.equal((await find('acc1'))?.status, 'completed');
    const thanks = (await run('mentoring.draftFollowUp', { attemptId: 'acc1', kind: 'thanks' })) as string;
    assert.match(thanks, /thank/i);
    await rejectsUnchanged('mentoring.logSession', { attemptId: 'sent1' }, /only after a yes/);
    await rejectsUnchanged('mentoring.logSession', { attemptId: 'acc2', notes: 42 }, /notes must be text/);
  });
});
