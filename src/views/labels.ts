/**
 * Display labels for the journal's fixed vocabularies (groups, statuses, event kinds, org, seniority),
 * localised with vscode.l10n. The domain keeps the plain English ids (they are stored data and the
 * public contract); only what is shown goes through here. An unknown value (a newer journal, an
 * import) is shown as it is.
 *
 * `displaySafeItem` is the last step of every tree item built from the journal: stored text is kept
 * exactly, but what the tree shows has its bidirectional overrides and control characters made
 * visible as `<U+202E>` (displaySafe in src/domain/displayText.ts).
 */
import * as vscode from 'vscode';
import { dateDisplay, localDate, type DateDisplay } from '../domain/dates';
import { displaySafe } from '../domain/displayText';
import type { FollowUpKind } from '../domain/followUpState';
import type { AttemptStatus, Org, Seniority } from '../domain/journal';
import type { GroupId, NextStep } from '../domain/outreach';

let display: DateDisplay | undefined;

/**
 * The one way a date is shown to the person: in VS Code's display language (`vscode.env.language`) — "22 Dec",
 * "22 Dec 2027" outside this year, "Tue, 22 Dec 2026" with the weekday, "22. Dez." in German (domain/dates.ts).
 * Made on first use, and its Intl formats on theirs: nothing is paid at activation.
 */
export function dates(): DateDisplay {
  return (display ??= dateDisplay(vscode.env.language));
}

/** A date YYYY-MM-DD as the tree, the messages and the pick lists show it ("22 Dec", "22 Dec 2027"). */
export function dateLabel(date: string, today: string): string {
  return dates().short(date, today);
}

/** An instant as its local date with the weekday and the 24-hour time: "Tue, 22 Dec 2026, 09:05". */
export function dateTimeLabel(instant: Date): string {
  const time = `${String(instant.getHours()).padStart(2, '0')}:${String(instant.getMinutes()).padStart(2, '0')}`;
  return `${dates().withWeekday(localDate(instant))}, ${time}`;
}

/** The Outreach view's group names ("Due now", …). */
export function groupLabel(group: GroupId): string {
  switch (group) {
    case 'due':
      return vscode.l10n.t('Due now');
    case 'afterNo':
      return vscode.l10n.t('After a no');
    case 'awaiting':
      return vscode.l10n.t('Awaiting reply');
    case 'later':
      return vscode.l10n.t('Later');
    case 'drafts':
      return vscode.l10n.t('Drafts');
    case 'inProgress':
      return vscode.l10n.t('In progress');
    case 'closed':
      return vscode.l10n.t('Closed');
  }
}

/** An attempt's status, lower case as in "sent" or "declined". */
export function statusLabel(status: string): string {
  switch (status) {
    case 'draft':
      return vscode.l10n.t('draft');
    case 'sent':
      return vscode.l10n.t('sent');
    case 'accepted':
      return vscode.l10n.t('accepted');
    case 'deferred':
      return vscode.l10n.t('deferred');
    case 'declined':
      return vscode.l10n.t('declined');
    case 'completed':
      return vscode.l10n.t('completed');
    case 'withdrawn':
      return vscode.l10n.t('withdrawn');
    default:
      return status;
  }
}

/** A history event's kind ("created", "sent", "response", …); the statuses are events too. */
export function eventKindLabel(kind: string): string {
  switch (kind) {
    case 'created':
      return vscode.l10n.t('created');
    case 'response':
      return vscode.l10n.t('response');
    case 'follow-up':
      return vscode.l10n.t('follow-up sent');
    case 'follow-up-draft':
      return vscode.l10n.t('follow-up drafted');
    case 'dismissed':
      return vscode.l10n.t('dismissed');
    case 'session':
      return vscode.l10n.t('session');
    default:
      return statusLabel(kind);
  }
}

/**
 * An attempt's next step, in a few words ("no reply for 9 days", "ask: later? anyone else?"), with the follow-up
 * drafted and not sent yet, if any ("· nudge drafted"). `today` (YYYY-MM-DD) words the dates.
 */
export function nextStepLabel(step: NextStep, today: string, drafted?: FollowUpKind, status?: AttemptStatus): string {
  const base = stepLabel(step, today);
  return drafted ? `${base} · ${draftedLabel(drafted, status)}` : base;
}

function stepLabel(step: NextStep, today: string): string {
  switch (step.kind) {
    case 'draft':
      return vscode.l10n.t('draft — not sent yet');
    case 'sent':
      // Whole phrases per number (one / many): a language declines the word for days differently in each.
      if (step.days <= 0) return vscode.l10n.t('sent today');
      return step.days === 1 ? vscode.l10n.t('sent 1 day ago') : vscode.l10n.t('sent {0} days ago', step.days);
    case 'followedUp':
      if (step.days <= 0) return vscode.l10n.t('followed up today');
      return step.days === 1 ? vscode.l10n.t('followed up 1 day ago') : vscode.l10n.t('followed up {0} days ago', step.days);
    case 'noReply':
      return step.days === 1 ? vscode.l10n.t('no reply for 1 day') : vscode.l10n.t('no reply for {0} days', step.days);
    case 'askAgainOn':
      return vscode.l10n.t('ask again on {0}', dateLabel(step.date, today));
    case 'askAgainToday':
      return vscode.l10n.t('ask again today');
    case 'askAgainSince':
      return vscode.l10n.t('ask again — due since {0}', dateLabel(step.date, today));
    case 'sessions':
      return vscode.l10n.t('{0}/{1} sessions', step.done, step.total);
    case 'completed':
      return vscode.l10n.t('{0}/{1} sessions done', step.done, step.total);
    case 'askAfterNo':
      return vscode.l10n.t('ask: later? anyone else?');
    case 'noAnswerAfterNo':
      return vscode.l10n.t('no answer to the follow-up');
    case 'referred':
      return vscode.l10n.t('suggested someone else');
    case 'dismissed':
      return vscode.l10n.t('closed for good');
    case 'withdrawn':
      return vscode.l10n.t('withdrawn');
  }
}

/** The follow-up waiting to be sent, in two words. */
export function draftedLabel(kind: FollowUpKind, status?: AttemptStatus): string {
  switch (kind) {
    case 'later':
      return status === 'deferred' ? vscode.l10n.t('re-ask drafted') : vscode.l10n.t('"later?" drafted');
    case 'referral':
      return vscode.l10n.t('"anyone else?" drafted');
    case 'nudge':
      return vscode.l10n.t('nudge drafted');
    case 'thanks':
      return vscode.l10n.t('thank-you drafted');
  }
}

/** "inside" / "outside" (lower case, as in a description). */
export function orgLabel(org: Org | string): string {
  if (org === 'inside') return vscode.l10n.t('inside');
  if (org === 'outside') return vscode.l10n.t('outside');
  return org;
}

/** "senior", "peer", … (lower case, as in a description). */
export function seniorityLabel(seniority: Seniority | string): string {
  switch (seniority) {
    case 'senior':
      return vscode.l10n.t('senior');
    case 'peer':
      return vscode.l10n.t('peer');
    case 'junior':
      return vscode.l10n.t('junior');
    case 'manager':
      return vscode.l10n.t('manager');
    default:
      return seniority;
  }
}

/**
 * The item, with displaySafe applied to everything it shows: label, description, a string tooltip
 * and the screen-reader label. Ids and context values are left alone (ids are validated; they key
 * state, not text). Returns the same item, for `return displaySafeItem(item)`.
 */
export function displaySafeItem(item: vscode.TreeItem): vscode.TreeItem {
  if (typeof item.label === 'string') item.label = displaySafe(item.label);
  else if (item.label) item.label = { ...item.label, label: displaySafe(item.label.label) };
  if (typeof item.description === 'string') item.description = displaySafe(item.description);
  if (typeof item.tooltip === 'string') item.tooltip = displaySafe(item.tooltip);
  if (item.accessibilityInformation) item.accessibilityInformation = { ...item.accessibilityInformation, label: displaySafe(item.accessibilityInformation.label) };
  return item;
}
