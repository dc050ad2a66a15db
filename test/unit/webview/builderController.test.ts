import * as assert from 'node:assert/strict';
import { renderRequest } from '../../../src/domain/templates';
import { JournalStore } from '../../../src/storage/journalStore';
import { BuilderController } from '../../../src/webview/builderController';
import { MAX_MESSAGE_CHARS, parseToHost, type AskForm, type BuilderData, type ToWebview } from '../../../src/webview/protocol';
import type { Attempt, Journal } from '../../../src/domain/journal';
import { InMemoryMemento } from '../support/memento';
import { attempt, terryJournal } from '../../support/journals';

const NOW = new Date('2026-11-26T12:00:00Z');

async function setup(initial = terryJournal([]), answer: 'send' | 'fix' | 'cancel' = 'send') {
  const memento = new InMemoryMemento({ 'mentoring.journal': { v: 1, data: initial } });
  const { store } = await JournalStore.open(memento);
  const posted: ToWebview[] = [];
  const logged: string[] = [];
  const copied: string[] = [];
  /** What each "Open as Markdown" opened: the text and the saved draft it is bound to (null: none). */
  const opened: { text: string; draftId: string | null }[] = [];
  /** Each question before sending: the journal and the attempt as they would be saved. */
  const asked: { journal: Journal; attempt: Attempt }[] = [];
  const controller = new BuilderController({
    store,
    now: () => NOW,
    defaultSessions: () => 3,
    render: (model) => ({ text: renderRequest(model), templateError: null }),
    post: (m) => posted.push(m),
    copy: async (t) => void copied.push(t),
    openMarkdown: async (text, draftId) => void opened.push({ text, draftId }),
    log: (m) => logged.push(m),
    notify: () => undefined,
    confirmSend: async (journal, a) => {
      asked.push({ journal, attempt: a });
      return answer;
    },
    statusLabel: (status) => `«${status}»`,
    dateLabel: (date) => `on ${date}`,
  });
  return { store, memento, controller, posted, logged, copied, opened, asked };
}

/** The last data message posted. */
function lastData(posted: readonly ToWebview[]): BuilderData {
  const m = posted.filter((x) => x.type === 'data').at(-1);
  assert.ok(m?.type === 'data', 'a data message');
  return m.data;
}

function lastOf<T extends ToWebview['type']>(posted: readonly ToWebview[], type: T): Extract<ToWebview, { type: T }> | undefined {
  return posted.filter((x): x is Extract<ToWebview, { type: T }> => x.type === type).at(-1);
}

const ASK: AskForm = {
  personId: 'p1',
  sessions: 3,
  minutesPerSession: 45,
  timeframe: 'over the next six weeks',
  topics: ['a high level understanding of our financial reports', 'how you convert those numbers into a compelling story'],
  text: null,
};

describe('builder protocol: inbound validation', () => {
  it('accepts each well-formed message', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'setAspiration', text: 'developing my leadership skills' },
      { type: 'addSkill', name: 'Writing' },
      { type: 'rateSkill', skillId: 's1', current: 1, importance: 5 },
      { type: 'removeSkill', skillId: 's1' },
      { type: 'setFocus', skillId: 's1' },
      { type: 'savePerson', person: { name: 'Terry', org: 'inside', seniority: 'senior', evidence: '' } },
      { type: 'preview', seq: 1, ask: ASK },
      { type: 'copy', text: 'x' },
      { type: 'openMarkdown', text: 'x' },
      { type: 'openMarkdown', text: 'x', attemptId: 'a1' },
      { type: 'openMarkdown', text: 'x', attemptId: null },
      { type: 'save', ask: ASK, markSent: false },
      { type: 'save', ask: { ...ASK, attemptId: 'a1', basis: 'Hi' }, markSent: true },
      { type: 'ready', attemptId: 'a1' },
      { type: 'ready', attemptId: null, legacyAsk: ASK },
      { type: 'rateSkill', skillId: 's1', current: 2 },
      { type: 'rateSkill', skillId: 's1', importance: 4 },
      { type: 'undoRemoveSkill', skillId: 's1' },
      { type: 'newRequest' },
      { type: 'rendered' },
    ]) {
      assert.ok(parseToHost(m).ok, JSON.stringify(m));
    }
  });

  it('refuses unknown types, wrong shapes, extra fields, hostile keys and oversized messages', () => {
    const bad: unknown[] = [
      null,
      'ready',
      42,
      [],
      { type: 'runCommand', command: 'workbench.action.quit' },
      { type: 'rateSkill', skillId: 's1', current: 9, importance: 1 },
      { type: 'rateSkill', skillId: 's1', current: '3', importance: 1 },
      { type: 'setFocus', skillId: '../../etc' },
      { type: 'ready', extra: true },
      { type: 'savePerson', person: { name: 'A', org: 'mars', seniority: 'senior', evidence: '' } },
      JSON.parse('{"type":"savePerson","person":{"name":"A","org":"inside","seniority":"senior","evidence":"","__proto__":{"x":1}}}'),
      { type: 'preview', seq: -1, ask: ASK },
      { type: 'save', ask: { ...ASK, sessions: 7 }, markSent: false },
      { type: 'save', ask: { ...ASK, topics: Array(11).fill('t') }, markSent: false },
      { type: 'copy', text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) },
      { type: 'rateSkill', skillId: 's1' },
      { type: 'ready', attemptId: '../a1' },
      { type: 'save', ask: { ...ASK, attemptId: 7 }, markSent: false },
      { type: 'newRequest', attemptId: 'a1' },
      { type: 'rendered', data: {} },
      { type: 'openMarkdown', text: 'x', attemptId: '../a1' },
      { type: 'openMarkdown', text: 'x', attemptId: 1 },
    ];
    for (const m of bad) {
      const r = parseToHost(m);
      assert.equal(r.ok, false, JSON.stringify(m)?.slice(0, 100));
      if (!r.ok) assert.ok(r.reason.length > 0);
    }
  });

  it('ignores and logs a bad message: state unchanged, nothing posted', async () => {
    const { controller, posted, logged, memento, store } = await setup();
    const before = JSON.stringify(store.journal);
    const writes = memento.writes;
    await controller.receive({ type: 'removeSkill', skillId: 's1', evil: 'yes' });
    await controller.receive({ type: 'exec', command: 'rm -rf /' });
    assert.equal(JSON.stringify(store.journal), before);
    assert.equal(memento.writes, writes);
    assert.equal(posted.length, 0);
    assert.equal(logged.length, 2);
    assert.match(logged[0] ?? '', /Ignored a webview message/);
  });
});

describe('builder controller', () => {
  it('posts nothing before "ready", then the data', async () => {
    const { controller, posted } = await setup();
    controller.refresh();
    assert.equal(posted.length, 0);
    await controller.receive({ type: 'ready' });
    const data = posted[0];
    assert.equal(data?.type, 'data');
    if (data?.type !== 'data') return;
    assert.equal(data.data.aspiration, 'developing my leadership skills');
    assert.deepEqual(data.data.skills.map((s) => [s.name, s.priority, s.rank]), [['Financial acumen', 15, 1], ['Public speaking', 6, 2]]);
    assert.equal(data.data.focusSkillId, 's1');
    assert.ok(!data.data.catalogue.some((c) => c.name.toLowerCase() === 'financial acumen'), 'catalogue leaves out skills already there');
    assert.ok(data.data.coverageHint, 'one person, inside: a coverage hint');
  });

  it('saves each step to the journal as the user goes', async () => {
    const { controller, store } = await setup();
    await controller.receive({ type: 'setAspiration', text: 'growing into a team lead' });
    await controller.receive({ type: 'addSkill', name: 'Negotiation' });
    const negotiation = store.journal.skills.find((s) => s.name === 'Negotiation');
    assert.ok(negotiation);
    await controller.receive({ type: 'rateSkill', skillId: negotiation.id, current: 1, importance: 5 });
    await controller.receive({ type: 'setFocus', skillId: negotiation.id });
    await controller.receive({ type: 'savePerson', person: { name: 'Sofia', org: 'outside', seniority: 'senior', evidence: 'You closed the supplier deal.' } });
    const j = store.journal;
    assert.equal(j.aspiration, 'growing into a team lead');
    assert.equal(j.focusSkillId, negotiation.id);
    const { unrated, ...rest } = negotiation;
    assert.deepEqual(unrated, ['current', 'importance'], 'a new area is not rated yet');
    assert.deepEqual(j.skills.find((s) => s.id === negotiation.id), { ...rest, current: 1, importance: 5 });
    assert.deepEqual(j.people.find((p) => p.name === 'Sofia')?.skillIds, [negotiation.id]);
  });

  it('previews the rendered request with its quality check; the Terry example scores high', async () => {
    const { controller, posted } = await setup();
    await controller.receive({ type: 'preview', seq: 7, ask: ASK });
    const p = posted.at(-1);
    assert.equal(p?.type, 'preview');
    if (p?.type !== 'preview') return;
    assert.equal(p.seq, 7);
    assert.match(p.text, /^Hi Terry,/);
    assert.ok(p.score >= 90, `score ${p.score}: ${JSON.stringify(p.findings)}`);
    assert.ok(!p.findings.some((f) => f.severity === 'error'));
  });

  it('checks the text the user edited, and finds "mentor" in it', async () => {
    const { controller, posted } = await setup();
    await controller.receive({ type: 'preview', seq: 1, ask: { ...ASK, text: 'Hi Terry, would you be my mentor?' } });
    const p = posted.at(-1);
    assert.ok(p?.type === 'preview');
    if (p?.type !== 'preview') return;
    assert.equal(p.text, 'Hi Terry, would you be my mentor?');
    const mentor = p.findings.find((f) => f.id === 'mentor-word');
    assert.ok(mentor);
    assert.equal(p.text.slice(mentor.start, mentor.end).toLowerCase(), 'mentor');
    assert.ok(p.score < 50);
  });

  it('renders hostile input as inert text', async () => {
    const { controller, posted, store } = await setup();
    await controller.receive({ type: 'savePerson', person: { id: 'p1', name: 'Terry', org: 'inside', seniority: 'senior', evidence: '"><img src=x onerror=alert(1)> <script>alert(1)</script>' } });
    await controller.receive({ type: 'preview', seq: 2, ask: { ...ASK, topics: ['javascript:alert(1)', '{{constructor.constructor}}'] } });
    const p = posted.at(-1);
    assert.ok(p?.type === 'preview');
    if (p?.type !== 'preview') return;
    assert.ok(p.text.includes('<script>alert(1)</script>'), 'kept literally, as text');
    assert.ok(p.text.includes('{{constructor.constructor}}'), 'template syntax in input is not evaluated');
    assert.ok(store.journal.people[0]?.evidence.includes('<img'));
  });

  it('saves a draft (the edited text if any) and can mark it as sent', async () => {
    const { controller, posted, store } = await setup();
    await controller.receive({ type: 'save', ask: ASK, markSent: false });
    const saved = posted.at(-1);
    assert.equal(saved?.type, 'saved');
    assert.equal(store.journal.attempts.length, 1);
    assert.equal(store.journal.attempts[0]?.status, 'draft');
    assert.match(store.journal.attempts[0]?.text ?? '', /^Hi Terry,/);
    await controller.receive({ type: 'save', ask: { ...ASK, text: 'Hi Terry, my own words: three sessions over six weeks?' }, markSent: true });
    const second = store.journal.attempts[1];
    assert.equal(second?.status, 'sent');
    assert.equal(second?.text, 'Hi Terry, my own words: three sessions over six weeks?\n');
    assert.deepEqual(second?.events.map((e) => e.kind), ['created', 'sent']);
  });

  it('refuses to save an incomplete ask with a clear error, changing nothing', async () => {
    const { controller, posted, store } = await setup();
    const before = JSON.stringify(store.journal);
    await controller.receive({ type: 'save', ask: { ...ASK, personId: null }, markSent: false });
    await controller.receive({ type: 'save', ask: { ...ASK, topics: ['only one'] }, markSent: false });
    await controller.receive({ type: 'save', ask: { ...ASK, personId: 'ghost' }, markSent: false });
    assert.equal(JSON.stringify(store.journal), before);
    const errors = posted.filter((m) => m.type === 'error').map((m) => (m.type === 'error' ? m.message : ''));
    assert.equal(errors.length, 3);
    assert.match(errors[0] ?? '', /person/);
    assert.match(errors[1] ?? '', /two to five/);
    assert.match(errors[2] ?? '', /ghost/);
  });

  it('copies and opens the text through the host', async () => {
    const { controller, copied, opened } = await setup();
    await controller.receive({ type: 'copy', text: 'Hi Terry' });
    await controller.receive({ type: 'openMarkdown', text: 'Hi Terry' });
    assert.deepEqual(copied, ['Hi Terry']);
    assert.deepEqual(opened, [{ text: 'Hi Terry', draftId: null }]);
  });

  it('"Open as Markdown" of a saved draft passes the draft the form edits (as Edit Draft opens it), nothing else', async () => {
    const sent = attempt({ id: 'a9', status: 'sent', events: [{ at: '2026-11-20T10:00:00.000Z', kind: 'created', detail: '' }, { at: '2026-11-21T10:00:00.000Z', kind: 'sent', detail: '' }] });
    const { controller, posted, opened, logged, store } = await setup(terryJournal([sent, attempt({ id: 'a8', status: 'draft' })]));
    await controller.receive({ type: 'ready' });
    await controller.receive({ type: 'save', ask: ASK, markSent: false });
    const saved = lastOf(posted, 'saved');
    assert.ok(saved);
    await controller.receive({ type: 'openMarkdown', text: 'Hi Terry, edited in the form', attemptId: saved.attemptId });
    assert.deepEqual(opened.at(-1), { text: 'Hi Terry, edited in the form', draftId: saved.attemptId });
    // Another draft, a sent request and an unknown id are not the form's draft: the text opens as not saved.
    for (const other of ['a8', 'a9', 'gone']) {
      await controller.receive({ type: 'openMarkdown', text: 'Hi', attemptId: other });
      assert.deepEqual(opened.at(-1), { text: 'Hi', draftId: null }, other);
      assert.match(logged.at(-1) ?? '', new RegExp(`"${other}" is not the draft this form edits`));
    }
    // Once the form's draft is sent, it is no longer opened as a draft.
    const before = store.journal.attempts.length;
    await controller.receive({ type: 'save', ask: { ...ASK, attemptId: saved.attemptId }, markSent: true });
    assert.equal(store.journal.attempts.length, before);
    await controller.receive({ type: 'openMarkdown', text: 'Hi', attemptId: saved.attemptId });
    assert.deepEqual(opened.at(-1), { text: 'Hi', draftId: null });
  });
});

describe('builder controller: a form with a lifecycle', () => {
  it('saves twice into one draft: the second save updates the draft the form edits', async () => {
    const { controller, posted, store } = await setup();
    await controller.receive({ type: 'save', ask: ASK, markSent: false });
    const saved = lastOf(posted, 'saved');
    assert.ok(saved);
    assert.equal(store.journal.attempts.length, 1);
    await controller.receive({ type: 'save', ask: { ...ASK, sessions: 2, attemptId: saved.attemptId }, markSent: false });
    assert.equal(store.journal.attempts.length, 1, 'never a duplicate');
    const draft = store.journal.attempts[0];
    assert.equal(draft?.id, saved.attemptId);
    assert.equal(draft?.ask.sessions, 2);
    assert.match(draft?.text ?? '', /two 45-minute sessions/);
    assert.deepEqual(draft?.events.map((e) => e.kind), ['created']);
    assert.equal(controller.data().editing?.attemptId, saved.attemptId);
    assert.equal(controller.data().editing?.status, 'draft');
  });

  it('a save bound to a draft that was deleted meanwhile makes a new draft; one bound to a sent request is refused', async () => {
    const { controller, posted, store } = await setup(terryJournal([attempt({ id: 'a9', status: 'sent', events: [{ at: '2026-11-20T10:00:00.000Z', kind: 'created', detail: '' }, { at: '2026-11-21T10:00:00.000Z', kind: 'sent', detail: '' }] })]));
    await controller.receive({ type: 'save', ask: { ...ASK, attemptId: 'gone' }, markSent: false });
    assert.equal(store.journal.attempts.length, 2);
    const before = JSON.stringify(store.journal);
    await controller.receive({ type: 'save', ask: { ...ASK, attemptId: 'a9' }, markSent: false });
    assert.equal(JSON.stringify(store.journal), before);
    assert.match(lastOf(posted, 'error')?.message ?? '', /no longer a draft/);
  });

  it('after Mark as sent the data says what was sent, to whom, when and its status', async () => {
    const { controller, posted } = await setup();
    await controller.receive({ type: 'ready' });
    await controller.receive({ type: 'save', ask: ASK, markSent: true });
    const saved = lastOf(posted, 'saved');
    assert.ok(saved?.sent);
    const editing = lastData(posted).editing;
    assert.equal(editing?.attemptId, saved.attemptId);
    assert.equal(editing?.status, 'sent');
    assert.equal(editing?.statusLabel, '«sent»');
    assert.equal(editing?.personName, 'Terry');
    assert.equal(editing?.sentOn, 'on 2026-11-26');
    assert.match(editing?.text ?? '', /^Hi Terry,/);
  });

  it('on ready binds the form to its attempt: a sent one shows as sent, a deleted one as gone; newRequest unbinds', async () => {
    const sent = attempt({ id: 'a9', status: 'declined', events: [{ at: '2026-11-20T10:00:00.000Z', kind: 'created', detail: '' }, { at: '2026-11-21T10:00:00.000Z', kind: 'sent', detail: '' }] });
    const { controller, posted } = await setup(terryJournal([sent]));
    await controller.receive({ type: 'ready', attemptId: 'a9' });
    assert.equal(lastData(posted).editing?.status, 'declined');
    await controller.receive({ type: 'newRequest' });
    assert.equal(lastData(posted).editing, null);
    await controller.receive({ type: 'ready', attemptId: 'deleted' });
    assert.equal(lastData(posted).editing?.status, null);
  });

  it('a form restored from an older version is matched to the request it was saved as', async () => {
    const { controller, posted, store } = await setup();
    await controller.receive({ type: 'save', ask: ASK, markSent: true });
    const id = store.journal.attempts[0]?.id;
    const fresh = await setup(store.journal);
    await fresh.controller.receive({ type: 'ready', legacyAsk: ASK });
    assert.equal(lastData(fresh.posted).editing?.attemptId, id);
    assert.equal(lastData(fresh.posted).editing?.status, 'sent');
    const other = await setup(store.journal);
    await other.controller.receive({ type: 'ready', legacyAsk: { ...ASK, sessions: 5 } });
    assert.equal(lastData(other.posted).editing, null, 'a different ask is a new request');
    assert.ok(posted.length > 0);
  });
});

describe('builder controller: Mark as sent goes through the send gate', () => {
  const MENTOR = { ...ASK, text: 'Hi Terry, would you be my mentor?' };

  it('marks a clean request as sent without asking', async () => {
    const { controller, store, asked } = await setup();
    await controller.receive({ type: 'save', ask: ASK, markSent: true });
    assert.equal(asked.length, 0);
    assert.equal(store.journal.attempts[0]?.status, 'sent');
  });

  it('asks when the text has error findings; "Fix It First" saves nothing and sends the person back to the text', async () => {
    const { controller, store, asked, posted } = await setup(terryJournal([]), 'fix');
    const before = JSON.stringify(store.journal);
    await controller.receive({ type: 'save', ask: MENTOR, markSent: true });
    assert.equal(asked.length, 1);
    assert.equal(asked[0]?.attempt.text, 'Hi Terry, would you be my mentor?\n');
    assert.equal(JSON.stringify(store.journal), before, 'nothing saved');
    assert.deepEqual(lastOf(posted, 'sendHeld'), { type: 'sendHeld', fix: true });
    assert.equal(lastOf(posted, 'saved'), undefined);
  });

  it('closing the question saves nothing either', async () => {
    const { controller, store, posted } = await setup(terryJournal([]), 'cancel');
    await controller.receive({ type: 'save', ask: MENTOR, markSent: true });
    assert.equal(store.journal.attempts.length, 0);
    assert.deepEqual(lastOf(posted, 'sendHeld'), { type: 'sendHeld', fix: false });
  });

  it('"Send Anyway" marks it as sent', async () => {
    const { controller, store, asked } = await setup(terryJournal([]), 'send');
    await controller.receive({ type: 'save', ask: MENTOR, markSent: true });
    assert.equal(asked.length, 1);
    assert.equal(store.journal.attempts[0]?.status, 'sent');
  });

  it('asks about another open request to the same person for the same skill, even for a clean text', async () => {
    const open = attempt({ id: 'a1', status: 'sent', events: [{ at: '2026-11-20T10:00:00.000Z', kind: 'created', detail: '' }, { at: '2026-11-21T10:00:00.000Z', kind: 'sent', detail: '' }] });
    const { controller, store, asked } = await setup(terryJournal([open]), 'cancel');
    await controller.receive({ type: 'save', ask: ASK, markSent: true });
    assert.equal(asked.length, 1);
    assert.equal(store.journal.attempts.length, 1, 'nothing saved');
    await controller.receive({ type: 'save', ask: ASK, markSent: false });
    assert.equal(asked.length, 1, 'saving a draft asks nothing');
  });

  it('sends the draft the form edits (updated), not a copy', async () => {
    const { controller, store, posted } = await setup();
    await controller.receive({ type: 'save', ask: ASK, markSent: false });
    const id = lastOf(posted, 'saved')?.attemptId;
    await controller.receive({ type: 'save', ask: { ...ASK, attemptId: id, timeframe: 'this quarter' }, markSent: true });
    assert.equal(store.journal.attempts.length, 1);
    assert.equal(store.journal.attempts[0]?.status, 'sent');
    assert.equal(store.journal.attempts[0]?.ask.timeframe, 'this quarter');
  });

  it('starts one save at a time: a second Mark as sent while the first is asking is ignored', async () => {
    let release: (a: 'send') => void = () => undefined;
    const memento = new InMemoryMemento({ 'mentoring.journal': { v: 1, data: terryJournal([]) } });
    const { store } = await JournalStore.open(memento);
    const logged: string[] = [];
    const controller = new BuilderController({
      store,
      now: () => NOW,
      defaultSessions: () => 3,
      render: (model) => ({ text: renderRequest(model), templateError: null }),
      post: () => undefined,
      copy: async () => undefined,
      openMarkdown: async () => undefined,
      log: (m) => logged.push(m),
      notify: () => undefined,
      confirmSend: () => new Promise((r) => (release = r)),
    });
    const first = controller.receive({ type: 'save', ask: MENTOR, markSent: true });
    await controller.receive({ type: 'save', ask: MENTOR, markSent: true });
    release('send');
    await first;
    assert.equal(store.journal.attempts.length, 1);
    assert.match(logged.join('\n'), /ignored a save/);
  });
});

describe('builder controller: a preview that stays honest', () => {
  async function previewOf(controller: BuilderController, posted: ToWebview[], ask: AskForm) {
    await controller.receive({ type: 'preview', seq: 1, ask });
    const p = lastOf(posted, 'preview');
    assert.ok(p);
    return p;
  }

  it('follows the form while the text is the template', async () => {
    const { controller, posted } = await setup();
    const p = await previewOf(controller, posted, ASK);
    assert.equal(p.source, 'template');
    assert.equal(p.text, p.template);
  });

  it('carries a sessions change into the person\'s own text where it reads as the template wrote it', async () => {
    const { controller, posted } = await setup();
    const base = (await previewOf(controller, posted, ASK)).template;
    const mine = base.replace('Thank you!', 'Many thanks, Sam');
    const edited = await previewOf(controller, posted, { ...ASK, text: mine, basis: base });
    assert.equal(edited.source, 'edited');
    assert.equal(edited.text, mine);
    const p = await previewOf(controller, posted, { ...ASK, sessions: 2, text: mine, basis: base });
    assert.equal(p.source, 'updated');
    assert.match(p.text, /two 45-minute sessions/);
    assert.match(p.text, /Many thanks, Sam/);
    assert.match(p.template, /two 45-minute sessions/);
    assert.ok(!p.findings.some((f) => f.id === 'sessions-mismatch'), JSON.stringify(p.findings.map((f) => f.id)));
  });

  it('says the text is the person\'s own when the change cannot be carried over safely', async () => {
    const { controller, posted } = await setup();
    const base = (await previewOf(controller, posted, ASK)).template;
    const mine = 'Hi Terry, could we meet a few times this autumn about financial reports and storytelling with numbers? Thanks, Sam';
    const p = await previewOf(controller, posted, { ...ASK, sessions: 2, text: mine, basis: base });
    assert.equal(p.source, 'detached');
    assert.equal(p.text, mine, 'the person\'s text is never changed silently');
    assert.match(p.template, /two 45-minute sessions/);
  });

  it('an edited text that equals the template again follows the form again', async () => {
    const { controller, posted } = await setup();
    const base = (await previewOf(controller, posted, ASK)).template;
    const p = await previewOf(controller, posted, { ...ASK, text: `${base}  \n`, basis: base });
    assert.equal(p.source, 'template');
    const q = await previewOf(controller, posted, { ...ASK, sessions: 2, text: base, basis: base });
    assert.equal(q.source, 'template', 'carried over, it is exactly the new template');
    assert.equal(q.text, q.template);
  });
});

describe('builder controller: the Assess step', () => {
  it('adds areas not rated yet: ranked last, no priority ties, rated one level at a time', async () => {
    const { controller, store } = await setup();
    await controller.receive({ type: 'ready' });
    await controller.receive({ type: 'addSkill', name: 'Writing' });
    await controller.receive({ type: 'addSkill', name: 'Negotiation' });
    let rows = controller.data().skills;
    assert.deepEqual(rows.map((r) => [r.name, r.unrated, r.tieNote]), [
      ['Financial acumen', [], null],
      ['Public speaking', [], null],
      ['Writing', ['current', 'importance'], null],
      ['Negotiation', ['current', 'importance'], null],
    ]);
    const id = store.journal.skills.find((s) => s.name === 'Negotiation')?.id ?? '';
    await controller.receive({ type: 'rateSkill', skillId: id, current: 1 });
    rows = controller.data().skills;
    assert.deepEqual(rows.find((r) => r.id === id)?.unrated, ['importance']);
    await controller.receive({ type: 'rateSkill', skillId: id, importance: 5 });
    rows = controller.data().skills;
    assert.deepEqual(rows.map((r) => r.name), ['Negotiation', 'Financial acumen', 'Public speaking', 'Writing']);
    assert.deepEqual(rows[0]?.unrated, []);
    assert.ok(!('unrated' in (store.journal.skills.find((s) => s.id === id) ?? {})), 'the field goes once both are rated');
  });

  it('suggests switching the focus when the top of the ranking changes', async () => {
    const { controller, posted, store } = await setup();
    await controller.receive({ type: 'rateSkill', skillId: 's2', current: 1, importance: 5 });
    assert.deepEqual(lastOf(posted, 'suggestFocus'), { type: 'suggestFocus', skillId: 's2', name: 'Public speaking' });
    assert.equal(store.journal.focusSkillId, 's1', 'only suggested');
    posted.length = 0;
    await controller.receive({ type: 'rateSkill', skillId: 's2', current: 1, importance: 4 });
    assert.equal(lastOf(posted, 'suggestFocus'), undefined, 'the top did not change');
    await controller.receive({ type: 'setFocus', skillId: 's2' });
    await controller.receive({ type: 'rateSkill', skillId: 's1', current: 1, importance: 5 });
    assert.deepEqual(lastOf(posted, 'suggestFocus'), { type: 'suggestFocus', skillId: 's1', name: 'Financial acumen' });
  });

  it('removes a skill area with an Undo that puts it back as it was', async () => {
    const { controller, posted, store } = await setup();
    const before = JSON.stringify(store.journal);
    await controller.receive({ type: 'removeSkill', skillId: 's1' });
    assert.deepEqual(lastOf(posted, 'skillRemoved'), { type: 'skillRemoved', skillId: 's1', name: 'Financial acumen' });
    assert.equal(store.journal.focusSkillId, null);
    assert.deepEqual(store.journal.people[0]?.skillIds, []);
    await controller.receive({ type: 'undoRemoveSkill', skillId: 's1' });
    assert.equal(JSON.stringify(store.journal), before, 'the same journal as before the removal');
    await controller.receive({ type: 'undoRemoveSkill', skillId: 's1' });
    assert.match(lastOf(posted, 'error')?.message ?? '', /nothing to undo/);
    assert.equal(JSON.stringify(store.journal), before);
  });

  it('a refused removal posts the reason and offers no Undo', async () => {
    const { controller, posted, store } = await setup();
    const before = JSON.stringify(store.journal);
    await controller.receive({ type: 'removeSkill', skillId: 's1' });
    await controller.receive({ type: 'undoRemoveSkill', skillId: 's1' });
    const used = await setup(terryJournal());
    await used.controller.receive({ type: 'removeSkill', skillId: 's1' });
    assert.match(lastOf(used.posted, 'error')?.message ?? '', /outreach attempt/);
    assert.equal(lastOf(used.posted, 'skillRemoved'), undefined);
    assert.equal(JSON.stringify(store.journal), before);
    assert.ok(posted.length > 0);
  });
});
