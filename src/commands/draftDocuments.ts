/**
 * Drafts in editors BOUND to their attempt (the `mentoring-draft:` files of shell/draftFiles.ts): Ctrl+S writes
 * the text back to the journal, and the live request check (diagnostics and quick fixes) runs on it, with what
 * the journal knows (the person, the skill, the planned sessions). Every place that opens a saved draft's text
 * — Edit Draft, the referral's "Open Draft", the builder's "Open as Markdown" of a saved draft, Mark as Sent's
 * "Fix It First" — opens it here, so no untitled copy is left to ask "Do you want to save…?".
 */
import * as vscode from 'vscode';
import { allowedActions } from '../domain/actions';
import { checkContextOf } from '../domain/sendGate';
import { storedText } from '../domain/templates';
import type { RequestDiagnostics } from '../diagnostics/requestDiagnostics';
import type { JournalStore } from '../storage/journalStore';
import { draftAttemptId, draftUri } from '../shell/draftFiles';
import { CommandError } from '../shell/errors';
import { Disposable } from '../util/disposable';
import { statusLabel } from '../views/labels';

export class DraftDocuments extends Disposable {
  constructor(
    private readonly store: JournalStore,
    private readonly diagnostics: RequestDiagnostics,
  ) {
    super();
    // A draft's editor is checked however it was opened (a tab restored after a reload, Open Recent …).
    this._register(vscode.workspace.onDidOpenTextDocument((doc) => this.track(doc)));
    // What the journal knows may change meanwhile (the ask's sessions, the person's name): check against it.
    this._register(this.store.onDidChange(() => vscode.workspace.textDocuments.forEach((doc) => this.track(doc))));
    vscode.workspace.textDocuments.forEach((doc) => this.track(doc));
  }

  /**
   * Opens the draft `attemptId` in its bound editor (or shows the one already open). Refuses, changing nothing,
   * an unknown attempt and one that is not a draft (a sent request stays as it was sent). `options.text`: the text
   * the person has in front of them elsewhere (the builder's form), put into the editor as a change not saved yet
   * when it differs from the draft — unless the editor already holds changes of its own, which are kept.
   */
  async open(attemptId: string, options: { viewColumn?: vscode.ViewColumn; text?: string } = {}): Promise<vscode.TextEditor> {
    const journal = this.store.journal;
    const attempt = journal.attempts.find((a) => a.id === attemptId);
    if (!attempt) throw new CommandError(vscode.l10n.t('No outreach attempt has the id "{0}".', attemptId));
    if (!allowedActions(attempt).edit) {
      const name = journal.people.find((p) => p.id === attempt.personId)?.name ?? vscode.l10n.t('them');
      throw new CommandError(vscode.l10n.t('The request to {0} is {1}: only a draft can be edited, and a sent request stays as it was sent.', name, statusLabel(attempt.status)));
    }
    const open = vscode.workspace.textDocuments.find((d) => draftAttemptId(d.uri) === attemptId);
    const doc = open ?? (await vscode.workspace.openTextDocument(draftUri(journal, attempt)));
    this.track(doc);
    const editor = await vscode.window.showTextDocument(doc, { preview: false, viewColumn: options.viewColumn ?? vscode.ViewColumn.Active });
    // The same text but for the space around it (as the builder compares) is the same draft: nothing to put in.
    // Without unsaved changes, "the same" means the same as saved in the journal — not as the editor shows it: an
    // editor already open may not have re-read a draft that changed meanwhile (sync, another path) yet.
    const same = (a: string, b: string) => lf(a).trim() === lf(b).trim();
    if (options.text !== undefined && !same(options.text, doc.isDirty ? doc.getText() : attempt.text)) {
      if (doc.isDirty) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This draft is open with changes not saved yet: they are kept, and the builder\'s text was not put in.'));
      } else {
        const text = storedText(options.text);
        await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text));
      }
    }
    return editor;
  }

  /** True when the draft `attemptId` is open in its editor with changes not saved to the journal yet. */
  hasUnsavedChanges(attemptId: string): boolean {
    return vscode.workspace.textDocuments.some((d) => draftAttemptId(d.uri) === attemptId && d.isDirty);
  }

  private track(doc: vscode.TextDocument): void {
    const id = draftAttemptId(doc.uri);
    if (id === undefined || doc.isClosed) return;
    const journal = this.store.journal;
    const attempt = journal.attempts.find((a) => a.id === id);
    this.diagnostics.track(doc, { context: attempt ? checkContextOf(journal, attempt) : {} });
  }
}

/** `text` with every line break as "\n" (an editor may hold "\r\n"). */
function lf(text: string): string {
  return text.replace(/\r\n?/gu, '\n');
}
