/**
 * Read-only previews of a text (e.g. the keyboard flow's request before it is saved): a virtual document
 * beside the editor, opened without taking the focus, closed again by its owner. Being virtual, it is
 * never dirty and never asks "Do you want to save…?" when closed.
 */
import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';

export const PREVIEW_SCHEME = 'mentoring-preview';

export interface ShownPreview {
  /** Closes the preview's tab (if the person has not closed it already). */
  close(): Promise<void>;
}

export class TextPreviews extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private next = 0;

  constructor() {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Shows `text` as a Markdown document titled `title` beside the active editor; the focus stays where it is. */
  async show(title: string, text: string): Promise<ShownPreview> {
    // One path segment: the title without slashes; a query makes each preview its own document.
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${title.replace(/[\\/]/gu, '-')}.md`, query: String(++this.next) });
    this.texts.set(uri.toString(), text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'markdown').then(undefined, () => doc);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    return {
      close: async () => {
        this.texts.delete(uri.toString());
        const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
        if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true).then(undefined, () => false);
      },
    };
  }
}
