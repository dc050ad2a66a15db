/**
 * Display labels for the journal's fixed vocabularies (groups, statuses, event kinds, org, seniority),
 * localised with vscode.l10n. The domain keeps the plain English ids (they are stored data and the
 * public contract); only what is shown goes through here. An unknown value (a newer journal, an
 * import) is shown as it is.
 */
import * as vscode from 'vscode';
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
