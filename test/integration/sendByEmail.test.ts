/**
 * Send by Email (issue 11) inside a real extension host: with an argument the command asks nothing and hands the
 * mail app one mailto: URL (captured here through the test hook, so no mail app opens) that carries the subject and
 * the request exactly; it sends nothing and does not mark the request as sent; it refuses what is not a draft.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Journal } from '../../src/domain/journal';
import { mailtoUrl } from '../../src/domain/mailto';
import { api, setJournal, snapshot, terry } from './support';

const CAPTURE = 'mentoring.test.captureExternal';
const TRICKY = 'Hi Terry & team,\nQ&A? #1 of 3 — 100% sure, a=b+c; “quotes” ü 日本語 😀\nThanks';

/** Reads a mailto: URL as a mail app does (RFC 6068). */
function readMailto(href: string): { to: string; fields: Record<string, string> } {
  const rest = href.slice('mailto:'.length);
  const q = rest.indexOf('?');
  const fields: Record<string, string> = {};
  for (const field of rest.slice(q + 1).split('&')) {
    const eq = field.indexOf('=');
    fields[decodeURIComponent(field.slice(0, eq))] = decodeURIComponent(field.slice(eq + 1));
  }
  return { to: decodeURIComponent(rest.slice(0, q)), fields };
}

function journal(email?: string): Journal {
  const j = terry();
  return {
    ...j,
    people: j.people.map((p) => (email ? { ...p, email } : p)),
    attempts: j.attempts.map((a) => (a.id === 'a1' ? { ...a, text: TRICKY } : a)),
  };
}

const run = (arg: unknown) => Promise.resolve(vscode.commands.executeCommand<{ attemptId: string; to: string | null; opened: boolean }>('mentoring.sendByEmail', arg));

describe('Send by Email (inside a real extension host)', () => {
  // Saving is the test's act: VS Code in a browser saves after a delay by default, which would race with it.
  const files = () => vscode.workspace.getConfiguration('files');
  let autoSave: unknown;
  before(async () => {
    autoSave = files().inspect('autoSave')?.globalValue;
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  after(() => files().update('autoSave', autoSave, vscode.ConfigurationTarget.Global));
  before(async () => {
    await api();
    const md = vscode.extensions.getExtension('vscode.markdown-language-features');
    const t = Date.now();
    await md?.activate();
    console.log(`      markdown activated: ${Date.now() - t} ms (${md ? 'found' : 'none'})`);
    await vscode.commands.executeCommand(CAPTURE, { capture: true });
  });
  after(() => vscode.commands.executeCommand(CAPTURE, { capture: false }));
  beforeEach(() => vscode.commands.executeCommand(CAPTURE));

  it('opens one mailto: URL to the stored address, with the subject and the text intact — and marks nothing as sent', async () => {
    const a = await api();
    await setJournal(journal('terry@example.com'));
    const before = snapshot(a);
    assert.deepEqual(await run({ attemptId: 'a1' }), { attemptId: 'a1', to: 'terry@example.com', opened: true });
    const opened = await vscode.commands.executeCommand<string[]>(CAPTURE);
    assert.equal(opened.length, 1);
    const href = opened[0]!;
    assert.equal(href, mailtoUrl({ to: 'terry@example.com', subject: 'Three sessions on financial acumen?', body: TRICKY }));
    assert.deepEqual(readMailto(href), {
      to: 'terry@example.com',
      fields: { subject: 'Three sessions on financial acumen?', body: TRICKY.replace(/\n/g, '\r\n') },
    });
    assert.equal(snapshot(a), before, 'nothing recorded: the person sends it, and marks it as sent when they have');
    assert.equal(a.journal().attempts.find((x) => x.id === 'a1')?.status, 'draft');
  });

  it('why a string is handed over: VS Code would open vscode.Uri.parse(href) re-encoded, cutting the text at the &', async () => {
    const href = mailtoUrl({ to: 'terry@example.com', subject: 'Q&A', body: TRICKY });
    // What the workbench opens for a Uri (OpenerService: encodeURI(uri.toString(true))).
    const viaUri = encodeURI(vscode.Uri.parse(href).toString(true));
    assert.notDeepEqual(readMailto(viaUri).fields, readMailto(href).fields);
    // A string is kept as it is when it parses back to the same URI, which this one does.
    assert.equal(vscode.Uri.parse(vscode.Uri.parse(href).toString()).toString(), vscode.Uri.parse(href).toString());
  });

  it('with an argument and no stored address asks nothing: the mail app gets no address', async () => {
    await setJournal(journal());
    assert.deepEqual(await run({ attemptId: 'a1' }), { attemptId: 'a1', to: null, opened: true });
    const [href] = await vscode.commands.executeCommand<string[]>(CAPTURE);
    assert.ok(href?.startsWith('mailto:?subject=Three%20sessions%20on%20financial%20acumen%3F&body='), href);
  });

  it('refuses a request that is not a draft, an unknown attempt and a bad argument, opening nothing and changing nothing', async () => {
    const a = await api();
    await setJournal(journal('terry@example.com'));
    const before = snapshot(a);
    await assert.rejects(run({ attemptId: 'a2' }), /The request to Terry is accepted: only a draft is sent by email/);
    await assert.rejects(run({ attemptId: 'nope' }), /No outreach attempt has the id "nope"/);
    await assert.rejects(run({ attemptId: 'a1', to: 'x@example.com' }), /Unknown key "to"/);
    assert.deepEqual(await vscode.commands.executeCommand<string[]>(CAPTURE), []);
    assert.equal(snapshot(a), before);
  });

  it('refuses while the draft has unsaved changes in its editor (the email would not hold what the person sees)', async () => {
    await setJournal(journal('terry@example.com'));
    const { uri } = await vscode.commands.executeCommand<{ uri: string }>('mentoring.editDraft', { attemptId: 'a1' });
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)!;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), 'Dear ');
    // The document may still be open from an earlier test in which a1 was sent (its file read-only). Replacing the
    // journal tells VS Code the file changed (and is writable again), and VS Code reads its stat again — after a
    // moment, not before editDraft returns: until then an edit is refused. Wait for that, as a person typing would.
    const until = Date.now() + 5_000;
    while (!(await vscode.workspace.applyEdit(edit))) {
      assert.ok(Date.now() < until, 'the draft editor never became writable');
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(doc.isDirty, true);
    await assert.rejects(run({ attemptId: 'a1' }), /changes in its editor that are not saved/);
    assert.deepEqual(await vscode.commands.executeCommand<string[]>(CAPTURE), []);
    // Without them (reverted here; saved, it would be the saved text) the journal's text is what is sent.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await run({ attemptId: 'a1' });
    const [href] = await vscode.commands.executeCommand<string[]>(CAPTURE);
    assert.equal(readMailto(href!).fields.body, TRICKY.replace(/\n/g, '\r\n'));
  });
});
