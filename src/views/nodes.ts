/**
 * The elements of the extension's tree views, as classes. VS Code hands a view's element back to a command
 * run from that view (an item's menu, or a view-title menu with an item focused), so a command knows it was
 * invoked from a view by `instanceof TreeNode` — never by guessing from an argument's shape
 * (src/commands/args.ts). No `vscode` import: the command-argument schemas are unit-tested in plain Node.
 */
import type { JournalEvent, Person } from '../domain/journal';
import type { AttemptView, GroupId } from '../domain/outreach';
import type { SkillPortfolio } from '../domain/portfolio';

/** Any element of the Outreach or the Portfolio view. */
export abstract class TreeNode {
  /** Makes the node types nominal: a plain object with the same fields does not type-check as a node. */
  private declare readonly treeNodeBrand: never;
  abstract readonly nodeType: string;
}

// The Outreach view (outreachTree.ts)

export class GroupNode extends TreeNode {
  readonly nodeType = 'group';
  constructor(
    readonly group: GroupId,
    /** Updated in place: the Outreach tree keeps one node per group, so a change can refresh just that group. */
    public count: number,
  ) {
    super();
  }
}

export class AttemptNode extends TreeNode {
  readonly nodeType = 'attempt';
  constructor(readonly view: AttemptView) {
    super();
  }
}

export class EventNode extends TreeNode {
  readonly nodeType = 'event';
  constructor(
    readonly attemptId: string,
    readonly index: number,
    readonly event: JournalEvent,
  ) {
    super();
  }
}

export type OutreachNode = GroupNode | AttemptNode | EventNode;

// The Portfolio view (portfolioTree.ts)

export class SkillNode extends TreeNode {
  readonly nodeType = 'skill';
  constructor(readonly row: SkillPortfolio) {
    super();
  }
}

export class WarningNode extends TreeNode {
  readonly nodeType = 'warning';
  constructor(
    readonly skillId: string,
    readonly index: number,
    readonly text: string,
  ) {
    super();
  }
}

export class SummaryNode extends TreeNode {
  readonly nodeType = 'summary';
  constructor(
    readonly skillId: string,
    readonly text: string,
    readonly tooltip: string,
  ) {
    super();
  }
}

export class PersonNode extends TreeNode {
  readonly nodeType = 'person';
  constructor(
    readonly skillId: string,
    readonly person: Person,
    readonly asked: boolean,
    readonly accepted: boolean,
  ) {
    super();
  }
}

export type PortfolioNode = SkillNode | WarningNode | SummaryNode | PersonNode;

/** The outreach attempt a node stands for (an attempt row, or one of its history events); undefined otherwise. */
export function attemptIdOfNode(node: TreeNode): string | undefined {
  if (node instanceof AttemptNode) return node.view.attempt.id;
  if (node instanceof EventNode) return node.attemptId;
  return undefined;
}

/** The person a node stands for (a person row of the Portfolio view); undefined otherwise. */
export function personIdOfNode(node: TreeNode): string | undefined {
  return node instanceof PersonNode ? node.person.id : undefined;
}
