/**
 * mentoring.checkRequest ("Check Request Text"): checks the active editor (or its selection) and tracks it from
 * then on, through the request diagnostics service. In ExtensionMode.Test also the tests' way to open an editable
 * request document, checked (TEST_OPEN_COMMAND): the tests run in another bundle, so a command is their way to the
 * real service.
 */
import * as vscode from 'vscode';
import type { CheckContext } from '../domain/requestCheck';
import { CommandError, guarded } from '../shell/errors';
import { Commands, TEST_OPEN_COMMAND } from '../shell/ids';
import { formatCount, MAX_CHECKED_CHARS, type RequestDiagnostics } from './requestDiagnostics';
import { registerCommand } from '../shell/commandHandlers';

/** What `mentoring.checkRequest` returns. */
export interface CheckRequestResult {
  score: number;
  /** How many findings (diagnostics) there are. */
  findings: number;
  reason: string;
}

export function registerCheckRequest(context: vscode.ExtensionContext, diagnostics: RequestDiagnostics): void {
  context.subscriptions.push(
    registerCommand(
      Commands.checkRequest,
      guarded(async (arg): Promise<CheckRequestResult> => {
        const editor = targetEditor(arg);
        const selection = editor.selection;
        const doc = editor.document;
        const checked = selection.isEmpty ? doc.getText().length : doc.offsetAt(selection.end) - doc.offsetAt(selection.start);
        if (checked > MAX_CHECKED_CHARS) {
          throw new CommandError(
            vscode.l10n.t(
              'Check Request Text: this is {0} characters — far too long for a request. Select the request itself and run the command again.',
              formatCount(checked),
            ),
          );
        }
        const result = diagnostics.track(doc, selection.isEmpty ? {} : { range: selection });
        const message = selection.isEmpty
          ? vscode.l10n.t('Request score {0}/100 — {1}', result.score, result.reason)
          : vscode.l10n.t('Request score (selection) {0}/100 — {1}', result.score, result.reason);
        void vscode.window.showInformationMessage(message);
        return { score: result.score, findings: result.findings.length, reason: result.reason };
      }),
    ),
  );
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    context.subscriptions.push(
      registerCommand(TEST_OPEN_COMMAND, async (arg: { text: string; context?: CheckContext }) => {
        // An editable document for the tests of the diagnostics and their quick fixes (the extension itself opens
        // no untitled documents: they would ask "Do you want to save…?" when closed).
        const doc = await untitledMarkdown(arg.text);
        diagnostics.track(doc, arg.context ? { context: arg.context } : {});
        await vscode.window.showTextDocument(doc, { preview: false });
        return doc.uri;
      }),
    );
  }
}

/**
 * The editor the command works on: the active one. The only argument accepted is the URI VS Code
 * passes when the command is run from an editor's context menu; anything else is refused.
 */
function targetEditor(arg: unknown): vscode.TextEditor {
  if (arg !== undefined && !(arg instanceof vscode.Uri)) {
    throw new CommandError(vscode.l10n.t('Check Request Text takes no argument: it checks the active editor (or its selection, if there is one).'));
  }
  const active = vscode.window.activeTextEditor;
  if (arg === undefined) {
    if (!active) throw new CommandError(vscode.l10n.t('Check Request Text: there is no active editor. Open the request text in an editor (or select it) and run the command again.'));
    return active;
  }
  const uri = arg.toString();
  const editor = active?.document.uri.toString() === uri ? active : vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  if (!editor) throw new CommandError(vscode.l10n.t('Check Request Text: {0} is not open in an editor.', arg.toString(true)));
  return editor;
}

/**
 * A new untitled Markdown document holding `text` (the tests' hook only). VS Code reuses the name of an untitled
 * document just closed ("Untitled-1") and can then hand back that document's text (seen in code-server when one
 * closes and the next opens within moments): if so, the text is put right before anyone sees it.
 */
async function untitledMarkdown(text: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  const lf = (s: string) => s.replace(/\r\n?/gu, '\n');
  if (lf(doc.getText()) !== lf(text)) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
  }
  return doc;
}
