/**
 * The Portfolio view (`mentoring.portfolio`): per skill area, who is great at it, whom you asked and who
 * said yes, inside vs outside, sponsors — and a warning when the focus area depends on one person or
 * on one side. The method's "don't rely on one mentor" made visible. Driven by the store. Every item goes
 * through displaySafeItem (names shown with bidirectional overrides and control characters made visible).
 */
import * as vscode from 'vscode';
import { portfolio, type SkillPortfolio } from '../domain/portfolio';
import type { JournalStore } from '../storage/journalStore';
import { displaySafeItem, orgLabel, seniorityLabel } from './labels';
import { PersonNode, SkillNode, SummaryNode, WarningNode, type PortfolioNode } from './nodes';
import { Disposable } from '../util/disposable';

export { PersonNode, SkillNode, SummaryNode, WarningNode, type PortfolioNode };

export class PortfolioTreeProvider extends Disposable implements vscode.TreeDataProvider<PortfolioNode> {
  private readonly changed = this._register(new vscode.EventEmitter<PortfolioNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private rows: SkillPortfolio[] | undefined;

  constructor(private readonly store: JournalStore) {
    super();
    this._register(store.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    this.rows = undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: PortfolioNode): PortfolioNode[] {
    this.rows ??= portfolio(this.store.journal);
    if (!node) return this.rows.map((row: SkillPortfolio) => new SkillNode(row));
    if (!(node instanceof SkillNode)) return [];
    const { row } = node;
    const id = row.skill.id;
    const summary = new SummaryNode(
      id,
      vscode.l10n.t('{0} identified · {1} asked · {2} said yes', row.identified.length, row.asked.length, row.accepted.length),
      vscode.l10n.t('Inside your organisation: {0}. Outside: {1}. Sponsors: {2}.', row.inside, row.outside, row.sponsors.map((p) => p.name).join(', ') || vscode.l10n.t('none yet')),
    );
    const asked = new Set(row.asked.map((p) => p.id));
    const accepted = new Set(row.accepted.map((p) => p.id));
    return [
      ...row.warnings.map((text, index) => new WarningNode(id, index, text)),
      summary,
      ...row.identified.map((person) => new PersonNode(id, person, asked.has(person.id), accepted.has(person.id))),
    ];
  }

  getTreeItem(node: PortfolioNode): vscode.TreeItem {
    return displaySafeItem(this.buildItem(node));
  }

  private buildItem(node: PortfolioNode): vscode.TreeItem {
    switch (node.nodeType) {
      case 'skill': {
        const { row } = node;
        const item = new vscode.TreeItem(row.skill.name, row.focus ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `skill:${row.skill.id}`;
        const sides = vscode.l10n.t('{0} inside · {1} outside', row.inside, row.outside);
        item.description = row.focus ? vscode.l10n.t('focus · {0}', sides) : sides;
        item.tooltip = vscode.l10n.t('{0}: priority {1} (rank {2}), current level {3}, importance {4}', row.skill.name, row.priority, row.rank, row.skill.current, row.skill.importance);
        item.iconPath = new vscode.ThemeIcon(row.focus ? 'target' : 'circle-outline', row.warnings.length ? new vscode.ThemeColor('list.warningForeground') : undefined);
        item.contextValue = `skill${row.focus ? ' focus' : ''}`;
        return item;
      }
      case 'warning': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.id = `warning:${node.skillId}:${node.index}`;
        item.tooltip = node.text;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.contextValue = 'warning';
        return item;
      }
      case 'summary': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.id = `summary:${node.skillId}`;
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon('graph');
        item.contextValue = 'summary';
        return item;
      }
      case 'person': {
        const { person } = node;
        const item = new vscode.TreeItem(person.name, vscode.TreeItemCollapsibleState.None);
        item.id = `person:${node.skillId}:${person.id}`;
        const stage = person.sponsor ? vscode.l10n.t('sponsor') : node.accepted ? vscode.l10n.t('said yes') : node.asked ? vscode.l10n.t('asked') : vscode.l10n.t('identified');
        item.description = `${orgLabel(person.org)} · ${seniorityLabel(person.seniority)} · ${stage}`;
        item.tooltip = person.evidence ? vscode.l10n.t('{0} — what you have seen: {1}', person.name, person.evidence) : person.name;
        item.iconPath = new vscode.ThemeIcon(person.sponsor ? 'star-full' : 'person');
        item.contextValue = `person ${person.sponsor ? 'sponsor' : 'not-sponsor'}`;
        return item;
      }
    }
  }
}
