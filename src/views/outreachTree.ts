/**
 * The Outreach tree: attempts grouped by what needs doing next, driven by the store.
 * Everything the user typed is set as plain text (labels, descriptions, string tooltips) — never markup —
 * and through displaySafeItem (bidirectional overrides and control characters shown as `<U+202E>`).
 */
import * as vscode from 'vscode';
import type { Attempt, AttemptStatus, Journal } from '../domain/journal';
import { displaySafe } from '../domain/displayText';
import { allowedActions } from '../domain/actions';
import { AttemptGrouping, GROUPS, type AttemptView, type GroupId, type Grouped } from '../domain/outreach';
import type { JournalStore } from '../storage/journalStore';
import { dateLabel, dateTimeLabel, displaySafeItem, eventKindLabel, groupLabel, nextStepLabel, statusLabel } from './labels';
import { localDate } from '../domain/dates';
import { AttemptNode, EventNode, GroupNode, type OutreachNode } from './nodes';
import { Disposable } from '../util/disposable';

export { AttemptNode, EventNode, GroupNode, type OutreachNode };

export interface TreeSettings {
  /** The user's local date, YYYY-MM-DD. */
  today(): string;
  nudgeAfterDays(): number;
}

const EXPANDED: ReadonlySet<GroupId> = new Set(['due', 'afterNo', 'awaiting', 'later']);

const STATUS_ICONS: Readonly<Record<AttemptStatus, string>> = {
  draft: 'edit',
  sent: 'mail',
  deferred: 'calendar',
  accepted: 'check',
  completed: 'pass-filled',
  declined: 'circle-slash',
  withdrawn: 'discard',
};

/** A row's item, built once per change of what it shows (the journal's records are frozen: same object, same row). */
interface CachedItem {
  view: AttemptView;
  item: vscode.TreeItem;
}

export class OutreachTreeProvider extends Disposable implements vscode.TreeDataProvider<OutreachNode> {
  private readonly changed = this._register(new vscode.EventEmitter<OutreachNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private grouped: { journal: Journal; today: string; nudge: number; groups: Grouped } | undefined;
  /** One node per group, kept, so that a change refreshes only the groups it touched. */
  private readonly groupNodes = new Map<GroupId, GroupNode>();
  private readonly items = new WeakMap<Attempt, CachedItem>();
  private rootShown = false;
  /** Rows of attempts that did not change are reused, in their places, after a change of the journal. */
  private readonly grouping = new AttemptGrouping();

  constructor(
    private readonly store: JournalStore,
    private readonly settings: TreeSettings,
  ) {
    super();
    this._register(store.onDidChange(() => this.refreshChanged()));
  }

  /** Everything again (the date or a setting changed): from the root. */
  refresh(): void {
    this.rootShown = false;
    this.changed.fire(undefined);
  }

  /**
   * After a change of the journal: the groups whose rows changed are refreshed; the root only when a group
   * appears or disappears.
   */
  private refreshChanged(): void {
    const before = this.grouped?.groups;
    const after = this.groups();
    // Until VS Code has asked for the root (the view was never shown) there is nothing to refresh in part.
    if (!before || !this.rootShown || GROUPS.some((g) => (before[g].length > 0) !== (after[g].length > 0))) {
      this.changed.fire(undefined);
      return;
    }
    for (const group of GROUPS) {
      const node = this.groupNodes.get(group);
      if (node && !sameRows(before[group], after[group])) this.changed.fire(node);
    }
  }

  groups(): Grouped {
    const journal = this.store.journal;
    const today = this.settings.today();
    const nudge = this.settings.nudgeAfterDays();
    const g = this.grouped;
    if (g && g.journal === journal && g.today === today && g.nudge === nudge) return g.groups;
    const groups = this.grouping.group(journal, { today, nudgeAfterDays: nudge });
    this.grouped = { journal, today, nudge, groups };
    for (const group of GROUPS) {
      const node = this.groupNodes.get(group);
      if (node) node.count = groups[group].length;
      else this.groupNodes.set(group, new GroupNode(group, groups[group].length));
    }
    return groups;
  }

  private groupNode(group: GroupId): GroupNode {
    this.groups();
    return this.groupNodes.get(group) as GroupNode;
  }

  getChildren(node?: OutreachNode): OutreachNode[] {
    if (!node) {
      this.rootShown = true;
      const grouped = this.groups();
      return GROUPS.filter((g) => grouped[g].length > 0).map((group) => this.groupNode(group));
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
    if (node instanceof AttemptNode) return this.groupNode(node.view.group);
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
      case 'attempt': {
        const cached = this.items.get(node.view.attempt);
        if (cached && sameView(cached.view, node.view)) return cached.item;
        const item = attemptItem(node.view, this.settings.today());
        this.items.set(node.view.attempt, { view: node.view, item });
        return item;
      }
      case 'event':
        return eventItem(node, this.settings.today());
    }
  }

  /** The tooltip (the ask and the text) is built when the person hovers, not for every row. */
  resolveTreeItem(item: vscode.TreeItem, node: OutreachNode): vscode.TreeItem {
    if (node instanceof AttemptNode && item.tooltip === undefined) {
      const { view } = node;
      item.tooltip = displaySafe(attemptTooltip(view.attempt, personName(view), skillName(view), stepText(view, this.settings.today())));
    }
    return item;
  }
}

/** The same rows, in the same order, showing the same: nothing to refresh. */
function sameRows(a: readonly AttemptView[], b: readonly AttemptView[]): boolean {
  return a.length === b.length && a.every((v, i) => sameView(v, b[i] as AttemptView));
}

function sameView(a: AttemptView, b: AttemptView): boolean {
  return a.attempt === b.attempt && a.person === b.person && a.skill === b.skill && a.due === b.due && a.nextStep === b.nextStep;
}

/** The row's next step in the person's language. */
function stepText(view: AttemptView, today: string): string {
  return nextStepLabel(view.step, today, view.drafted, view.attempt.status);
}

const personName = (view: AttemptView) => view.person?.name ?? vscode.l10n.t('(unknown person)');
const skillName = (view: AttemptView) => view.skill?.name ?? vscode.l10n.t('(unknown skill)');

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

/**
 * Tokens for `viewItem =~ /\btoken\b/` in package.json menus. `open` (any status but completed and withdrawn) shows
 * the row's three inline actions — send, record a response, log a session — always together, each enabled only by
 * its own token (`can-send`, `can-respond`, `accepted`): so the slot under the pointer never turns into another
 * action after a click (Mark as Sent, then a double-click recording a response).
 */
export function attemptContextValue(view: AttemptView): string {
  const { status } = view.attempt;
  const tokens = ['attempt', status];
  const can = allowedActions(view.attempt);
  if (can.edit) tokens.push('can-edit');
  if (can.email) tokens.push('can-email');
  if (status !== 'completed' && status !== 'withdrawn') tokens.push('open');
  if (can.send) tokens.push('can-send');
  if (can.awaitingAnswer) tokens.push('can-respond');
  if (can.followUps.length > 0) tokens.push('can-follow-up');
  if (can.markFollowUpSent) tokens.push('follow-up-drafted');
  if (can.askAfterNo) tokens.push('ask-after-no');
  if (can.dismiss) tokens.push('can-dismiss');
  if (view.due) tokens.push('due', status === 'sent' ? 'nudge-due' : 'ask-again-due');
  return tokens.join(' ');
}

/** An attempt's row; its tooltip is added by resolveTreeItem, on hover. */
export function attemptItem(view: AttemptView, today: string): vscode.TreeItem {
  const { attempt } = view;
  const person = personName(view);
  const skill = skillName(view);
  const item = new vscode.TreeItem(
    person,
    attempt.events.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = `attempt:${attempt.id}`;
  const step = stepText(view, today);
  item.description = `${skill} · ${step}`;
  item.contextValue = attemptContextValue(view);
  item.iconPath = view.due
    ? new vscode.ThemeIcon('bell-dot', new vscode.ThemeColor('list.warningForeground'))
    : new vscode.ThemeIcon(STATUS_ICONS[attempt.status]);
  item.accessibilityInformation = { label: `${person}, ${skill}, ${statusLabel(attempt.status)}, ${step}` };
  return displaySafeItem(item);
}

function attemptTooltip(attempt: Attempt, person: string, skill: string, nextStep: string): string {
  const ask = attempt.ask;
  const status = statusLabel(attempt.status);
  // "withdrawn", not "withdrawn: withdrawn".
  const lines = [`${person} — ${skill}`, nextStep === status ? status : `${status} — ${nextStep}`];
  lines.push(
    ask.timeframe
      ? vscode.l10n.t('Ask: {0} × {1} min, {2}', ask.sessions, ask.minutesPerSession, ask.timeframe)
      : vscode.l10n.t('Ask: {0} × {1} min', ask.sessions, ask.minutesPerSession),
  );
  for (const topic of ask.topics) lines.push(`  • ${topic}`);
  if (attempt.text.trim()) lines.push('', attempt.text.length > 600 ? `${attempt.text.slice(0, 600)}…` : attempt.text);
  return lines.join('\n');
}

/** An event of the history: its local date as every date is shown ("26 Nov · sent"); the tooltip adds the weekday and time. */
function eventItem(node: EventNode, today: string): vscode.TreeItem {
  const { event } = node;
  const at = new Date(event.at);
  const valid = !Number.isNaN(at.getTime());
  const day = valid ? localDate(at) : event.at.slice(0, 10);
  const when = valid ? dateTimeLabel(at) : event.at;
  const item = new vscode.TreeItem(`${dateLabel(day, today)} · ${eventKindLabel(event.kind)}`, vscode.TreeItemCollapsibleState.None);
  item.id = `event:${node.attemptId}:${node.index}`;
  item.description = event.detail.length > 120 ? `${event.detail.slice(0, 120)}…` : event.detail;
  item.tooltip = event.detail ? `${when}\n${event.detail}` : when;
  item.contextValue = `event ${event.kind}`;
  item.iconPath = new vscode.ThemeIcon('history');
  return displaySafeItem(item);
}
