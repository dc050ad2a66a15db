/**
 * Issue 11.13: every place that drafts a request or a follow-up uses the person's own templates — the
 * argument form of mentoring.draftRequest (from the workspace's .mentoring/templates and from an absolute
 * mentoring.templatesFolder), the builder, a referral's new draft and the follow-ups. (The keyboard flow
 * renders through the same function as the argument form; the extension host cannot type into its steps, so its
 * own-template case is end to end: test/e2e/draftRequestKeyboard.test.mjs.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { attempt, FINANCIAL_ACUMEN, journalWith, ROBIN, TERRY } from '../support/journals';
import { api, setJournal, tempUri, writeFile } from './support';

const REQUEST = 'Dear {{personName}}, {{sessionsInWords}} sessions on {{skill}}? (my own wording)';
const run = <T>(command: string, arg?: unknown) => Promise.resolve(vscode.commands.executeCommand<T>(command, arg));
const config = () => vscode.workspace.getConfiguration('mentoring');

function sentJournal() {
  return journalWith({
    attempts: [
      attempt({ id: 'a1' }),
      attempt({ id: 'sent1', status: 'sent', events: [{ at: '2026-11-20T10:00:00.000Z', kind: 'created', detail: '' }, { at: '2026-11-21T10:00:00.000Z', kind: 'sent', detail: '' }] }),
    ],
  });
}

describe("the person's own templates, wherever a text is drafted (inside a real extension host)", () => {
  const workspaceTemplates = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.mentoring', 'templates');

  beforeEach(() => setJournal(sentJournal()));
  afterEach(async () => {
    await config().update('templatesFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(workspaceTemplates(), { recursive: true }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(() => setJournal());

  it('draftRequest with an argument uses .mentoring/templates/request.hbs in the workspace (the default folder)', async () => {
    await writeFile(vscode.Uri.joinPath(workspaceTemplates(), 'request.hbs'), REQUEST);
    const text = await run<string>('mentoring.draftRequest', { personId: 'p1', sessions: 2 });
    assert.equal(text, 'Dear Terry, two sessions on financial acumen? (my own wording)\n');
    assert.equal((await api()).journal().attempts.at(-1)?.text, text);
  });

  it('draftRequest with an argument uses an absolute mentoring.templatesFolder', async () => {
    const dir = tempUri('absolute-templates');
    await writeFile(vscode.Uri.joinPath(dir, 'request.hbs'), REQUEST.replace('Dear', 'Hello'));
    await config().update('templatesFolder', dir.fsPath, vscode.ConfigurationTarget.Workspace);
    const text = await run<string>('mentoring.draftRequest', { personId: 'p1' });
    assert.match(text, /^Hello Terry, three sessions on financial acumen\? \(my own wording\)/);
  });

  it('a broken template falls back to the built-in wording, and the draft is still saved', async () => {
    await writeFile(vscode.Uri.joinPath(workspaceTemplates(), 'request.hbs'), '{{#if skill}}no end of block');
    const text = await run<string>('mentoring.draftRequest', { personId: 'p1' });
    assert.match(text, /^Hi Terry,/);
    assert.equal((await api()).journal().attempts.at(-1)?.text, text);
  });

  it("the builder's draft uses it too", async () => {
    await writeFile(vscode.Uri.joinPath(workspaceTemplates(), 'request.hbs'), REQUEST);
    const a = await api();
    await run('mentoring.openBuilder');
    assert.ok(await a.builderMessage({ type: 'save', ask: { personId: 'p1', sessions: 3, minutesPerSession: 45, timeframe: 'this quarter', topics: ['reports', 'stories'], text: null }, markSent: false }));
    assert.equal(a.journal().attempts.at(-1)?.text, 'Dear Terry, three sessions on financial acumen? (my own wording)\n');
  });

  it("a referral's new draft request uses it", async () => {
    await writeFile(vscode.Uri.joinPath(workspaceTemplates(), 'request.hbs'), REQUEST);
    const r = await run<{ createdAttemptId?: string }>('mentoring.recordResponse', { attemptId: 'sent1', response: 'referral', referral: { name: 'Marcus Lee', evidence: 'You rebuilt the budget model.' } });
    const created = (await api()).journal().attempts.find((x) => x.id === r.createdAttemptId);
    assert.match(created?.text ?? '', /^Dear Marcus Lee, three sessions on financial acumen\? \(my own wording\)/);
  });

  it('the follow-ups use theirs (a nudge)', async () => {
    await writeFile(vscode.Uri.joinPath(workspaceTemplates(), 'followUpNudge.hbs'), 'Hi {{firstName}}, a gentle nudge in my own words.');
    const text = await run<string>('mentoring.draftFollowUp', { attemptId: 'sent1', kind: 'nudge' });
    assert.equal(text, 'Hi Terry, a gentle nudge in my own words.\n');
  });
});

/**
 * Issue 11.7: a request to someone who was suggested (a person with referredBy) says who suggested them, whichever
 * path drafts it — the argument form, the builder, and (with the user's own template) the `referredBy` they see.
 * The keyboard flow renders through the same model; typing through it is end to end (followUpsReferrals.test.mjs).
 */
describe('who suggested the contact, on every drafting path (inside a real extension host)', () => {
  const workspaceTemplates = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.mentoring', 'templates');
  // Robin (p2) was suggested by Terry (p1); Robin is linked to financial acumen here so every path can pick them.
  const referred = () => journalWith({ skills: [FINANCIAL_ACUMEN], people: [TERRY, { ...ROBIN, skillIds: ['s1'] }] });

  beforeEach(() => setJournal(referred()));
  afterEach(async () => {
    await vscode.workspace.fs.delete(workspaceTemplates(), { recursive: true }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(() => setJournal());

  it('the argument form: draftRequest { personId } of a referral says "Terry suggested I talk to you."', async () => {
    const text = await run<string>('mentoring.draftRequest', { personId: 'p2', skillId: 's1' });
    assert.match(text, /^Hi Robin,\s+Terry suggested I talk to you\. I am working on/);
    assert.equal((await api()).journal().attempts.at(-1)?.text, text);
    const plain = await run<string>('mentoring.draftRequest', { personId: 'p1', skillId: 's1' });
    assert.doesNotMatch(plain, /suggested I talk to you/, 'nobody suggested Terry');
  });

  it('the builder: the draft it saves says who suggested Robin', async () => {
    const a = await api();
    await run('mentoring.openBuilder', { step: 'ask' });
    const ask = { personId: 'p2', sessions: 3, minutesPerSession: 45, timeframe: 'this quarter', topics: ['reports', 'stories'], text: null };
    assert.ok(await a.builderMessage({ type: 'save', ask, markSent: false }));
    assert.match(a.journal().attempts.at(-1)?.text ?? '', /^Hi Robin,\s+Terry suggested I talk to you\. I am working on/);
  });

  it("a user's own request template sees {{referredBy}} on the argument form and in the builder", async () => {
    await writeFile(vscode.Uri.joinPath(workspaceTemplates(), 'request.hbs'), 'Dear {{firstName}}, {{#if referredBy}}{{referredBy}} sent me. {{/if}}(my own wording)');
    assert.equal(await run<string>('mentoring.draftRequest', { personId: 'p2', skillId: 's1' }), 'Dear Robin, Terry sent me. (my own wording)\n');
    const a = await api();
    await run('mentoring.openBuilder', { step: 'ask' });
    assert.ok(await a.builderMessage({ type: 'save', ask: { personId: 'p2', sessions: 2, minutesPerSession: 45, timeframe: 'this quarter', topics: ['reports', 'stories'], text: null }, markSent: false }));
    assert.equal(a.journal().attempts.at(-1)?.text, 'Dear Robin, Terry sent me. (my own wording)\n');
  });
});
