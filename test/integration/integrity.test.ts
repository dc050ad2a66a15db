/**
 * Issue 9: no allowed input may ever cost a person their journal — through the public commands, in a
 * real extension host. Each test names the numbered defect it proves fixed.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LIMITS, parseJournal, type Attempt, type Journal } from '../../src/domain/journal';
import { journalWith, TERRY } from '../support/journals';
import { api, readText, setJournal, snapshot, tempUri, writeFile } from './support';

const ASK = { sessions: 3, minutesPerSession: 45, timeframe: 'over the next six weeks', topics: ['reading our financial reports', 'turning numbers into a story'] };

function sent(id: string, extra: Partial<Attempt> = {}): Attempt {
  return {
    id,
    personId: 'p1',
    skillId: 's1',
    ask: ASK,
    text: 'Hi Terry, would you be willing to spend three sessions with me?',
    status: 'sent',
    askAgainOn: null,
    sessionsDone: 0,
    events: [
      { at: '2026-11-02T09:00:00.000Z', kind: 'created', detail: '' },
      { at: '2026-11-03T09:00:00.000Z', kind: 'sent', detail: '' },
    ],
    ...extra,
  };
}

function journal(attempts: Attempt[] = [sent('a1')], evidence = TERRY.evidence): Journal {
  return journalWith({ people: [{ ...TERRY, evidence }], attempts });
}

const run = <T>(command: string, arg?: unknown) => Promise.resolve(vscode.commands.executeCommand<T>(command, arg));

/** The journal as it is exported, then imported back (replace): valid, and unchanged. */
async function assertRoundTrips(): Promise<void> {
  const a = await api();
  const before = snapshot(a);
  assert.ok(parseJournal(JSON.parse(before)).ok, 'the journal is valid');
  const uri = tempUri('round-trip.json');
  await run('mentoring.exportJournal', { uri, format: 'json' });
  await run('mentoring.importJournal', { uri, mode: 'replace' });
  assert.equal(snapshot(a), before, 'export then import changes nothing');
}

describe('integrity: no allowed input costs a journal (issue 9, in a real extension host)', function () {
  this.timeout(30_000);
  afterEach(() => setJournal());

  it('9.1 a referral whose evidence is 20,000 characters drafts a request that fits the format', async () => {
    await setJournal(journal());
    const r = await run<{ createdAttemptId: string }>('mentoring.recordResponse', { attemptId: 'a1', response: 'referral', referral: { name: 'Marcus Lee', evidence: 'e'.repeat(LIMITS.longText) } });
    const created = (await api()).journal().attempts.find((x) => x.id === r.createdAttemptId);
    assert.ok(created && created.text.length <= LIMITS.longText);
    assert.match(created.text, /Shortened here: texts are limited to 20,000 characters/);
    await assertRoundTrips();
  });

  it('9.1 draftRequest for a person whose evidence is 19,900 characters drafts a text within the limit', async () => {
    await setJournal(journal([], 'e'.repeat(19_900)));
    const text = await run<string>('mentoring.draftRequest', { personId: 'p1', topics: ['reading reports', 'telling the story'] });
    assert.ok(text.length <= LIMITS.longText, `${text.length}`);
    await assertRoundTrips();
  });

  it('9.1 markSent on an attempt that already holds 2,000 events is refused, naming the field and the limit; nothing changes', async () => {
    const events = Array.from({ length: LIMITS.eventsPerAttempt }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), kind: 'note', detail: '' }));
    await setJournal(journal([{ ...sent('d1'), status: 'draft', events }]));
    const a = await api();
    const before = snapshot(a);
    await assert.rejects(run('mentoring.markSent', { attemptId: 'd1' }), /events must have at most 2000 events.*Nothing was changed/);
    assert.equal(snapshot(a), before);
    await assertRoundTrips();
  });

  it('9.1 a builder save of a 20,000-character text is stored within the limit', async () => {
    await setJournal(journal([]));
    await run('mentoring.openBuilder', { step: 'ask' });
    const a = await api();
    const text = `${'w'.repeat(LIMITS.longText - 1)}x`;
    assert.ok(await a.builderMessage({ type: 'save', ask: { ...ASK, personId: 'p1', text }, markSent: false }));
    const saved = a.journal().attempts[0];
    assert.equal(saved?.text.length, LIMITS.longText);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await assertRoundTrips();
  });

  it('9.5 a merge import attaches records to the person they belong to, and says what it renamed', async () => {
    await setJournal(journal());
    const file: Journal = {
      ...journal([{ ...sent('a1'), text: 'Hi Alex, …', events: [{ at: '2026-10-01T09:00:00.000Z', kind: 'created', detail: '' }] }]),
      people: [{ id: 'p1', name: 'Alex', org: 'outside', seniority: 'peer', skillIds: ['s1'], evidence: '', referredBy: null, sponsor: false }],
    };
    const uri = tempUri('alex.json');
    await writeFile(uri, JSON.stringify(file));
    const summary = await run<string>('mentoring.importJournal', { uri });
    assert.match(summary, /1 attempt, 1 person renamed to avoid a clash/);
    const j = (await api()).journal();
    const alex = j.people.find((p) => p.name === 'Alex');
    assert.ok(alex && alex.id !== 'p1');
    assert.equal(j.attempts.find((x) => x.text === 'Hi Alex, …')?.personId, alex.id);
    assert.equal(j.attempts.find((x) => x.id === 'a1')?.personId, 'p1');
  });

  it('9.6 every damaged journal set aside can be exported and restored, not only the newest', async () => {
    await setJournal(journal([]));
    const a = await api();
    const older = { v: 1, data: journal([sent('old1'), sent('old2', { text: 'x'.repeat(LIMITS.longText + 5) })]) };
    const newer = { v: 1, data: { format: 'mentoring-outreach/journal', version: 1, attempts: 'broken' } };
    await a.setAsideDamaged('2026-11-01T09-00-00-000Z', older);
    await a.setAsideDamaged('2026-11-02T09-00-00-000Z', newer);
    const uri = tempUri('older-damaged.json');
    await run('mentoring.exportDamagedData', { uri, key: 'mentoring.journal.damaged.2026-11-01T09-00-00-000Z' });
    assert.deepEqual(JSON.parse(await readText(uri)), older);
    const r = await run<{ summary: string; repairs: string[] }>('mentoring.restoreDamagedData', { key: 'mentoring.journal.damaged.2026-11-01T09-00-00-000Z' });
    assert.deepEqual(r.repairs, ['$.attempts[1].text: shortened to 20000 characters']);
    assert.deepEqual(a.journal().attempts.map((x) => x.id), ['old1', 'old2']);
    await assertRoundTrips();
    await assert.rejects(run('mentoring.restoreDamagedData', { key: 'mentoring.journal.damaged.2026-11-02T09-00-00-000Z', mode: 'sideways' }), /mode must be/);
    await assert.rejects(run('mentoring.exportDamagedData', { uri, nope: 1 }), /Unknown key "nope"/);
    await assert.rejects(run('mentoring.restoreDamagedData', { key: 'mentoring.journal.damaged.nope' }), /No damaged journal is kept under/);
  });

  it('9.7 the API hands out a read-only journal: another extension cannot change what the next write saves', async () => {
    await setJournal(journal());
    const a = await api();
    const j = a.journal() as Journal;
    assert.throws(() => {
      (j.attempts[0] as Attempt).text = 'changed by someone else';
    }, TypeError);
    assert.throws(() => (j.people as unknown[]).push({}), TypeError);
    await run('mentoring.recordResponse', { attemptId: 'a1', response: 'yes' });
    assert.notEqual(a.journal().attempts[0]?.text, 'changed by someone else');
  });
});
