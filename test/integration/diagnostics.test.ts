import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyFixes, checkRequest } from '../../src/domain/requestCheck';
import { api } from './support';

const SOURCE = 'Mentoring Outreach';
const OPEN = 'mentoring.test.openRequestDocument';
const TERRY =
  "Hi Terry, I am working on developing my leadership skills. I've identified that I need further expertise in the area of financial acumen. " +
  "I've seen you present at the All Hands meeting, and you tell a compelling story about the financials. Would you be willing to spend three sessions with me " +
  'focusing on a high level understanding of our financial reports, how you convert those numbers into a compelling story, and what someone at my level ' +
  'needs to be doing in order to develop their financial acumen further?';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function codes(uri: vscode.Uri): string[] {
  return ours(uri).map((d) => String(d.code));
}

/** Polls `probe` until it returns something truthy (no fixed sleeps); fails with `what` after `ms`. */
async function waitFor<T>(what: string, probe: () => T | undefined | null | false, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function openTracked(text: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = await vscode.commands.executeCommand<vscode.Uri>(OPEN, { text });
  const editor = await waitFor('the request editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()));
  return { doc: editor.document, editor };
}

async function openPlain(text: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language, content: text });
  if (doc.getText() !== text) {
    // VS Code may reuse a just-closed "Untitled-N" with its old text (see untitledMarkdown in src/diagnostics/checkCommand.ts).
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
  return vscode.window.showTextDocument(doc, { preview: false });
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a): a is vscode.CodeAction => 'edit' in a || 'diagnostics' in a);
}

/**
 * The quick fixes for `diagnostic` once the workbench shows it. `languages.getDiagnostics` (what waitFor polls) is the
 * extension host's copy; the code-action request is answered with the window's markers, which arrive a message
 * later — on a busy machine, asking at once could find none yet (the cause of an intermittent "0 !== 1").
 */
async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const until = Date.now() + 5_000;
  for (;;) {
    const actions = await quickFixes(uri, diagnostic.range);
    if (actions.some((a) => a.diagnostics?.some((d) => d.code === diagnostic.code))) return actions;
    if (Date.now() > until) return actions; // the caller's assertion says what is missing
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Closes every text editor without saving (all documents here are untitled). */
async function closeTextEditors(): Promise<void> {
  for (let i = 0; i < 30 && vscode.window.activeTextEditor; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

function offsets(doc: vscode.TextDocument, d: vscode.Diagnostic): [number, number] {
  return [doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)];
}

describe('request diagnostics (inside a real extension host)', () => {
  before(() => api());
  afterEach(() => closeTextEditors());

  it('shows the findings in a Markdown document it opens, each at the right range', async () => {
    const text = 'Hi Terry, would you be my mentor?';
    const { doc } = await openTracked(text);
    assert.equal(doc.languageId, 'markdown');
    assert.equal(doc.getText(), text);
    const mentor = await waitFor('the mentor-word diagnostic', () => ours(doc.uri).find((d) => d.code === 'mentor-word'));
    assert.deepEqual(offsets(doc, mentor), [26, 32]);
    assert.equal(doc.getText(mentor.range), 'mentor');
    assert.equal(mentor.severity, vscode.DiagnosticSeverity.Error);
    assert.match(mentor.message, /"mentor" makes the request sound like an open-ended commitment\. Leave the word out/);
    // Everything the checker found, with its severity.
    const expected = checkRequest(text).findings;
    assert.deepEqual(codes(doc.uri).sort(), expected.map((f) => f.id).sort());
    const info = ours(doc.uri).find((d) => d.code === 'skill-not-named');
    assert.equal(info?.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(ours(doc.uri).find((d) => d.code === 'no-evidence')?.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('checks against the context it was opened with (the person, the planned sessions)', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>(OPEN, {
      text: 'Hi Sam, would you spend eight sessions with me?',
      context: { personName: 'Terry Jones', sessions: 3 },
    });
    const greeting = await waitFor('the greeting diagnostic', () => ours(uri).find((d) => d.code === 'greeting'));
    assert.equal(greeting.severity, vscode.DiagnosticSeverity.Error);
    const mismatch = ours(uri).find((d) => d.code === 'sessions-mismatch');
    assert.ok(mismatch && ours(uri).some((d) => d.code === 'too-many-sessions'));
    const titles = (await quickFixesFor(uri, mismatch)).map((a) => a.title);
    assert.equal(titles.filter((t) => t === 'Replace “eight” with “three”, as planned').length, 1, `one action per distinct edit: ${titles.join(' | ')}`);
  });

  it('follows the text as the user types', async () => {
    const { doc, editor } = await openTracked('Hi Terry, would you be my mentor?');
    const mentor = await waitFor('the mentor-word diagnostic', () => ours(doc.uri).find((d) => d.code === 'mentor-word'));
    assert.ok(await editor.edit((b) => b.delete(mentor.range)));
    assert.equal(doc.getText(), 'Hi Terry, would you be my ?');
    await waitFor('mentor-word to go away', () => !codes(doc.uri).includes('mentor-word'));
    assert.ok(!codes(doc.uri).includes('open-ended'), 'the open-ended "be my mentor" went with it');
    assert.ok(codes(doc.uri).includes('no-sessions'), 'the rest is still reported');
  });

  it('offers the checker’s replacements as quick fixes, and one fix for all', async () => {
    // Two fixable findings (a fix writes no placeholder, so a short text has few): "mentoring" goes, "mentorship" becomes "guidance".
    const text = 'Hi Terry, would you spend three mentoring sessions with me? Your mentorship would mean a lot.';
    const { doc } = await openTracked(text);
    const mentor = await waitFor('the mentor-word diagnostic', () => ours(doc.uri).find((d) => d.code === 'mentor-word'));
    const actions = await quickFixesFor(doc.uri, mentor);
    const remove = actions.find((a) => a.title === 'Remove “mentoring”');
    assert.ok(remove, `titles: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(remove.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(remove.isPreferred, true);
    const all = actions.find((a) => a.title === 'Fix all Mentoring Outreach issues');
    assert.ok(all?.edit, 'fix all is offered: there is more than one fixable finding');
    assert.ok(await vscode.workspace.applyEdit(remove.edit!));
    assert.equal(doc.getText(), 'Hi Terry, would you spend three sessions with me? Your mentorship would mean a lot.');
    await waitFor('"mentoring" to go away', () => codes(doc.uri).filter((c) => c === 'mentor-word').length === 1);
  });

  it('“Fix all” applies every replacement at once', async () => {
    const text = 'Hi Terry, would you be my mentor? Your mentorship would mean a lot.';
    const { doc } = await openTracked(text);
    const role = await waitFor('the open-ended diagnostic', () => ours(doc.uri).find((d) => d.code === 'open-ended'));
    const actions = await quickFixesFor(doc.uri, role);
    const titles = actions.map((a) => a.title);
    // A fix writes no placeholder (issue 11.10): without the journal, the method's "three sessions".
    const spend = actions.find((a) => a.title === 'Replace “be my mentor” with “spend three sessions with me”');
    assert.ok(spend, titles.join(' | '));
    assert.equal(spend.isPreferred, true, 'the one fix here that leaves nothing to fill in is preferred');
    const all = actions.find((a) => a.title === 'Fix all Mentoring Outreach issues');
    assert.ok(all?.edit);
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.equal(doc.getText(), applyFixes(text, checkRequest(text).findings));
    await waitFor('the role and the word to go', () => !codes(doc.uri).includes('open-ended') && !codes(doc.uri).includes('mentor-word'));
    assert.ok(!codes(doc.uri).includes('placeholder'), 'Fix all leaves no placeholder');
  });

  it('answers quick fixes only for tracked documents', async () => {
    const plain = await openPlain('Hi Terry, would you spend three mentoring sessions with me?', 'markdown');
    const { doc, editor } = await openTracked('Hi Terry, would you be my mentor?');
    const mentor = await waitFor('diagnostics in the tracked document', () => ours(doc.uri).find((d) => d.code === 'mentor-word'));
    // Edit both; once the tracked one has been checked again, the untracked one had its chance too.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(plain.document.uri, new vscode.Position(0, 0), ' ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await editor.edit((b) => b.delete(mentor.range)));
    await waitFor('the tracked document to be checked again', () => !codes(doc.uri).includes('mentor-word'));
    assert.deepEqual(ours(plain.document.uri), []);
    const actions = await quickFixes(plain.document.uri, new vscode.Range(0, 0, 0, 60));
    assert.ok(!actions.some((a) => /mentoring|Mentoring Outreach/.test(a.title)));
  });

  it('mentoring.checkRequest checks the active editor, tracks it from then on, and returns the score', async () => {
    const editor = await openPlain(TERRY);
    const result = await vscode.commands.executeCommand<{ score: number; findings: number; reason: string }>('mentoring.checkRequest');
    assert.deepEqual(result, { score: 92, findings: 1, reason: 'Nearly ready; consider: no time frame.' });
    assert.deepEqual(codes(editor.document.uri), ['no-timeframe']);
    const at = editor.document.positionAt(TERRY.indexOf('with me') + 'with me'.length);
    assert.ok(await editor.edit((b) => b.insert(at, ' over the next six weeks')));
    await waitFor('the time-frame diagnostic to go away', () => ours(editor.document.uri).length === 0);
    // The document is tracked: quick fixes work here too.
    assert.ok(await editor.edit((b) => b.insert(editor.document.positionAt(editor.document.getText().indexOf('three sessions')), 'mentoring ')));
    const mentor = await waitFor('a new mentor-word diagnostic', () => ours(editor.document.uri).find((d) => d.code === 'mentor-word'));
    assert.equal(editor.document.getText(mentor.range), 'mentoring');
  });

  it("a quick fix for a vague ask writes the person's usual number of sessions (mentoring.defaultSessions)", async () => {
    const config = vscode.workspace.getConfiguration('mentoring');
    await config.update('defaultSessions', 4, vscode.ConfigurationTarget.Global);
    try {
      const editor = await openPlain('Hi Terry, would you be willing to spend some time with me this quarter on financial acumen?');
      await vscode.commands.executeCommand('mentoring.checkRequest');
      const vague = await waitFor('the no-sessions diagnostic', () => ours(editor.document.uri).find((d) => d.code === 'no-sessions'));
      const actions = await quickFixesFor(editor.document.uri, vague);
      const fix = actions.find((a) => /four sessions/.test(a.title));
      assert.ok(fix?.edit, `a quick fix writing four sessions; titles: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(editor.document.getText(), /spend four sessions with me/);
    } finally {
      await config.update('defaultSessions', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('with a selection, checks and tracks only the selected text', async () => {
    const before = 'Notes to self — the mentor programme is not the point.\n\n';
    const request = 'Hi Terry, would you be my mentor?';
    const editor = await openPlain(`${before}${request}\n\nMore notes.`);
    const doc = editor.document;
    editor.selection = new vscode.Selection(doc.positionAt(before.length), doc.positionAt(before.length + request.length));
    const result = await vscode.commands.executeCommand<{ score: number; findings: number }>('mentoring.checkRequest');
    const expected = checkRequest(request);
    assert.deepEqual({ score: result.score, findings: result.findings }, { score: expected.score, findings: expected.findings.length });
    const mentors = ours(doc.uri).filter((d) => d.code === 'mentor-word');
    assert.equal(mentors.length, 1, 'the "mentor" in the notes outside the selection is not reported');
    assert.deepEqual(offsets(doc, mentors[0]!), [before.length + 26, before.length + 32]);
    // Edits before the region move it; the diagnostics move with it.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Monday. ')));
    await waitFor('the diagnostic to move', () => {
      const d = ours(doc.uri).find((x) => x.code === 'mentor-word');
      return d && doc.offsetAt(d.range.start) === before.length + 8 + 26;
    });
    assert.equal(ours(doc.uri).filter((d) => d.code === 'mentor-word').length, 1);
  });

  it('clears the diagnostics when the document closes', async () => {
    const { doc } = await openTracked('Hi Terry, would you be my mentor?');
    await waitFor('diagnostics', () => ours(doc.uri).length > 0);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the diagnostics to be cleared', () => ours(doc.uri).length === 0);
  });

  it('keeps tracking a document whose language changes (VS Code closes and reopens it)', async () => {
    const { doc } = await openTracked('Hi Terry, would you be my mentor?');
    await waitFor('diagnostics', () => codes(doc.uri).includes('mentor-word'));
    const plain = await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    assert.equal(plain.languageId, 'plaintext');
    const editor = await vscode.window.showTextDocument(plain);
    const mentor = await waitFor('diagnostics after the change', () => ours(plain.uri).find((d) => d.code === 'mentor-word'));
    assert.ok(await editor.edit((b) => b.delete(mentor.range)));
    // Checked again (not merely cleared): the other findings are still there.
    await waitFor('mentor-word to go away', () => !codes(plain.uri).includes('mentor-word') && codes(plain.uri).includes('no-sessions'));
  });

  it('mentoring.checkRequest refuses an argument, and reports a missing editor', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mentoring.checkRequest', { text: 'Hi' })), /takes no argument/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mentoring.checkRequest', 'Hi Terry')), /takes no argument/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mentoring.checkRequest', vscode.Uri.parse('untitled:NotOpen-42'))), /is not open in an editor/);
    await closeTextEditors();
    assert.equal(vscode.window.activeTextEditor, undefined);
    // Interactive (no argument): an error message, and the promise resolves without a result.
    assert.equal(await vscode.commands.executeCommand('mentoring.checkRequest'), undefined);
  });
});
