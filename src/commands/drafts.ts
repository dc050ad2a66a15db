/** mentoring.editDraft: a saved draft in its editor bound to the journal (draftDocuments.ts). */
import * as vscode from 'vscode';
import { allowedActions } from '../domain/actions';
import { attemptIdOf, invocation, pickAttempt, type Deps } from './deps';
import { guarded } from '../shell/errors';
import { Commands } from '../shell/ids';
import { registerCommand } from '../shell/commandHandlers';

/** What mentoring.editDraft returns: the attempt and the URI of its bound document. */
export interface EditDraftResult {
  attemptId: string;
  uri: string;
}

export function registerDraftCommands(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    registerCommand(
      Commands.editDraft,
      guarded(async (arg): Promise<EditDraftResult> => {
        const how = invocation(Commands.editDraft, arg);
        const attemptId = attemptIdOf(how) ?? (await pickAttempt(deps, vscode.l10n.t('Edit Draft'), (v) => allowedActions(v.attempt).edit));
        const editor = await deps.drafts.open(attemptId);
        return { attemptId, uri: editor.document.uri.toString() };
      }),
    ),
  );
}
