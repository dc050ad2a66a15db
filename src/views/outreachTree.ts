/**
 * The Outreach tree: attempts grouped by what needs doing next, driven by the store.
 * Everything the user typed is set as plain text (labels, descriptions, string tooltips) — never markup —
 * and through displaySafeItem (bidirectional overrides and control characters shown as `<U+202E>`).
 */
import * as vscode from 'vscode';
import type { Attempt, AttemptStatus } from '../domain/journal';
import { GROUPS, groupAttempts, type AttemptView, type GroupId, type Grouped } from '../domain/outreach';
import type { JournalStore } from '../storage/journalStore';
import { displaySafeItem, eventKindLabel, groupLabel, statusLabel } from './labels';
import { AttemptNode, EventNode, GroupNode, type OutreachNode } from './nodes';

export { AttemptNode, EventNode, GroupNode, type OutreachNode };

export interface TreeSettings {
  /** The user's local date, YYYY-MM-DD. */
  today(): string;
  nudgeAfterDays(): number;
}

const EXPANDED: ReadonlySet<GroupId> = new Set(['due', 'awaiting']);

const STATUS_ICONS: Readonly<Record<AttemptStatus, string>> = {
  draft: 'edit',
  sent: 'mail',
  deferred: 'calendar',
  accepted: 'check',
  completed: 'pass-filled',
  declined: 'circle-slash',
  withdrawn: 'discard',
};

export class OutreachTreeProvider implements vscode.TreeDataProvider<OutreachNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutreachNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private grouped: Grouped | undefined;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly store: JournalStore,
    private readonly settings: TreeSettings,
  ) {
    this.subscription = store.onDidChange(() => this.refresh());
  }

  /** Recomputes the groups (a status change moves an attempt between groups, so from the root). */
  refresh(): void {
    this.grouped = undefined;
    this.changed.fire(undefined);
  }

  groups(): Grouped {
    this.grouped ??= groupAttempts(this.store.journal, { today: this.settings.today(), nudgeAfterDays: this.settings.nudgeAfterDays() });
    return this.grouped;
  }

  getChildren(node?: OutreachNode): OutreachNode[] {
    if (!node) {
      const grouped = this.groups();
      return GROUPS.filter((g) => grouped[g].length > 0).map((group) => new GroupNode(group, grouped[group].length));
    }
    if (node instanceof GroupNode) return this.groups()[node.group].map((view) => new AttemptNode(view));
    if (node instanceof AttemptNode) {
      const id = node.view.attempt.id;
      return node.view.attempt.events.map((event, index) => new EventNode(id, index, event));
    }
    return [];
  }

  getParent(node: OutreachNode): OutreachNode | undefined {
    if (node instanceof GroupNode) return undefined;
    if (node instanceof AttemptNode) return new GroupNode(node.view.group, this.groups()[node.view.group].length);
    return this.attemptNode(node.attemptId);
  }

  /** The attempt's row as the view has it now; undefined when it is not in the journal (any more). */
  attemptNode(attemptId: string): AttemptNode | undefined {
    for (const group of GROUPS) {
      const view = this.groups()[group].find((v) => v.attempt.id === attemptId);
      if (view) return new AttemptNode(view);
    }
    return undefined;
  }

  getTreeItem(node: OutreachNode): vscode.TreeItem {
    switch (node.nodeType) {
      case 'group':
        return groupItem(node);
      case 'attempt':
        return attemptItem(node.view);
      case 'event':
        return eventItem(node);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function groupItem(node: GroupNode): vscode.TreeItem {
  const label = groupLabel(node.group);
  const item = new vscode.TreeItem(
    label,
    EXPANDED.has(node.group) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = `group:${node.group}`;
  item.description = String(node.count);
  item.contextValue = `group ${node.group}`;
  item.tooltip = `${label}: ${node.count}`;
  return item;
}

/** Tokens for `viewItem =~ /\btoken\b/` in package.json menus. */
export function attemptContextValue(view: AttemptView): string {
  const tokens = ['attempt', view.attempt.status];
  const status = view.attempt.status;
  if (status === 'draft' || status === 'deferred') tokens.push('can-send');
  if (status === 'sent' || status === 'declined') tokens.push('can-respond');
  if (status !== 'draft' && status !== 'withdrawn') tokens.push('can-follow-up');
  if (view.due) tokens.push('due', view.attempt.status === 'sent' ? 'nudge-due' : 'ask-again-due');
  return tokens.join(' ');
}

export function attemptItem(view: AttemptView): vscode.TreeItem {
  const { attempt } = view;
  const person = view.person?.name ?? vscode.l10n.t('(unknown person)');
  const skill = view.skill?.name ?? vscode.l10n.t('(unknown skill)');
  const item = new vscode.TreeItem(
    person,
    attempt.events.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = `attempt:${attempt.id}`;
  item.description = `${skill} · ${view.nextStep}`;
  item.tooltip = attemptTooltip(attempt, person, skill, view.nextStep);
  item.contextValue = attemptContextValue(view);
  item.iconPath = view.due
    ? new vscode.ThemeIcon('bell-dot', new vscode.ThemeColor('list.warningForeground'))
    : new vscode.ThemeIcon(STATUS_ICONS[attempt.status]);
  item.accessibilityInformation = { label: `${person}, ${skill}, ${statusLabel(attempt.status)}, ${view.nextStep}` };
  return displaySafeItem(item);
}

function attemptTooltip(attempt: Attempt, person: string, skill: string, nextStep: string): string {
  const ask = attempt.ask;
  const lines = [`${person} — ${skill}`, `${statusLabel(attempt.status)}: ${nextStep}`];
  lines.push(
    ask.timeframe
      ? vscode.l10n.t('Ask: {0} × {1} min, {2}', ask.sessions, ask.minutesPerSession, ask.timeframe)
      : vscode.l10n.t('Ask: {0} × {1} min', ask.sessions, ask.minutesPerSession),
  );
  for (const topic of ask.topics) lines.push(`  • ${topic}`);
  if (attempt.text.trim()) lines.push('', attempt.text.length > 600 ? `${attempt.text.slice(0, 600)}…` : attempt.text);
  return lines.join('\n');
}

function eventItem(node: EventNode): vscode.TreeItem {
  const { event } = node;
  const item = new vscode.TreeItem(`${event.at.slice(0, 10)} · ${eventKindLabel(event.kind)}`, vscode.TreeItemCollapsibleState.None);
  item.id = `event:${node.attemptId}:${node.index}`;
  item.description = event.detail.length > 120 ? `${event.detail.slice(0, 120)}…` : event.detail;
  item.tooltip = event.detail ? `${event.at}\n${event.detail}` : event.at;
  item.contextValue = `event ${event.kind}`;
  item.iconPath = new vscode.ThemeIcon('history');
  return displaySafeItem(item);
}
