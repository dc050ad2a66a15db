/**
 * Texts the extension shows that are not drafts — a session plan, a follow-up's text — as read-only Markdown
 * documents (`mentoring-text:` scheme): never dirty, so closing one asks nothing ("Do you want to save…?" is
 * for untitled copies). Copy from them, or use the command that drafted them. Registered at activation, so a
 * tab VS Code restores after a reload finds its provider (the text itself is not kept: the tab says so).
 */
import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';

export const TEXT_SCHEME = 'mentoring-text';

export class ReadOnlyTexts extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private count = 0;

  constructor() {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(TEXT_SCHEME, this));
    this._register(
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === TEXT_SCHEME) this.texts.delete(doc.uri.toString());
      }),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? vscode.l10n.t('This text was not kept after the window reloaded. Run the command that showed it again.');
  }

  /** Shows `text` in a read-only Markdown editor titled `title` (a real tab, not a preview). */
  async show(text: string, title: string): Promise<vscode.TextEditor> {
    this.count++;
    const uri = vscode.Uri.from({ scheme: TEXT_SCHEME, path: `/${this.count}/${tabFileName(title)}.md` });
    this.texts.set(uri.toString(), text);
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { preview: false });
  }
}

/** `text` made into a file name for a tab: no path separators or control characters, at most 60 characters. */
export function tabFileName(text: string): string {
  const safe = text
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return (safe.length > 60 ? safe.slice(0, 60).trimEnd() : safe) || '_';
}
