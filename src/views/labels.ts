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
import { displaySafe } from '../domain/displayText';
import type { Org, Seniority } from '../domain/journal';
import type { GroupId } from '../domain/outreach';

/** The Outreach view's group names ("Due now", …). */
export function groupLabel(group: GroupId): string {
  switch (group) {
    case 'due':
      return vscode.l10n.t('Due now');
    case 'awaiting':
      return vscode.l10n.t('Awaiting reply');
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
      return vscode.l10n.t('follow-up');
    case 'session':
      return vscode.l10n.t('session');
    default:
      return statusLabel(kind);
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
