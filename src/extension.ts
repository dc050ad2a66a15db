/**
 * activate(): wiring only. It opens the store and shows what the status bar, the badge and the views need;
 * every command, the builder, diagnostics, sync and import/export load on first use (shell/lazyFeatures.ts).
 */
import * as vscode from 'vscode';
import { localDate, type Clock } from './domain/dates';
import { JournalStore } from './storage/journalStore';
import { GroupNode, OutreachTreeProvider, type OutreachNode } from './views/outreachTree';
import { PortfolioTreeProvider, type PortfolioNode } from './views/portfolioTree';
import { Reminders } from './shell/dueReminders';
import { Commands, FEATURE_COMMANDS, TEST_COMMANDS } from './shell/ids';
import { LazyFeatures } from './shell/lazyFeatures';
import { reportLoad } from './shell/loadReport';
import { settings } from './shell/settings';
import { midnightRefresh } from './shell/timers';
import { ViewState } from './shell/viewState';
import { DRAFT_SCHEME, DraftFileSystem } from './shell/draftFiles';
import { ReadOnlyTexts } from './shell/readOnlyTexts';
import { watchTestClock, withTestHooks, type MentoringApi, type MentoringTestApi } from './shell/testHooks';

export type { MentoringApi, MentoringTestApi } from './shell/testHooks';

/** The store, for deactivate(): changes not yet written are flushed before the window closes. */
let openStore: JournalStore | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<MentoringApi | MentoringTestApi> {
  let fixedNow: Date | undefined; // the tests' clock
  const clock: Clock = () => fixedNow ?? new Date();
  const today = () => localDate(clock());
  const isTest = context.extensionMode === vscode.ExtensionMode.Test;

  const { store, outcome } = await JournalStore.open(context.workspaceState);
  openStore = store;
  const tree = new OutreachTreeProvider(store, { today, nudgeAfterDays: settings.nudgeAfterDays });
  const view = vscode.window.createTreeView<OutreachNode>('mentoring.outreach', { treeDataProvider: tree, showCollapseAll: true });
  const portfolioTree = new PortfolioTreeProvider(store);
  const reveal = (attemptId: string) => {
    const node = view.visible ? tree.attemptNode(attemptId) : undefined;
    if (node) void view.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
  };
  // Texts that are not drafts, shown read-only (registered now, so a tab restored after a reload finds its provider).
  const texts = new ReadOnlyTexts();
  const shell = { store, clock, nudgeAfterDays: settings.nudgeAfterDays, defaultSessions: settings.defaultSessions, syncEnabled: settings.syncEnabled, reveal, texts };
  const features = new LazyFeatures(context, shell, isTest ? [...FEATURE_COMMANDS, ...TEST_COMMANDS] : FEATURE_COMMANDS);
  const reminders = new Reminders({
    journal: () => store.journal,
    today,
    nudgeAfterDays: settings.nudgeAfterDays,
    memento: context.workspaceState,
    // The attempt's row as the view has it, exactly as if the person had used its menu (gone meanwhile: pick one).
    followUp: (attemptId) => vscode.commands.executeCommand(Commands.draftFollowUp, tree.attemptNode(attemptId)),
  });
  // Saved drafts as files (Edit Draft): registered now, so an editor restored after a reload finds its file; its
  // live check comes with the features, loaded as soon as such an editor is open.
  const draftFiles = new DraftFileSystem(store);
  const loadForDraft = (doc: vscode.TextDocument) => {
    if (doc.uri.scheme === DRAFT_SCHEME) features.load();
  };
  const viewState = new ViewState(view);
  const refresh = () => viewState.update(store.journal, reminders.update(), store.readOnly, store.damagedKeys().length > 0);
  const refreshAll = () => {
    tree.refresh();
    refresh();
  };

  context.subscriptions.push(
    store,
    tree,
    view,
    portfolioTree,
    vscode.window.createTreeView('mentoring.portfolio', { treeDataProvider: portfolioTree, showCollapseAll: true }),
    features,
    reminders,
    store.onDidChange(refresh),
    vscode.commands.registerCommand(Commands.showDue, async () => {
      await vscode.commands.executeCommand('mentoring.outreach.focus');
      const due = tree.getChildren().find((n) => n instanceof GroupNode && n.group === 'due');
      if (due) await view.reveal(due, { expand: true, select: true, focus: true }).then(undefined, () => undefined);
    }),
    // Brings the builder back after a reload; its code loads only then.
    vscode.window.registerWebviewPanelSerializer('mentoring.builder', { deserializeWebviewPanel: async (panel) => features.load().reviveBuilder(panel) }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mentoring.nudgeAfterDays') || e.affectsConfiguration('mentoring.reminders.enabled')) refreshAll();
      if (e.affectsConfiguration('mentoring.sync') && (settings.syncEnabled() || features.loaded)) void features.load().sync();
    }),
    midnightRefresh(clock, refreshAll),
    texts,
    draftFiles,
    vscode.workspace.registerFileSystemProvider(DRAFT_SCHEME, draftFiles, { isCaseSensitive: true }),
    vscode.workspace.onDidOpenTextDocument(loadForDraft),
  );
  vscode.workspace.textDocuments.forEach(loadForDraft);
  refresh();
  reportLoad(outcome);
  // Sync (when turned on) starts on the event loop's next turn, after activation: reading its setting can wait too.
  const syncAtStartup = setImmediate(() => {
    if (settings.syncEnabled()) void features.load().sync();
  });
  context.subscriptions.push({ dispose: () => clearImmediate(syncAtStartup) });
  const demo = process.env.MENTORING_SEED_JOURNAL;
  if (demo) void features.load().seedDemo(demo).catch((e: Error) => console.error('[mentoring] demo journal not loaded:', e.message));

  const setNow = (now: Date | string | undefined) => {
    fixedNow = now === undefined ? undefined : new Date(now);
    refreshAll();
  };
  if (process.env.MENTORING_TEST_CLOCK_FILE) context.subscriptions.push(watchTestClock(process.env.MENTORING_TEST_CLOCK_FILE, setNow));

  // Other extensions read the journal as the store holds it: deep-frozen, so it cannot be changed behind the store's back.
  const api: MentoringApi = { journal: () => store.journal, onDidChange: (listener) => store.onDidChange(listener), dueStatus: () => reminders.statusText };
  if (!isTest) return api;
  return withTestHooks(api, {
    context,
    features,
    setNow,
    refresh,
    treeNodes: (which, parent) => (which === 'outreach' ? tree.getChildren(parent as OutreachNode | undefined) : portfolioTree.getChildren(parent as PortfolioNode | undefined)),
  });
}

/** VS Code waits for the returned promise (for a few seconds on shutdown): the last changes are written. */
export function deactivate(): Promise<void> | undefined {
  // Everything else is disposed through context.subscriptions.
  return openStore?.settled();
}
