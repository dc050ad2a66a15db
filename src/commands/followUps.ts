/**
 * mentoring.draftFollowUp, mentoring.markFollowUpSent and mentoring.dismissAttempt: the follow-ups the method keeps
 * after an answer (or none) — "later?", "anyone else?", the re-ask of a deferred request, a gentle nudge, a
 * thank-you. A drafted follow-up is kept on the attempt as a draft; only "Mark Follow-up as Sent" records the
 * contact (and restarts the reply clock). After a "no", Dismiss closes the attempt without asking. Interactive or
 * with their argument forms (DESIGN.md, README).
 */
import * as vscode from 'vscode';
import type { FollowUpKind } from '../domain/followUps';
import { dismissAfterNo, draftFollowUp, markFollowUpSent as markFollowUpSentIn, recordFollowUpDraft } from '../domain/followUps';
import { allowedActions } from '../domain/actions';
import type { AttemptStatus } from '../domain/journal';
import { attemptIdOf, attemptOf, invocation, personName, pickAttempt, today, userTemplates, type Deps } from './deps';
import { Cancelled, CommandError, guarded } from '../shell/errors';
import { Commands } from '../shell/ids';
import { dateLabel, statusLabel } from '../views/labels';
import { registerCommand } from '../shell/commandHandlers';

/** The follow-up as a question or a title; a `later` follow-up on a deferred attempt is the re-ask. */
export function followUpLabel(kind: FollowUpKind, status?: AttemptStatus): string {
  switch (kind) {
    case 'later':
      return status === 'deferred' ? vscode.l10n.t('Ask again: would now work?') : vscode.l10n.t('Might you be willing later? If so, when?');
    case 'referral':
      return vscode.l10n.t('Is there anyone else you would recommend I approach?');
    case 'nudge':
      return vscode.l10n.t('A gentle nudge (no reply yet)');
    case 'thanks':
      return vscode.l10n.t('Thank you');
  }
}

const FOLLOW_UP_ICONS: Readonly<Record<FollowUpKind, string>> = { later: 'calendar', referral: 'person-add', nudge: 'bell', thanks: 'heart' };

/** What a person reads once it is drafted: one message per kind, so two drafts in a row never read the same. */
function draftedMessage(kind: FollowUpKind, status: AttemptStatus, name: string): string {
  switch (kind) {
    case 'later':
      return status === 'deferred'
        ? vscode.l10n.t('Re-ask to {0} drafted ("would now work?"). Copy it and send it — then mark it as sent.', name)
        : vscode.l10n.t('Question to {0} drafted: "might you be willing later?". Copy it and send it — then mark it as sent.', name);
    case 'referral':
      return vscode.l10n.t('Question to {0} drafted: "is there anyone else you would recommend?". Copy it and send it — then mark it as sent.', name);
    case 'nudge':
      return vscode.l10n.t('Nudge to {0} drafted. Copy it and send it — then mark it as sent.', name);
    case 'thanks':
      return vscode.l10n.t('Thank-you to {0} drafted. Copy it and send it — then mark it as sent.', name);
  }
}

export interface FollowUpSentResult {
  attemptId: string;
  status: AttemptStatus;
  kind: FollowUpKind;
}

export function registerFollowUpCommands(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    registerCommand(
      Commands.draftFollowUp,
      guarded(async (arg): Promise<string> => {
        const how = invocation(Commands.draftFollowUp, arg);
        // With an argument: drafted and kept as a draft, the text returned; nothing is recorded as sent.
        if (how.kind === 'argument') return draftAndKeepFollowUp(deps, how.arg.attemptId, how.arg.kind);
        const attemptId = attemptIdOf(how) ?? (await pickAttempt(deps, vscode.l10n.t('Draft a Follow-up'), (v) => allowedActions(v.attempt).followUps.length > 0));
        const kind = await pickFollowUpKind(deps, attemptId);
        return offerFollowUp(deps, attemptId, kind);
      }),
    ),
    registerCommand(
      Commands.markFollowUpSent,
      guarded(async (arg): Promise<FollowUpSentResult> => {
        const how = invocation(Commands.markFollowUpSent, arg);
        const attemptId =
          attemptIdOf(how) ?? (await pickAttempt(deps, vscode.l10n.t('Mark Follow-up as Sent'), (v) => allowedActions(v.attempt).markFollowUpSent));
        const result = await markSent(deps, attemptId);
        if (how.kind !== 'argument') void vscode.window.showInformationMessage(sentMessage(deps, result));
        return result;
      }),
    ),
    registerCommand(
      Commands.dismissAttempt,
      guarded(async (arg): Promise<{ attemptId: string; status: AttemptStatus }> => {
        const how = invocation(Commands.dismissAttempt, arg);
        const attemptId = attemptIdOf(how) ?? (await pickAttempt(deps, vscode.l10n.t('Dismiss (Close for Good)'), (v) => allowedActions(v.attempt).dismiss));
        let status: AttemptStatus | undefined;
        await deps.store.change((j) => {
          const r = dismissAfterNo(j, attemptId, deps.clock());
          if (!r.ok) return r;
          status = r.value.attempt.status;
          return { ok: true, value: r.value.journal };
        });
        deps.reveal?.(attemptId);
        if (how.kind !== 'argument') {
          const name = personName(deps.store.journal, attemptOf(deps.store.journal, attemptId));
          void vscode.window.showInformationMessage(vscode.l10n.t('The attempt to {0} is closed. If {0} comes back to you, you can still record the answer.', name));
        }
        return { attemptId, status: status ?? 'declined' };
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
    kinds.map((k) => ({ label: `$(${FOLLOW_UP_ICONS[k]}) ${followUpLabel(k, attempt.status)}`, followUp: k })),
    { title: vscode.l10n.t('Follow up with {0}', personName(deps.store.journal, attempt)), placeHolder: vscode.l10n.t('Which follow-up?'), ignoreFocusOut: true },
  );
  if (!picked) throw new Cancelled();
  return picked.followUp;
}

/** Drafts the follow-up and keeps it on the attempt as a draft (not sent: the attempt stays where it was); returns the text. */
async function draftAndKeepFollowUp(deps: Deps, attemptId: string, kind: FollowUpKind): Promise<string> {
  const templates = await userTemplates(deps, ['followUpLater', 'followUpReask', 'followUpReferral', 'followUpNudge', 'thanks']);
  let text = '';
  await deps.store.change((j) => {
    const drafted = draftFollowUp(j, attemptId, kind, today(deps), { templates, nudgeAfterDays: deps.nudgeAfterDays(), dateLabel });
    if (!drafted.ok) return drafted;
    const kept = recordFollowUpDraft(j, attemptId, kind, drafted.value.text, deps.clock());
    if (!kept.ok) return kept;
    text = drafted.value.text;
    return { ok: true, value: kept.value.journal };
  });
  deps.reveal?.(attemptId);
  return text;
}

/**
 * Interactive: drafts the follow-up and keeps it as a draft, then offers Copy, Open as Markdown and Mark as Sent
 * (in the background: the command returns the text at once).
 */
export async function offerFollowUp(deps: Deps, attemptId: string, kind: FollowUpKind): Promise<string> {
  const text = await draftAndKeepFollowUp(deps, attemptId, kind);
  void offerNext(deps, attemptId, kind, text).catch((e: Error) => void vscode.window.showErrorMessage(e.message));
  return text;
}

async function offerNext(deps: Deps, attemptId: string, kind: FollowUpKind, text: string): Promise<void> {
  const journal = deps.store.journal;
  const attempt = attemptOf(journal, attemptId);
  const name = personName(journal, attempt);
  const copy = vscode.l10n.t('Copy');
  const asMarkdown = vscode.l10n.t('Open as Markdown');
  const sent = vscode.l10n.t('Mark as Sent');
  const choice = await vscode.window.showInformationMessage(draftedMessage(kind, attempt.status, name), { detail: text }, copy, asMarkdown, sent);
  if (choice === undefined) return;
  if (choice === copy) await vscode.env.clipboard.writeText(text);
  // Read-only (not an untitled copy): closing it asks nothing.
  if (choice === asMarkdown) await deps.texts.show(text, vscode.l10n.t('Follow-up to {0}', name));
  if (choice !== sent) {
    // Copied or opened: once it is sent, one click records it.
    const again = await vscode.window.showInformationMessage(vscode.l10n.t('Once you have sent it to {0}, mark the follow-up as sent.', name), sent);
    if (again !== sent) return;
  }
  const result = await markSent(deps, attemptId);
  void vscode.window.showInformationMessage(sentMessage(deps, result));
}

async function markSent(deps: Deps, attemptId: string): Promise<FollowUpSentResult> {
  let result: FollowUpSentResult | undefined;
  await deps.store.change((j) => {
    const r = markFollowUpSentIn(j, attemptId, deps.clock());
    if (!r.ok) return r;
    result = { attemptId, status: r.value.attempt.status, kind: r.value.kind };
    return { ok: true, value: r.value.journal };
  });
  if (!result) throw new Error('follow-up result missing');
  deps.reveal?.(attemptId);
  return result;
}

function sentMessage(deps: Deps, result: FollowUpSentResult): string {
  const name = personName(deps.store.journal, attemptOf(deps.store.journal, result.attemptId));
  if (result.kind === 'later' && result.status === 'sent') return vscode.l10n.t('Re-ask to {0} marked as sent: it waits for a reply again.', name);
  if (result.kind === 'thanks') return vscode.l10n.t('Thank-you to {0} marked as sent.', name);
  return vscode.l10n.t('Follow-up to {0} marked as sent: the reply clock starts again today.', name);
}
