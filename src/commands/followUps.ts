/**
 * mentoring.draftFollowUp: the follow-ups the method keeps after an answer (or none): "later?", "anyone
 * else?", a gentle nudge, a thank-you. Interactive or with its argument form (DESIGN.md).
 */
import * as vscode from 'vscode';
import type { FollowUpKind } from '../domain/followUps';
import { draftFollowUp, recordFollowUp } from '../domain/followUps';
import { allowedActions } from '../domain/actions';
import { attemptIdOf, attemptOf, firstLine, invocation, personName, pickAttempt, today, userTemplates, type Deps } from './deps';
import { Cancelled, CommandError, guarded } from '../shell/errors';
import { Commands } from '../shell/ids';
import { statusLabel } from '../views/labels';

export function followUpLabel(kind: FollowUpKind): string {
  switch (kind) {
    case 'later':
      return vscode.l10n.t('Might you be willing later? If so, when?');
    case 'referral':
      return vscode.l10n.t('Is there anyone else you would recommend I approach?');
    case 'nudge':
      return vscode.l10n.t('A gentle nudge (no reply yet)');
    case 'thanks':
      return vscode.l10n.t('Thank you');
  }
}

export function registerFollowUpCommands(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      Commands.draftFollowUp,
      guarded(async (arg): Promise<string> => {
        const how = invocation(Commands.draftFollowUp, arg);
        if (how.kind === 'argument') return draftAndRecordFollowUp(deps, how.arg.attemptId, how.arg.kind);
        const attemptId = attemptIdOf(how) ?? (await pickAttempt(deps, vscode.l10n.t('Draft a Follow-up'), (v) => allowedActions(v.attempt).followUps.length > 0));
        const kind = await pickFollowUpKind(deps, attemptId);
        return offerFollowUp(deps, attemptId, kind);
      }),
    ),
  );
}

async function pickFollowUpKind(deps: Deps, attemptId: string): Promise<FollowUpKind> {
  const attempt = attemptOf(deps.store.journal, attemptId);
  const kinds = allowedActions(attempt).followUps;
  if (kinds.length === 0) throw new CommandError(vscode.l10n.t('No follow-up fits an attempt that is {0}.', statusLabel(attempt.status)));
  if (kinds.length === 1) return kinds[0] as FollowUpKind;
  const picked = await vscode.window.showQuickPick(
    kinds.map((k) => ({ label: followUpLabel(k), followUp: k })),
    { title: vscode.l10n.t('Follow up with {0}', personName(deps.store.journal, attempt)), placeHolder: vscode.l10n.t('Which follow-up?'), ignoreFocusOut: true },
  );
  if (!picked) throw new Cancelled();
  return picked.followUp;
}

/** Drafts the follow-up and records it on the attempt; returns the text. */
async function draftAndRecordFollowUp(deps: Deps, attemptId: string, kind: FollowUpKind): Promise<string> {
  const templates = await userTemplates(deps, ['followUpLater', 'followUpReferral', 'followUpNudge', 'thanks']);
  let text = '';
  await deps.store.change((j) => {
    const drafted = draftFollowUp(j, attemptId, kind, today(deps), { templates, nudgeAfterDays: deps.nudgeAfterDays() });
    if (!drafted.ok) return drafted;
    text = drafted.value.text;
    const recorded = recordFollowUp(j, attemptId, kind, text, deps.clock());
    return recorded.ok ? { ok: true, value: recorded.value.journal } : recorded;
  });
  deps.reveal?.(attemptId);
  return text;
}

/** Interactive: drafts and records the follow-up, then offers Copy / Open as Markdown. */
export async function offerFollowUp(deps: Deps, attemptId: string, kind: FollowUpKind): Promise<string> {
  const text = await draftAndRecordFollowUp(deps, attemptId, kind);
  const copy = vscode.l10n.t('Copy');
  const asMarkdown = vscode.l10n.t('Open as Markdown');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Follow-up drafted: {0}', firstLine(text)), { detail: text }, copy, asMarkdown);
  if (choice === copy) await vscode.env.clipboard.writeText(text);
  // Read-only (not an untitled copy): closing it asks nothing. The text is recorded on the attempt already.
  if (choice === asMarkdown) await deps.texts.show(text, vscode.l10n.t('Follow-up to {0}', personName(deps.store.journal, attemptOf(deps.store.journal, attemptId))));
  return text;
}

