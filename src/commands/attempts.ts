/** Commands on one outreach attempt: mark as sent, delete (with Undo). */
import * as vscode from 'vscode';
import { deleteAttempt, markSent, restoreAttempt } from '../domain/outreach';
import type { Result } from '../domain/result';
import { allowedActions } from '../domain/actions';
import type { Attempt, Journal } from '../domain/journal';
import { attemptIdOf, invocation, pickAttempt, type Deps } from './deps';
import { Cancelled, guarded } from '../shell/errors';
import { Commands } from '../shell/ids';

export function registerAttemptCommands(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      Commands.markSent,
      guarded(async (arg) => {
        const how = invocation(Commands.markSent, arg);
        const attemptId =
          attemptIdOf(how) ?? (await pickAttempt(deps, vscode.l10n.t('Mark Request as Sent'), (v) => allowedActions(v.attempt).send));
        await deps.store.change((j) => markSent(j, attemptId, deps.clock()));
        deps.reveal?.(attemptId);
      }),
    ),
    vscode.commands.registerCommand(
      Commands.deleteAttempt,
      guarded(async (arg) => {
        const how = invocation(Commands.deleteAttempt, arg);
        const attemptId = attemptIdOf(how) ?? (await pickAttempt(deps, vscode.l10n.t('Delete Outreach Attempt')));
        const attempt = deps.store.journal.attempts.find((a) => a.id === attemptId);
        if (attempt && how.kind !== 'argument') {
          const person = deps.store.journal.people.find((p) => p.id === attempt.personId)?.name ?? vscode.l10n.t('this person');
          const del = vscode.l10n.t('Delete');
          const answer = await vscode.window.showWarningMessage(
            vscode.l10n.t('Delete the outreach attempt to {0}?', person),
            { modal: true, detail: vscode.l10n.t('Its {0} recorded event(s) go with it. You can undo this right after.', attempt.events.length) },
            del,
          );
          if (answer !== del) throw new Cancelled();
        }
        let removed: { attempt: Attempt; index: number } | undefined;
        await deps.store.change((j): Result<Journal> => {
          const r = deleteAttempt(j, attemptId);
          if (!r.ok) return r;
          removed = { attempt: r.value.attempt, index: r.value.index };
          return { ok: true, value: r.value.journal };
        });
        if (removed) offerUndo(deps, removed.attempt, removed.index);
      }),
    ),
  );
}

function offerUndo(deps: Deps, attempt: Attempt, index: number): void {
  const undo = vscode.l10n.t('Undo');
  void vscode.window.showInformationMessage(vscode.l10n.t('Outreach attempt deleted.'), undo).then(async (choice) => {
    if (choice !== undo) return;
    try {
      await deps.store.change((j) => restoreAttempt(j, attempt, index));
      deps.reveal?.(attempt.id);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not undo: {0}', (e as Error).message));
    }
  });
}
