/**
 * Edit Draft (issue 11, item 4) inside a real extension host: a saved draft opens in an editor BOUND to its
 * attempt (`mentoring-draft:`), never an untitled copy; Ctrl+S (document.save) writes the text to the journal;
 * an invalid save is refused and changes nothing; a change of the journal meanwhile reaches the editor; a sent
 * request cannot be edited. The live request check runs on the bound editor.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Journal } from '../../src/domain/journal';
import { api, setJournal, snapshot, terry } from './support';

const SOURCE = 'Mentoring Outreach';
const MENTOR_TEXT = 'Hi Terry, would you be my mentor?';

async function waitFor<T>(what: string, probe: () => T | undefined | null | false, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Terry's journal with the draft a1 holding `text`. */
function withDraftText(text: string): Journal {
  const j = terry();
  return { ...j, attempts: j.attempts.map((a) => (a.id === 'a1' ? { ...a, text } : a)) };
}

async function editDraft(attemptId = 'a1'): Promise<vscode.TextDocument> {
  const result = await vscode.commands.executeCommand<{ attemptId: string; uri: string }>('mentoring.editDraft', { attemptId });
  assert.equal(result.attemptId, attemptId);
  const editor = await waitFor('the bound editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === result.uri));
  return editor.document;
}

async function replaceAll(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

const textOf = (a: { journal(): Journal }, id = 'a1') => a.journal().attempts.find((x) => x.id === id)?.text;

async function closeAll(): Promise<void> {
  for (let i = 0; i < 30 && vscode.window.activeTextEditor; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('Edit Draft: an editor bound to the attempt (inside a real extension host)', () => {
  // Saving is the test's act: VS Code in a browser saves after a delay by default, which would race with it.
  const files = () => vscode.workspace.getConfiguration('files');
  let autoSave: unknown;
  before(async () => {
    autoSave = files().inspect('autoSave')?.globalValue;
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  after(() => files().update('autoSave', autoSave, vscode.ConfigurationTarget.Global));
  beforeEach(() => setJournal(withDraftText(MENTOR_TEXT)));
  afterEach(() => closeAll());

  it('opens the draft in a Markdown editor bound to it (not untitled), with the live check', async () => {
    await api();
    const doc = await editDraft();
    assert.equal(doc.uri.scheme, 'mentoring-draft');
    assert.equal(doc.isUntitled, false);
    assert.equal(doc.isDirty, false);
    assert.equal(doc.languageId, 'markdown');
    assert.equal(doc.getText(), MENTOR_TEXT);
    assert.match(doc.uri.path, /^\/a1\/Request to Terry\.md$/);
    const mentor = await waitFor('the mentor-word diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === SOURCE && d.code === 'mentor-word'));
    assert.equal(doc.getText(mentor.range), 'mentor');
    // Opened again: the same editor, not a second copy.
    const again = await editDraft();
    assert.equal(again, doc);
  });

  it('saves what the person typed to the journal (Ctrl+S), and is then neither untitled nor dirty', async () => {
    const a = await api();
    const doc = await editDraft();
    const text = 'Hi Terry, would you spend three sessions with me over the next six weeks on reading our reports & telling the story?\n';
    await replaceAll(doc, text);
    assert.equal(doc.isDirty, true);
    assert.equal(textOf(a), MENTOR_TEXT, 'nothing reaches the journal before saving');
    assert.equal(await doc.save(), true);
    assert.equal(textOf(a), text);
    assert.equal(doc.isDirty, false);
    assert.equal(doc.isUntitled, false);
    // Only the text changed: status, events and everything else as before.
    const before = withDraftText(text);
    assert.deepEqual(JSON.parse(snapshot(a)), JSON.parse(JSON.stringify(before)));
    // The live check follows the saved text: no "mentor" any more.
    await waitFor('mentor-word to go', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'mentor-word'));
  });

  it('refuses a save over the journal’s 20,000-character limit: the journal is unchanged, the text stays in the editor', async () => {
    const a = await api();
    const doc = await editDraft();
    const before = snapshot(a);
    await replaceAll(doc, 'x'.repeat(20_001));
    assert.equal(await doc.save(), false, 'the save fails');
    assert.equal(snapshot(a), before, 'nothing changed');
    assert.equal(doc.isDirty, true, 'what the person typed is not lost');
    // A text of exactly the limit is fine.
    await replaceAll(doc, 'y'.repeat(20_000));
    assert.equal(await doc.save(), true);
    assert.equal(textOf(a), 'y'.repeat(20_000));
  });

  it('shows a change of the journal made meanwhile (another save, an import) in the open editor', async () => {
    const a = await api();
    const doc = await editDraft();
    await setJournal(withDraftText('Hi Terry, changed elsewhere.'));
    assert.equal(textOf(a), 'Hi Terry, changed elsewhere.');
    await waitFor('the editor to show the new text', () => doc.getText() === 'Hi Terry, changed elsewhere.');
    assert.equal(doc.isDirty, false);
  });

  it('refuses to save once the request is marked as sent, changing nothing', async () => {
    const a = await api();
    const doc = await editDraft();
    await vscode.commands.executeCommand('mentoring.markSent', { attemptId: 'a1' });
    assert.equal(a.journal().attempts.find((x) => x.id === 'a1')?.status, 'sent');
    const before = snapshot(a);
    await replaceAll(doc, 'Hi Terry, edited after sending.').catch(() => undefined);
    if (doc.isDirty) assert.equal(await doc.save(), false);
    assert.equal(snapshot(a), before);
  });

  it('refuses to open a sent request or an unknown attempt for editing, changing nothing', async () => {
    const a = await api();
    const before = snapshot(a);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mentoring.editDraft', { attemptId: 'a2' })), /only a draft can be edited/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mentoring.editDraft', { attemptId: 'nope' })), /No outreach attempt has the id "nope"/);
    assert.equal(snapshot(a), before);
    assert.equal(vscode.window.visibleTextEditors.filter((e) => e.document.uri.scheme === 'mentoring-draft').length, 0);
  });

  it('a deleted draft: its editor is told, and a save is refused', async () => {
    const a = await api();
    const doc = await editDraft();
    await replaceAll(doc, 'Hi Terry, typed before it went.');
    await vscode.commands.executeCommand('mentoring.deleteAttempt', { attemptId: 'a1' });
    assert.equal(a.journal().attempts.some((x) => x.id === 'a1'), false);
    const before = snapshot(a);
    assert.equal(await doc.save(), false);
    assert.equal(snapshot(a), before, 'the deleted draft is not brought back by a save');
  });

  it('takes the tree’s draft row (context menu, inline action) and opens that draft', async () => {
    const a = await api();
    const group = (a.treeNodes('outreach') as unknown as { group?: string }[]).find((n) => n.group === 'drafts');
    const [row] = a.treeNodes('outreach', group);
    const result = await vscode.commands.executeCommand<{ attemptId: string; uri: string }>('mentoring.editDraft', row);
    assert.equal(result.attemptId, 'a1');
    assert.ok(result.uri.startsWith('mentoring-draft:'));
  });
});

describe('the builder\'s "Open as Markdown": the draft the form edits, bound to the journal; else read-only (inside a real extension host)', () => {
  const files = () => vscode.workspace.getConfiguration('files');
  let autoSave: unknown;
  before(async () => {
    autoSave = files().inspect('autoSave')?.globalValue;
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await files().update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  beforeEach(() => setJournal(withDraftText(MENTOR_TEXT)));
  afterEach(() => closeAll());

  /** The builder open, its webview ready, and its form bound to the draft `attemptId` (or to none). */
  async function builderEditing(attemptId: string | null) {
    const a = await api();
    await vscode.commands.executeCommand('mentoring.openBuilder', { step: 'ask' });
    // The webview's own "ready" binds the form to what it kept: it has to have come before ours.
    await waitFor('the builder\'s webview', () => a.builderReady(), 15_000);
    assert.equal(await a.builderMessage({ type: 'ready', attemptId }), true);
    return a;
  }

  const editorOf = (scheme: string) => waitFor(`an editor of ${scheme}:`, () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === scheme));
  const untitled = () => vscode.workspace.textDocuments.filter((d) => d.isUntitled);

  it('opens the saved draft in its bound editor with the form\'s text as a change not saved yet; Ctrl+S saves it to the draft', async () => {
    const a = await builderEditing('a1');
    const form = 'Hi Terry, would you spend three sessions with me over the next six weeks on our financial reports?';
    await a.builderMessage({ type: 'openMarkdown', text: form, attemptId: 'a1' });
    const editor = await editorOf('mentoring-draft');
    const doc = editor.document;
    assert.match(doc.uri.path, /^\/a1\//);
    await waitFor('the form\'s text in it', () => doc.getText() === `${form}\n`);
    assert.equal(doc.isDirty, true, 'not saved until the person saves');
    assert.equal(textOf(a), MENTOR_TEXT);
    assert.equal(await doc.save(), true);
    assert.equal(textOf(a), `${form}\n`);
    assert.deepEqual(untitled(), []);
  });

  it('the same text as saved: the draft opens as it is, nothing to save', async () => {
    const a = await builderEditing('a1');
    await a.builderMessage({ type: 'openMarkdown', text: `${MENTOR_TEXT}\n`, attemptId: 'a1' });
    const doc = (await editorOf('mentoring-draft')).document;
    // An editor left open by the test before may still show that test's text until VS Code re-reads the draft (the
    // journal was reset meanwhile): it comes to the saved text, and the builder's text (the same) is not put in.
    await waitFor('the saved text in the editor', () => doc.getText() === MENTOR_TEXT);
    assert.equal(doc.isDirty, false);
    await waitFor('the live check', () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === SOURCE && d.code === 'mentor-word'));
  });

  it('a form with no saved draft: the text opens read-only, checked, never untitled — and closing it asks nothing', async () => {
    const a = await builderEditing(null);
    const before = snapshot(a);
    await a.builderMessage({ type: 'openMarkdown', text: MENTOR_TEXT, attemptId: null });
    const doc = (await editorOf('mentoring-text')).document;
    assert.equal(doc.getText(), MENTOR_TEXT);
    assert.equal(doc.isUntitled, false);
    assert.equal(doc.languageId, 'markdown');
    const mentor = await waitFor('the findings', () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === SOURCE && d.code === 'mentor-word'));
    // Nothing can edit it: no quick fix is offered for it.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, mentor.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.filter((x) => x.diagnostics?.some((d) => d.source === SOURCE)), []);
    assert.deepEqual(untitled(), []);
    assert.equal(snapshot(a), before, 'nothing saved');
  });

  it('an id that is not the form\'s draft (another one, or a sent request) opens nothing bound to it', async () => {
    const a = await builderEditing(null);
    await a.builderMessage({ type: 'openMarkdown', text: 'Hi Terry.', attemptId: 'a1' });
    await editorOf('mentoring-text');
    assert.equal(vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'mentoring-draft'), false);
  });
});
