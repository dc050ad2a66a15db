/** Commands on one outreach attempt: mark as sent, delete (with Undo). */
import * as vscode from 'vscode';
import { deleteAttempt, markSent, restoreAttempt } from '../domain/outreach';
import type { Result } from '../domain/result';
import { allowedActions } from '../domain/actions';
import type { Attempt, Journal } from '../domain/journal';
import { sendConcerns, sendsCleanly } from '../domain/sendGate';
import type { TextRange } from '../domain/requestCheck/rules';
import { localDate } from '../domain/dates';
import { dateLabel } from '../views/labels';
import { attemptIdOf, attemptOf, invocation, personName, pickAttempt, today, type Deps } from './deps';
import { Cancelled, guarded } from '../shell/errors';
import { Commands } from '../shell/ids';
import { registerCommand } from '../shell/commandHandlers';

export function registerAttemptCommands(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    registerCommand(
      Commands.markSent,
      guarded(async (arg) => {
        const how = invocation(Commands.markSent, arg);
        const attemptId =
          attemptIdOf(how) ?? (await pickAttempt(deps, vscode.l10n.t('Mark Request as Sent'), (v) => allowedActions(v.attempt).send));
        // Asked only when a person acts; with an argument the caller has decided.
        await markRequestSent(deps, attemptId, how.kind !== 'argument');
      }),
    ),
    registerCommand(
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
            {
              modal: true,
              detail:
                attempt.events.length === 1
                  ? vscode.l10n.t('Its one recorded event goes with it. You can undo this right after.')
                  : vscode.l10n.t('Its {0} recorded events go with it. You can undo this right after.', attempt.events.length),
            },
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

/**
 * Marks the request `attemptId` as sent: after the send gate's question (confirmSend) when a person acts (`ask`),
 * never with an argument. Every way of marking a request as sent goes through here (Send by Email's offer too).
 */
export async function markRequestSent(deps: Deps, attemptId: string, ask: boolean): Promise<void> {
  if (ask) await confirmSend(deps, attemptId);
  await deps.store.change((j) => markSent(j, attemptId, deps.clock()));
  deps.reveal?.(attemptId);
}

/**
 * Before a person marks a request as sent: a modal naming the check's errors ("Send anyway" / "Fix it
 * first") and any other open request to the same person for the same skill. Nothing to say: no question.
 */
async function confirmSend(deps: Deps, attemptId: string): Promise<void> {
  const journal = deps.store.journal;
  const attempt = attemptOf(journal, attemptId);
  const answer = await askBeforeSending(journal, attempt, today(deps));
  // Fix it first: the draft in its editor bound to the journal, with the findings marked — save, then send.
  if (answer === 'fix' && allowedActions(attempt).edit) revealFirstError(journal, attempt, await deps.drafts.open(attemptId));
  if (answer !== 'send') throw new Cancelled();
}

/** Puts the cursor on the first error in the draft's editor (its text as open there), so fixing starts where it is wrong. */
function revealFirstError(journal: Journal, attempt: Attempt, editor: vscode.TextEditor): void {
  const doc = editor.document;
  const first = sendConcerns(journal, attempt, doc.getText()).errors.reduce<TextRange | undefined>((a, f) => (!a || f.range.start < a.start ? f.range : a), undefined);
  if (!first) return;
  const range = new vscode.Range(doc.positionAt(first.start), doc.positionAt(first.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * The question before sending `attempt` (it need not be in `journal` yet: the builder asks before it saves):
 * 'send' at once when there is nothing to say, else the person's answer — 'fix' for "Fix It First", 'cancel'
 * when they closed it. The one wording for the tree, the palette and the builder.
 */
export async function askBeforeSending(journal: Journal, attempt: Attempt, todayDate: string): Promise<'send' | 'fix' | 'cancel'> {
  const concerns = sendConcerns(journal, attempt);
  if (sendsCleanly(concerns)) return 'send';
  const name = personName(journal, attempt);
  const skill = journal.skills.find((s) => s.id === attempt.skillId)?.name ?? '';
  const lines: string[] = concerns.errors.slice(0, 5).map((f) => `• ${f.message}`);
  if (concerns.errors.length > 5) lines.push(vscode.l10n.t('• … and {0} more', concerns.errors.length - 5));
  for (const other of concerns.sameAsk) {
    const sent = [...other.events].reverse().find((e) => e.kind === 'sent');
    lines.push(
      sent
        ? vscode.l10n.t('• You already asked {0} about {1} on {2} and that request is still open.', name, skill, dateLabel(localDate(new Date(sent.at)), todayDate))
        : vscode.l10n.t('• You already have an open request to {0} about {1}.', name, skill),
    );
  }
  const sendAnyway = vscode.l10n.t('Send Anyway');
  const fixFirst = vscode.l10n.t('Fix It First');
  const message =
    concerns.errors.length > 0
      ? vscode.l10n.t('The request to {0} scores {1}/100 and has problems a reader will notice. Mark it as sent anyway?', name, concerns.score)
      : vscode.l10n.t('Mark the request to {0} as sent?', name);
  // With errors, Enter (the first button) fixes rather than sends: nothing leaves by accident.
  const buttons = concerns.errors.length > 0 ? [fixFirst, sendAnyway] : [sendAnyway];
  const answer = await vscode.window.showWarningMessage(message, { modal: true, detail: lines.join('\n') }, ...buttons);
  return answer === sendAnyway ? 'send' : answer === fixFirst ? 'fix' : 'cancel';
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
