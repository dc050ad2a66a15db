import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { JournalStore, STORE_KEY } from '../../src/storage/journalStore';
import { OutreachTreeProvider, type OutreachNode } from '../../src/views/outreachTree';
import { markSent } from '../../src/domain/outreach';
import { InMemoryMemento } from '../unit/support/memento';
import { attempt, terryJournal } from '../support/journals';

async function makeTree(today = '2026-11-26') {
  const journal = terryJournal([
    attempt({ id: 'd1', text: '<b>not bold</b> **not bold**' }),
    attempt({ id: 's1', status: 'sent', events: [{ at: '2026-11-10T09:00:00.000Z', kind: 'sent', detail: '' }] }),
    attempt({ id: 'f1', status: 'deferred', askAgainOn: '2027-01-15', personId: 'p2', skillId: 's2' }),
    attempt({ id: 'y1', status: 'accepted', sessionsDone: 2 }),
  ]);
  const { store } = await JournalStore.open(new InMemoryMemento({ [STORE_KEY]: { v: 1, data: journal } }));
  const tree = new OutreachTreeProvider(store, { today: () => today, nudgeAfterDays: () => 7 });
  return { store, tree };
}

function items(tree: OutreachTreeProvider, nodes: OutreachNode[]): vscode.TreeItem[] {
  // As VS Code shows them: the item, and its tooltip resolved (on hover).
  return nodes.map((n) => tree.resolveTreeItem(tree.getTreeItem(n), n));
}

describe('Outreach tree (real TreeItems)', () => {
  it('shows non-empty groups in order with counts; what needs doing now expanded', async () => {
    const { tree } = await makeTree();
    const roots = items(tree, tree.getChildren());
    assert.deepEqual(roots.map((i) => [i.label, i.description, i.id, i.contextValue]), [
      ['Due now', '1', 'group:due', 'group due'],
      ['Later', '1', 'group:later', 'group later'],
      ['Drafts', '1', 'group:drafts', 'group drafts'],
      ['In progress', '1', 'group:inProgress', 'group inProgress'],
    ]);
    assert.equal(roots[0]?.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(roots[1]?.collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'Later: its dates in sight');
    assert.equal(roots[2]?.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });

  it('after a no: an After a no group (expanded) with the two questions as the next step; a drafted follow-up is named', async () => {
    const journal = terryJournal([
      attempt({ id: 'n1', status: 'declined', events: [{ at: '2026-11-20T09:00:00.000Z', kind: 'response', detail: 'no' }] }),
      attempt({
        id: 's1',
        status: 'sent',
        events: [
          { at: '2026-11-10T09:00:00.000Z', kind: 'sent', detail: '' },
          { at: '2026-11-26T09:00:00.000Z', kind: 'follow-up-draft', detail: 'nudge', text: 'Hi Terry' },
        ],
      }),
    ]);
    const { store } = await JournalStore.open(new InMemoryMemento({ [STORE_KEY]: { v: 1, data: journal } }));
    const tree = new OutreachTreeProvider(store, { today: () => '2026-11-26', nudgeAfterDays: () => 7 });
    const [due, afterNo] = tree.getChildren();
    const [groupItem] = items(tree, [afterNo!]);
    assert.deepEqual([groupItem?.label, groupItem?.collapsibleState], ['After a no', vscode.TreeItemCollapsibleState.Expanded]);
    const row = items(tree, tree.getChildren(afterNo))[0]!;
    assert.equal(row.description, 'Financial acumen · ask: later? anyone else?');
    assert.equal(row.contextValue, 'attempt declined open can-respond can-follow-up ask-after-no can-dismiss');
    assert.match(String(row.tooltip), /^Terry — Financial acumen\ndeclined — ask: later\? anyone else\?\n/);
    const nudged = items(tree, tree.getChildren(due))[0]!;
    assert.equal(nudged.description, 'Financial acumen · no reply for 16 days · nudge drafted');
    assert.equal(nudged.contextValue, 'attempt sent open can-respond can-follow-up follow-up-drafted due nudge-due');
    const events = items(tree, tree.getChildren(tree.getChildren(due)[0]));
    assert.deepEqual(events.map((e) => e.label), ['10 Nov · sent', '26 Nov · follow-up drafted'], 'dates as everywhere: the display language\'s short date');
    assert.match(String(events[0]?.tooltip), /^Tue, 10 Nov 2026, \d\d:\d\d$/, 'the tooltip: weekday, date and time');
  });

  it('shows the person, the skill and the next step, with context tokens for menus', async () => {
    const { tree } = await makeTree();
    const [due, laterGroup, drafts, progress] = tree.getChildren();
    const dueItem = items(tree, tree.getChildren(due))[0]!;
    assert.equal(dueItem.label, 'Terry');
    assert.equal(dueItem.description, 'Financial acumen · no reply for 16 days');
    assert.equal(dueItem.contextValue, 'attempt sent open can-respond can-follow-up due nudge-due');
    const later = items(tree, tree.getChildren(laterGroup))[0]!;
    assert.equal(later.label, 'Robin Okafor');
    assert.equal(later.description, 'Public speaking · ask again on 15 Jan 2027');
    assert.equal(later.contextValue, 'attempt deferred open can-send can-respond can-follow-up');
    const draft = items(tree, tree.getChildren(drafts))[0]!;
    assert.equal(draft.contextValue, 'attempt draft can-edit can-email open can-send');
    assert.equal(items(tree, tree.getChildren(progress))[0]!.description, 'Financial acumen · 2/3 sessions');
  });

  it('shows typed text as plain text: the tooltip is a string, never Markdown', async () => {
    const { tree } = await makeTree();
    const drafts = tree.getChildren()[2]!;
    const draft = items(tree, tree.getChildren(drafts))[0]!;
    assert.equal(typeof draft.tooltip, 'string');
    assert.match(String(draft.tooltip), /<b>not bold<\/b> \*\*not bold\*\*/);
  });

  it('lists an attempt\'s events as its children', async () => {
    const { tree } = await makeTree();
    const due = tree.getChildren()[0]!;
    const attemptNode = tree.getChildren(due)[0]!;
    const events = items(tree, tree.getChildren(attemptNode));
    assert.deepEqual(events.map((e) => e.label), ['10 Nov · sent']);
    assert.deepEqual(tree.getParent(tree.getChildren(attemptNode)[0]!), attemptNode);
  });

  it('refreshes from the store: a sent draft moves to Awaiting reply', async () => {
    const { store, tree } = await makeTree();
    let fired = 0;
    tree.onDidChangeTreeData(() => fired++);
    await store.change((j) => markSent(j, 'd1', new Date('2026-11-26T10:00:00Z')));
    assert.equal(fired, 1);
    const labels = items(tree, tree.getChildren()).map((i) => `${String(i.label)} ${String(i.description)}`);
    assert.deepEqual(labels, ['Due now 1', 'Awaiting reply 1', 'Later 1', 'In progress 1']);
  });

  it('a change refreshes only the group it touched, and a row is built once per change of what it shows', async () => {
    const { store, tree } = await makeTree();
    const roots = tree.getChildren();
    const drafts = roots[2]!;
    const before = tree.getTreeItem(tree.getChildren(drafts)[0]!);
    const awaitingItem = tree.getTreeItem(tree.getChildren(roots[1]!)[0]!);
    const fired: (OutreachNode | undefined)[] = [];
    tree.onDidChangeTreeData((n) => fired.push(n));
    await store.change((j) => ({ ok: true, value: { ...j, attempts: j.attempts.map((a) => (a.status === 'draft' ? { ...a, text: 'Edited.' } : a)) } }));
    assert.deepEqual(fired, [drafts], 'only the Drafts group');
    assert.notEqual(tree.getTreeItem(tree.getChildren(drafts)[0]!), before, 'the edited row is built again');
    assert.equal(tree.getTreeItem(tree.getChildren(roots[1]!)[0]!), awaitingItem, 'an untouched row is not');
    assert.equal(tree.getChildren()[2], drafts, 'the same group node');
  });
});
