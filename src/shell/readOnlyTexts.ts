/**
 * The one home for texts the extension shows read-only (`mentoring-text:` scheme): a session plan, a follow-up's
 * text, the keyboard flow's request before it is saved, the builder's request before it is saved as a draft.
 * Virtual documents, never dirty, so closing one asks nothing ("Do you want to save…?" is for untitled copies —
 * the extension opens none). A saved draft is never shown here: it opens in its editor bound to the journal
 * (draftFiles.ts, commands/draftDocuments.ts), where it can be edited and saved.
 *
 * Registered at activation, so a tab VS Code restores after a reload finds its provider (the text itself is not
 * kept: the tab says so).
 */
import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';

export const TEXT_SCHEME = 'mentoring-text';

export interface ShowTextOptions {
  /**
   * Where it opens: beside the active editor, the focus staying where it is (e.g. in the keyboard flow's quick
   * input), or — `beside: false`, the default — in the active editor group, as a tab of its own that takes the focus.
   */
  beside?: boolean;
}

/** A text shown read-only. */
export interface ShownText {
  readonly uri: vscode.Uri;
  readonly editor: vscode.TextEditor;
  /** Closes its tab (if the person has not closed it already); the text is forgotten. */
  close(): Promise<void>;
}

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

  /** Shows `text` in a read-only Markdown editor titled `title` (see ShowTextOptions for where). */
  async show(text: string, title: string, options: ShowTextOptions = {}): Promise<ShownText> {
    this.count++;
    // A folder per text, so two texts with the same title are two documents and each tab shows just the title.
    const uri = vscode.Uri.from({ scheme: TEXT_SCHEME, path: `/${this.count}/${tabFileName(title)}.md` });
    const key = uri.toString();
    this.texts.set(key, text);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(
      doc,
      options.beside ? { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false } : { viewColumn: vscode.ViewColumn.Active, preview: false },
    );
    return {
      uri,
      editor,
      close: async () => {
        const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key);
        if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true).then(undefined, () => false);
        this.texts.delete(key);
      },
    };
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
