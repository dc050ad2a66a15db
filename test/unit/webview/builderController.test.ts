import * as assert from 'node:assert/strict';
import { renderRequest } from '../../../src/domain/templates';
import { JournalStore } from '../../../src/storage/journalStore';
import { BuilderController } from '../../../src/webview/builderController';
import { MAX_MESSAGE_CHARS, parseToHost, type AskForm, type ToWebview } from '../../../src/webview/protocol';
import { InMemoryMemento } from '../support/memento';
import { terryJournal } from '../../support/journals';

const NOW = new Date('2026-11-26T12:00:00Z');

async function setup(initial = terryJournal([])) {
  const memento = new InMemoryMemento({ 'mentoring.journal': { v: 1, data: initial } });
  const { store } = await JournalStore.open(memento);
  const posted: ToWebview[] = [];
  const logged: string[] = [];
  const copied: string[] = [];
  const opened: string[] = [];
  const controller = new BuilderController({
    store,
    now: () => NOW,
    defaultSessions: () => 3,
    render: (model) => ({ text: renderRequest(model), templateError: null }),
    post: (m) => posted.push(m),
    copy: async (t) => void copied.push(t),
    openMarkdown: async (t) => void opened.push(t),
    log: (m) => logged.push(m),
    notify: () => undefined,
  });
  return { store, memento, controller, posted, logged, copied, opened };
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
      { type: 'save', ask: ASK, markSent: false },
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
    assert.deepEqual(j.skills.find((s) => s.id === negotiation.id), { ...negotiation, current: 1, importance: 5 });
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
    assert.deepEqual(opened, ['Hi Terry']);
  });
});
